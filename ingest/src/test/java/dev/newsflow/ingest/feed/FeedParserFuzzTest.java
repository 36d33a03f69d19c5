package dev.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.newsflow.ingest.testing.FuzzLogging;

/**
 * Coverage-guided fuzz test of {@link FeedParser}: whatever the bytes and the {@code Content-Type}
 * header, it returns a {@link ParsedFeed} and never throws, and bad input is reported as a specific
 * error rather than through the parser's catch-all for unexpected exceptions.
 *
 * <p>Regression mode (the default, run by {@code scripts/test}) replays the seeds in {@code
 * FeedParserFuzzTestInputs/parse/}; the last byte of a seed picks the content type, the rest is the
 * body. Fuzzing mode: {@code JAZZER_FUZZ=1 mvn -pl ingest test -Dtest=FeedParserFuzzTest}, or
 * {@code bench/fuzz/run.sh}.
 */
class FeedParserFuzzTest {

  /** Header values that steer the charset sniffer and the JSON / XML choice. */
  private static final String[] CONTENT_TYPES = {
    null,
    "application/rss+xml",
    "application/atom+xml; charset=utf-8",
    "text/xml; charset=iso-8859-1",
    "text/xml; charset=windows-1251",
    "text/html; charset=shift_jis",
    "application/feed+json",
    "application/json; charset=utf-16",
    "text/plain; charset=x-no-such-charset",
    "text/xml; charset=",
    "text/xml; charset=\"utf-8\"; boundary=x",
  };

  private static final String INTERNAL_ERROR = "internal parser error";

  static {
    FuzzLogging.quietInFuzzingMode();
  }

  private final FeedParser parser = new FeedParser();

  @FuzzTest(maxDuration = "60s")
  void parse(FuzzedDataProvider data) {
    String contentType = data.pickValue(CONTENT_TYPES);
    byte[] body = data.consumeRemainingAsBytes();

    ParsedFeed feed = parser.parse(body, "https://feeds.example.org/news/rss", contentType);

    assertThat(feed).isNotNull();
    assertThat(feed.ok()).isEqualTo(feed.error() == null);
    if (!feed.ok()) {
      assertThat(feed.error())
          .as("an unexpected exception escaped the parser's steps")
          .doesNotStartWith(INTERNAL_ERROR);
    }
  }
}
