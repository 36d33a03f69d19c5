package dev.newsflow.enrich.bench;

import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.config.Settings;
import dev.newsflow.schemas.serde.AvroCodec;
import dev.newsflow.schemas.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The state a dedup run leaves after all its input: per store the exact entries, bytes on disk,
 * changelog bytes and records written; the internal topics' bytes; per article and per million.
 * Optionally the verdicts per replay, to check that the replays behave like the original stream.
 *
 * <p>Example line: {@code dedup-sketches  entries 24000  disk 9.1 MB  changelog 10.2 MB ...}.
 */
final class FinalState {
  private static final AvroCodec<EnrichedArticle> ENRICHED = AvroCodec.of(EnrichedArticle.class);

  private FinalState() {}

  /** Prints the state of the running {@code streams} after {@code articles} articles. */
  static void report(KafkaStreams streams, Set<String> stores, Settings settings, Topics topics, Path logDir,
      long articles, Admin admin, int partitions, boolean verdicts) throws Exception {
    Thread.sleep(settings.getLong("enrich.commit-interval.ms") + 1000); // one commit: changelogs flushed
    String app = settings.getString("enrich.application-id");
    Map<String, Long> disk = StateProbe.storeBytes(Path.of(settings.getString("enrich.state-dir")), stores);
    System.out.printf("state after %d articles (store: entries, RocksDB bytes live, changelog bytes on broker, "
        + "changelog records written; per article)%n", articles);
    for (String s : stores) {
      String changelog = app + "-" + s + "-changelog";
      long entries = StateProbe.entries(streams, s);
      long logBytes = StateProbe.topicBytes(logDir, changelog);
      long records = endOffsets(admin, changelog, partitions);
      System.out.printf("  %-20s entries %8d (%.2f/article)  disk %7.1f MB  changelog %7.1f MB (%.0f B/article)  "
              + "writes %8d (%.1f/article)%n", s, entries, (double) entries / articles, disk.get(s) / 1e6, logBytes / 1e6,
          (double) logBytes / articles, records, (double) records / articles);
    }
    for (String t : List.of(topics.dedupBands().name(), topics.dedupAnswers().name(), topics.enriched().name(),
        topics.raw().name())) {
      long bytes = StateProbe.topicBytes(logDir, t);
      System.out.printf("  topic %-22s %8.1f MB (%.0f B/article), %d records%n", t, bytes / 1e6,
          (double) bytes / articles, endOffsets(admin, t, partitions));
    }
    if (verdicts) {
      verdicts(settings.getString("kafka.bootstrap.servers"), topics.enriched().name(), articles);
    }
  }

  /** Prints the stores' bytes on disk once Streams is closed (memtables flushed). */
  static void afterClose(Path stateDir, Set<String> stores, long articles) {
    Map<String, Long> disk = StateProbe.storeBytes(stateDir, stores);
    long total = disk.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf("stores on disk after close: %s; total %.1f MB = %.0f B/article = %.2f GB per million articles%n",
        mb(disk), total / 1e6, (double) total / articles, (double) total / articles * 1e6 / 1e9);
  }

  private static Map<String, String> mb(Map<String, Long> bytes) {
    Map<String, String> out = new TreeMap<>();
    bytes.forEach((k, v) -> out.put(k, String.format("%.1f MB", v / 1e6)));
    return out;
  }

  private static long endOffsets(Admin admin, String topic, int partitions) throws Exception {
    Map<TopicPartition, OffsetSpec> q = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      q.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    try {
      return admin.listOffsets(q).all().get(10, TimeUnit.SECONDS).values().stream().mapToLong(i -> i.offset()).sum();
    } catch (java.util.concurrent.ExecutionException e) {
      return -1; // no such topic (e.g. a store without changelog)
    }
  }

  private static void verdicts(String bootstrap, String topic, long expected) {
    Map<String, int[]> byReplay = new TreeMap<>();
    Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, topic + "-verdicts", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    long seen = 0;
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      while (seen < expected && System.nanoTime() < deadline) {
        for (var r : consumer.poll(Duration.ofMillis(500))) {
          EnrichedArticle a = ENRICHED.decode(r.value());
          String replay = a.getId().substring(0, a.getId().indexOf('-'));
          byReplay.computeIfAbsent(replay, k -> new int[3])[a.getDedup().getVerdict().ordinal()]++;
          seen++;
        }
      }
    }
    System.out.println("verdicts per replay (UNIQUE / DUPLICATE / NEAR_DUPLICATE):");
    StringBuilder line = new StringBuilder();
    byReplay.forEach((r, c) -> line.append(String.format("  %s %d/%d/%d", r, c[0], c[1], c[2])));
    System.out.println(line);
  }
}
