package dev.newsflow.ingest.kafka;

import dev.newsflow.schemas.Feed;
import dev.newsflow.schemas.config.Settings;
import dev.newsflow.schemas.topic.Topics;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes feed subscriptions to the compacted {@code news.feeds} topic: running fetchers pick up
 * additions, changes and removals (tombstones) without a restart.
 */
public final class FeedCatalog implements AutoCloseable {
  private final Topics topics;
  private final KafkaProducer<String, byte[]> producer;
  private final java.util.List<Future<?>> pending = new java.util.ArrayList<>();

  public FeedCatalog(Settings settings) {
    this.topics = Topics.from(settings);
    Map<String, Object> c = new HashMap<>(settings.kafkaProperties());
    c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    c.put(ProducerConfig.ACKS_CONFIG, "all");
    c.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-feeds");
    // Subscriptions are few; one request at a time avoids the sequence errors seen right after the
    // topics are created (NOT_LEADER_OR_FOLLOWER, then OUT_OF_ORDER_SEQUENCE_NUMBER until timeout).
    c.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    this.producer = new KafkaProducer<>(c, new StringSerializer(), new ByteArraySerializer());
  }

  /** Subscribes (or re-enables) every URL; returns once the broker has them. */
  public void add(Collection<String> urls) throws InterruptedException {
    Instant now = Instant.now();
    for (String url : urls) {
      Feed feed = Feed.newBuilder().setUrl(url).setEnabled(true).setAddedAt(now).build();
      pending.add(producer.send(new ProducerRecord<>(topics.feeds().name(), url, topics.feeds().valueSerde().serializer().serialize(topics.feeds().name(), feed))));
    }
    flush();
  }

  /** Keeps the subscriptions but stops or resumes polling them. */
  public void setEnabled(Collection<String> urls, boolean enabled) throws InterruptedException {
    Instant now = Instant.now();
    for (String url : urls) {
      Feed feed = Feed.newBuilder().setUrl(url).setEnabled(enabled).setAddedAt(now).build();
      pending.add(producer.send(new ProducerRecord<>(topics.feeds().name(), url, topics.feeds().valueSerde().serializer().serialize(topics.feeds().name(), feed))));
    }
    flush();
  }

  /** Unsubscribes every URL (a tombstone each). */
  public void remove(Collection<String> urls) throws InterruptedException {
    for (String url : urls) {
      pending.add(producer.send(new ProducerRecord<>(topics.feeds().name(), url, null)));
    }
    flush();
  }

  private void flush() throws InterruptedException {
    producer.flush();
    for (Future<?> f : pending) {
      try {
        f.get(30, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        pending.clear();
        throw new IllegalStateException("feed subscription not acknowledged by Kafka: " + e.getMessage(), e);
      }
    }
    pending.clear();
  }

  @Override
  public void close() {
    producer.close();
  }
}
