package dev.newsflow.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @Test
  void laterLayersOverrideEarlierOnes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("newsflow.properties");
    Files.writeString(file, "topics.partitions=8\ndata.dir=/srv/news\n");

    Settings s =
        Settings.defaults("newsflow-defaults.properties")
            .withFile(file)
            .withEnvironment(Map.of("NEWSFLOW_DATA_DIR", "/env/news", "UNRELATED", "x"))
            .with(Map.of("topics.replication-factor", "3"));

    assertThat(s.getInt("topics.partitions")).isEqualTo(8);
    assertThat(s.getString("data.dir")).isEqualTo("/env/news");
    assertThat(s.getInt("topics.replication-factor")).isEqualTo(3);
    assertThat(s.getString("topics.raw")).isEqualTo("news.articles.raw");
  }

  @Test
  void environmentNamesReplaceDotsAndDashes() {
    assertThat(Settings.envName("topics.fetch-events")).isEqualTo("NEWSFLOW_TOPICS_FETCH_EVENTS");
  }

  @Test
  void kafkaKeysPassThroughWithoutPrefixAndBlankOnesAreLeftOut() {
    Settings s =
        Settings.of(
            Map.of("kafka.bootstrap.servers", "", "kafka.security.protocol", "SSL", "data.dir", "d"));
    assertThat(s.kafkaProperties()).containsExactly(Map.entry("security.protocol", "SSL"));
  }

  @Test
  void badNumbersAndMissingKeysSayWhichKey() {
    Settings s = Settings.of(Map.of("fetch.max-redirects", "five"));
    assertThatThrownBy(() -> s.getInt("fetch.max-redirects"))
        .hasMessageContaining("'fetch.max-redirects' must be a whole number, not 'five'");
    assertThatThrownBy(() -> s.getString("nope")).hasMessageContaining("missing configuration key 'nope'");
    assertThatThrownBy(() -> Settings.of(Map.of("b", "maybe")).getBoolean("b"))
        .hasMessageContaining("must be true or false");
  }
}
