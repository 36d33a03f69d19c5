package dev.newsflow.enrich.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/**
 * One topology run on the broker: starts Kafka Streams, watches the end offsets of the output
 * topic every {@value #POLL_MS} ms until it holds the expected number of records, and times it.
 * The rate counts from the first RUNNING state to the last output record, so it leaves out the
 * group join and assignment but keeps the time a topology needs to fill its pipeline; the total
 * rate counts from {@code start()}.
 *
 * <p>Example: {@code try (TimedRun r = TimedRun.start(topology, props, Time.SYSTEM)) { Result x =
 * r.await(admin, "out", 4, 24000, Duration.ofMinutes(10), n -> {}); }}
 */
final class TimedRun implements AutoCloseable {
  static final long POLL_MS = 50;

  /**
   * Timings of a run: records out; ms from {@code start()} to the first RUNNING state (group join,
   * assignment), to the first output record, and to the last output record.
   */
  record Result(long records, long runningMs, long firstOutputMs, long lastOutputMs, long streamCpuMs, String load) {
    /** Records per second from RUNNING to the last output: the processing rate. */
    double rate() {
      return records * 1000.0 / Math.max(1, lastOutputMs - runningMs);
    }

    /**
     * Records per CPU second of the stream threads: what the topology costs, and much less
     * sensitive than the wall-clock rates to what else the shared cores are doing.
     */
    double cpuRate() {
      return records * 1000.0 / Math.max(1, streamCpuMs);
    }

    /** Records per second from {@code start()}, start-up included. */
    double totalRate() {
      return records * 1000.0 / Math.max(1, lastOutputMs);
    }
  }

  private final KafkaStreams streams;
  private final String applicationId;
  private final long startNanos;
  private final AtomicLong runningNanos;

  private TimedRun(KafkaStreams streams, String applicationId, long startNanos, AtomicLong runningNanos) {
    this.streams = streams;
    this.applicationId = applicationId;
    this.startNanos = startNanos;
    this.runningNanos = runningNanos;
  }

  static TimedRun start(Topology topology, Properties props, Time time) {
    KafkaStreams streams = new KafkaStreams(topology, props, time);
    streams.setUncaughtExceptionHandler(e -> {
      System.err.println("bench: stream thread failed: " + e);
      return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    AtomicLong running = new AtomicLong(-1);
    streams.setStateListener((now, before) -> {
      if (now == KafkaStreams.State.RUNNING) {
        running.compareAndSet(-1, System.nanoTime());
      }
    });
    long start = System.nanoTime();
    streams.start();
    return new TimedRun(streams, props.getProperty(org.apache.kafka.streams.StreamsConfig.APPLICATION_ID_CONFIG), start, running);
  }

  KafkaStreams streams() {
    return streams;
  }

  /**
   * Waits until {@code topic} holds {@code expected} records, calling {@code progress} with the
   * count at every poll; fails after {@code timeout}.
   */
  Result await(Admin admin, String topic, int partitions, long expected, Duration timeout, LongConsumer progress)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long first = -1;
    String loadBefore = load();
    while (true) {
      long count = count(admin, topic, partitions);
      long now = System.nanoTime();
      if (count > 0 && first < 0) {
        first = now;
      }
      progress.accept(count);
      if (count >= expected) {
        long running = runningNanos.get() < 0 ? startNanos : runningNanos.get();
        return new Result(count, ms(running - startNanos), ms(first - startNanos), ms(now - startNanos),
            streamThreadCpuMs(), loadBefore + " -> " + load());
      }
      if (now > deadline || streams.state() == KafkaStreams.State.ERROR
          || streams.state() == KafkaStreams.State.NOT_RUNNING) {
        throw new IllegalStateException("run stopped at " + count + " of " + expected + " records, state "
            + streams.state());
      }
      Thread.sleep(POLL_MS);
    }
  }

  /** Records in {@code topic}: the sum of its partitions' end offsets. */
  static long count(Admin admin, String topic, int partitions) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream().mapToLong(i -> i.offset()).sum();
  }

  /** CPU time of this run's stream threads (named after the application id), since they started. */
  private long streamThreadCpuMs() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long nanos = 0;
    for (ThreadInfo t : threads.dumpAllThreads(false, false)) {
      if (t.getThreadName().startsWith(applicationId + "-") && t.getThreadName().contains("-StreamThread-")
          && !t.getThreadName().endsWith("-producer")) {
        nanos += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
      }
    }
    return ms(nanos);
  }

  private static long ms(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  /** The 1-minute load average, to show what else the 2 cores were doing. */
  static String load() {
    try {
      return List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).getFirst();
    } catch (Exception e) {
      return "?";
    }
  }

  @Override
  public void close() {
    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(Duration.ofSeconds(60)));
  }
}
