package dev.newsflow.schemas.url;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzz test of {@link UrlCanonicalizer}: any string either is refused with an
 * {@link IllegalArgumentException} or gives an {@code https://} URL that is its own canonical form
 * (canonicalising is idempotent) and whose {@link UrlCanonicalizer#articleId} is 32 lower-case hex
 * characters.
 *
 * <p>Regression mode replays the seeds in {@code UrlCanonicalizerFuzzTestInputs/canonicalize/}: a
 * seed is the URL in UTF-8; a seed starting with byte {@code FF} is read as UTF-16BE instead, which
 * lets the fuzzer reach unpaired surrogates. Fuzzing mode: {@code JAZZER_FUZZ=1 mvn -pl schemas test
 * -Dtest=UrlCanonicalizerFuzzTest}, or {@code bench/fuzz/run.sh}.
 */
class UrlCanonicalizerFuzzTest {

  private static final UrlCanonicalizer CANONICALIZER = new UrlCanonicalizer();

  @FuzzTest(maxDuration = "60s")
  void canonicalize(byte[] input) {
    String url = text(input);

    String canonical;
    try {
      canonical = CANONICALIZER.canonicalize(url);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return;
    }

    assertThat(canonical).startsWith("https://");
    assertThat(CANONICALIZER.canonicalize(canonical)).as("idempotent for %s", url).isEqualTo(canonical);
    assertThat(UrlCanonicalizer.articleId(canonical)).matches("[0-9a-f]{32}");
  }

  private static String text(byte[] input) {
    if (input.length > 0 && input[0] == (byte) 0xFF) {
      return new String(input, 1, input.length - 1, StandardCharsets.UTF_16BE);
    }
    return new String(input, StandardCharsets.UTF_8);
  }
}
