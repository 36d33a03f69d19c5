package dev.newsflow.ingest.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jsoup.Jsoup;

/**
 * Small text helpers shared by the feed readers: plain text from a title that may carry escaped
 * markup or entities, base64 payloads (Atom 0.3 {@code mode="base64"}), and URL resolution.
 *
 * <p>Example: {@code plain("Ben &amp;amp; Jerry&#8217;s <b>news</b>")} is {@code "Ben & Jerry's
 * news"} (with a typographic apostrophe).
 */
final class FeedText {

  private FeedText() {}

  /** Entities decoded, tags removed, whitespace collapsed; null for blank input. */
  static String plain(String s) {
    if (s == null) {
      return null;
    }
    String out = s;
    if (s.indexOf('<') >= 0 || s.indexOf('&') >= 0) {
      out = Jsoup.parseBodyFragment(s).text();
    }
    out = out.replaceAll("[\\s\\u00A0]+", " ").strip();
    return out.isEmpty() ? null : out;
  }

  /** Trimmed text, or null when blank. */
  static String blankToNull(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  /** Decodes base64 text as UTF-8, or returns the input when it is not base64. */
  static String base64Text(String s) {
    try {
      return new String(Base64.getMimeDecoder().decode(s.strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return s;
    }
  }

  /** {@code ref} resolved against {@code base}; {@code ref} unchanged when either is unusable. */
  static String resolve(String base, String ref) {
    if (ref == null) {
      return null;
    }
    String r = ref.strip();
    if (base == null || base.isBlank() || isAbsolute(r)) {
      return r;
    }
    try {
      URI b = new URI(base.strip());
      if (!b.isAbsolute()) {
        return r;
      }
      if (b.getRawPath() == null || b.getRawPath().isEmpty()) {
        b = b.resolve("/");
      }
      return b.resolve(r.replace(" ", "%20")).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return r;
    }
  }

  static boolean isAbsolute(String s) {
    return s.matches("(?i)^[a-z][a-z0-9+.\\-]*:.*");
  }
}
