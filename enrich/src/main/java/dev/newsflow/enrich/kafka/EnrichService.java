package dev.newsflow.enrich.kafka;

import dev.newsflow.enrich.topology.EnrichConfig;
import dev.newsflow.enrich.topology.EnrichTopology;
import dev.newsflow.schemas.config.Settings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The enrich stage as a service: loads config, builds the topology, starts Kafka Streams. */
public final class EnrichService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);

  private final KafkaStreams streams;
  private final KafkaStreamsMetrics streamsMetrics;

  public EnrichService(Settings settings) {
    this(settings, new SimpleMeterRegistry());
  }

  /** An enrich stage whose topology counts what it does, and Kafka Streams its own metrics, in {@code registry}. */
  public EnrichService(Settings settings, MeterRegistry registry) {
    this.streams = new KafkaStreams(EnrichTopology.build(EnrichConfig.from(settings, bandPartitions(settings), articlePartitions(settings)), registry),
        streamsConfig(settings));
    this.streamsMetrics = new KafkaStreamsMetrics(streams, Tags.of("stage", "enrich"));
    streamsMetrics.bindTo(registry);
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("enrich: stream thread failed; replacing it", e);
          return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
  }

  /**
   * Partitions of the band-index topic as the cluster has them (they decide which band lives where),
   * else {@code topics.partitions} when it cannot be read.
   */
  static int bandPartitions(Settings s) {
    return partitionsOf(s, dev.newsflow.schemas.topic.Topics.from(s).dedupBands().name());
  }

  /** Partitions of the raw topic (the article partitions whose progress the band index waits for). */
  static int articlePartitions(Settings s) {
    return partitionsOf(s, dev.newsflow.schemas.topic.Topics.from(s).raw().name());
  }

  private static int partitionsOf(Settings s, String topic) {
    java.util.Map<String, Object> config = new java.util.HashMap<>(s.kafkaProperties());
    try (var admin = org.apache.kafka.clients.admin.Admin.create(config)) {
      return admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(30, java.util.concurrent.TimeUnit.SECONDS)
          .get(topic).partitions().size();
    } catch (Exception e) {
      LOG.warn("enrich: cannot read the partitions of {} ({}); assuming topics.partitions", topic, e.toString());
      return s.getInt("topics.partitions");
    }
  }

  static Properties streamsConfig(Settings s) {
    Properties p = new Properties();
    p.putAll(s.kafkaProperties());
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, s.getString("enrich.application-id"));
    String stateDir = s.getString("enrich.state-dir", "");
    p.put(StreamsConfig.STATE_DIR_CONFIG,
        stateDir.isBlank() ? Path.of(s.getString("data.dir")).resolve("streams").toAbsolutePath().toString() : stateDir);
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, s.getInt("enrich.threads"));
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, s.getString("enrich.processing-guarantee"));
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, s.getLong("enrich.commit-interval.ms"));
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, s.getInt("topics.replication-factor"));
    // The fetcher writes in transactions: never read an aborted poll's articles.
    p.putIfAbsent(StreamsConfig.consumerPrefix("isolation.level"), "read_committed");
    // Under exactly_once_v2 each commit ends a transaction and the next send often meets the broker
    // still completing it (CONCURRENT_TRANSACTIONS); the default 100 ms retry backoff then made the
    // demo 5-6x slower than at_least_once, 10 ms about 2x (measured, issue #8).
    p.putIfAbsent(StreamsConfig.producerPrefix("retry.backoff.ms"), 10);
    p.putIfAbsent(StreamsConfig.producerPrefix("compression.type"), "zstd");
    p.putIfAbsent(StreamsConfig.producerPrefix("max.request.size"), 16 * 1024 * 1024);
    // The dedup decider merges new articles with the bands' answers, and the order between the two
    // does not matter (each article waits for its own answers). Kafka's default (0) makes a task
    // idle whenever the answers topic has unfetched data, which stalled every article behind a
    // fetch round trip: 114 against 1,743 records/s for pass-through, most of it idle.
    p.putIfAbsent(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
    return p;
  }

  public void start() {
    streams.start();
    LOG.info("enrich: Kafka Streams started");
  }

  /** The Kafka Streams instance, for health (not to be closed by callers). */
  public KafkaStreams kafkaStreams() {
    return streams;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  @Override
  public void close() {
    // Leave the group so that a restarted or remaining instance takes the partitions over at once
    // instead of after the session timeout.
    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(Duration.ofSeconds(30)));
    streamsMetrics.close();
  }
}
