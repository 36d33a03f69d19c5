package dev.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseFeedJsonTest {

  @Test
  void rendersDocumentedShapeInOrder() {
    ParsedFeed feed = new ParsedFeed("T", List.of(new FeedEntry("i", "A \"q\"", "https://e.example/a",
        Instant.parse("2024-01-02T03:04:05Z"), null, List.of("Ann"))), null, 30, null, null);

    assertThat(ParseFeedJson.toJson(feed)).isEqualTo(
        "{\"title\":\"T\",\"entries\":[{\"id\":\"i\",\"title\":\"A \\\"q\\\"\","
            + "\"link\":\"https://e.example/a\",\"published\":\"2024-01-02T03:04:05Z\","
            + "\"summary\":null,\"authors\":[\"Ann\"]}],\"error\":null}");
  }

  @Test
  void rendersFailureWithEmptyEntries() {
    assertThat(ParseFeedJson.toJson(ParsedFeed.failure("empty document")))
        .isEqualTo("{\"title\":null,\"entries\":[],\"error\":\"empty document\"}");
  }

  @Test
  void writesOneLinePerFileInOrderEvenForMissingFiles(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.xml");
    Files.write(a, Fixtures.bytes("relative-no-base.xml"));
    Path missing = dir.resolve("missing.xml");
    Path b = dir.resolve("b.html");
    Files.write(b, Fixtures.bytes("not-a-feed.html"));
    StringWriter out = new StringWriter();

    ParseFeedJson.runJsonl(List.of(a, missing, b), "https://x.example/feed", out);

    String[] lines = out.toString().split("\n");
    assertThat(lines).hasSize(3);
    ObjectMapper json = new ObjectMapper();
    JsonNode first = json.readTree(lines[0]);
    assertThat(first.get("error").isNull()).isTrue();
    assertThat(first.get("entries").get(0).get("link").asText()).isEqualTo("https://x.example/items/one.html");
    JsonNode second = json.readTree(lines[1]);
    assertThat(second.get("error").asText()).contains("missing.xml").contains("no such file");
    assertThat(second.get("entries")).isEmpty();
    assertThat(json.readTree(lines[2]).get("error").asText()).startsWith("not a feed");
  }
}
