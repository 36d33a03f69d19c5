package dev.newsflow.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class TagJsonlTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Tagger TAGGER = Tagger.load();

    private static List<JsonNode> run(String input) throws IOException {
        StringWriter out = new StringWriter();
        TagJsonl.run(TAGGER, new BufferedReader(new StringReader(input)), out);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    @Test
    void writesOneResultPerLineInOrder() throws IOException {
        List<JsonNode> out = run("""
                {"id":"a","title":"Japan imposes sanctions on Iran","text":"Tokyo said so.","published":"2019-05-01T10:00:00Z"}
                {"id":"b","title":"","text":"Brazil rejected the plan.","published":null}
                """);
        assertThat(out).extracting(n -> n.get("id").asText()).containsExactly("a", "b");
        JsonNode event = out.get(0).get("events").get(0);
        assertThat(event.get("type").asText()).isEqualTo("SANCTION");
        assertThat(event.get("source").asText()).isEqualTo("JPN");
        assertThat(event.get("target").asText()).isEqualTo("IRN");
        assertThat(event.has("sentence") && event.has("offset") && event.has("confidence")).isTrue();
        JsonNode actor = out.get(0).get("actors").get(0);
        assertThat(actor.fieldNames()).toIterable().containsExactly("code", "name", "role", "mentions", "salience");
    }

    @Test
    void acceptsDatesWithoutTimeOrOffset() throws IOException {
        List<JsonNode> out = run("""
                {"id":"f","text":"Obama met Park Geun-hye.","published":"2016-09-06"}
                {"id":"g","text":"Obama met Park Geun-hye.","published":"2022-12-13T08:00:00"}
                """);
        assertThat(out.get(0).get("actors").findValuesAsText("code")).contains("KORGOV");
        assertThat(out.get(1).get("actors").findValuesAsText("code")).contains("KOR").doesNotContain("KORGOV");
    }

    @Test
    void reportsMalformedLinesAndGoesOn() throws IOException {
        List<JsonNode> out = run("""
                {not json
                ["an array"]
                {"id":"c","text":"x","published":"last Tuesday"}
                {"title":"no id"}
                {"id":"d","text":42}
                {"id":"e","text":"Iran detained a tanker.","published":"2019-07-19 10:00:00Z"}
                """);
        assertThat(out).hasSize(6);
        assertThat(out.subList(0, 5)).allSatisfy(n -> assertThat(n.has("error")).isTrue());
        assertThat(out.get(2).get("id").asText()).isEqualTo("c");
        assertThat(out.get(2).get("error").asText()).contains("ISO-8601");
        assertThat(out.get(4).get("error").asText()).contains("text");
        assertThat(out.get(5).has("error")).isFalse();
        assertThat(out.get(5).get("events").get(0).get("type").asText()).isEqualTo("COERCE");
    }
}
