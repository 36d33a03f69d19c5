package dev.newsflow.ingest.bench;

import dev.newsflow.schemas.FeedState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Lateness of polls against their schedule: for each committed poll of a feed (a {@link FeedState}
 * record, whose {@code lastPollAt} is when the poll started and {@code nextPollAt} when the next one
 * is due), the next request of that feed seen by the server minus that due time. A due time inside
 * the window whose request never came before the window's end counts as late by (end − due): a
 * lower bound, reported apart as "missed".
 *
 * <p>Example: a poll started at 10:00:00.000 planned the next for 10:00:09.700; the server saw the
 * next request at 10:00:09.742; lateness 42 ms.
 */
final class Lateness {
  /** Marks the states written by the benchmark before the fetcher starts; they are not polls. */
  static final String SEEDED = "SEEDED";

  private final long[] sortedMs;
  private final int missed;

  private Lateness(long[] sortedMs, int missed) {
    this.sortedMs = sortedMs;
    this.missed = missed;
  }

  /**
   * @param states every state record of every feed, in topic order per feed
   * @param arrivals arrival times (epoch ms, ascending) per feed URL
   * @param from start of the window (epoch ms): due times before it are ignored
   * @param to end of the window (epoch ms): due times after it are ignored
   * @param end time up to which requests were recorded (epoch ms, at least {@code to})
   */
  static Lateness of(Map<String, List<FeedState>> states, Map<String, long[]> arrivals, long from, long to, long end) {
    List<Long> late = new ArrayList<>();
    int missed = 0;
    for (var e : states.entrySet()) {
      long[] times = arrivals.getOrDefault(e.getKey(), new long[0]);
      for (FeedState s : e.getValue()) {
        long due = s.getNextPollAt().toEpochMilli();
        if (due < from || due > to) {
          continue;
        }
        long next = nextAfter(times, s);
        if (next < 0) {
          missed++;
          late.add(end - due);
        } else {
          late.add(next - due);
        }
      }
    }
    long[] sorted = late.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return new Lateness(sorted, missed);
  }

  /** The request after the one this state came from (the first request of a seeded state), or -1. */
  private static long nextAfter(long[] times, FeedState s) {
    long started = s.getLastPollAt() == null ? Long.MIN_VALUE : s.getLastPollAt().toEpochMilli();
    int i = firstAtOrAfter(times, started);
    int next = SEEDED.equals(s.getLastStatus()) ? i : i + 1;
    return next < times.length ? times[next] : -1;
  }

  private static int firstAtOrAfter(long[] times, long t) {
    int i = Arrays.binarySearch(times, t);
    if (i < 0) {
      return -i - 1;
    }
    while (i > 0 && times[i - 1] == t) {
      i--;
    }
    return i;
  }

  int count() {
    return sortedMs.length;
  }

  int missed() {
    return missed;
  }

  /** The {@code q} quantile (0..1) in ms, nearest rank; 0 when nothing was measured. */
  long quantile(double q) {
    if (sortedMs.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(q * sortedMs.length) - 1;
    return sortedMs[Math.max(0, Math.min(sortedMs.length - 1, rank))];
  }

  long max() {
    return sortedMs.length == 0 ? 0 : sortedMs[sortedMs.length - 1];
  }
}
