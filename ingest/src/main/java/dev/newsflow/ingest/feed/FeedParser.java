package dev.newsflow.ingest.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses RSS and Atom feeds with Rome. Never throws: a feed that cannot be read comes back as a
 * {@link ParsedFeed} whose {@code error} says why. Thread-safe.
 */
public final class FeedParser {

  public ParsedFeed parse(byte[] body, String feedUrl, String contentType) {
    if (body == null || body.length == 0) {
      return ParsedFeed.failed("empty body");
    }
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      SyndFeed feed = input.build(reader);
      List<FeedEntry> entries = new ArrayList<>();
      for (SyndEntry e : feed.getEntries()) {
        entries.add(entry(e, feedUrl));
      }
      return new ParsedFeed(feed.getTitle(), entries, null, null, null, null);
    } catch (Exception e) {
      return ParsedFeed.failed("not a readable RSS/Atom feed: " + e.getMessage());
    }
  }

  private static FeedEntry entry(SyndEntry e, String feedUrl) {
    Instant published =
        e.getPublishedDate() != null
            ? e.getPublishedDate().toInstant()
            : e.getUpdatedDate() != null ? e.getUpdatedDate().toInstant() : null;
    List<String> authors = new ArrayList<>();
    for (SyndPerson p : e.getAuthors()) {
      if (p.getName() != null && !p.getName().isBlank()) {
        authors.add(p.getName().strip());
      }
    }
    if (authors.isEmpty() && e.getAuthor() != null && !e.getAuthor().isBlank()) {
      authors.add(e.getAuthor().strip());
    }
    String summary = e.getDescription() == null ? null : e.getDescription().getValue();
    return new FeedEntry(e.getUri(), e.getTitle(), resolve(feedUrl, e.getLink()), published, summary, authors);
  }

  private static String resolve(String base, String link) {
    if (link == null || base == null) {
      return link;
    }
    try {
      return URI.create(base).resolve(link.strip()).toString();
    } catch (IllegalArgumentException e) {
      return link.strip();
    }
  }
}
