package dev.newsflow.app.monitor.data;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.newsflow.schemas.DedupVerdict;
import dev.newsflow.schemas.EnrichedArticle;
import java.time.Instant;
import java.util.List;

/**
 * What the monitor keeps of an enriched article: everything the Live page shows (the text is left
 * out, the evidence sentences stay). Times are ISO-8601 UTC strings; {@code time} is the
 * publication time, else the fetch time.
 */
public record ArticleView(String id, String url, String title, String source, String feedUrl, String language,
    String time, String published, String fetchedAt, List<ActorView> actors, List<String> actorCodes,
    List<String> eventTypes, List<EventView> events, String verdict, String clusterId, String duplicateOf,
    double similarity, @JsonIgnore long timeMillis) {

  /** An actor of the article: its code (USAGOV) and name. */
  public record ActorView(String code, String name) {}

  /** An event of the article with the sentence that reports it. */
  public record EventView(String type, String source, String target, String sentence, double confidence) {}

  public ArticleView {
    actors = List.copyOf(actors);
    actorCodes = List.copyOf(actorCodes);
    eventTypes = List.copyOf(eventTypes);
    events = List.copyOf(events);
  }

  public static ArticleView of(EnrichedArticle a) {
    Instant time = a.getPublished() != null ? a.getPublished() : a.getFetchedAt();
    return new ArticleView(a.getId(), a.getUrl(), a.getTitle(), a.getSource(), a.getFeedUrl(), a.getLanguage(),
        time.toString(), a.getPublished() == null ? null : a.getPublished().toString(), a.getFetchedAt().toString(),
        a.getActors().stream().map(x -> new ActorView(x.getCode(), x.getName())).toList(),
        a.getActorCodes(), a.getEventTypes(),
        a.getEvents().stream().map(e -> new EventView(e.getType(), e.getSource(), e.getTarget(), e.getSentence(), e.getConfidence())).toList(),
        a.getDedup().getVerdict().name(), a.getDedup().getClusterId(), a.getDedup().getDuplicateOf(),
        a.getDedup().getSimilarity(), time.toEpochMilli());
  }

  /** True for a copy of an earlier article (its cluster's first article is another one). */
  @JsonIgnore
  public boolean isCopy() {
    return !DedupVerdict.UNIQUE.name().equals(verdict) && clusterId != null && !clusterId.equals(id);
  }

  /** True when one of the article's actor codes is {@code code} or starts with it (USA matches USAGOV). */
  public boolean hasActor(String code) {
    return actorCodes.stream().anyMatch(c -> c.startsWith(code));
  }
}
