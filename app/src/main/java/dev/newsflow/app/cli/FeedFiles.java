package dev.newsflow.app.cli;

import dev.newsflow.ingest.feed.FeedList;
import dev.newsflow.ingest.feed.FeedListReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a feed list file (plain text or OPML) for the command line, reporting its problems. */
final class FeedFiles {
  private FeedFiles() {}

  /**
   * The feed URLs of {@code file}; each line that is not a feed URL is reported on {@code err}.
   *
   * @throws IllegalArgumentException when the file cannot be read or lists no feed at all
   */
  static List<String> read(Path file, PrintWriter err) {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read feed list " + file + ": " + e.getMessage(), e);
    }
    FeedList list = FeedListReader.read(content);
    for (String problem : list.problems()) {
      err.println("newsflow: " + file + ": " + problem + " (skipped)");
    }
    err.flush();
    if (list.urls().isEmpty()) {
      throw new IllegalArgumentException("no feed URLs in " + file);
    }
    return list.urls();
  }
}
