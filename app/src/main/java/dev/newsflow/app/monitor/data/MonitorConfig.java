package dev.newsflow.app.monitor.data;

import dev.newsflow.schemas.config.Settings;
import dev.newsflow.schemas.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The monitor's settings ({@code monitor.*} in {@code monitor-defaults.properties}).
 *
 * @param applicationId Streams application id of the aggregates
 * @param stateDir local state directory of the aggregates
 * @param recentSize articles kept for the Live page
 * @param storyRetention how long a story stays after its last copy
 * @param maxCopies copies remembered per story
 * @param trendRetention how long hourly counts are kept
 * @param jdbcUrl PostgreSQL for search, empty when none
 * @param maxStreamClients SSE clients at once
 * @param replicationFactor replication factor of the aggregates' internal topics
 * @param topics the topics read
 * @param kafka Kafka client properties
 */
public record MonitorConfig(String applicationId, Path stateDir, int recentSize, Duration storyRetention, int maxCopies,
    Duration trendRetention, String jdbcUrl, int maxStreamClients, int replicationFactor, Topics topics, Map<String, Object> kafka) {

  /** The longest trend view, in hours; trend retention must cover it. */
  public static final int MAX_TREND_HOURS = 168;

  public MonitorConfig {
    if (recentSize < 1 || maxCopies < 1 || maxStreamClients < 1) {
      throw new IllegalArgumentException("monitor.recent.size, monitor.stories.max-copies and monitor.sse.max-clients must be at least 1");
    }
    if (trendRetention.compareTo(Duration.ofHours(MAX_TREND_HOURS + 1)) < 0) {
      throw new IllegalArgumentException("monitor.trends.retention.ms must cover " + (MAX_TREND_HOURS + 1)
          + " hours (" + Duration.ofHours(MAX_TREND_HOURS + 1).toMillis() + " ms), not " + trendRetention.toMillis());
    }
  }

  public static MonitorConfig from(Settings s) {
    String dir = s.getString("monitor.state-dir", "");
    return new MonitorConfig(
        s.getString("monitor.application-id"),
        dir.isBlank() ? Path.of(s.getString("data.dir")).resolve("monitor").toAbsolutePath() : Path.of(dir),
        s.getInt("monitor.recent.size"),
        s.getMillis("monitor.stories.retention.ms"),
        s.getInt("monitor.stories.max-copies"),
        s.getMillis("monitor.trends.retention.ms"),
        s.getString("monitor.jdbc-url", s.getString("sink.jdbc-url", "")),
        s.getInt("monitor.sse.max-clients"),
        s.getInt("topics.replication-factor"),
        Topics.from(s),
        s.kafkaProperties());
  }
}
