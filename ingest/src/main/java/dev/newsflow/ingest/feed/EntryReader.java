package dev.newsflow.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndPerson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdom2.Element;

/**
 * Builds a {@link FeedEntry} from Rome's {@link SyndEntry} and, when available, the entry's JDOM
 * element, which supplies what Rome misses: {@code dc:title} / {@code media:title} / base64
 * titles, the right link among several ({@link EntryLinks}), {@code xml:base} resolution and dates
 * in formats Rome does not read ({@link FeedDates}).
 *
 * <p>Example: an RSS item with no {@code <title>} but {@code <dc:title>Storm</dc:title>} gets title
 * {@code "Storm"}.
 */
final class EntryReader {

  private static final String MEDIA = "http://search.yahoo.com/mrss/";
  private static final List<String> DATE_NAMES =
      List.of("pubDate", "published", "issued", "created", "date", "updated", "modified");

  private EntryReader() {}

  static FeedEntry read(SyndEntry entry, Element element, String feedUrl) {
    return new FeedEntry(
        id(entry, element),
        title(entry, element),
        EntryLinks.link(element, entry, feedUrl),
        published(entry, element),
        summary(entry),
        authors(entry));
  }

  private static String id(SyndEntry entry, Element e) {
    String uri = FeedText.blankToNull(entry.getUri());
    if (uri != null || e == null) {
      return uri;
    }
    Element guid = FeedXml.child(e, "guid", e.getNamespaceURI(), "");
    Element id = guid != null ? guid : FeedXml.child(e, "id", e.getNamespaceURI());
    return id == null ? null : FeedText.blankToNull(id.getTextNormalize());
  }

  private static String title(SyndEntry entry, Element e) {
    String own = e == null ? null : ownTitle(e);
    String t = own != null ? own : FeedText.plain(entry.getTitle());
    if (t != null || e == null) {
      return t;
    }
    Element dc = FeedXml.child(e, "title", FeedXml.DC, FeedXml.DCTERMS);
    if (dc != null && FeedText.plain(dc.getText()) != null) {
      return FeedText.plain(dc.getText());
    }
    return mediaTitle(e);
  }

  /**
   * The entry's own title when Rome would read it wrongly: base64: Atom 0.3 {@code mode="base64"}, or an Atom 1.0 text
   * construct whose {@code type} is a media type that is neither text nor XML (RFC 4287 4.1.3.3).
   */
  private static String ownTitle(Element e) {
    Element t = FeedXml.child(e, "title", e.getNamespaceURI());
    if (t == null) {
      return null;
    }
    if (isBase64(t)) {
      return FeedText.plain(FeedText.base64Text(t.getText()));
    }
    // Markup inside a title (XHTML, or tags the lenient parser turned into elements): all its text.
    return t.getChildren().isEmpty() ? null : FeedText.plain(t.getValue());
  }

  private static boolean isBase64(Element text) {
    if ("base64".equalsIgnoreCase(text.getAttributeValue("mode"))) {
      return true;
    }
    String type = text.getAttributeValue("type");
    if (type == null || !type.contains("/")) {
      return false;
    }
    String t = type.strip().toLowerCase(java.util.Locale.ROOT);
    return !t.startsWith("text/") && !t.endsWith("+xml") && !t.endsWith("/xml");
  }

  private static String mediaTitle(Element e) {
    for (Element d : e.getDescendants(new org.jdom2.filter.ElementFilter("title"))) {
      if (d.getNamespaceURI().startsWith(MEDIA.substring(0, MEDIA.length() - 1))) {
        String t = FeedText.plain(d.getText());
        if (t != null) {
          return t;
        }
      }
    }
    return null;
  }

  private static Instant published(SyndEntry entry, Element e) {
    if (e != null) {
      for (String name : DATE_NAMES) {
        for (Element d : FeedXml.childrenNamed(e, name)) {
          Instant i = FeedDates.parse(d.getTextNormalize());
          if (i != null) {
            return i;
          }
        }
      }
    }
    if (entry.getPublishedDate() != null) {
      return entry.getPublishedDate().toInstant();
    }
    return entry.getUpdatedDate() == null ? null : entry.getUpdatedDate().toInstant();
  }

  private static String summary(SyndEntry entry) {
    SyndContent d = entry.getDescription();
    if (d != null && FeedText.blankToNull(d.getValue()) != null) {
      return d.getValue().strip();
    }
    for (SyndContent c : entry.getContents()) {
      if (c != null && FeedText.blankToNull(c.getValue()) != null) {
        return c.getValue().strip();
      }
    }
    return null;
  }

  private static List<String> authors(SyndEntry entry) {
    Set<String> names = new LinkedHashSet<>();
    for (SyndPerson p : entry.getAuthors()) {
      String n = FeedText.plain(p.getName() != null ? p.getName() : p.getEmail());
      if (n != null) {
        names.add(n);
      }
    }
    String single = FeedText.plain(entry.getAuthor());
    if (names.isEmpty() && single != null) {
      names.add(single);
    }
    return new ArrayList<>(names);
  }
}
