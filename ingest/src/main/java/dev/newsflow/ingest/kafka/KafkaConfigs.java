package dev.newsflow.ingest.kafka;

import dev.newsflow.schemas.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Kafka client configurations of the fetcher, over the pass-through {@code kafka.*} settings. */
final class KafkaConfigs {
  private KafkaConfigs() {}

  static Map<String, Object> fetcherConsumer(Settings s) {
    Map<String, Object> c = new HashMap<>(s.kafkaProperties());
    c.put(ConsumerConfig.GROUP_ID_CONFIG, s.getString("ingest.group-id"));
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 600_000);
    c.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-ingest-" + instanceId(s));
    return c;
  }

  static Map<String, Object> stateLoader(Settings s) {
    Map<String, Object> c = new HashMap<>(s.kafkaProperties());
    c.remove(ConsumerConfig.GROUP_ID_CONFIG);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    c.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-ingest-state-" + instanceId(s));
    return c;
  }

  static Map<String, Object> fetcherProducer(Settings s) {
    Map<String, Object> c = new HashMap<>(s.kafkaProperties());
    c.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "newsflow-ingest-" + instanceId(s));
    c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    c.put(ProducerConfig.ACKS_CONFIG, "all");
    c.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, s.getInt("ingest.transaction-timeout.ms"));
    c.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
    // A transaction often begins while the broker still completes the previous one; the default
    // 100 ms backoff on CONCURRENT_TRANSACTIONS then caps the fetcher's commit rate (measured).
    c.putIfAbsent(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 10);
    c.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    c.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
    // Not the consumer's id: the two clients' metrics would clash in one registry.
    c.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-ingest-" + instanceId(s) + "-producer");
    return c;
  }

  /**
   * The configured {@code ingest.instance-id}, else one generated on first use and kept in {@code
   * ${data.dir}/ingest.id}, so that a restarted fetcher reuses its transactional id and fences its
   * crashed predecessor at once.
   */
  static synchronized String instanceId(Settings s) {
    if (s.has("ingest.instance-id")) {
      return s.getString("ingest.instance-id");
    }
    Path file = Path.of(s.getString("data.dir")).resolve("ingest.id");
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      }
      Files.createDirectories(file.getParent());
      String id = UUID.randomUUID().toString().substring(0, 8);
      Files.writeString(file, id, StandardCharsets.UTF_8);
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the fetcher's id in " + file, e);
    }
  }
}
