package dev.newsflow.ingest.feed;

import java.util.List;
import java.util.Objects;

/**
 * Outcome of parsing one feed document. On success {@code error} is null; when the document cannot
 * be read at all, {@code entries} is empty and {@code error} says why, e.g. {@code "not a feed:
 * root element <html> is not RSS, RDF or Atom"}.
 *
 * @param title channel / feed title, or null
 * @param entries entries in document order, never null
 * @param error null on success, else a specific one-line message
 * @param ttlMinutes RSS {@code <ttl>} in minutes, or null
 * @param updatePeriod syndication-module {@code sy:updatePeriod} (hourly, daily...), or null
 * @param updateFrequency syndication-module {@code sy:updateFrequency}, or null
 */
public record ParsedFeed(
    String title,
    List<FeedEntry> entries,
    String error,
    Integer ttlMinutes,
    String updatePeriod,
    Integer updateFrequency) {

  public ParsedFeed {
    entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
    if (error != null && error.isBlank()) {
      throw new IllegalArgumentException("error must be null or a non-blank message");
    }
    if (error != null && !entries.isEmpty()) {
      throw new IllegalArgumentException("a failed parse carries no entries");
    }
  }

  /** A failed parse with the given specific message. */
  public static ParsedFeed failure(String error) {
    return new ParsedFeed(null, List.of(), Objects.requireNonNull(error, "error"), null, null, null);
  }

  /** True when the document was read (possibly with zero entries). */
  public boolean ok() {
    return error == null;
  }
}
