package dev.newsflow.ingest.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import java.util.List;
import java.util.Locale;
import org.jdom2.Element;

/**
 * Chooses an entry's link and resolves it against {@code xml:base} and the feed URL. Order: an
 * RSS {@code <link>} with text; otherwise the first Atom-style {@code <link>} whose {@code rel} is
 * alternate or missing (Atom 0.3 often omits it) and whose type is HTML or missing, else the first
 * such link of any type, taking the element text when there is no {@code href}; otherwise a
 * permalink {@code <guid>}; otherwise Rome's choice.
 *
 * <p>Example: {@code <entry xml:base="https://example.org/a/"><link rel="enclosure" href="x.mp3"/>
 * <link href="post.html"/></entry>} gives {@code "https://example.org/a/post.html"}.
 */
final class EntryLinks {

  private EntryLinks() {}

  static String link(Element e, SyndEntry entry, String feedUrl) {
    if (e == null) {
      return FeedText.resolve(feedUrl, FeedText.blankToNull(entry.getLink()));
    }
    Element chosen = rssLink(e);
    if (chosen == null) {
      chosen = alternateLink(FeedXml.childrenNamed(e, "link"));
    }
    String href = chosen == null ? null : hrefOf(chosen);
    if (href != null) {
      return FeedText.resolve(FeedXml.base(chosen, feedUrl), href);
    }
    Element guid = permalinkGuid(e);
    if (guid != null) {
      return FeedText.resolve(FeedXml.base(guid, feedUrl), guid.getTextNormalize());
    }
    String rome = FeedText.blankToNull(entry.getLink());
    return rome == null ? null : FeedText.resolve(FeedXml.base(e, feedUrl), rome);
  }

  /** An RSS-vocabulary {@code <link>} with text and no Atom-style attributes. */
  private static Element rssLink(Element e) {
    for (Element l : FeedXml.childrenNamed(e, "link")) {
      boolean atomStyle = l.getAttribute("href") != null || l.getAttribute("rel") != null;
      if (!atomStyle && FeedXml.isCoreNamespace(l) && FeedText.blankToNull(l.getText()) != null) {
        return l;
      }
    }
    return null;
  }

  private static Element alternateLink(List<Element> links) {
    Element anyType = null;
    for (Element l : links) {
      String rel = l.getAttributeValue("rel");
      boolean alternate = rel == null || rel.isBlank() || rel.strip().equalsIgnoreCase("alternate")
          || rel.strip().equalsIgnoreCase("http://www.iana.org/assignments/relation/alternate");
      if (!alternate || hrefOf(l) == null) {
        continue;
      }
      if (isHtmlType(l.getAttributeValue("type"))) {
        return l;
      }
      if (anyType == null) {
        anyType = l;
      }
    }
    return anyType;
  }

  private static boolean isHtmlType(String type) {
    if (type == null || type.isBlank()) {
      return true;
    }
    String t = type.strip().toLowerCase(Locale.ROOT);
    return t.equals("text/html") || t.equals("application/xhtml+xml") || t.equals("html");
  }

  private static String hrefOf(Element link) {
    String href = FeedText.blankToNull(link.getAttributeValue("href"));
    return href != null ? href : FeedText.blankToNull(link.getTextNormalize());
  }

  private static Element permalinkGuid(Element e) {
    for (Element g : FeedXml.childrenNamed(e, "guid")) {
      String permalink = g.getAttributeValue("isPermaLink");
      String text = g.getTextNormalize();
      if (!"false".equalsIgnoreCase(permalink == null ? "" : permalink.strip())
          && text.matches("(?i)^(https?:)?//\\S+|^/\\S*")) {
        return g;
      }
    }
    return null;
  }
}
