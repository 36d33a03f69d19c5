package dev.newsflow.ingest.kafka;

import dev.newsflow.ingest.poll.IngestOutput;
import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.FetchEvent;
import dev.newsflow.schemas.RawArticle;
import dev.newsflow.schemas.topic.Topic;
import dev.newsflow.schemas.topic.Topics;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends the fetcher's results to their topics with one idempotent producer. */
public final class KafkaIngestOutput implements IngestOutput {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaIngestOutput.class);

  private final Producer<String, byte[]> producer;
  private final Topics topics;
  private final AtomicLong articles = new AtomicLong();
  private final AtomicLong failedSends = new AtomicLong();

  public KafkaIngestOutput(Producer<String, byte[]> producer, Topics topics) {
    this.producer = producer;
    this.topics = topics;
  }

  @Override
  public void article(RawArticle article) {
    send(topics.raw(), article.getId(), article);
    articles.incrementAndGet();
  }

  @Override
  public void fetchEvent(FetchEvent event) {
    send(topics.fetchEvents(), event.getFeedUrl(), event);
  }

  @Override
  public void deadLetter(DeadLetter letter) {
    send(topics.dlq(), letter.getSourceUrl(), letter);
  }

  /** Articles handed to the producer so far. */
  public long articlesSent() {
    return articles.get();
  }

  /** Sends that the broker did not acknowledge after the producer's own retries. */
  public long failedSends() {
    return failedSends.get();
  }

  private <V> void send(Topic<String, V> topic, String key, V value) {
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    Callback callback =
        (metadata, error) -> {
          if (error != null) {
            failedSends.incrementAndGet();
            LOG.error("send to {} failed for key {}: {}", topic.name(), key, error.toString());
          }
        };
    producer.send(new ProducerRecord<>(topic.name(), key, bytes), callback);
  }

  /** Blocks until every record sent so far is acknowledged. */
  public void flush() {
    producer.flush();
  }
}
