package dev.newsflow.ingest.kafka;

import dev.newsflow.ingest.poll.PollResult;
import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.FetchEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * The fetcher's meters. Fetches, articles and dead letters are counted when the poll's transaction
 * commits, so an aborted and retried poll is counted once, as it appears in the topics. The Kafka
 * clients' own metrics come from Micrometer's binder.
 */
final class IngestMeters implements AutoCloseable {
  private final MeterRegistry registry;
  private final Counter polls;
  private final Counter articles;
  private final List<KafkaClientMetrics> clients;

  IngestMeters(MeterRegistry registry, Consumer<?, ?> consumer, Producer<?, ?> producer) {
    this.registry = registry;
    polls = Counter.builder("newsflow.ingest.polls").description("Feed polls committed by this fetcher").register(registry);
    articles = Counter.builder("newsflow.articles.out").tag("stage", "ingest")
        .description("Articles a stage wrote to its output topic").register(registry);
    clients = List.of(new KafkaClientMetrics(consumer, Tags.of("stage", "ingest")),
        new KafkaClientMetrics(producer, Tags.of("stage", "ingest")));
    clients.forEach(c -> c.bindTo(registry));
  }

  void committed(PollResult result) {
    polls.increment();
    articles.increment(result.articles().size());
    for (FetchEvent e : result.events()) {
      Counter.builder("newsflow.fetches").tags("kind", e.getKind(), "status", e.getStatus())
          .description("HTTP fetches by kind (FEED, PAGE, ...) and outcome").register(registry).increment();
    }
    result.letters().forEach(this::deadLettered);
  }

  void deadLettered(DeadLetter letter) {
    Counter.builder("newsflow.dlq").tags("stage", "ingest", "reason", letter.getReason())
        .description("Records sent to the dead-letter topic, by stage and reason").register(registry).increment();
  }

  @Override
  public void close() {
    clients.forEach(KafkaClientMetrics::close);
  }
}
