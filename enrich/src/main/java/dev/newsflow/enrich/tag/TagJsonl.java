package dev.newsflow.enrich.tag;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Line-oriented tagging for {@code ./newsflow tag}: one JSON article a line in, one JSON result a
 * line out, in order.
 *
 * <p>In: {@code {"id":"a1","title":"...","text":"...","published":"2016-09-06T14:20:00Z"}}
 * ({@code published} ISO-8601 or null: an offset date-time, a local date-time or a date, read as UTC). Out: {@code {"id":"a1","actors":[{"code":"USAGOV",
 * "name":"United States","role":"GOV","mentions":3,"salience":1.0}],"events":[{"type":"SANCTION",
 * "source":"USAGOV","target":"PRK","sentence":"...","offset":0,"confidence":0.9}]}}. A line that
 * cannot be read gives {@code {"id":..,"error":".."}} and the run goes on.
 */
public final class TagJsonl {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TagJsonl() {
    }

    /** Tags every line of {@code in} with the bundled dictionaries. */
    public static void run(BufferedReader in, Writer out) throws IOException {
        run(Tagger.load(), in, out);
    }

    /** Tags every line of {@code in} with {@code tagger}; returns the number of lines written. */
    public static long run(Tagger tagger, BufferedReader in, Writer out) throws IOException {
        long n = 0;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            out.write(JSON.writeValueAsString(tagLine(tagger, line)));
            out.write('\n');
            n++;
        }
        out.flush();
        return n;
    }

    static ObjectNode tagLine(Tagger tagger, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return error(null, "not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return error(null, "not a JSON object");
        }
        String id = node.path("id").isValueNode() && !node.path("id").isNull() ? node.path("id").asText() : null;
        try {
            Article a = new Article(id, text(node, "title"), text(node, "text"), published(node));
            return result(id, tagger.tag(a));
        } catch (IllegalArgumentException | NullPointerException e) {
            return error(id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field " + field + " is not a string");
        }
        return v.asText();
    }

    private static Instant published(JsonNode node) {
        String p = text(node, "published").strip();
        if (p.isEmpty()) {
            return null;
        }
        String iso = p.replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException("published is not ISO-8601: " + p);
                }
            }
        }
    }

    private static ObjectNode result(String id, Tags tags) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        ArrayNode actors = o.putArray("actors");
        for (ActorTag a : tags.actors()) {
            actors.addObject().put("code", a.code()).put("name", a.name()).put("role", a.role())
                    .put("mentions", a.mentions()).put("salience", a.salience());
        }
        ArrayNode events = o.putArray("events");
        for (EventTag e : tags.events()) {
            events.addObject().put("type", e.type()).put("source", e.source()).put("target", e.target())
                    .put("sentence", e.sentence()).put("offset", e.offset()).put("confidence", e.confidence());
        }
        return o;
    }

    private static ObjectNode error(String id, String message) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        o.put("error", message);
        return o;
    }
}
