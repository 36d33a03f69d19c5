package dev.newsflow.enrich.topology;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The messages of the partitioned deduplication, on the enrich stage's two internal topics, as
 * compact JSON (internal, never read by subscribers).
 */
final class DedupMessages {
  // Band keys and ids are not field names worth interning: canonicalisation cost 12% of the time.
  private static final ObjectMapper JSON = new ObjectMapper(
      com.fasterxml.jackson.core.JsonFactory.builder()
          .disable(com.fasterxml.jackson.core.JsonFactory.Feature.INTERN_FIELD_NAMES)
          .disable(com.fasterxml.jackson.core.JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
          .build())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private DedupMessages() {}

  /**
   * To a band partition, keyed by band key: either a request (find earlier articles of this band,
   * then remember this one) or a verdict (the cluster this article joined).
   *
   * @param verdict true for a verdict, false for a request
   * @param id the article
   * @param time the article's position in the stream: its record timestamp (ms)
   * @param sketch the encoded sketch (requests only)
   * @param clusterId the cluster joined (verdicts only)
   */
  record BandMessage(boolean verdict, String id, long time, byte[] sketch, String clusterId) {}

  /**
   * An earlier article found under a band.
   *
   * @param clusterId its cluster, or null when its verdict was not known yet at the band partition
   */
  record Candidate(String id, long time, byte[] sketch, String clusterId) {}

  /** Back to the article's partition, keyed by article id: the earlier articles found under one band. */
  record BandAnswer(String id, String band, List<Candidate> candidates) {}

  static byte[] encode(Object message) {
    try {
      return JSON.writeValueAsBytes(message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T> T decode(byte[] bytes, Class<T> type) {
    try {
      return JSON.readValue(bytes, type);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** Whether (aTime, aId) comes before (bTime, bId) in the stream's total order. */
  static boolean before(long aTime, String aId, long bTime, String bId) {
    return aTime < bTime || (aTime == bTime && aId.compareTo(bId) < 0);
  }
}
