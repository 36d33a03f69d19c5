package dev.newsflow.ingest.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Canonical form of article URLs and the article id derived from it. First version: lower-cased
 * scheme and host, no fragment, no default port, {@code utm_*}, {@code fbclid} and {@code gclid}
 * removed.
 *
 * <pre>{@code
 * canonicalize("HTTPS://News.Example.com:443/a?utm_source=rss&id=7#top") -> "https://news.example.com/a?id=7"
 * }</pre>
 */
public final class UrlCanonicalizer {
  private UrlCanonicalizer() {}

  /** The canonical form of {@code url}; throws IllegalArgumentException when it is not a URL. */
  public static String canonicalize(String url) {
    try {
      URI u = new URI(url.strip());
      if (u.getScheme() == null || u.getHost() == null) {
        throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
      }
      String scheme = u.getScheme().toLowerCase(Locale.ROOT);
      int port = u.getPort();
      if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
        port = -1;
      }
      String query = stripTracking(u.getRawQuery());
      String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
      return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (port == -1 ? "" : ":" + port)
          + path + (query == null ? "" : "?" + query);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("malformed URL: " + url, e);
    }
  }

  /** The article id: lower-case hex of the first 16 bytes of SHA-256 of the canonical URL. */
  public static String articleId(String canonicalUrl) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalUrl.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder(32);
      for (int i = 0; i < 16; i++) {
        sb.append(String.format("%02x", digest[i] & 0xFF));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String stripTracking(String query) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    List<String> kept = new ArrayList<>();
    for (String pair : query.split("&")) {
      String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
      String lower = name.toLowerCase(Locale.ROOT);
      if (!pair.isEmpty() && !lower.startsWith("utm_") && !lower.equals("fbclid") && !lower.equals("gclid")) {
        kept.add(pair);
      }
    }
    return kept.isEmpty() ? null : String.join("&", kept);
  }
}
