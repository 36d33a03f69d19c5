package dev.newsflow.sink.jsonl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.schemas.Actor;
import dev.newsflow.schemas.Dedup;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.EventTag;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * One enriched article as one line of JSON with readable field names and ISO-8601 UTC times:
 *
 * <pre>{@code
 * {"id":"3f2a...","url":"https://...","title":"...","text":"...","published":"2022-12-13T05:15:00Z",
 *  "source":"dailyworld.example.net","fetchedAt":"...","actors":[{"code":"PRK",...}],
 *  "events":[{"type":"SANCTION",...}],"dedup":{"verdict":"UNIQUE","duplicateOf":null,...}, ...}
 * }</pre>
 */
public final class ArticleJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ArticleJson() {}

  /** The JSON object of {@code a}, without a line break. */
  public static String toLine(EnrichedArticle a) {
    try {
      return MAPPER.writeValueAsString(toNode(a));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectNode toNode(EnrichedArticle a) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", a.getId());
    o.put("url", a.getUrl());
    o.put("title", a.getTitle());
    o.put("text", a.getText());
    o.put("published", iso(a.getPublished()));
    o.put("source", a.getSource());
    o.put("feedUrl", a.getFeedUrl());
    o.put("fetchedAt", iso(a.getFetchedAt()));
    o.put("enrichedAt", iso(a.getEnrichedAt()));
    o.put("language", a.getLanguage());
    ArrayNode authors = o.putArray("authors");
    a.getAuthors().forEach(authors::add);
    o.put("updated", a.getUpdated());
    ArrayNode actors = o.putArray("actors");
    for (Actor actor : a.getActors()) {
      actors.addObject()
          .put("code", actor.getCode())
          .put("name", actor.getName())
          .put("role", actor.getRole())
          .put("mentions", actor.getMentions())
          .put("salience", actor.getSalience());
    }
    ArrayNode actorCodes = o.putArray("actorCodes");
    a.getActorCodes().forEach(actorCodes::add);
    ArrayNode eventTypes = o.putArray("eventTypes");
    a.getEventTypes().forEach(eventTypes::add);
    ArrayNode events = o.putArray("events");
    for (EventTag e : a.getEvents()) {
      events.addObject()
          .put("type", e.getType())
          .put("source", e.getSource())
          .put("target", e.getTarget())
          .put("sentence", e.getSentence())
          .put("offset", e.getOffset())
          .put("confidence", e.getConfidence());
    }
    Dedup d = a.getDedup();
    o.putObject("dedup")
        .put("verdict", d.getVerdict().name())
        .put("duplicateOf", d.getDuplicateOf())
        .put("clusterId", d.getClusterId())
        .put("similarity", d.getSimilarity());
    return o;
  }

  private static String iso(Instant t) {
    return t == null ? null : t.toString();
  }
}
