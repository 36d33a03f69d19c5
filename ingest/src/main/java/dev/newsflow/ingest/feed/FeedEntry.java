package dev.newsflow.ingest.feed;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry (RSS item, Atom entry, JSON Feed item) as plain text fields.
 *
 * <p>Example: {@code new FeedEntry("urn:1", "Storm hits coast", "https://example.org/a/1",
 * Instant.parse("2024-03-01T10:15:00Z"), "Heavy rain...", List.of("Jane Doe"))}.
 *
 * @param id stable identifier (guid / id), or null when the feed gives none
 * @param title plain-text title with entities decoded and markup removed, or null
 * @param link absolute URL of the entry's page when resolvable, or null
 * @param published publication (else update) time in UTC, or null
 * @param summary description / summary / content as given by the feed (may contain HTML), or null
 * @param authors author names, never null
 */
public record FeedEntry(
    String id, String title, String link, Instant published, String summary, List<String> authors) {

  public FeedEntry {
    authors = List.copyOf(Objects.requireNonNull(authors, "authors"));
  }
}
