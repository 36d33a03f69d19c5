package dev.newsflow.ingest.poll;

import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.RawArticle;
import java.util.ArrayList;
import java.util.List;

/** Articles and dead letters gathered while fetching the pages of one poll. */
final class Pages {
  final List<RawArticle> articles = new ArrayList<>();
  final List<DeadLetter> letters = new ArrayList<>();
}
