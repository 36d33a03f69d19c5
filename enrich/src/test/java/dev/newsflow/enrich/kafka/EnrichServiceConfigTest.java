package dev.newsflow.enrich.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schemas.config.Settings;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class EnrichServiceConfigTest {
  private static Settings settings() {
    return Settings.defaults("newsflow-defaults.properties", "enrich-defaults.properties")
        .with("kafka.bootstrap.servers", "127.0.0.1:9092");
  }

  @Test
  void retriesConcurrentTransactionsAfterTenMillisecondsUnlessConfigured() {
    assertThat(EnrichService.streamsConfig(settings()).get(StreamsConfig.producerPrefix("retry.backoff.ms"))).isEqualTo(10);
    assertThat(EnrichService.streamsConfig(settings().with("kafka.producer.retry.backoff.ms", "50"))
        .get(StreamsConfig.producerPrefix("retry.backoff.ms"))).isEqualTo("50");
  }

  @Test
  void readsOnlyCommittedPollsOfTheFetcher() {
    assertThat(EnrichService.streamsConfig(settings()).get(StreamsConfig.consumerPrefix("isolation.level"))).isEqualTo("read_committed");
  }
}
