package dev.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.newsflow.ingest.testing.FuzzLogging;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzz test of {@link ArticleExtractor}: for any bytes, page URL and {@code
 * Content-Type} header it either returns an {@link Extraction} or throws {@link
 * ExtractionException}; any other exception is a bug.
 *
 * <p>Regression mode replays the seeds in {@code ArticleExtractorFuzzTestInputs/extract/}: the
 * last two bytes of a seed pick the page URL and the content type, the rest is the body. Fuzzing
 * mode: {@code JAZZER_FUZZ=1 mvn -pl ingest test -Dtest=ArticleExtractorFuzzTest}, or {@code
 * bench/fuzz/run.sh}.
 */
class ArticleExtractorFuzzTest {

  private static final String[] URLS = {
    null,
    "https://news.example.org/2024/05/01/rain-due-on-friday",
    "http://news.example.org/world/article.php?id=7&page=2",
    "",
    "not a url",
    "https://[::1]:8443/a/b/../c",
    "https://news.example.org/%E0%A4%A/2019-13-45/story",
  };

  private static final String[] CONTENT_TYPES = {
    null,
    "text/html",
    "text/html; charset=utf-8",
    "text/html; charset=iso-8859-1",
    "text/html; charset=shift_jis",
    "application/xhtml+xml; charset=windows-1251",
    "text/html; charset=x-no-such-charset",
    "application/pdf",
    "text/plain",
  };

  static {
    FuzzLogging.quietInFuzzingMode();
  }

  /** Built once: loading the hint lists is the expensive part. Language detection is skipped. */
  private static final ArticleExtractor EXTRACTOR =
      new ArticleExtractor(new ExtractorSettings(256 * 1024, false));

  @FuzzTest(maxDuration = "60s")
  void extract(FuzzedDataProvider data) {
    String url = data.pickValue(URLS);
    String contentType = data.pickValue(CONTENT_TYPES);
    Map<String, List<String>> headers =
        contentType == null ? Map.of() : Map.of("Content-Type", List.of(contentType));
    byte[] body = data.consumeRemainingAsBytes();

    Extraction extraction;
    try {
      extraction = EXTRACTOR.extract(body, url, headers);
    } catch (ExtractionException expected) {
      assertThat(expected.getMessage()).isNotBlank();
      return;
    }
    assertThat(extraction).isNotNull();
    assertThat(extraction.text()).isNotNull();
  }
}
