package dev.newsflow.ingest.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * JSON rendering behind {@code newsflow parse-feed}: {@code {"title":..., "entries":[{"id",
 * "title","link","published","summary","authors"}...], "error": null}}, {@code published} as an
 * ISO-8601 UTC string or null. Uses the same {@link FeedParser} as the service.
 *
 * <p>Example: {@code runJsonl(List.of(Path.of("a.xml"), Path.of("missing.xml")), null, out)} writes
 * two lines, the second {@code {"title":null,"entries":[],"error":"cannot read missing.xml: no
 * such file"}}.
 */
public final class ParseFeedJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final FeedParser PARSER = new FeedParser();

  private ParseFeedJson() {}

  /** One feed as a single-line JSON object with keys in the documented order. */
  public static String toJson(ParsedFeed feed) {
    try {
      return MAPPER.writeValueAsString(toNode(feed));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render parsed feed as JSON", e);
    }
  }

  /** Parses each file in order and writes one JSON object per line; never stops on a bad file. */
  public static void runJsonl(List<Path> files, String urlOrNull, Writer out) {
    try {
      for (Path file : files) {
        out.write(toJson(parseFile(file, urlOrNull)));
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write parse-feed output", e);
    }
  }

  /** Reads and parses one file; an unreadable file gives a failed {@link ParsedFeed}. */
  public static ParsedFeed parseFile(Path file, String urlOrNull) {
    byte[] body;
    try {
      body = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return ParsedFeed.failure("cannot read " + file + ": no such file");
    } catch (IOException | SecurityException e) {
      return ParsedFeed.failure("cannot read " + file + ": " + e.getMessage());
    }
    return PARSER.parse(body, urlOrNull, null);
  }

  static ObjectNode toNode(ParsedFeed feed) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("title", feed.title());
    ArrayNode entries = root.putArray("entries");
    for (FeedEntry e : feed.entries()) {
      ObjectNode n = entries.addObject();
      n.put("id", e.id());
      n.put("title", e.title());
      n.put("link", e.link());
      n.put("published", e.published() == null ? null : e.published().toString());
      n.put("summary", e.summary());
      ArrayNode authors = n.putArray("authors");
      e.authors().forEach(authors::add);
    }
    root.put("error", feed.error());
    return root;
  }
}
