package dev.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractJsonlTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> run(String input) throws IOException {
        StringWriter out = new StringWriter();
        ExtractJsonl.run(new BufferedReader(new StringReader(input)), out, ArticleExtractorTest.EXTRACTOR);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    @Test
    void writesOneLinePerInputLineInOrderWithErrorsInPlace() throws IOException {
        String page = "<html lang=en><head><title>Rain due | Daily</title>"
                + "<meta property=article:published_time content=2024-05-01T06:00:00+02:00>"
                + "<meta name=author content='By Ann Lee'></head><body><article><p>Rain is due on Friday, the weather"
                + " service said on Tuesday, after a dry month across the region.</p></article></body></html>";
        String input = JSON.writeValueAsString(JSON.createObjectNode().put("id", "a")
                .put("url", "https://daily.example/rain").put("html", page)) + "\n"
                + "{not json\n"
                + "{\"id\":\"c\",\"url\":\"https://x.example/\",\"html\":\"\"}\n"
                + "\n"
                + "{\"id\":7,\"url\":null}\n"
                + "[1,2]\n";

        List<JsonNode> out = run(input);

        assertThat(out).hasSize(5);
        JsonNode first = out.get(0);
        assertThat(first.get("id").asText()).isEqualTo("a");
        assertThat(first.get("title").asText()).isEqualTo("Rain due");
        assertThat(first.get("text").asText()).startsWith("Rain is due on Friday");
        assertThat(first.get("published").asText()).isEqualTo("2024-05-01T04:00:00Z");
        assertThat(first.get("authors")).hasSize(1);
        assertThat(first.get("authors").get(0).asText()).isEqualTo("Ann Lee");
        assertThat(first.get("language").asText()).isEqualTo("en");
        assertThat(first.get("canonicalUrl").asText()).isEqualTo("https://daily.example/rain");
        assertThat(first.has("error")).isFalse();

        assertThat(out.get(1).get("id").isNull()).isTrue();
        assertThat(out.get(1).get("error").asText()).startsWith("malformed input line");
        assertThat(out.get(2).get("id").asText()).isEqualTo("c");
        assertThat(out.get(2).get("error").asText()).isEqualTo("empty page");
        assertThat(out.get(3).get("id").asInt()).isEqualTo(7);
        assertThat(out.get(3).get("error").asText()).contains("html");
        assertThat(out.get(4).get("error").asText()).contains("not a JSON object");
    }

    @Test
    void writesNullPublishedAndEmptyAuthorsWhenUnknown() throws IOException {
        String input = "{\"id\":\"x\",\"url\":\"https://x.example/a\",\"html\":\"<p>Short page, one sentence of text.</p>\"}";

        JsonNode line = run(input).get(0);

        assertThat(line.get("published").isNull()).isTrue();
        assertThat(line.get("authors").isArray()).isTrue();
        assertThat(line.get("authors")).isEmpty();
        assertThat(line.get("text").asText()).isEqualTo("Short page, one sentence of text.");
    }
}
