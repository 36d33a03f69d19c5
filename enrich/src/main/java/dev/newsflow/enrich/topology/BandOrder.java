package dev.newsflow.enrich.topology;

import java.time.Duration;
import java.util.Objects;

/**
 * How the band partitions take requests in the articles' time order rather than in the order they
 * arrive. Each article partition reports, every {@code progress}, the latest record time it has sent
 * requests for; a band partition handles a request once every article partition has got that far, so
 * that an article always meets the earlier articles of its bands, even when some partitions run
 * ahead of others (a catch-up after downtime). A partition with no new article for {@code idleAfter}
 * is passed over until it has one again.
 *
 * <p>Example: {@code new BandOrder(4, Duration.ofMillis(100), Duration.ofSeconds(1))} for four article
 * partitions; {@link #OFF} handles each request as it arrives.
 *
 * @param sources the article partitions that report (partitions of {@code topics.raw})
 * @param progress how often each reports; zero turns the ordering off
 * @param idleAfter how long without a new article before a partition is passed over
 */
public record BandOrder(int sources, Duration progress, Duration idleAfter) {
  /** Requests are handled as they arrive. */
  public static final BandOrder OFF = new BandOrder(1, Duration.ZERO, Duration.ZERO);

  public BandOrder {
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(idleAfter, "idleAfter");
    if (sources < 1) {
      throw new IllegalArgumentException("article partitions must be >= 1: " + sources);
    }
    if (progress.isNegative() || idleAfter.isNegative()) {
      throw new IllegalArgumentException("dedup.progress.ms and dedup.idle-partition.ms must be >= 0");
    }
    if (!progress.isZero() && idleAfter.compareTo(progress) < 0) {
      throw new IllegalArgumentException(
          "dedup.idle-partition.ms (" + idleAfter.toMillis() + ") must be >= dedup.progress.ms (" + progress.toMillis() + ")");
    }
  }

  /** Whether requests wait for every article partition. */
  public boolean on() {
    return !progress.isZero();
  }
}
