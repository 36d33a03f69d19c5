package dev.newsflow.app.monitor.data;

import java.util.List;

/**
 * Events per hour for the last {@code hours} hours, by event type or by actor: the {@code top}
 * busiest keys, each with one count per hour, oldest hour first.
 *
 * @param by {@code event} or {@code actor}
 * @param hours hours covered, the current one last
 * @param buckets start of each hour, ISO-8601 UTC
 * @param series busiest keys first
 * @param others events of the keys left out, per hour
 */
public record Trend(String by, int hours, List<String> buckets, List<Series> series, long[] others) {

  /** One key's counts. */
  public record Series(String key, long total, long[] counts) {}
}
