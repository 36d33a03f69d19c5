package dev.newsflow.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.schemas.config.Settings;
import dev.newsflow.sink.store.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Reads back what the sink wrote: JSON Lines files, PostgreSQL rows, or both. */
public final class SinkOutput {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SinkOutput() {}

  /** Per configured target ({@code jsonl}, {@code postgres}), the articles it holds. */
  public static Map<String, List<JsonNode>> read(Settings settings) {
    Map<String, List<JsonNode>> out = new LinkedHashMap<>();
    for (String target : settings.getString("sink.targets").split(",")) {
      switch (target.strip().toLowerCase(Locale.ROOT)) {
        case "jsonl" -> out.put("jsonl", read(Stores.outDir(settings)));
        case "postgres" -> out.put("postgres", readPostgres(settings.getString("sink.jdbc-url")));
        default -> { }
      }
    }
    return out;
  }

  /** Every article line of every {@code *.jsonl} (and {@code *.jsonl.part}) file under {@code dir}. */
  public static List<JsonNode> read(Path dir) {
    List<JsonNode> lines = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return lines;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().matches(".*\\.jsonl(\\.part)?")).sorted().toList()) {
        List<String> text;
        try {
          text = Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException renamed) {
          continue;
        }
        for (int i = 0; i < text.size(); i++) {
          if (text.get(i).isBlank()) {
            continue;
          }
          try {
            lines.add(MAPPER.readTree(text.get(i)));
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            if (i < text.size() - 1) {
              throw new IOException(f + ":" + (i + 1) + ": not a JSON line: " + e.getOriginalMessage(), e);
            }
            // The last line is being written right now; it is read at the next look.
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sink output in " + dir, e);
    }
    return lines;
  }

  /** The rows of the articles table, as the same JSON fields the JSON Lines sink writes. */
  static List<JsonNode> readPostgres(String jdbcUrl) {
    List<JsonNode> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT id, url, title, body, source, published, fetched_at, dedup_verdict FROM articles")) {
      while (r.next()) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", r.getString(1));
        o.put("url", r.getString(2));
        o.put("title", r.getString(3));
        o.put("text", r.getString(4));
        o.put("source", r.getString(5));
        o.put("published", r.getObject(6, java.time.OffsetDateTime.class) == null ? null
            : r.getObject(6, java.time.OffsetDateTime.class).toInstant().toString());
        o.put("fetchedAt", r.getObject(7, java.time.OffsetDateTime.class).toInstant().toString());
        o.putObject("dedup").put("verdict", r.getString(8));
        rows.add(o);
      }
    } catch (SQLException e) {
      if (!"42P01".equals(e.getSQLState())) {
        throw new IllegalStateException("cannot read the articles table: " + e.getMessage(), e);
      }
    }
    return rows;
  }
}
