package dev.newsflow.ingest.poll;

import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.FetchEvent;
import dev.newsflow.schemas.RawArticle;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the poller hands out, for assertions. */
final class RecordingOutput implements IngestOutput {
  final List<RawArticle> articles = new CopyOnWriteArrayList<>();
  final List<FetchEvent> events = new CopyOnWriteArrayList<>();
  final List<DeadLetter> letters = new CopyOnWriteArrayList<>();

  @Override
  public void article(RawArticle article) {
    articles.add(article);
  }

  @Override
  public void fetchEvent(FetchEvent event) {
    events.add(event);
  }

  @Override
  public void deadLetter(DeadLetter letter) {
    letters.add(letter);
  }
}
