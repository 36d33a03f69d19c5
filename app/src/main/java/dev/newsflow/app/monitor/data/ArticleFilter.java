package dev.newsflow.app.monitor.data;

import java.time.Instant;
import java.util.Locale;

/**
 * Which recent articles to show; a null part matches everything.
 *
 * @param actor actor code or its country/organisation prefix, e.g. PRK (matches PRKMIL)
 * @param event PLOVER event type, e.g. SANCTION
 * @param outlet outlet name, case-insensitive
 * @param language ISO 639-1 code
 * @param since earliest article time
 */
public record ArticleFilter(String actor, String event, String outlet, String language, Instant since) {
  public static final ArticleFilter ALL = new ArticleFilter(null, null, null, null, null);

  public boolean matches(ArticleView a) {
    return (actor == null || a.hasActor(actor))
        && (event == null || a.eventTypes().contains(event))
        && (outlet == null || outlet.toLowerCase(Locale.ROOT).equals(a.source().toLowerCase(Locale.ROOT)))
        && (language == null || language.equals(a.language()))
        && (since == null || a.timeMillis() >= since.toEpochMilli());
  }
}
