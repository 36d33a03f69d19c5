package dev.newsflow.ingest.feed;

import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Second chance for documents Rome does not recognise as a feed: an Atom {@code <feed>} without
 * (or with a wrong) namespace is moved into the Atom namespace (0.3 when {@code version="0.3"},
 * else 1.0), and an {@code <rss>} with a version Rome has no parser for is read as RSS 2.0.
 *
 * <p>Example: {@code <feed><entry><title>Café</title></entry></feed>} becomes an Atom 1.0 feed.
 */
final class RootRepair {

  private RootRepair() {}

  /** True when the root was changed and Rome should try again. */
  static boolean repair(Element root) {
    if (root.getName().equals("feed")) {
      return atomNamespace(root);
    }
    if (root.getName().equals("rss")) {
      String v = root.getAttributeValue("version");
      if (v != null && !v.strip().equals("2.0")) {
        root.setAttribute("version", "2.0");
        return true;
      }
    }
    return false;
  }

  private static boolean atomNamespace(Element root) {
    String version = root.getAttributeValue("version");
    String uri = version != null && version.strip().startsWith("0.") ? FeedXml.ATOM03 : FeedXml.ATOM10;
    Namespace from = root.getNamespace();
    if (from.getURI().equals(uri)) {
      return false;
    }
    move(root, from, Namespace.getNamespace(from.getPrefix(), uri));
    return true;
  }

  private static void move(Element e, Namespace from, Namespace to) {
    if (e.getNamespace().equals(from)) {
      e.setNamespace(to);
    }
    for (Element c : e.getChildren()) {
      move(c, from, to);
    }
  }
}
