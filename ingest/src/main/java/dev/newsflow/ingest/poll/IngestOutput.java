package dev.newsflow.ingest.poll;

import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.FetchEvent;
import dev.newsflow.schemas.RawArticle;

/** Where the fetcher's results go: Kafka topics in the service, a list in tests. Thread-safe. */
public interface IngestOutput {
  void article(RawArticle article);

  void fetchEvent(FetchEvent event);

  void deadLetter(DeadLetter letter);
}
