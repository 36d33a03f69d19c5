package dev.newsflow.ingest.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads test fixtures from {@code src/test/resources/dev/newsflow/ingest/feed}. */
final class Fixtures {

  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
