package dev.newsflow.enrich.topology;

import dev.newsflow.schemas.config.Settings;
import dev.newsflow.schemas.topic.Topics;
import java.time.Clock;
import java.util.Objects;

/**
 * What the enrich topology needs to be built: its topics and its clock.
 *
 * @param topics topic names and serdes
 * @param clock the clock stamping {@code enrichedAt}
 */
public record EnrichConfig(Topics topics, Clock clock) {
  public EnrichConfig {
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(clock, "clock");
  }

  public static EnrichConfig from(Settings settings) {
    return new EnrichConfig(Topics.from(settings), Clock.systemUTC());
  }
}
