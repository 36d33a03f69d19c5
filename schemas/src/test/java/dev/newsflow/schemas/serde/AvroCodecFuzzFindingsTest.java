package dev.newsflow.schemas.serde;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.schemas.RawArticle;
import java.util.HexFormat;
import org.apache.avro.SystemLimitException;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for forged length prefixes ({@link AvroCodecFuzzTest}): Avro allocates a string
 * or an array from its length prefix before reading a single item, so a message of a few bytes can
 * ask for gigabytes. {@link AvroCodec} caps Avro's limits, so both are refused.
 */
class AvroCodecFuzzFindingsTest {

  /** C3 01, the fingerprint of RawArticle v2, then the id's length prefix 2^31 - 9 (zig-zag). */
  private static final String HUGE_STRING = "c3 01 12 51 72 e7 33 dc 38 b6 ee ff ff ff 0f";

  /**
   * Five empty strings, published null, fetchedAt 0, source "", sourceUrl null, then an authors
   * block claiming 2^31 - 9 items: OutOfMemoryError (Java heap space) even with a 6 GB heap.
   */
  private static final String HUGE_ARRAY =
      "c3 01 12 51 72 e7 33 dc 38 b6 00 00 00 00 00 00 00 00 00 ee ff ff ff 0f";

  private final AvroCodec<RawArticle> codec = AvroCodec.of(RawArticle.class);

  @Test
  void refusesAnArrayLengthPrefixBeyondTheLimit() {
    assertThatThrownBy(() -> codec.decode(bytes(HUGE_ARRAY)))
        .isInstanceOf(AvroDecodingException.class)
        .hasRootCauseInstanceOf(SystemLimitException.class);
  }

  @Test
  void refusesAStringLengthPrefixBeyondTheLimit() {
    assertThatThrownBy(() -> codec.decode(bytes(HUGE_STRING)))
        .isInstanceOf(AvroDecodingException.class)
        .hasRootCauseInstanceOf(SystemLimitException.class);
  }

  private static byte[] bytes(String hex) {
    return HexFormat.ofDelimiter(" ").parseHex(hex);
  }
}
