package dev.newsflow.enrich.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.utils.Time;

/**
 * The system clock plus an offset that the benchmark moves forward, so that Kafka Streams'
 * wall-clock punctuations (the band index's hourly sweep) fire as they would over weeks of real
 * time while weeks of stream time are replayed in seconds. Only Streams' own clock is moved: the
 * Kafka clients keep the real one.
 *
 * <p>Example: {@code time.jump(Duration.ofHours(1).toMillis())} makes every hourly wall-clock
 * punctuation due at its next check.
 */
final class JumpingTime implements Time {
  private final AtomicLong offsetMs = new AtomicLong();

  /** Moves the clock forward by {@code ms}. */
  void jump(long ms) {
    offsetMs.addAndGet(ms);
  }

  @Override
  public long milliseconds() {
    return Time.SYSTEM.milliseconds() + offsetMs.get();
  }

  @Override
  public long nanoseconds() {
    return Time.SYSTEM.nanoseconds() + offsetMs.get() * 1_000_000L;
  }

  @Override
  public void sleep(long ms) {
    Time.SYSTEM.sleep(ms);
  }

  @Override
  public void waitObject(Object obj, Supplier<Boolean> condition, long deadlineMs) throws InterruptedException {
    synchronized (obj) {
      while (!condition.get()) {
        long now = milliseconds();
        if (now >= deadlineMs) {
          throw new TimeoutException("condition not satisfied before deadline");
        }
        obj.wait(deadlineMs - now);
      }
    }
  }
}
