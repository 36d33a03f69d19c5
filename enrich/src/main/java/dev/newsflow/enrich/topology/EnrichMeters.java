package dev.newsflow.enrich.topology;

import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.DedupVerdict;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.EventTag;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * The enrich topology's meters, counted by {@code peek} steps on the stream threads: records in,
 * articles out, repeats dropped, dedup verdicts, tags by kind, events by type, dead letters. With
 * exactly-once processing a task that fails and is retried counts its records again, so the counts
 * may exceed what the topics hold by the records of aborted transactions.
 */
final class EnrichMeters {
  private final MeterRegistry registry;
  private final Counter in;
  private final Counter out;
  private final Counter repeats;
  private final Counter actors;
  private final Counter events;
  private final Map<DedupVerdict, Counter> verdicts = new EnumMap<>(DedupVerdict.class);

  EnrichMeters(MeterRegistry registry) {
    this.registry = registry;
    in = Counter.builder("newsflow.articles.in").tag("stage", "enrich")
        .description("Records a stage consumed from its input topic").register(registry);
    out = Counter.builder("newsflow.articles.out").tag("stage", "enrich")
        .description("Articles a stage wrote to its output topic").register(registry);
    repeats = Counter.builder("newsflow.enrich.repeats.dropped")
        .description("Raw articles dropped because their id came again with the same text").register(registry);
    actors = tags("actor");
    events = tags("event");
    for (DedupVerdict v : DedupVerdict.values()) {
      verdicts.put(v, Counter.builder("newsflow.dedup.verdicts").tag("verdict", v.name())
          .description("Enriched articles by deduplication verdict").register(registry));
    }
  }

  private Counter tags(String kind) {
    return Counter.builder("newsflow.tags").tag("kind", kind).description("Tags put on enriched articles, by kind (actor, event)")
        .register(registry);
  }

  Counter repeats() {
    return repeats;
  }

  void consumed() {
    in.increment();
  }

  void decided(EnrichedArticle a) {
    out.increment();
    verdicts.get(a.getDedup().getVerdict()).increment();
    actors.increment(a.getActors().size());
    events.increment(a.getEvents().size());
    for (EventTag e : a.getEvents()) {
      Counter.builder("newsflow.events").tag("type", e.getType()).description("Events tagged on enriched articles, by PLOVER type")
          .register(registry).increment();
    }
  }

  void deadLettered(DeadLetter letter) {
    Counter.builder("newsflow.dlq").tags("stage", "enrich", "reason", letter.getReason())
        .description("Records sent to the dead-letter topic, by stage and reason").register(registry).increment();
  }
}
