package dev.newsflow.enrich.bench;

import dev.newsflow.schemas.config.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Kafka Streams properties of the benchmark: the same as the enrich service's ({@code
 * EnrichService.streamsConfig}, copied here because it is package-private), plus, when tuned, the
 * throughput settings of notes/kafka-local.md. Both topologies of a run get the same properties.
 *
 * <p>Example: {@code BenchStreamsConfig.of(settings, true)} for the tuned properties.
 */
final class BenchStreamsConfig {
  private BenchStreamsConfig() {}

  /** The enrich service's properties, with {@link #tuning()} on top when {@code tuned}. */
  static Properties of(Settings s, boolean tuned) {
    Properties p = new Properties();
    p.putAll(s.kafkaProperties());
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, s.getString("enrich.application-id"));
    p.put(StreamsConfig.STATE_DIR_CONFIG, s.getString("enrich.state-dir"));
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, s.getInt("enrich.threads"));
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, s.getString("enrich.processing-guarantee"));
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, s.getLong("enrich.commit-interval.ms"));
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, s.getInt("topics.replication-factor"));
    p.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
    p.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), 10);
    p.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd");
    p.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), 16 * 1024 * 1024);
    p.putIfAbsent(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
    if (tuned) {
      p.putAll(tuning());
    }
    return p;
  }

  /** The throughput settings added on top of the service's, as Streams property names. */
  static Map<String, Object> tuning() {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
    t.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 20);
    t.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 2000);
    t.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_BYTES_CONFIG), 64 * 1024 * 1024);
    t.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), 8 * 1024 * 1024);
    t.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG), 64 * 1024);
    t.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 50);
    t.put(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG, 4000);
    return t;
  }
}
