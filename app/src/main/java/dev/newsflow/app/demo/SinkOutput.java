package dev.newsflow.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads back what the JSON Lines sink wrote under an output directory. */
public final class SinkOutput {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SinkOutput() {}

  /** Every article line of every {@code *.jsonl} file under {@code dir}, file by file in name order. */
  public static List<JsonNode> read(Path dir) {
    List<JsonNode> lines = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return lines;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
        List<String> text = Files.readAllLines(f, StandardCharsets.UTF_8);
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
}
