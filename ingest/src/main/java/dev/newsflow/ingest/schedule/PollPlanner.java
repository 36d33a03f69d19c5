package dev.newsflow.ingest.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Decides when a feed is due next. After a successful poll the interval adapts to how often the feed
 * actually publishes: half the median gap between its recent items, growing by half again at each
 * poll that finds nothing new, never shorter than what the feed or server asks ({@code <ttl>},
 * {@code sy:updatePeriod}, {@code Cache-Control: max-age}), always within the configured bounds.
 * After a failure it backs off exponentially, honours {@code Retry-After}, and disables the feed
 * once its failure score reaches the threshold.
 */
public final class PollPlanner {
  /** Items of history used for the adaptive interval. */
  public static final int HISTORY = 20;

  private final ScheduleConfig config;
  private final RandomGenerator random;

  public PollPlanner(ScheduleConfig config, RandomGenerator random) {
    this.config = Objects.requireNonNull(config);
    this.random = random;
  }

  /**
   * The decision after a poll.
   *
   * @param nextPollAt when to poll next
   * @param interval the interval to remember (the base of later decisions)
   * @param failureScore the failure score after this poll
   * @param disabledReason non-null when the feed is to be disabled
   */
  public record Plan(Instant nextPollAt, Duration interval, double failureScore, String disabledReason) {}

  /**
   * What a successful poll (200 or 304) showed.
   *
   * @param previousInterval the interval before this poll (zero for a first poll)
   * @param recentItemTimes times of recent new items, this poll's included
   * @param foundNewItems whether this poll found new items
   * @param declaredMinimum the longest of ttl, syndication period and max-age; null when none
   */
  public record Success(Duration previousInterval, List<Instant> recentItemTimes, boolean foundNewItems, Duration declaredMinimum) {}

  public Plan afterSuccess(Success s, Instant now) {
    Duration interval = adaptiveInterval(s);
    if (s.declaredMinimum() != null && s.declaredMinimum().compareTo(interval) > 0) {
      interval = s.declaredMinimum();
    }
    interval = clamp(interval, config.minInterval(), config.maxInterval());
    return new Plan(now.plus(jittered(interval)), interval, 0, null);
  }

  /**
   * The decision after a failed poll.
   *
   * @param consecutiveFailures failures in a row, this one included
   */
  public Plan afterFailure(FailureKind kind, String message, Duration previousInterval, double previousScore,
      int consecutiveFailures, Duration retryAfter, Instant now) {
    double score = previousScore + kind.weight();
    Duration base = previousInterval.isZero() ? config.defaultInterval() : previousInterval;
    if (kind == FailureKind.FATAL) {
      return new Plan(now.plus(config.maxBackoff()), base, score, message);
    }
    if (score >= config.disableScore()) {
      return new Plan(now.plus(config.maxBackoff()), base, score,
          String.format("failure score %.0f reached %.0f after %d failures in a row; last: %s",
              score, config.disableScore(), consecutiveFailures, message));
    }
    Duration wait = base.multipliedBy(1L << Math.min(20, consecutiveFailures - 1));
    if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
      wait = retryAfter;
    }
    wait = clamp(wait, config.minInterval(), config.maxBackoff());
    return new Plan(now.plus(wait), base, score, null);
  }

  private Duration adaptiveInterval(Success s) {
    Duration previous = s.previousInterval().isZero() ? config.defaultInterval() : s.previousInterval();
    Duration median = medianGap(s.recentItemTimes());
    if (s.foundNewItems()) {
      return median == null ? previous : median.dividedBy(2);
    }
    // Nothing new: back off gently, up to the bounds applied by the caller.
    return previous.plus(previous.dividedBy(2));
  }

  /** Median gap between consecutive item times, or null with fewer than two times. */
  static Duration medianGap(List<Instant> times) {
    if (times == null || times.size() < 2) {
      return null;
    }
    List<Instant> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    List<Duration> gaps = new ArrayList<>();
    for (int i = 1; i < sorted.size(); i++) {
      Duration gap = Duration.between(sorted.get(i - 1), sorted.get(i));
      if (!gap.isZero()) {
        gaps.add(gap);
      }
    }
    if (gaps.isEmpty()) {
      return null;
    }
    Collections.sort(gaps);
    return gaps.get(gaps.size() / 2);
  }

  private Duration jittered(Duration interval) {
    if (config.jitter() == 0 || random == null) {
      return interval;
    }
    double factor = 1 + (random.nextDouble() * 2 - 1) * config.jitter();
    return Duration.ofMillis(Math.max(1, (long) (interval.toMillis() * factor)));
  }

  private static Duration clamp(Duration d, Duration min, Duration max) {
    return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
  }
}
