package dev.newsflow.enrich.topology;

import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.RawArticle;

/** A raw record after decoding: an article, or a dead letter saying why it could not be read. */
sealed interface Decoded {
  record Article(RawArticle article) implements Decoded {}

  record Rejected(DeadLetter letter) implements Decoded {}
}
