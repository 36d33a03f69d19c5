package dev.newsflow.ingest.feed;

import java.util.List;

/**
 * A parsed feed, or the reason it could not be read: {@code error} is null on success; on failure
 * it says why and {@code entries} is empty.
 */
public record ParsedFeed(
    String title,
    List<FeedEntry> entries,
    String error,
    Integer ttlMinutes,
    String updatePeriod,
    Integer updateFrequency) {
  public ParsedFeed {
    entries = entries == null ? List.of() : List.copyOf(entries);
  }

  /** A feed that could not be read. */
  public static ParsedFeed failed(String error) {
    return new ParsedFeed(null, List.of(), error, null, null, null);
  }

  public boolean ok() {
    return error == null;
  }
}
