package dev.newsflow.enrich.dedup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Test fixtures: article text files whose first line is the headline. */
final class Fixtures {

  private Fixtures() {}

  static String read(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String title(String resource) {
    return read(resource).lines().findFirst().orElse("");
  }

  static String body(String resource) {
    String all = read(resource);
    int nl = all.indexOf('\n');
    return nl < 0 ? "" : all.substring(nl + 1).strip();
  }

  static DedupArticle article(String id, String url, String resource, String published) {
    return new DedupArticle(id, url, title(resource), body(resource), Instant.parse(published));
  }
}
