package dev.newsflow.ingest.kafka;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counters of the fetcher, logged once a minute and reset. */
final class FetcherStats {
  private static final Logger LOG = LoggerFactory.getLogger(FetcherStats.class);

  final AtomicLong due = new AtomicLong();
  final AtomicLong polled = new AtomicLong();
  final AtomicLong notModified = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong articles = new AtomicLong();
  final LongAccumulator maxLagMs = new LongAccumulator(Math::max, 0);
  private final AtomicLong totalPolls = new AtomicLong();
  private long lastLog = System.nanoTime();

  void polled(String status, int articleCount) {
    polled.incrementAndGet();
    totalPolls.incrementAndGet();
    articles.addAndGet(articleCount);
    switch (status) {
      case "OK" -> { }
      case "NOT_MODIFIED" -> notModified.incrementAndGet();
      default -> failed.incrementAndGet();
    }
  }

  long totalPolls() {
    return totalPolls.get();
  }

  void maybeLog(int owned) {
    long now = System.nanoTime();
    if (now - lastLog < Duration.ofMinutes(1).toNanos()) {
      return;
    }
    lastLog = now;
    LOG.info("ingest: {} feeds owned; last minute: {} due, {} polled, {} not modified, {} failed, {} articles; max schedule lag {} ms",
        owned, due.getAndSet(0), polled.getAndSet(0), notModified.getAndSet(0), failed.getAndSet(0), articles.getAndSet(0),
        maxLagMs.getThenReset());
  }
}
