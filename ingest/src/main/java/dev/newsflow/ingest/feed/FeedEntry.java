package dev.newsflow.ingest.feed;

import java.time.Instant;
import java.util.List;

/** One item of a feed, as parsed. Fields may be null when the feed does not give them. */
public record FeedEntry(
    String id, String title, String link, Instant published, String summary, List<String> authors) {
  public FeedEntry {
    authors = authors == null ? List.of() : List.copyOf(authors);
  }
}
