package dev.newsflow.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.schemas.config.Settings;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class TopicsTest {
  @Test
  void defaultNamesAreTheDocumentedOnes() {
    Topics t = Topics.defaults();
    assertThat(t.all())
        .extracting(Topic::name)
        .containsExactly(
            "news.feeds", "news.feed-state", "news.articles.raw", "news.articles.enriched", "news.fetch-events", "news.dlq",
            "news.dedup-bands", "news.dedup-answers");
    assertThat(t.feeds().compacted()).isTrue();
    assertThat(t.feedState().compacted()).isTrue();
    assertThat(t.raw().compacted()).isFalse();
  }

  @Test
  void namesComeFromConfiguration() {
    Topics t = Topics.from(Settings.of(Map.of("topics.raw", "test.raw")));
    assertThat(t.raw().name()).isEqualTo("test.raw");
    assertThat(t.enriched().name()).isEqualTo(Topics.DEFAULT_ENRICHED);
  }

  @Test
  void refusesNamesThatMixDotsAndUnderscores() {
    assertThatThrownBy(() -> new Topic<>("news.raw_v2", Serdes.String(), Serdes.String(), false))
        .hasMessageContaining("mixes '.' and '_'");
  }
}
