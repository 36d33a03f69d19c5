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
            Arrivals arrivals = jdbc == null ? Arrivals.jsonl(settings) : Arrivals.postgres(jdbc);
            TopicWatch watch = new TopicWatch(kafka.settings(), List.of(raw(kafka.settings()), enriched(kafka.settings())))) {
          Thread.sleep(5000);
          long start = System.currentTimeMillis();
          long measureFrom = start + warmup * 1000L;
          long measureTo = measureFrom + seconds * 1000L;
          int firstMeasured = -1;
          Sample a = null;
          long transactionsFrom = 0;
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
                transactionsFrom = pipeline.ingest().transactions();
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
          long transactions = pipeline.ingest().transactions() - transactionsFrom;
          gauges.record(false);
          long drainUntil = System.currentTimeMillis() + drain * 1000L;
          while (System.currentTimeMillis() < drainUntil && !arrivals.allOf(firstMeasured, lastMeasured)) {
            Thread.sleep(250);
            arrivals.count();
          }
          report(o, server, arrivals, firstMeasured, lastMeasured, a, b, gauges, database, jdbc != null, interval);
          stages(server, arrivals, watch, kafka.settings(), firstMeasured, lastMeasured);
          cpu(a, b, arrivals.writtenBetween(a.nanos, b.nanos));
          System.out.printf("%nFetcher transactions in the window: %.1f/s (%.1f feed polls each).%n", transactions / ((b.nanos - a.nanos) / 1e9),
              transactions == 0 ? 0.0 : (double) (b.feedRequests - a.feedRequests) / transactions);
        }
      }
    } finally {
      if (jdbc != null && !o.containsKey("keep-db")) {
        dropDatabase(adminJdbc, database);
      }
    }
  }

  private record Sample(long nanos, long cpu, long enrichCpu, int published, int arrived, long feedRequests, long notModified,
      Map<String, Long> groups, Map<String, Long> threads) {
    static Sample take(LoadFeeds server, Arrivals arrivals) throws SQLException {
      return new Sample(System.nanoTime(), Gauges.cpuNanos(), Gauges.enrichCpuNanos(), server.count(), arrivals.count(),
          server.feedRequests(), server.notModified(), ThreadCpu.snapshot(), ThreadCpu.byThread());
    }
  }

  private static String raw(Settings s) {
    return dev.newsflow.schemas.topic.Topics.from(s).raw().name();
  }

  private static String enriched(Settings s) {
    return dev.newsflow.schemas.topic.Topics.from(s).enriched().name();
  }

  /**
   * Where an article's end-to-end latency goes, stage by stage, from the times the pipeline itself
   * recorded ({@code fetched_at}: the page extracted; {@code enriched_at}: the enrich stage took the
   * record) and from when a {@code read_committed} reader of this JVM first saw it on the raw and the
   * enriched topics ({@link TopicWatch}). Each stage's p50 / p95 / p99 over the measured articles
   * seen at every point.
   */
  private static void stages(LoadFeeds server, Arrivals arrivals, TopicWatch watch, Settings settings, int first, int last) {
    String[] names = {
        "publication -> page fetched and extracted (fetched_at): waiting for the feed's poll, feed and page fetch",
        "fetched_at -> raw record sent (its timestamp): rest of the poll, waiting for the fetcher's commit",
        "raw record sent -> visible on the raw topic (transaction committed)",
        "raw visible -> taken by enrich (enriched_at)",
        "enriched_at -> visible on the enriched topic (tagging, dedup round trip, output)",
        "enriched visible -> row written (written_at)"};
    List<long[]> spans = new ArrayList<>();
    Map<Long, List<long[]>> byTen = new java.util.TreeMap<>();
    for (int i = 0; i < names.length; i++) {
      spans.add(new long[last - first + 1]);
    }
    int found = 0;
    for (int n = first; n <= last; n++) {
      Arrivals.Row row = arrivals.row(n);
      if (row == null) {
        continue;
      }
      TopicWatch.Sight r = watch.sight(raw(settings), row.id());
      TopicWatch.Sight e = watch.sight(enriched(settings), row.id());
      if (r == null || e == null) {
        continue;
      }
      long[] points = {server.publishedAt(n), row.fetchedAt(), r.timestamp(), r.seenAt(), row.enrichedAt(), e.seenAt(), row.writtenAt()};
      long[] article = new long[names.length + 1];
      for (int i = 0; i < names.length; i++) {
        spans.get(i)[found] = points[i + 1] - points[i];
        article[i + 1] = points[i + 1] - points[i];
      }
      article[0] = row.writtenAt() - points[0];
      byTen.computeIfAbsent((points[0] - server.publishedAt(first)) / 10_000, k -> new ArrayList<>()).add(article);
      found++;
    }
    System.out.printf("%nWhere the time goes: %d of the measured articles seen at every point (ms; a reader in this JVM saw"
        + " the topics, within ~100 ms).%n%n", found);
    System.out.println("| stage | p50 | p95 | p99 | mean |");
    System.out.println("|---|---|---|---|---|");
    for (int i = 0; i < names.length; i++) {
      long[] sorted = Arrays.copyOf(spans.get(i), found);
      Arrays.sort(sorted);
      System.out.printf("| %s | %s | %s | %s | %.0f |%n", names[i], q(sorted, 0.5), q(sorted, 0.95), q(sorted, 0.99),
          Arrays.stream(sorted).average().orElse(0));
    }
    System.out.printf("%nOver the window, by 10 s of publication: end-to-end p50 / p99 and each stage's p50 in the order above (ms).%n%n");
    System.out.println("| published at | articles | end-to-end p50 / p99 | stages p50 |");
    System.out.println("|---|---|---|---|");
    byTen.forEach((ten, articles) -> {
      long[][] columns = new long[names.length + 1][articles.size()];
      for (int k = 0; k < articles.size(); k++) {
        for (int i = 0; i <= names.length; i++) {
          columns[i][k] = articles.get(k)[i];
        }
      }
      StringBuilder stages = new StringBuilder();
      for (int i = 0; i <= names.length; i++) {
        Arrays.sort(columns[i]);
        if (i > 0) {
          stages.append(i == 1 ? "" : " / ").append(q(columns[i], 0.5));
        }
      }
      System.out.printf("| %d-%d s | %d | %s / %s | %s |%n", ten * 10, ten * 10 + 10, articles.size(), q(columns[0], 0.5),
          q(columns[0], 0.99), stages);
    });
  }

  /** CPU over the window by thread group ({@link ThreadCpu}); the busiest threads go to stderr. */
  private static void cpu(Sample a, Sample b, long written) {
    double secs = (b.nanos - a.nanos) / 1e9;
    System.out.printf("%nCPU in the measured window by thread group.%n%n");
    System.out.println("| thread group | cores | ms per article written |");
    System.out.println("|---|---|---|");
    b.groups.forEach((group, cpu) -> {
      long d = cpu - a.groups.getOrDefault(group, 0L);
      System.out.printf("| %s | %.2f | %.2f |%n", group, d / 1e9 / secs, written == 0 ? 0.0 : d / 1e6 / written);
    });
    List<Map.Entry<String, Long>> busiest = new ArrayList<>();
    b.threads.forEach((name, cpu) -> busiest.add(Map.entry(name, cpu - a.threads.getOrDefault(name, 0L))));
    busiest.sort((x, y) -> Long.compare(y.getValue(), x.getValue()));
    busiest.stream().limit(25).forEach(e -> log("cpu %.2f cores  %s  [%s]", e.getValue() / 1e9 / secs, e.getKey(), ThreadCpu.group(e.getKey())));
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
    /** A row of the sink's target: the article's id and its times (epoch ms). */
    record Row(String id, long fetchedAt, long enrichedAt, long writtenAt) {}

    /** Arrival (epoch ms) by article number; written by {@link #count()}. */
    private final Map<Integer, Long> arrived = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Integer, Row> rows = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<long[]> writes = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Reads what arrived since the last call; returns the total so far. */
    abstract int count() throws SQLException;

    void arrived(int n, long at) {
      if (n >= 0 && arrived.putIfAbsent(n, at) == null) {
        writes.add(new long[] {System.nanoTime()});
      }
    }

    void arrived(int n, Row row) {
      if (n >= 0) {
        rows.putIfAbsent(n, row);
        arrived(n, row.writtenAt());
      }
    }

    Row row(int n) {
      return rows.get(n);
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
              "SELECT url, written_at, id, fetched_at, enriched_at FROM articles WHERE written_at >= ? ORDER BY written_at")) {
            ps.setTimestamp(1, last);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                java.sql.Timestamp at = rs.getTimestamp(2);
                arrived(LoadFeeds.articleNumber(rs.getString(1)),
                    new Row(rs.getString(3), rs.getTimestamp(4).getTime(), rs.getTimestamp(5).getTime(), at.getTime()));
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
              lines.forEach(line -> arrived(LoadFeeds.articleNumber(line.path("url").asText()), new Row(line.path("id").asText(),
                  java.time.Instant.parse(line.path("fetchedAt").asText()).toEpochMilli(),
                  java.time.Instant.parse(line.path("enrichedAt").asText()).toEpochMilli(), now))));
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
