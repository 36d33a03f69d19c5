package dev.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DedupJsonlTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String line(String id, String url, String resource) throws Exception {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", id)
        .put("url", url)
        .put("title", Fixtures.title(resource))
        .put("text", Fixtures.body(resource));
    n.put("published", "2025-01-06T12:00:00Z");
    return JSON.writeValueAsString(n);
  }

  private static List<JsonNode> run(String input) throws Exception {
    StringWriter out = new StringWriter();
    DedupJsonl.run(new BufferedReader(new StringReader(input)), out);
    List<JsonNode> rows = new ArrayList<>();
    for (String l : out.toString().split("\n")) {
      rows.add(JSON.readTree(l));
    }
    return rows;
  }

  @Test
  void writesOneDecisionPerLineInOrder() throws Exception {
    String input =
        String.join(
            "\n",
            line("1", "https://wire.example/port", "dedup/wire-original.txt"),
            line("2", "https://wire.example/fish", "dedup/same-topic.txt"),
            line("3", "https://o.example/p", "dedup/wire-syndicated.txt"),
            line("4", "https://WIRE.example/port?fbclid=z", "dedup/wire-original.txt"));
    List<JsonNode> rows = run(input);
    assertThat(rows).extracting(r -> r.get("id").asText()).containsExactly("1", "2", "3", "4");
    assertThat(rows.get(0).toString())
        .isEqualTo("{\"id\":\"1\",\"duplicateOf\":null,\"clusterId\":\"1\",\"similarity\":0.0}");
    assertThat(rows.get(1).get("duplicateOf").isNull()).isTrue();
    assertThat(rows.get(2).get("duplicateOf").asText()).isEqualTo("1");
    assertThat(rows.get(3).get("duplicateOf").asText()).isEqualTo("1");
    assertThat(rows.get(3).get("similarity").asDouble()).isEqualTo(1.0);
  }

  @Test
  void reportsMalformedLinesWithoutStopping() throws Exception {
    String input =
        String.join(
            "\n",
            "not json",
            "",
            "[1,2]",
            "{\"url\":\"https://a.example/x\",\"text\":\"no id\"}",
            "{\"id\":\"e1\",\"title\":\"only a title\"}",
            "{\"id\":\"e2\",\"url\":\"ftp://a.example/x\",\"text\":\"t\"}",
            "{\"id\":\"e3\",\"url\":\"https://a.example/x\",\"text\":\"t\",\"published\":\"yesterday\"}",
            "{\"id\":\"e4\",\"url\":{\"nested\":1},\"text\":\"t\"}",
            line("ok", "https://wire.example/port", "dedup/wire-original.txt"));
    List<JsonNode> rows = run(input);
    assertThat(rows).hasSize(9);
    for (JsonNode r : rows.subList(0, 8)) {
      assertThat(r.has("error")).as(r.toString()).isTrue();
    }
    assertThat(rows.get(0).get("id").isNull()).isTrue();
    assertThat(rows.get(0).get("error").asText()).contains("not JSON");
    assertThat(rows.get(3).get("error").asText()).contains("missing id");
    assertThat(rows.get(4).get("id").asText()).isEqualTo("e1");
    assertThat(rows.get(4).get("error").asText()).contains("neither url nor text");
    assertThat(rows.get(5).get("error").asText()).contains("scheme 'ftp'");
    assertThat(rows.get(6).get("error").asText()).contains("published");
    assertThat(rows.get(7).get("error").asText()).contains("url must be a string");
    assertThat(rows.get(8).get("clusterId").asText()).isEqualTo("ok");
  }
}
