package dev.newsflow.sink.store;

import dev.newsflow.schemas.config.Settings;
import dev.newsflow.sink.jsonl.JsonLinesStore;
import dev.newsflow.sink.postgres.PostgresStore;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Opens the stores named by {@code sink.targets} ({@code jsonl}, {@code postgres}, or both). */
public final class Stores {
  private Stores() {}

  public static ArticleStore open(Settings s) throws IOException, StoreException {
    List<ArticleStore> stores = new ArrayList<>();
    for (String target : s.getString("sink.targets").split(",")) {
      switch (target.strip().toLowerCase(Locale.ROOT)) {
        case "jsonl" -> stores.add(new JsonLinesStore(outDir(s), instance(s), s.getLong("sink.jsonl.max-file-bytes"), Clock.systemUTC()));
        case "postgres" -> {
          if (!s.has("sink.jdbc-url")) {
            throw new IllegalArgumentException("sink target 'postgres' needs sink.jdbc-url (--jdbc-url 'jdbc:postgresql://HOST:5432/DB?user=...')");
          }
          stores.add(new PostgresStore(s.getString("sink.jdbc-url")));
        }
        case "" -> { }
        default -> throw new IllegalArgumentException("unknown sink target '" + target.strip() + "': use jsonl, postgres or jsonl,postgres");
      }
    }
    return stores.size() == 1 ? stores.get(0) : new CompositeStore(stores);
  }

  public static Path outDir(Settings s) {
    String outDir = s.getString("sink.out-dir", "");
    return outDir.isBlank() ? Path.of(s.getString("data.dir")).resolve("out") : Path.of(outDir);
  }

  /** {@code sink.instance}, else the host name: part of the JSON Lines file names. */
  static String instance(Settings s) {
    if (s.has("sink.instance")) {
      return s.getString("sink.instance");
    }
    try {
      return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9_.-]", "_");
    } catch (IOException e) {
      return "sink";
    }
  }
}
