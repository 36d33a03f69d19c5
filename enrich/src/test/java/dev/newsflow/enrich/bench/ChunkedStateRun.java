package dev.newsflow.enrich.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Feeds a running dedup topology its input chunk by chunk, as live traffic would arrive (each chunk
 * decided before the next is sent), and after each chunk prints the stream day reached, the exact
 * entries of every store, their bytes on disk and their changelogs' bytes. In sweep mode it first
 * moves Streams' clock one hour forward, so the band index's hourly wall-clock sweep runs once per
 * chunk, as it would if wall time followed stream time.
 *
 * <p>Example row: {@code day 12.5  out 10000  dedup-sketches 22000 ...}.
 */
final class ChunkedStateRun {
  private static final long JUMP_MS = Duration.ofHours(1).toMillis() + 1000;

  private final List<ReplayInput.Item> items;
  private final Set<String> stores;
  private final Path stateDir;
  private final Path logDir;
  private final String applicationId;

  ChunkedStateRun(List<ReplayInput.Item> items, Set<String> stores, Path stateDir, Path logDir, String applicationId) {
    this.items = items;
    this.stores = stores;
    this.stateDir = stateDir;
    this.logDir = logDir;
    this.applicationId = applicationId;
  }

  /** Sends {@code items} to {@code rawTopic} in {@code chunks} chunks, sampling after each. */
  void feed(KafkaStreams streams, KafkaProducer<String, byte[]> producer, Admin admin, String rawTopic,
      String outTopic, int partitions, int chunks, JumpingTime sweepClock) throws Exception {
    printHeader();
    int step = Math.max(1, items.size() / chunks);
    int sweeps = 0;
    for (int from = 0; from < items.size(); from += step) {
      int to = Math.min(items.size(), from + step);
      for (ReplayInput.Item item : items.subList(from, to)) {
        producer.send(new ProducerRecord<>(rawTopic, null, item.timestamp(), item.id(), item.value()));
      }
      producer.flush();
      awaitOutput(streams, admin, outTopic, partitions, to);
      if (sweepClock != null) {
        sweepClock.jump(JUMP_MS);
        sweeps++;
        Thread.sleep(1500); // the stream thread checks punctuations on its next loop
      }
      sample(streams, to, items.get(to - 1).timestamp(), sweeps);
    }
  }

  private static void awaitOutput(KafkaStreams streams, Admin admin, String topic, int partitions, long expected)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (TimedRun.count(admin, topic, partitions) < expected) {
      if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR
          || streams.state() == KafkaStreams.State.NOT_RUNNING) {
        throw new IllegalStateException("no output for " + expected + " records; Streams " + streams.state());
      }
      Thread.sleep(TimedRun.POLL_MS);
    }
  }

  private void printHeader() {
    StringBuilder h = new StringBuilder(String.format("%6s %7s %6s", "day", "out", "sweeps"));
    for (String s : stores) {
      h.append(String.format(" %19s", s));
    }
    h.append(String.format(" %9s %13s", "state MB", "changelog MB"));
    System.out.println(h);
  }

  private void sample(KafkaStreams streams, long count, long streamTime, int sweeps) {
    double day = (streamTime - items.getFirst().timestamp()) / 86_400_000.0;
    StringBuilder row = new StringBuilder(String.format("%6.1f %7d %6d", day, count, sweeps));
    for (String s : stores) {
      row.append(String.format(" %19d", entries(streams, s)));
    }
    Map<String, Long> bytes = StateProbe.storeBytes(stateDir, stores);
    long changelog = 0;
    for (String s : stores) {
      changelog += StateProbe.topicBytes(logDir, applicationId + "-" + s + "-changelog");
    }
    row.append(String.format(" %9.1f %13.1f", bytes.values().stream().mapToLong(Long::longValue).sum() / 1e6,
        changelog / 1e6));
    System.out.println(row);
  }

  private static long entries(KafkaStreams streams, String store) {
    try {
      return StateProbe.entries(streams, store);
    } catch (RuntimeException e) {
      return -1; // a rebalance or restore in progress: the store is not queryable now
    }
  }
}
