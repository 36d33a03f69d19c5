package dev.newsflow.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HttpHintsTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  @Test
  void readsRetryAfterInSecondsOrAsAnHttpDate() {
    assertThat(HttpHints.retryAfter("120", NOW)).isEqualTo(Duration.ofSeconds(120));
    assertThat(HttpHints.retryAfter("Mon, 23 Nov 2026 13:00:00 GMT", NOW)).isEqualTo(Duration.ofHours(1));
    assertThat(HttpHints.retryAfter("Mon, 23 Nov 2026 11:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    assertThat(HttpHints.retryAfter("soon", NOW)).isNull();
    assertThat(HttpHints.retryAfter(null, NOW)).isNull();
  }

  @Test
  void readsMaxAgeFromCacheControl() {
    assertThat(HttpHints.maxAge("public, max-age=600")).isEqualTo(Duration.ofMinutes(10));
    assertThat(HttpHints.maxAge("s-maxage=60, max-age=30")).isEqualTo(Duration.ofSeconds(60));
    assertThat(HttpHints.maxAge("no-cache")).isNull();
  }

  @Test
  void readsTheSyndicationModule() {
    assertThat(HttpHints.syndicationInterval("hourly", 2)).isEqualTo(Duration.ofMinutes(30));
    assertThat(HttpHints.syndicationInterval("daily", null)).isEqualTo(Duration.ofDays(1));
    assertThat(HttpHints.syndicationInterval("fortnightly", 1)).isNull();
  }
}
