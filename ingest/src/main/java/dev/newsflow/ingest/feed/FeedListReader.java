package dev.newsflow.ingest.feed;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a feed list: one URL a line, blank lines and {@code #} comments ignored. */
public final class FeedListReader {
  private FeedListReader() {}

  /**
   * The feed URLs listed in {@code file}.
   *
   * @throws IllegalArgumentException naming the line of the first entry that is not an http(s) URL
   */
  public static List<String> read(Path file) throws IOException {
    List<String> urls = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        URI uri = URI.create(line);
        if (uri.getHost() == null || !(line.startsWith("http://") || line.startsWith("https://"))) {
          throw new IllegalArgumentException("not an http(s) URL");
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": '" + line + "' is not a feed URL (" + e.getMessage() + ")", e);
      }
      urls.add(line);
    }
    return urls;
  }
}
