package dev.newsflow.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.RawArticle;

/**
 * Coverage-guided fuzz test of {@link AvroCodec#decode}: any bytes either decode to a record or are
 * refused with an {@link AvroDecodingException}; any other exception or error (an {@code
 * OutOfMemoryError} from a forged length prefix included) is a bug.
 *
 * <p>Regression mode replays the seeds in {@code AvroCodecFuzzTestInputs/<method>/}: valid
 * single-object encodings of the current and earlier schema versions, so mutations start past the
 * header and fingerprint. Fuzzing mode: {@code JAZZER_FUZZ=1 mvn -pl schemas test
 * -Dtest='AvroCodecFuzzTest#decodeRawArticle'}, or {@code bench/fuzz/run.sh}.
 */
class AvroCodecFuzzTest {

  private static final AvroCodec<RawArticle> RAW = AvroCodec.of(RawArticle.class);
  private static final AvroCodec<EnrichedArticle> ENRICHED = AvroCodec.of(EnrichedArticle.class);

  @FuzzTest(maxDuration = "60s")
  void decodeRawArticle(byte[] bytes) {
    RawArticle article;
    try {
      article = RAW.decode(bytes);
    } catch (AvroDecodingException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return;
    }
    assertThat(RAW.decode(RAW.encode(article))).isEqualTo(article);
  }

  @FuzzTest(maxDuration = "60s")
  void decodeEnrichedArticle(byte[] bytes) {
    EnrichedArticle article;
    try {
      article = ENRICHED.decode(bytes);
    } catch (AvroDecodingException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return;
    }
    assertThat(ENRICHED.decode(ENRICHED.encode(article))).isEqualTo(article);
  }
}
