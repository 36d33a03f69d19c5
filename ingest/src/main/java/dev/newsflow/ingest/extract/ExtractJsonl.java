package dev.newsflow.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The {@code newsflow extract --jsonl} contract: reads lines {@code {"id","url","html"}} and writes, for each input
 * line and in order, {@code {"id","title","text","published","authors","language","canonicalUrl"}}, or
 * {@code {"id","error"}} when the page cannot be handled or the line is not such an object. Never throws on bad
 * input; blank lines are skipped.
 *
 * <p>Example: {@code {"id":"a","url":"https://x.example/","html":""}} gives {@code {"id":"a","error":"empty page"}}.
 */
public final class ExtractJsonl {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, List<String>> HTML_UTF8 =
            Map.of("Content-Type", List.of("text/html; charset=utf-8"));

    private ExtractJsonl() {
    }

    /** Runs the contract with a default {@link ArticleExtractor}. */
    public static void run(BufferedReader in, Writer out) throws IOException {
        run(in, out, new ArticleExtractor());
    }

    /** Runs the contract with the given extractor; flushes {@code out} at the end. */
    public static void run(BufferedReader in, Writer out, ArticleExtractor extractor) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            out.write(MAPPER.writeValueAsString(answer(line, extractor)));
            out.write('\n');
        }
        out.flush();
    }

    /** The output object for one input line. */
    static ObjectNode answer(String line, ArticleExtractor extractor) {
        JsonNode input;
        try {
            input = MAPPER.readTree(line);
        } catch (IOException e) {
            return error(null, "malformed input line: not JSON");
        }
        if (input == null || !input.isObject()) {
            return error(null, "malformed input line: not a JSON object");
        }
        JsonNode id = input.get("id");
        JsonNode html = input.get("html");
        if (html == null || !html.isTextual()) {
            return error(id, "malformed input line: no \"html\" string");
        }
        String url = input.hasNonNull("url") ? input.get("url").asText() : null;
        try {
            Extraction e = extractor.extract(html.asText().getBytes(StandardCharsets.UTF_8), url, HTML_UTF8);
            return result(id, e);
        } catch (ExtractionException e) {
            return error(id, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return error(id, "extraction failed: " + e);
        }
    }

    private static ObjectNode result(JsonNode id, Extraction e) {
        ObjectNode out = MAPPER.createObjectNode();
        out.set("id", id);
        out.put("title", e.title());
        out.put("text", e.text());
        out.put("published", e.published() == null ? null : e.published().toString());
        ArrayNode authors = out.putArray("authors");
        e.authors().forEach(authors::add);
        out.put("language", e.language());
        out.put("canonicalUrl", e.canonicalUrl());
        return out;
    }

    private static ObjectNode error(JsonNode id, String message) {
        ObjectNode out = MAPPER.createObjectNode();
        out.set("id", id);
        out.put("error", message);
        return out;
    }

    /** Benchmark entry point: {@code java ... ExtractJsonl < pages.jsonl > pred.jsonl}. */
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        run(in, out);
        System.err.printf("done in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }
}
