package dev.newsflow.ingest.feed;

import java.util.ArrayList;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Namespace constants and JDOM look-ups used to fill the gaps Rome leaves: effective {@code
 * xml:base}, children by local name across namespaces, and the item/entry elements of a document.
 *
 * <p>Example: {@code base(link, "https://example.org/feed")} on a link under {@code <entry
 * xml:base="/news/">} is {@code "https://example.org/news/"}.
 */
final class FeedXml {

  static final String ATOM10 = "http://www.w3.org/2005/Atom";
  static final String ATOM03 = "http://purl.org/atom/ns#";
  static final String DC = "http://purl.org/dc/elements/1.1/";
  static final String DCTERMS = "http://purl.org/dc/terms/";
  static final String SY = "http://purl.org/rss/1.0/modules/syndication/";

  private FeedXml() {}

  /** Item or entry elements in document order, the way Rome's parsers find them. */
  static List<Element> entryElements(Element root) {
    List<Element> out = new ArrayList<>();
    if (root.getName().equals("feed")) {
      out.addAll(childrenNamed(root, "entry"));
      return out;
    }
    for (Element channel : childrenNamed(root, "channel")) {
      out.addAll(childrenNamed(channel, "item"));
    }
    out.addAll(childrenNamed(root, "item"));
    return out;
  }

  /** Channel (RSS), or the root itself (Atom, RDF's channel-level metadata lives in channel). */
  static Element channel(Element root) {
    List<Element> channels = childrenNamed(root, "channel");
    return channels.isEmpty() ? root : channels.get(0);
  }

  static List<Element> childrenNamed(Element e, String localName) {
    List<Element> out = new ArrayList<>();
    for (Element c : e.getChildren()) {
      if (c.getName().equals(localName)) {
        out.add(c);
      }
    }
    return out;
  }

  /** First child with this local name in one of the namespace URIs ("" = no namespace). */
  static Element child(Element e, String localName, String... namespaceUris) {
    for (String ns : namespaceUris) {
      for (Element c : e.getChildren()) {
        if (c.getName().equals(localName) && c.getNamespaceURI().equals(ns)) {
          return c;
        }
      }
    }
    return null;
  }

  /** True when the element is in the feed's own vocabulary (no namespace, RSS, RDF or Atom). */
  static boolean isCoreNamespace(Element e) {
    String ns = e.getNamespaceURI();
    return ns.isEmpty() || ns.equals(ATOM10) || ns.equals(ATOM03) || ns.startsWith("http://purl.org/rss/1.0")
        || ns.startsWith("http://my.netscape.com/rdf/simple/0.9") || ns.startsWith("http://backend.userland.com/rss");
  }

  /** The base URI in force at {@code e}: {@code xml:base} attributes resolved root-down. */
  static String base(Element e, String documentUrl) {
    List<String> bases = new ArrayList<>();
    for (Element x = e; x != null; x = x.getParentElement()) {
      String b = x.getAttributeValue("base", Namespace.XML_NAMESPACE);
      if (b != null) {
        bases.add(0, b);
      }
    }
    String base = documentUrl;
    for (String b : bases) {
      base = base == null ? b.strip() : FeedText.resolve(base, b);
    }
    return base;
  }
}
