package dev.newsflow.ingest.feed.bench;

import dev.newsflow.ingest.feed.ParseFeedJson;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stand-in for {@code newsflow parse-feed} in this scratch project, with the same arguments:
 * {@code FILE [--url URL]} prints one JSON object; {@code --jsonl FILE...} prints one line per file
 * in order. The app module's command should do exactly this.
 */
public final class ParseFeedMain {

  private ParseFeedMain() {}

  public static void main(String[] args) {
    Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
    List<Path> files = new ArrayList<>();
    String url = null;
    boolean jsonl = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--jsonl" -> jsonl = true;
        case "--url" -> url = i + 1 < args.length ? args[++i] : null;
        default -> files.add(Path.of(args[i]));
      }
    }
    if (files.isEmpty() || (!jsonl && files.size() != 1)) {
      new PrintWriter(System.err, true).println(
          "usage: parse-feed FILE [--url URL] | parse-feed --jsonl FILE... [--url URL]");
      System.exit(2);
    }
    ParseFeedJson.runJsonl(files, url, out);
  }
}
