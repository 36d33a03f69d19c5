package dev.newsflow.ingest.feed;

import java.util.List;
import java.util.Objects;

/**
 * Feed URLs read from a feed list, in file order without duplicates, and the problems met, each
 * naming its line, e.g. {@code "line 4: not an http(s) URL: ftp://example.org/feed"}.
 *
 * @param urls absolute http(s) feed URLs
 * @param problems human-readable problems; empty when the list was clean
 */
public record FeedList(List<String> urls, List<String> problems) {

  public FeedList {
    urls = List.copyOf(Objects.requireNonNull(urls, "urls"));
    problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
  }
}
