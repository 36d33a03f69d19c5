package dev.newsflow.schemas.url;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces an article URL to one canonical form, so the same article reached through a feed, a share
 * button or a newsletter gets the same id.
 *
 * <p>Example: {@code HTTP://WWW.Example.COM:80/news/a%2dstory?utm_source=rss&b=2&a=1#comments}
 * becomes {@code https://example.com/news/a-story?a=1&b=2}.
 *
 * <p>Rules, in order:
 *
 * <ul>
 *   <li>only {@code http} and {@code https}; {@code http} becomes {@code https} (news sites serve
 *       the same article on both, and the id must not change when a site moves to TLS);
 *   <li>host lower-cased, trailing dot and one leading {@code www.} removed, internationalised
 *       names converted to their ASCII (punycode) form; user info dropped; default ports (80, 443)
 *       dropped;
 *   <li>path: empty becomes {@code /}, dot segments removed, percent escapes of unreserved
 *       characters decoded and the other escapes upper-cased; case and a trailing slash kept
 *       (servers may treat {@code /a} and {@code /A} or {@code /a/} as different pages);
 *   <li>query: tracking parameters listed in {@code tracking-params.txt} removed (matched
 *       case-insensitively, {@code utm_*} style prefixes allowed); empty parameters removed; the
 *       others sorted by name, keeping the original order of repeated names. Sorting is safe
 *       because article pages select content by parameter name, not position, and feeds, share
 *       widgets and mailers append or reorder parameters at will; without sorting the same article
 *       would get two ids. Meaningful parameters such as {@code article.php?id=7} are kept;
 *   <li>fragment dropped (it never reaches the server).
 * </ul>
 *
 * <p>Hand-written because no maintained Maven Central library does this set of rules (and a
 * configurable tracking list) without pulling in a crawler framework. Instances are immutable and
 * thread-safe.
 */
public final class UrlCanonicalizer {

  private static final Pattern ABSOLUTE =
      Pattern.compile(
          "^([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)([^?#]*)(?:\\?([^#]*))?(?:#.*)?$", Pattern.DOTALL);
  private static final Pattern HOST_PORT =
      Pattern.compile("^(\\[[0-9A-Fa-f:.]+]|[^:]*)(?::(\\d*))?$");
  private static final Pattern ESCAPE = Pattern.compile("%([0-9A-Fa-f]{2})");
  private static final String UNRESERVED_PUNCT = "-._~";
  private static final String ALLOWED_RAW = "-._~!$&'()*+,;=:@/?%";

  private final TrackingParams tracking;

  /** A canonicaliser with the bundled tracking parameter list. */
  public UrlCanonicalizer() {
    this(TrackingParams.bundled());
  }

  /** A canonicaliser with the given tracking parameter list. */
  public UrlCanonicalizer(TrackingParams tracking) {
    this.tracking = java.util.Objects.requireNonNull(tracking, "tracking");
  }

  /**
   * Returns the canonical form of an absolute http(s) URL.
   *
   * @throws IllegalArgumentException with a specific reason when the URL is blank, relative, of
   *     another scheme or has an invalid host or port
   */
  public String canonicalize(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("URL is blank");
    }
    Matcher m = ABSOLUTE.matcher(url.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("not an absolute URL: " + abbreviate(url));
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "unsupported scheme '" + scheme + "' in " + abbreviate(url));
    }
    String authority = authority(m.group(2), url);
    String path = path(m.group(3));
    String query = query(m.group(4));
    return "https://" + authority + path + (query.isEmpty() ? "" : "?" + query);
  }

  /**
   * Lower-case hex of the first 16 bytes of the SHA-256 of the canonical URL (UTF-8): 32
   * characters.
   */
  public static String articleId(String canonicalUrl) {
    if (canonicalUrl == null || canonicalUrl.isEmpty()) {
      throw new IllegalArgumentException("canonical URL is empty");
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonicalUrl.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  private static String authority(String rawAuthority, String url) {
    String hostPort = rawAuthority.substring(rawAuthority.lastIndexOf('@') + 1);
    Matcher m = HOST_PORT.matcher(hostPort);
    if (!m.matches() || m.group(1).isEmpty()) {
      throw new IllegalArgumentException("invalid host in " + abbreviate(url));
    }
    String host = host(m.group(1), url);
    String port = m.group(2);
    if (port == null || port.isEmpty() || port.equals("80") || port.equals("443")) {
      return host;
    }
    int number = Integer.parseInt(port.length() > 5 ? "99999" : port);
    if (number < 1 || number > 65535) {
      throw new IllegalArgumentException("invalid port " + port + " in " + abbreviate(url));
    }
    return host + ":" + number;
  }

  private static String host(String raw, String url) {
    if (raw.startsWith("[")) {
      return raw.toLowerCase(Locale.ROOT);
    }
    String host = raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
    try {
      host = IDN.toASCII(percentDecode(host), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid host '" + raw + "' in " + abbreviate(url), e);
    }
    // Labels separated by single dots: "news..example", "." and "ue." (after its one trailing dot
    // was dropped) are not hosts, and accepting them made canonicalisation not idempotent.
    if (host.isEmpty() || !host.matches("[a-z0-9_-]+(\\.[a-z0-9_-]+)*")) {
      throw new IllegalArgumentException("invalid host '" + raw + "' in " + abbreviate(url));
    }
    return host.startsWith("www.") && host.indexOf('.', 4) > 0 ? host.substring(4) : host;
  }

  private static String path(String rawPath) {
    if (rawPath.isEmpty()) {
      return "/";
    }
    String escaped = normalizeEscapes(rawPath);
    try {
      String normalized = new URI("https://h" + escaped).normalize().getRawPath();
      return normalized.startsWith("/") ? normalized : "/" + normalized;
    } catch (URISyntaxException e) {
      return escaped;
    }
  }

  private String query(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> kept = new ArrayList<>();
    for (String param : rawQuery.split("[&;]")) {
      if (param.isEmpty() || param.equals("=")) {
        continue;
      }
      int eq = param.indexOf('=');
      String name = normalizeEscapes(eq < 0 ? param : param.substring(0, eq));
      if (!tracking.isTracking(percentDecode(name))) {
        kept.add(new String[] {name, eq < 0 ? null : normalizeEscapes(param.substring(eq + 1))});
      }
    }
    kept.sort(Comparator.comparing(p -> p[0]));
    StringBuilder out = new StringBuilder();
    for (String[] p : kept) {
      out.append(out.isEmpty() ? "" : "&").append(p[0]).append(p[1] == null ? "" : "=" + p[1]);
    }
    return out.toString();
  }

  /**
   * Percent-encodes characters not allowed raw, decodes escaped unreserved characters, upper-cases
   * hex.
   */
  private static String normalizeEscapes(String s) {
    StringBuilder out = new StringBuilder(s.length());
    Matcher m = ESCAPE.matcher(s);
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '%' && m.find(i) && m.start() == i) {
        int value = Integer.parseInt(m.group(1), 16);
        if (isUnreserved((char) value)) {
          out.append((char) value);
        } else {
          out.append('%').append(m.group(1).toUpperCase(Locale.ROOT));
        }
        i += 3;
      } else if (c == '%' || !(isUnreserved(c) || ALLOWED_RAW.indexOf(c) >= 0)) {
        int cp = s.codePointAt(i);
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(String.format("%02X", b & 0xff));
        }
        i += Character.charCount(cp);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || UNRESERVED_PUNCT.indexOf(c) >= 0;
  }

  private static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    try {
      return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static String abbreviate(String url) {
    return url.length() <= 200 ? url : url.substring(0, 200) + "...";
  }
}
