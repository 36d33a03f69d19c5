package dev.newsflow.ingest.feed;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Repairs the common breakage of real-world feed text so that a strict, DOCTYPE-free XML parser
 * can read it: leading junk before the root, the XML declaration (the text is already decoded),
 * the DOCTYPE (removed; its simple internal entities are expanded here under a size budget, so
 * the XML parser never sees a DTD), HTML named entities ({@code &nbsp;} becomes {@code &#160;}),
 * stray ampersands ({@code AT&T} becomes {@code AT&amp;T}) and characters that XML forbids.
 * CDATA sections, comments and processing instructions are copied untouched.
 *
 * <p>Written by hand because no library does this on text before an XML parse: Rome's
 * {@code XmlFixerReader} only maps HTML 4 entities and does not escape stray ampersands.
 *
 * <p>Example: {@code "junk<rss><channel><title>Caf&eacute; & Bar</title>"} becomes {@code
 * "<rss><channel><title>Caf&#233; &amp; Bar</title>"}.
 */
final class XmlRepair {

  /** Raised when declared entities would expand beyond the budget (billion laughs). */
  static final class EntityBombException extends Exception {
    EntityBombException(String message) {
      super(message, null, false, false);
    }
  }

  static final int EXPANSION_BUDGET_CHARS = 100_000;
  private static final int MAX_ENTITY_DEPTH = 3;
  private static final Pattern ENTITY_DECL =
      Pattern.compile("<!ENTITY\\s+([A-Za-z_][\\w.\\-]*)\\s+(\"([^\"]*)\"|'([^']*)')\\s*>");
  private static final Pattern XML_DECLARATION = Pattern.compile("<\\?xml\\s");
  private static final Pattern FEED_ROOT =
      Pattern.compile("<(?:[A-Za-z_][\\w.\\-]*:)?(?:rss|feed|RDF)[\\s>/]");
  private static final Pattern REF =
      Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z_][\\w.\\-]{0,40});");

  private final Map<String, String> declared = new HashMap<>();
  private int budget = EXPANSION_BUDGET_CHARS;

  private XmlRepair() {}

  static String repair(String text) throws EntityBombException {
    XmlRepair r = new XmlRepair();
    String body = r.stripDoctype(stripProlog(text));
    return r.fixMarkup(body, 0);
  }

  /**
   * Drops everything before the document proper: junk or whitespace before the XML declaration,
   * the declaration itself, and markup junk (an HTML warning printed by the server) before the
   * {@code rss}, {@code feed} or {@code RDF} root.
   */
  static String stripProlog(String text) {
    String s = text;
    Matcher decl = XML_DECLARATION.matcher(s);
    if (decl.find() && decl.start() < 4096) {
      int end = s.indexOf("?>", decl.start());
      s = end < 0 ? s.substring(decl.start()) : s.substring(end + 2);
    }
    Matcher root = FEED_ROOT.matcher(s);
    if (root.find() && root.start() > 0 && hasElementStart(s, root.start())) {
      return s.substring(root.start());
    }
    int start = firstMarkup(s);
    return start > 0 ? s.substring(start) : s;
  }

  private static boolean hasElementStart(String s, int before) {
    for (int i = s.indexOf('<'); i >= 0 && i < before; i = s.indexOf('<', i + 1)) {
      if (i + 1 < s.length() && Character.isLetter(s.charAt(i + 1))) {
        return true;
      }
    }
    return false;
  }

  private static int firstMarkup(String s) {
    for (int i = s.indexOf('<'); i >= 0 && i + 1 < s.length(); i = s.indexOf('<', i + 1)) {
      char c = s.charAt(i + 1);
      if (Character.isLetter(c) || c == '!' || c == '?' || c == '_') {
        return i;
      }
    }
    return 0;
  }

  /** Removes the DOCTYPE (with its internal subset), remembering simple general entities. */
  private String stripDoctype(String s) {
    int start = indexOfIgnoreCase(s, "<!DOCTYPE");
    if (start < 0 || start > firstElement(s)) {
      return s;
    }
    int end = doctypeEnd(s, start);
    Matcher m = ENTITY_DECL.matcher(s.substring(start, end));
    while (m.find()) {
      declared.putIfAbsent(m.group(1), m.group(3) != null ? m.group(3) : m.group(4));
    }
    return s.substring(0, start) + s.substring(end);
  }

  private static int firstElement(String s) {
    for (int i = s.indexOf('<'); i >= 0 && i + 1 < s.length(); i = s.indexOf('<', i + 1)) {
      if (Character.isLetter(s.charAt(i + 1))) {
        return i;
      }
    }
    return s.length();
  }

  private static int doctypeEnd(String s, int start) {
    int bracket = 0;
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '[') {
        bracket++;
      } else if (c == ']') {
        bracket--;
      } else if (c == '>' && bracket <= 0) {
        return i + 1;
      }
    }
    return s.length();
  }

  private String fixMarkup(String s, int depth) throws EntityBombException {
    StringBuilder out = new StringBuilder(s.length() + 64);
    int i = 0;
    while (i < s.length()) {
      int skipTo = opaqueEnd(s, i);
      if (skipTo > i) {
        appendValidChars(out, s, i, skipTo);
        i = skipTo;
      } else if (s.charAt(i) == '&') {
        i = fixReference(s, i, out, depth);
      } else {
        appendValidChars(out, s, i, i + 1);
        i++;
      }
    }
    return out.toString();
  }

  /** End of a CDATA section, comment or PI starting at i, or i when none starts there. */
  private static int opaqueEnd(String s, int i) {
    if (s.charAt(i) != '<') {
      return i;
    }
    if (s.startsWith("<![CDATA[", i)) {
      return endAfter(s, i, "]]>");
    }
    if (s.startsWith("<!--", i)) {
      return endAfter(s, i + 4, "-->");
    }
    if (s.startsWith("<?", i)) {
      return endAfter(s, i, "?>");
    }
    return i;
  }

  private static int endAfter(String s, int from, String terminator) {
    int end = s.indexOf(terminator, from);
    return end < 0 ? s.length() : end + terminator.length();
  }

  private int fixReference(String s, int i, StringBuilder out, int depth)
      throws EntityBombException {
    Matcher m = REF.matcher(s).region(i, Math.min(s.length(), i + 48));
    if (!m.lookingAt()) {
      out.append("&amp;");
      return i + 1;
    }
    String name = m.group(1);
    out.append(replacement(name, depth));
    return m.end();
  }

  private String replacement(String name, int depth) throws EntityBombException {
    if (name.charAt(0) == '#') {
      return validCodePoint(name) ? "&" + name + ";" : "";
    }
    switch (name) {
      case "amp", "lt", "gt", "quot", "apos" -> {
        return "&" + name + ";";
      }
      default -> {}
    }
    if (declared.containsKey(name)) {
      return expand(name, depth);
    }
    String html = Entities.getByName(name);
    if (!html.isEmpty()) {
      StringBuilder refs = new StringBuilder();
      html.codePoints().forEach(cp -> refs.append("&#").append(cp).append(';'));
      return refs.toString();
    }
    return "&amp;" + name + ";";
  }

  private String expand(String name, int depth) throws EntityBombException {
    if (depth >= MAX_ENTITY_DEPTH) {
      throw new EntityBombException("entity '" + name + "' nests deeper than " + MAX_ENTITY_DEPTH);
    }
    String value = declared.get(name).replace("<", "&lt;");
    String expanded = fixMarkup(value, depth + 1);
    budget -= expanded.length();
    if (budget < 0) {
      throw new EntityBombException(
          "declared entities expand beyond " + EXPANSION_BUDGET_CHARS + " characters");
    }
    return expanded;
  }

  private static boolean validCodePoint(String numeric) {
    try {
      int cp =
          numeric.length() > 1 && (numeric.charAt(1) == 'x' || numeric.charAt(1) == 'X')
              ? Integer.parseInt(numeric.substring(2), 16)
              : Integer.parseInt(numeric.substring(1));
      return isXmlChar(cp);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void appendValidChars(StringBuilder out, String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          out.append(c).append(s.charAt(i + 1));
          i++;
          if (i >= to) {
            return;
          }
        }
      } else if (isXmlChar(c)) {
        out.append(c);
      }
    }
  }

  private static boolean isXmlChar(int cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }

  private static int indexOfIgnoreCase(String s, String needle) {
    int limit = Math.min(s.length(), 8192);
    for (int i = s.indexOf('<'); i >= 0 && i < limit; i = s.indexOf('<', i + 1)) {
      if (s.regionMatches(true, i, needle, 0, needle.length())) {
        return i;
      }
    }
    return -1;
  }
}
