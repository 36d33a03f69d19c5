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
   * To one partition of the band index, for all of an article's bands that live there (keyed by
   * {@link #groupKey}): either a request (find earlier articles under these bands, then file this
   * one) or a verdict (the cluster this article joined).
   *
   * @param verdict true for a verdict, false for a request
   * @param id the article
   * @param time the article's position in the stream: its record timestamp (ms)
   * @param sketch the encoded sketch (requests only)
   * @param clusterId the cluster joined (verdicts only)
   * @param bands the article's band keys that live in this partition
   */
  record BandMessage(boolean verdict, String id, long time, byte[] sketch, String clusterId, List<String> bands) {}

  /**
   * An earlier article found under one or more of the bands asked.
   *
   * @param clusterId its cluster, or null when its verdict was not known yet at the band partition
   * @param exact whether it was found under the exact-text band (same normalised text)
   */
  record Candidate(String id, long time, byte[] sketch, String clusterId, boolean exact) {}

  /** Back to the article's partition, keyed by article id: what one band partition found. */
  record BandAnswer(String id, String group, List<Candidate> candidates) {}

  /** The key of the messages for band partition {@code partition}. */
  static String groupKey(int partition) {
    return "g" + partition;
  }

  /** The band partition named by a {@link #groupKey}. */
  static int partitionOf(String groupKey) {
    return Integer.parseInt(groupKey.substring(1));
  }

  /** The partition of the band index that holds {@code band}, among {@code partitions}. */
  static int bandPartition(String band, int partitions) {
    return org.apache.kafka.common.utils.Utils.toPositive(
        org.apache.kafka.common.utils.Utils.murmur2(band.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions;
  }

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
