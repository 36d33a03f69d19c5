package dev.newsflow.enrich.topology;

import dev.newsflow.enrich.tag.ActorTag;
import dev.newsflow.enrich.tag.Article;
import dev.newsflow.enrich.tag.Tagger;
import dev.newsflow.enrich.tag.Tags;
import dev.newsflow.schemas.Actor;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.EventTag;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.kstream.ValueMapper;

/** Adds the tagger's actors, events and their sorted summaries to an enriched article. */
final class ArticleTagger implements ValueMapper<EnrichedArticle, EnrichedArticle> {
  private final Tagger tagger;

  ArticleTagger(Tagger tagger) {
    this.tagger = tagger;
  }

  @Override
  public EnrichedArticle apply(EnrichedArticle a) {
    Tags tags = tagger.tag(new Article(a.getId(), a.getTitle(), a.getText(), a.getPublished()));
    List<Actor> actors = new ArrayList<>(tags.actors().size());
    for (ActorTag t : tags.actors()) {
      actors.add(Actor.newBuilder().setCode(t.code()).setName(t.name()).setRole(t.role())
          .setMentions(t.mentions()).setSalience(t.salience()).build());
    }
    List<EventTag> events = new ArrayList<>(tags.events().size());
    for (dev.newsflow.enrich.tag.EventTag e : tags.events()) {
      events.add(EventTag.newBuilder().setType(e.type()).setSource(e.source()).setTarget(e.target())
          .setSentence(e.sentence()).setOffset(e.offset()).setConfidence(e.confidence()).build());
    }
    return EnrichedArticle.newBuilder(a).setActors(actors).setEvents(events)
        .setActorCodes(tags.actorCodes()).setEventTypes(tags.eventTypes()).build();
  }
}
