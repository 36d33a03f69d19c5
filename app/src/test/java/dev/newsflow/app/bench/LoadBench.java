package dev.newsflow.app.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import dev.newsflow.app.pipeline.KafkaConnection;
import dev.newsflow.app.pipeline.Pipeline;
import dev.newsflow.ingest.kafka.FeedCatalog;
import dev.newsflow.schemas.config.Settings;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAccumulator;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Load benchmark (not a test) of the whole pipeline in one JVM, as the demo runs it (embedded broker,
 * fetcher, enrich, sink): {@link LoadFeeds} publishes a steady flow of articles across many feeds,
 * and the sink writes to a fresh PostgreSQL database (JSON Lines when PostgreSQL cannot be reached).
 *
 * <p>End-to-end latency of an article is measured from outside the pipeline: from the moment the
 * feed server put it in its feed to the {@code written_at} of its row (set by PostgreSQL at the
 * start of the sink's transaction), or with JSON Lines to the moment a reader of the output saw it.
 * Articles published during warm-up are not counted; those published in the measured window are
 * waited for up to {@code --drain-s} after it.
 *
 * <p>Usage: {@code LoadBench [--rate=100] [--seconds=120] [--feeds=1000] [--hosts=100]
 * [--interval-ms=2000] [--warmup-s=30] [--drain-s=30] [--jdbc=URL] [--set.KEY=VALUE...]}.
 */
public final class LoadBench {
  private LoadBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    double rate = Double.parseDouble(o.getOrDefault("rate", "100"));
    int seconds = Integer.parseInt(o.getOrDefault("seconds", "120"));
    int feeds = Integer.parseInt(o.getOrDefault("feeds", "1000"));
    int hosts = Integer.parseInt(o.getOrDefault("hosts", "100"));
    long interval = Long.parseLong(o.getOrDefault("interval-ms", "2000"));
    int warmup = Integer.parseInt(o.getOrDefault("warmup-s", "30"));
    int drain = Integer.parseInt(o.getOrDefault("drain-s", "30"));
    String adminJdbc = o.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    Gauges gauges = new Gauges();

    Path dataDir = Files.createTempDirectory("newsflow-load-");
    String database = "newsflow_load_" + UUID.randomUUID().toString().substring(0, 8);
    String jdbc = createDatabase(adminJdbc, database);
    Map<String, String> bench = new LinkedHashMap<>();
    bench.put("data.dir", dataDir.toString());
    bench.put("fetch.allow-private-addresses", "true");
    bench.put("poll.interval.ms", String.valueOf(interval));
    bench.put("schedule.min-interval.ms", String.valueOf(interval));
    bench.put("schedule.max-interval.ms", String.valueOf(interval));
    bench.put("politeness.host-delay.ms", "0");
    bench.put("politeness.robots", "false");
    bench.put("sink.targets", jdbc == null ? "jsonl" : "postgres");
    if (jdbc != null) {
      bench.put("sink.jdbc-url", jdbc);
    }
    bench.put("sink.instance", "load");
    Settings base = Settings.defaults("newsflow-defaults.properties", "ingest-defaults.properties",
        "enrich-defaults.properties", "sink-defaults.properties").with(bench);

    try (LoadFeeds server = new LoadFeeds(feeds, hosts)) {
      Settings settings = base.with("fetch.proxy", server.proxy()).with(overrides(o));
      try (KafkaConnection kafka = KafkaConnection.open(settings, true, "load-bench");
          FeedCatalog catalog = new FeedCatalog(kafka.settings())) {
        List<String> urls = new ArrayList<>(feeds);
        for (int f = 0; f < feeds; f++) {
          urls.add(server.feedUrl(f));
        }
        catalog.add(urls);
        log("%d feeds on %d hosts; polled every %d ms; rate %.0f articles/s; sink %s", feeds, hosts, interval, rate,
            jdbc == null ? "JSON Lines (PostgreSQL unreachable)" : "PostgreSQL database " + database);
        try (Pipeline pipeline = Pipeline.start(kafka.settings());
            dev.newsflow.app.pipeline.Progress progress = new dev.newsflow.app.pipeline.Progress(kafka.settings());
            Arrivals arrivals = jdbc == null ? Arrivals.jsonl(settings) : Arrivals.postgres(jdbc)) {
          Thread.sleep(5000);
          long start = System.currentTimeMillis();
          long measureFrom = start + warmup * 1000L;
          long measureTo = measureFrom + seconds * 1000L;
          int firstMeasured = -1;
          Sample a = null;
          long next = System.nanoTime();
          long periodNanos = (long) (1e9 / rate);
          long lastLog = start;
          while (System.currentTimeMillis() < measureTo) {
            long now = System.nanoTime();
            while (next <= now) {
              int n = server.publish();
              if (firstMeasured < 0 && System.currentTimeMillis() >= measureFrom) {
                firstMeasured = n;
                gauges.record(true);
                a = Sample.take(server, arrivals);
              }
              next += periodNanos;
            }
            Thread.sleep(Math.max(1, (next - System.nanoTime()) / 1_000_000));
            if (System.currentTimeMillis() - lastLog >= 10_000) {
              lastLog = System.currentTimeMillis();
              gauges.sample();
              log("t=%ds published %d, fetched %d, written by the sink %d, seen in the sink %d; lag of enrich %d, of the sink %d; heap %d MB",
                  (lastLog - start) / 1000, server.count(), pipeline.ingest().committedArticles(), pipeline.sink().written(),
                  arrivals.count(), progress.enrichLag(), progress.sinkLag(), Gauges.heapUsed() >> 20);
            }
          }
          int lastMeasured = server.count() - 1;
          Sample b = Sample.take(server, arrivals);
          gauges.record(false);
          long drainUntil = System.currentTimeMillis() + drain * 1000L;
          while (System.currentTimeMillis() < drainUntil && !arrivals.allOf(firstMeasured, lastMeasured)) {
            Thread.sleep(250);
            arrivals.count();
          }
          report(o, server, arrivals, firstMeasured, lastMeasured, a, b, gauges, database, jdbc != null, interval);
        }
      }
    } finally {
      if (jdbc != null && !o.containsKey("keep-db")) {
        dropDatabase(adminJdbc, database);
      }
    }
  }

  private record Sample(long nanos, long cpu, long enrichCpu, int published, int arrived, long feedRequests, long notModified) {
    static Sample take(LoadFeeds server, Arrivals arrivals) throws SQLException {
      return new Sample(System.nanoTime(), Gauges.cpuNanos(), Gauges.enrichCpuNanos(), server.count(), arrivals.count(),
          server.feedRequests(), server.notModified());
    }
  }

  private static void report(Map<String, String> o, LoadFeeds server, Arrivals arrivals, int first, int last, Sample a, Sample b,
      Gauges gauges, String database, boolean postgres, long interval) {
    double secs = (b.nanos - a.nanos) / 1e9;
    int measured = last - first + 1;
    long[] latencies = new long[measured];
    int found = 0;
    for (int n = first; n <= last; n++) {
      Long at = arrivals.arrivedAt(n);
      if (at != null) {
        latencies[found++] = at - server.publishedAt(n);
      }
    }
    long[] sorted = Arrays.copyOf(latencies, found);
    Arrays.sort(sorted);
    long writtenInWindow = arrivals.writtenBetween(a.nanos, b.nanos);
    Runtime rt = Runtime.getRuntime();
    System.out.printf("%n## Load benchmark: %d feeds, %.0f articles/s offered, %.0f s measured, feeds polled every %d ms%n%n",
        Integer.parseInt(o.getOrDefault("feeds", "1000")), (b.published - a.published) / secs, secs, interval);
    String extra = overrides(o).toString();
    System.out.printf("Sink: %s. Settings over the benchmark's: %s. JVM: %s, max heap %d MB, %d CPUs; broker, feeds server and"
        + " all three stages in this JVM (PostgreSQL is its own process).%n%n", postgres ? "PostgreSQL (fresh database " + database + ")"
        : "JSON Lines", extra.equals("{}") ? "none" : extra, Runtime.version(), rt.maxMemory() >> 20, rt.availableProcessors());
    System.out.println("| figure | value |");
    System.out.println("|---|---|");
    row("articles published in the window / in the sink", "%d / %d (%d missing after the drain)", measured, found, measured - found);
    row("end-to-end latency p50 / p95 / p99 / max", "%s / %s / %s / %s ms", q(sorted, 0.5), q(sorted, 0.95), q(sorted, 0.99),
        sorted.length == 0 ? "-" : String.valueOf(sorted[sorted.length - 1]));
    row("sustained throughput (rows written in the window)", "%.1f articles/s", writtenInWindow / secs);
    row("feed requests per second (answered 304)", "%.0f (%.0f%%)", (b.feedRequests - a.feedRequests) / secs,
        b.feedRequests == a.feedRequests ? 0.0 : 100.0 * (b.notModified - a.notModified) / (b.feedRequests - a.feedRequests));
    row("process CPU (whole JVM)", "%.2f cores of %d", (b.cpu - a.cpu) / 1e9 / secs, rt.availableProcessors());
    row("enrich CPU (stream threads and their producers) per article written", "%.2f ms (%.2f cores)",
        writtenInWindow == 0 ? 0.0 : (b.enrichCpu - a.enrichCpu) / 1e6 / writtenInWindow, (b.enrichCpu - a.enrichCpu) / 1e9 / secs);
    row("heap: max used after a GC / peak sampled", "%d / %d MB", gauges.maxAfterGc.get() >> 20, gauges.maxSampled.get() >> 20);
    row("machine load average (1 min) at the end", "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static String q(long[] sorted, double p) {
    return sorted.length == 0 ? "-" : String.valueOf(sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)]);
  }

  private static void row(String name, String format, Object... values) {
    System.out.println("| " + name + " | " + String.format(format, values) + " |");
  }

  static void log(String format, Object... values) {
    System.err.println("[load] " + String.format(format, values));
  }

  /** A new database next to the one {@code adminJdbc} names; null when PostgreSQL cannot be reached. */
  private static String createDatabase(String adminJdbc, String name) {
    try (Connection c = DriverManager.getConnection(adminJdbc); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      log("PostgreSQL at %s unreachable (%s): the sink writes JSON Lines instead", adminJdbc, e.getMessage());
      return null;
    }
    int q = adminJdbc.indexOf('?');
    String path = q < 0 ? adminJdbc : adminJdbc.substring(0, q);
    return path.substring(0, path.lastIndexOf('/') + 1) + name + (q < 0 ? "" : adminJdbc.substring(q));
  }

  private static void dropDatabase(String adminJdbc, String name) {
    try (Connection c = DriverManager.getConnection(adminJdbc); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      log("could not drop database %s: %s", name, e.getMessage());
    }
  }

  /** Options {@code --set.KEY=VALUE}: settings applied over the benchmark's (e.g. {@code --set.enrich.commit-interval.ms=100}). */
  private static Map<String, String> overrides(Map<String, String> o) {
    Map<String, String> settings = new LinkedHashMap<>();
    o.forEach((k, v) -> {
      if (k.startsWith("set.")) {
        settings.put(k.substring(4), v);
      }
    });
    return settings;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("options are --name=value, not '" + arg + "'");
      }
      o.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    return o;
  }

  /** Heap after each GC (summed over heap pools) and process CPU time of this JVM. */
  private static final class Gauges {
    final LongAccumulator maxAfterGc = new LongAccumulator(Math::max, 0);
    final LongAccumulator maxSampled = new LongAccumulator(Math::max, 0);
    private volatile boolean recording;

    Gauges() {
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof NotificationEmitter emitter) {
          emitter.addNotificationListener((n, h) -> {
            if (!recording || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
              return;
            }
            var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            long used = 0;
            for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
              if (isHeap(e.getKey())) {
                used += e.getValue().getUsed();
              }
            }
            maxAfterGc.accumulate(used);
          }, null, null);
        }
      }
    }

    private static boolean isHeap(String pool) {
      return ManagementFactory.getMemoryPoolMXBeans().stream()
          .anyMatch(p -> p.getName().equals(pool) && p.getType() == MemoryType.HEAP);
    }

    void record(boolean on) {
      recording = on;
    }

    void sample() {
      if (recording) {
        maxSampled.accumulate(heapUsed());
      }
    }

    static long heapUsed() {
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long cpuNanos() {
      return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU time of the live enrich stream threads and their producers' network threads: on a shared
     * machine the throughput depends on what the others run, the CPU an article costs much less.
     */
    static long enrichCpuNanos() {
      java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long sum = 0;
      for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
        if (t != null && t.getThreadName().contains("StreamThread-")) {
          sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
        }
      }
      return sum;
    }
  }

  /** When each article reached the sink, as the sink's target shows it. */
  abstract static class Arrivals implements AutoCloseable {
    /** Arrival (epoch ms) by article number; written by {@link #count()}. */
    private final Map<Integer, Long> arrived = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<long[]> writes = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Reads what arrived since the last call; returns the total so far. */
    abstract int count() throws SQLException;

    void arrived(int n, long at) {
      if (n >= 0 && arrived.putIfAbsent(n, at) == null) {
        writes.add(new long[] {System.nanoTime()});
      }
    }

    Long arrivedAt(int n) {
      return arrived.get(n);
    }

    int size() {
      return arrived.size();
    }

    boolean allOf(int first, int last) {
      for (int n = first; n <= last; n++) {
        if (!arrived.containsKey(n)) {
          return false;
        }
      }
      return true;
    }

    /** Articles first seen between two {@link System#nanoTime()} readings. */
    long writtenBetween(long fromNanos, long toNanos) {
      return writes.stream().filter(w -> w[0] >= fromNanos && w[0] < toNanos).count();
    }

    @Override
    public void close() {}

    /** Rows of the articles table, by {@code written_at}, read incrementally by a background thread. */
    static Arrivals postgres(String jdbc) throws SQLException {
      Connection c = DriverManager.getConnection(jdbc);
      Arrivals a = new Arrivals() {
        private java.sql.Timestamp last = new java.sql.Timestamp(0);

        @Override
        synchronized int count() throws SQLException {
          try (PreparedStatement ps = c.prepareStatement(
              "SELECT url, written_at FROM articles WHERE written_at >= ? ORDER BY written_at")) {
            ps.setTimestamp(1, last);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                java.sql.Timestamp at = rs.getTimestamp(2);
                arrived(LoadFeeds.articleNumber(rs.getString(1)), at.getTime());
                last = at;
              }
            }
          } catch (SQLException e) {
            if (!"42P01".equals(e.getSQLState())) {
              throw e;
            }
          }
          return size();
        }

        @Override
        public void close() {
          try {
            c.close();
          } catch (SQLException e) {
            log("closing the reader connection: %s", e.getMessage());
          }
        }
      };
      poll(a);
      return a;
    }

    /** Lines of the sink's JSON Lines files, timestamped when this reader saw them. */
    static Arrivals jsonl(Settings settings) {
      Arrivals a = new Arrivals() {
        @Override
        synchronized int count() {
          long now = System.currentTimeMillis();
          dev.newsflow.app.demo.SinkOutput.read(settings).values().forEach(lines ->
              lines.forEach(line -> arrived(LoadFeeds.articleNumber(line.path("url").asText()), now)));
          return size();
        }
      };
      poll(a);
      return a;
    }

    private static void poll(Arrivals a) {
      Thread.ofPlatform().daemon().name("load-arrivals").start(() -> {
        while (true) {
          try {
            a.count();
            Thread.sleep(200);
          } catch (InterruptedException e) {
            return;
          } catch (SQLException e) {
            log("reading the sink failed: %s", e.getMessage());
            return;
          }
        }
      });
    }
  }
}
