package dev.newsflow.ingest.schedule;

import dev.newsflow.schemas.config.Settings;
import java.time.Duration;

/**
 * Bounds of the polling schedule, from the {@code schedule.*} keys.
 *
 * @param defaultInterval interval of a feed with no history yet
 * @param minInterval shortest interval, whatever the feed publishes
 * @param maxInterval longest interval of a healthy feed
 * @param maxBackoff longest wait after failures (and cap on Retry-After)
 * @param disableScore failure score at which a feed is disabled
 * @param jitter fraction of the interval added or removed at random, to spread polls
 */
public record ScheduleConfig(
    Duration defaultInterval,
    Duration minInterval,
    Duration maxInterval,
    Duration maxBackoff,
    double disableScore,
    double jitter) {

  public ScheduleConfig {
    if (minInterval.isNegative() || minInterval.compareTo(maxInterval) > 0) {
      throw new IllegalArgumentException("schedule.min-interval.ms must be >= 0 and <= schedule.max-interval.ms");
    }
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("schedule.jitter must be in [0, 1)");
    }
  }

  public static ScheduleConfig from(Settings s) {
    return new ScheduleConfig(
        s.getMillis("poll.interval.ms"),
        s.getMillis("schedule.min-interval.ms"),
        s.getMillis("schedule.max-interval.ms"),
        s.getMillis("schedule.max-backoff.ms"),
        Double.parseDouble(s.getString("schedule.disable-score")),
        Double.parseDouble(s.getString("schedule.jitter")));
  }
}
