package dev.newsflow.ingest.feed;

/**
 * How deeply the elements of repaired feed text nest, found by one linear scan of its tags before
 * any parser sees it. A feed nested thousands deep is an attack, not a feed: the lenient fallback
 * (jsoup, then a W3C DOM) takes time quadratic in the depth and JDOM recurses on it, so such text
 * is refused up front. Comments, CDATA sections, processing instructions and declarations are
 * skipped, and so is a {@code <} that starts no tag name; a tag ending in {@code />} does not nest. Attribute values holding {@code >} can make
 * the count too high, never too low, which is the safe side for a limit.
 *
 * <p>Example: {@code exceeds("<rss><channel><item/></channel></rss>", 2)} is true (depth 3).
 */
final class XmlDepth {
  /** Deeper than any real feed, inline XHTML content included. */
  static final int LIMIT = 500;

  private XmlDepth() {}

  /** Whether some element of {@code xml} lies more than {@code limit} elements deep. */
  static boolean exceeds(String xml, int limit) {
    int depth = 0;
    int i = xml.indexOf('<');
    while (i >= 0 && i < xml.length() - 1) {
      int end;
      char next = xml.charAt(i + 1);
      if (xml.startsWith("<!--", i)) {
        end = endOf(xml, "-->", i + 4);
      } else if (xml.startsWith("<![CDATA[", i)) {
        end = endOf(xml, "]]>", i + 9);
      } else if (next == '?') {
        end = endOf(xml, "?>", i + 2);
      } else if (next == '!') {
        end = endOf(xml, ">", i + 2);
      } else if (next == '/') {
        end = endOf(xml, ">", i + 2);
        depth = Math.max(0, depth - 1);
      } else if (!Character.isLetter(next) && next != '_' && next != ':') {
        end = i + 1;
      } else {
        end = endOf(xml, ">", i + 1);
        if (end > i + 1 && xml.charAt(end - 2) != '/' && ++depth > limit) {
          return true;
        }
      }
      i = xml.indexOf('<', end);
    }
    return false;
  }

  /** The index just past {@code terminator} at or after {@code from}, else the end of the text. */
  private static int endOf(String xml, String terminator, int from) {
    int at = xml.indexOf(terminator, from);
    return at < 0 ? xml.length() : at + terminator.length();
  }
}
