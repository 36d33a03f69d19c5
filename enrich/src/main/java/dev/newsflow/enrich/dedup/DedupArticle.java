package dev.newsflow.enrich.dedup;

import java.time.Instant;
import java.util.Objects;

/**
 * The fields of an article that de-duplication reads.
 *
 * <p>Example: {@code new DedupArticle("d1", "https://example.com/a?utm_source=x", "Title",
 * "Body...", Instant.parse("2025-01-06T12:34:56Z"))}.
 *
 * @param id the article's id (non-blank)
 * @param url its URL, {@code null} when unknown
 * @param title its headline ({@code null} becomes empty)
 * @param text its body text ({@code null} becomes empty)
 * @param published event time for the window; {@code null} means "now" in stream time
 */
public record DedupArticle(String id, String url, String title, String text, Instant published) {

  public DedupArticle {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id is blank");
    }
    title = title == null ? "" : title;
    text = text == null ? "" : text;
  }
}
