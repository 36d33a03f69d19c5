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
 * @param bandPartitions partitions of the band index (of {@code topics.dedup-bands}): an article's
 *     bands are grouped by the partition they live in, one message per partition
 * @param maxBandMembers most articles kept under one band key, the latest first: a band every
 *     article shares (a stock opening, a template) would otherwise make each article's work grow
 *     with the number of articles in the window
 * @param order whether and how band partitions take requests in the articles' time order
 */
public record EnrichConfig(Topics topics, Clock clock, Tagger tagger, Sketcher sketcher, CandidateJudge judge,
    Duration window, String copiesTopic, int bandPartitions, int maxBandMembers, BandOrder order) {
  public EnrichConfig {
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(tagger, "tagger");
    Objects.requireNonNull(sketcher, "sketcher");
    Objects.requireNonNull(judge, "judge");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(order, "order");
    if (maxBandMembers < 1) {
      throw new IllegalArgumentException("dedup.max-band-members must be >= 1: " + maxBandMembers);
    }
    if (bandPartitions < 1) {
      throw new IllegalArgumentException("band partitions must be >= 1");
    }
  }

  /** The default of {@code dedup.max-band-members}. */
  public static final int DEFAULT_MAX_BAND_MEMBERS = 200;

  /** The default tagger, sketcher and rule with {@code topics}, requests handled as they arrive: for tests. */
  public static EnrichConfig defaults(Topics topics, Clock clock) {
    Sketcher sketcher = Sketcher.withDefaults();
    return new EnrichConfig(topics, clock, Tagger.load(), sketcher,
        new CandidateJudge(sketcher, NearDuplicateRule.defaults()), Duration.ofDays(7), null, 1, DEFAULT_MAX_BAND_MEMBERS, BandOrder.OFF);
  }

  public static EnrichConfig from(Settings settings) {
    int partitions = settings.getInt("topics.partitions");
    return from(settings, partitions, partitions);
  }

  /**
   * The configuration with the band index spread over {@code bandPartitions} partitions and
   * {@code articlePartitions} partitions of {@code topics.raw} reporting their progress to it.
   */
  public static EnrichConfig from(Settings settings, int bandPartitions, int articlePartitions) {
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
        copies.isBlank() ? null : copies,
        bandPartitions,
        settings.getInt("dedup.max-band-members"),
        new BandOrder(articlePartitions, settings.getMillis("dedup.progress.ms"), settings.getMillis("dedup.idle-partition.ms")));
  }
}
