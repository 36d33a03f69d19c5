package dev.newsflow.ingest.poll;

import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.FeedState;
import dev.newsflow.schemas.FetchEvent;
import dev.newsflow.schemas.RawArticle;
import java.util.List;
import java.util.Objects;

/**
 * Everything one poll of a feed produced, to be written together (in one Kafka transaction): the
 * new articles, one fetch event per fetch, dead letters, and the feed's new state.
 */
public record PollResult(
    String feedUrl,
    FeedState state,
    List<RawArticle> articles,
    List<FetchEvent> events,
    List<DeadLetter> letters) {
  public PollResult {
    Objects.requireNonNull(feedUrl, "feedUrl");
    Objects.requireNonNull(state, "state");
    articles = List.copyOf(articles);
    events = List.copyOf(events);
    letters = List.copyOf(letters);
  }

  /** The status of the feed fetch itself (the last event of kind FEED). */
  public String feedStatus() {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i).getKind().equals("FEED")) {
        return events.get(i).getStatus();
      }
    }
    return "NONE";
  }
}
