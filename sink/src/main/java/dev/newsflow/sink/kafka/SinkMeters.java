package dev.newsflow.sink.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;

/**
 * The sink's meters: records in, articles out and dead letters, counted when a batch is committed;
 * its lag, measured by the consumer thread after each poll (the consumer is not thread-safe, so a
 * scrape reads the last figure instead of asking the consumer); and the Kafka clients' own metrics.
 */
final class SinkMeters implements AutoCloseable {
  private final MeterRegistry registry;
  private final Counter in;
  private final Counter out;
  private final AtomicLong lag = new AtomicLong();
  private final List<KafkaClientMetrics> clients;

  SinkMeters(MeterRegistry registry, Consumer<?, ?> consumer, Producer<?, ?> dlqProducer) {
    this.registry = registry;
    in = Counter.builder("newsflow.articles.in").tag("stage", "sink")
        .description("Records a stage consumed from its input topic").register(registry);
    out = Counter.builder("newsflow.articles.out").tag("stage", "sink")
        .description("Articles a stage wrote to its output topic").register(registry);
    Gauge.builder("newsflow.sink.lag", lag, AtomicLong::get).baseUnit("records")
        .description("Records of the enriched topic not yet consumed by this sink, over its assigned partitions").register(registry);
    clients = List.of(new KafkaClientMetrics(consumer, Tags.of("stage", "sink")),
        new KafkaClientMetrics(dlqProducer, Tags.of("stage", "sink")));
    clients.forEach(c -> c.bindTo(registry));
  }

  /** Called on the consumer's thread after a poll: the sum of the known lags of the assigned partitions. */
  void measureLag(Consumer<?, ?> consumer) {
    long sum = 0;
    for (TopicPartition tp : consumer.assignment()) {
      OptionalLong l = consumer.currentLag(tp);
      sum += l.orElse(0);
    }
    lag.set(sum);
  }

  void committed(int records, int written) {
    in.increment(records);
    out.increment(written);
  }

  void deadLettered(String reason) {
    Counter.builder("newsflow.dlq").tags("stage", "sink", "reason", reason)
        .description("Records sent to the dead-letter topic, by stage and reason").register(registry).increment();
  }

  @Override
  public void close() {
    clients.forEach(KafkaClientMetrics::close);
  }
}
