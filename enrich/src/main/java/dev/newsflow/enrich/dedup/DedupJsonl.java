package dev.newsflow.enrich.dedup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code ./newsflow dedup} command: de-duplicates a JSON-lines stream of articles in arrival
 * order.
 *
 * <p>Input line: {@code
 * {"id":"d1","url":"https://...","title":"...","text":"...","published":"2025-01-06T12:34:56Z"}}.
 * Output, one line per input line and in the same order: {@code
 * {"id":"d1","duplicateOf":null,"clusterId":"d1", "similarity":0.0}}, or {@code
 * {"id":"d1","error":"..."}} for a line that is not a valid article (not JSON, no {@code id},
 * neither {@code url} nor {@code text}, a bad URL or date). {@code id} is the record's own id.
 */
public final class DedupJsonl {

  private static final Logger LOG = LoggerFactory.getLogger(DedupJsonl.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Deduplicator deduplicator;
  private long lines;
  private long errors;

  public DedupJsonl(Deduplicator deduplicator) {
    this.deduplicator = Objects.requireNonNull(deduplicator, "deduplicator");
  }

  /**
   * Runs the default deduplicator over {@code in}, writing to {@code out}; returns the number of
   * error lines.
   */
  public static long run(BufferedReader in, Writer out) throws IOException {
    DedupJsonl command = new DedupJsonl(Deduplicator.withDefaults());
    command.process(in, out);
    return command.errors;
  }

  /** Processes every line of {@code in}; flushes {@code out} at the end. */
  public void process(BufferedReader in, Writer out) throws IOException {
    String line;
    while ((line = in.readLine()) != null) {
      lines++;
      out.write(JSON.writeValueAsString(processLine(line)));
      out.write('\n');
    }
    out.flush();
    LOG.info(
        "dedup: {} lines, {} errors, {} articles in window state",
        lines,
        errors,
        deduplicator.stateSize());
  }

  private ObjectNode processLine(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return error(null, "line " + lines + ": not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      return error(null, "line " + lines + ": expected a JSON object");
    }
    JsonNode idNode = node.get("id");
    String id = idNode != null && idNode.isValueNode() && !idNode.isNull() ? idNode.asText() : null;
    if (id == null || id.isBlank()) {
      return error(null, "line " + lines + ": missing id");
    }
    try {
      Decision d = deduplicator.accept(article(node, id));
      ObjectNode out = JSON.createObjectNode();
      out.put("id", id);
      out.put("duplicateOf", d.duplicateOf());
      out.put("clusterId", d.clusterId());
      out.put("similarity", Math.round(d.similarity() * 10_000) / 10_000.0);
      return out;
    } catch (IllegalArgumentException e) {
      return error(id, "line " + lines + ": " + e.getMessage());
    }
  }

  private static DedupArticle article(JsonNode node, String id) {
    String url = text(node, "url");
    String text = text(node, "text");
    if ((url == null || url.isBlank()) && (text == null || text.isBlank())) {
      throw new IllegalArgumentException("neither url nor text");
    }
    return new DedupArticle(id, url, text(node, "title"), text, published(text(node, "published")));
  }

  private static Instant published(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "published is not an ISO-8601 date-time with offset: " + value);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return value.asText();
  }

  private ObjectNode error(String id, String message) {
    errors++;
    LOG.warn("dedup: {}", message);
    ObjectNode out = JSON.createObjectNode();
    out.put("id", id);
    out.put("error", message);
    return out;
  }

  /**
   * CLI entry: stdin to stdout, UTF-8. Exit status 0 even with error lines (they are in the
   * output).
   */
  public static void main(String[] args) {
    try (BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8)) {
      run(in, new java.io.BufferedWriter(out, 1 << 16));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
