package dev.newsflow.enrich.tag;

import java.util.List;
import java.util.Objects;

/**
 * What the tagger found in one article: the participating actors and the reported events.
 *
 * <p>Example: actors {@code [USAGOV, PRK, UNO]}, events {@code [SANCTION USAGOV->PRK, MOBILIZE
 * PRK]}; {@link #actorCodes()} gives {@code [PRK, UNO, USAGOV]} and {@link #eventTypes()} gives
 * {@code [MOBILIZE, SANCTION]}.
 *
 * @param actors actors, most salient first
 * @param events events in text order
 */
public record Tags(List<ActorTag> actors, List<EventTag> events) {

    public Tags {
        actors = List.copyOf(Objects.requireNonNull(actors, "actors"));
        events = List.copyOf(Objects.requireNonNull(events, "events"));
    }

    /** Sorted, distinct actor codes. */
    public List<String> actorCodes() {
        return actors.stream().map(ActorTag::code).distinct().sorted().toList();
    }

    /** Sorted, distinct event types. */
    public List<String> eventTypes() {
        return events.stream().map(EventTag::type).distinct().sorted().toList();
    }
}
