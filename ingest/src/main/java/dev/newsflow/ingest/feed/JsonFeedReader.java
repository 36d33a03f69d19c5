package dev.newsflow.ingest.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads JSON Feed 1.0 / 1.1 ({@code https://jsonfeed.org/version/1.1}) with Jackson.
 *
 * <p>Example: {@code {"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1",
 * "url":"/a","title":"A","date_published":"2024-01-02T03:04:05+01:00"}]}} with feed URL {@code
 * https://example.org/feed.json} gives one entry linking to {@code https://example.org/a}.
 */
final class JsonFeedReader {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .build();

  private JsonFeedReader() {}

  /** True when the body starts (after BOM and whitespace) with '{'. */
  static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\uFEFF' && !Character.isWhitespace(c)) {
        return c == '{';
      }
    }
    return false;
  }

  static ParsedFeed read(String text, String feedUrl) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text.strip().replaceFirst("^\uFEFF", ""));
    } catch (JsonProcessingException e) {
      return ParsedFeed.failure("invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      return ParsedFeed.failure("unreadable JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      return ParsedFeed.failure("not a JSON Feed: top level is not an object");
    }
    if (!root.path("version").asText("").contains("jsonfeed.org") && !root.path("items").isArray()) {
      return ParsedFeed.failure("not a JSON Feed: no jsonfeed.org version and no items array");
    }
    String base = text(root, "feed_url") != null ? text(root, "feed_url") : feedUrl;
    List<FeedEntry> entries = new ArrayList<>();
    for (JsonNode item : root.path("items")) {
      if (item.isObject()) {
        entries.add(entry(item, feedUrl != null ? feedUrl : base));
      }
    }
    return new ParsedFeed(FeedText.plain(text(root, "title")), entries, null, null, null, null);
  }

  private static FeedEntry entry(JsonNode item, String base) {
    String url = text(item, "url") != null ? text(item, "url") : text(item, "external_url");
    String summary = text(item, "summary");
    if (summary == null) {
      summary = text(item, "content_html") != null ? text(item, "content_html") : text(item, "content_text");
    }
    String date = text(item, "date_published") != null ? text(item, "date_published") : text(item, "date_modified");
    return new FeedEntry(
        text(item, "id"),
        FeedText.plain(text(item, "title")),
        url == null ? null : FeedText.resolve(base, url),
        FeedDates.parse(date),
        summary,
        authors(item));
  }

  private static List<String> authors(JsonNode item) {
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode a : item.path("authors")) {
      String n = text(a, "name");
      if (n != null) {
        names.add(n);
      }
    }
    String single = text(item.path("author"), "name");
    if (single != null) {
      names.add(single);
    }
    return new ArrayList<>(names);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    if (v.isTextual() || v.isNumber()) {
      return FeedText.blankToNull(v.asText());
    }
    return null;
  }
}
