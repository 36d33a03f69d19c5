package dev.newsflow.enrich.topology;

import dev.newsflow.enrich.dedup.CandidateJudge;
import dev.newsflow.enrich.dedup.NearDuplicateRule;
import dev.newsflow.enrich.dedup.Sketcher;
import dev.newsflow.enrich.tag.Tagger;
import dev.newsflow.schemas.config.Settings;
import dev.newsflow.schemas.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What the enrich topology needs to be built.
 *
 * @param topics topic names and serdes
 * @param clock the clock stamping {@code enrichedAt}
 * @param tagger the actor and event tagger
 * @param sketcher the near-duplicate sketcher
 * @param judge the near-duplicate decision rule
 * @param window how long an article stays a candidate original for later copies
 * @param copiesTopic where copies (DUPLICATE, NEAR_DUPLICATE) go; null: the enriched topic
 */
public record EnrichConfig(Topics topics, Clock clock, Tagger tagger, Sketcher sketcher, CandidateJudge judge,
    Duration window, String copiesTopic) {
  public EnrichConfig {
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(tagger, "tagger");
    Objects.requireNonNull(sketcher, "sketcher");
    Objects.requireNonNull(judge, "judge");
    Objects.requireNonNull(window, "window");
  }

  /** The default tagger, sketcher and rule with {@code topics}: for tests. */
  public static EnrichConfig defaults(Topics topics, Clock clock) {
    Sketcher sketcher = Sketcher.withDefaults();
    return new EnrichConfig(topics, clock, Tagger.load(), sketcher,
        new CandidateJudge(sketcher, NearDuplicateRule.defaults()), Duration.ofDays(7), null);
  }

  public static EnrichConfig from(Settings settings) {
    Sketcher sketcher = Sketcher.withDefaults();
    String dictionaries = settings.getString("tag.dictionaries", "");
    String copies = settings.getString("dedup.copies-topic", "");
    return new EnrichConfig(
        Topics.from(settings),
        Clock.systemUTC(),
        dictionaries.isBlank() ? Tagger.load() : Tagger.load(java.nio.file.Path.of(dictionaries)),
        sketcher,
        new CandidateJudge(sketcher, NearDuplicateRule.defaults()),
        settings.getMillis("dedup.window.ms"),
        copies.isBlank() ? null : copies);
  }
}
