package dev.newsflow.ingest.extract;

import java.time.Instant;
import java.util.List;

/** What the extractor found in an article page. Fields other than text and title may be null. */
public record Extraction(
    String title,
    String text,
    Instant published,
    Instant modified,
    List<String> authors,
    String canonicalUrl,
    String siteName,
    String language,
    String description,
    String imageUrl) {
  public Extraction {
    title = title == null ? "" : title;
    text = text == null ? "" : text;
    authors = authors == null ? List.of() : List.copyOf(authors);
  }
}
