package dev.newsflow.ingest.bench;

import dev.newsflow.ingest.kafka.FeedCatalog;
import dev.newsflow.ingest.kafka.FeedFetcherService;
import dev.newsflow.schemas.FeedState;
import dev.newsflow.schemas.config.Settings;
import dev.newsflow.schemas.topic.TopicAdmin;
import dev.newsflow.schemas.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Benchmark (not a test) of one {@link FeedFetcherService} polling many simulated feeds at steady
 * state: committed polls per second, lateness of polls against their schedule, heap and CPU.
 *
 * <p>Feeds are {@code http://feeds-H.example/feed-N.xml}, N in [0, feeds), H = N mod hosts, all
 * served by {@link SimulatedFeeds} acting as the fetcher's HTTP proxy. Every feed is subscribed
 * through {@link FeedCatalog}; its state is then seeded in the feed-state topic as after an earlier
 * run (ETag known, next poll spread uniformly over one interval), so that every poll is conditional
 * and the load is even from the start: what is measured is a restarted fetcher at steady state.
 * Every feed's interval is pinned ({@code poll.interval.ms = schedule.min/max-interval.ms}), with
 * the default jitter; demand is then {@code feeds / interval} polls per second.
 *
 * <p>Usage: {@code FetcherBench [--feeds=10000] [--hosts=500] [--interval-ms=10000]
 * [--host-delay-ms=100] [--concurrency=64] [--partitions=4] [--warmup-s=20] [--measure-s=60]
 * [--env=FILE] [--set.KEY=VALUE...]}; without {@code --env} the broker and the feeds run in this JVM, with it they are
 * those of a {@link BenchEnv} main started beforehand (see {@code bench/fetcher/run.sh}).
 */
public final class FetcherBench {
  private FetcherBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    int feeds = Integer.parseInt(o.getOrDefault("feeds", "10000"));
    int hosts = Integer.parseInt(o.getOrDefault("hosts", "500"));
    long interval = Long.parseLong(o.getOrDefault("interval-ms", "10000"));
    long hostDelay = Long.parseLong(o.getOrDefault("host-delay-ms", "100"));
    int concurrency = Integer.parseInt(o.getOrDefault("concurrency", "64"));
    int partitions = Integer.parseInt(o.getOrDefault("partitions", "4"));
    long warmup = Long.parseLong(o.getOrDefault("warmup-s", "20")) * 1000;
    long measure = Long.parseLong(o.getOrDefault("measure-s", "60")) * 1000;
    JvmGauges gauges = new JvmGauges();

    try (BenchEnv env = o.containsKey("env") ? BenchEnv.remote(Path.of(o.get("env"))) : BenchEnv.inProcess(0)) {
      String prefix = "fbench-" + UUID.randomUUID().toString().substring(0, 8);
      Path dataDir = Files.createTempDirectory("newsflow-fetcher-bench-data-");
      Settings settings = Settings.defaults("newsflow-defaults.properties", "ingest-defaults.properties").with(Map.ofEntries(
          Map.entry("kafka.bootstrap.servers", env.bootstrap()), Map.entry("data.dir", dataDir.toString()),
          Map.entry("topics.raw", prefix + ".raw"), Map.entry("topics.enriched", prefix + ".enriched"),
          Map.entry("topics.fetch-events", prefix + ".events"), Map.entry("topics.dlq", prefix + ".dlq"),
          Map.entry("topics.feeds", prefix + ".feeds"), Map.entry("topics.feed-state", prefix + ".feed-state"),
          Map.entry("topics.dedup-bands", prefix + ".bands"), Map.entry("topics.dedup-answers", prefix + ".answers"),
          Map.entry("ingest.group-id", prefix), Map.entry("ingest.instance-id", prefix),
          Map.entry("fetch.proxy", env.proxy()), Map.entry("fetch.allow-private-addresses", "true"),
          Map.entry("poll.interval.ms", String.valueOf(interval)), Map.entry("schedule.min-interval.ms", String.valueOf(interval)),
          Map.entry("schedule.max-interval.ms", String.valueOf(interval)),
          Map.entry("politeness.host-delay.ms", String.valueOf(hostDelay)), Map.entry("politeness.robots", "false"),
          Map.entry("fetch.max-in-flight", String.valueOf(concurrency))));
      Topics topics = Topics.from(settings);
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", env.bootstrap()))) {
        TopicAdmin.ensure(admin, topics, partitions, (short) 1);
      }
      awaitPartitionsServed(settings, List.of(topics.feeds().name(), topics.feedState().name()));
      List<String> urls = new ArrayList<>(feeds);
      for (int n = 0; n < feeds; n++) {
        urls.add("http://feeds-" + (n % hosts) + ".example/feed-" + n + ".xml");
      }
      try (FeedCatalog catalog = new FeedCatalog(settings)) {
        catalog.add(urls);
      }
      seedStates(settings, topics, urls, interval);
      log("%d feeds on %d hosts subscribed and seeded; interval %d ms (demand %.0f polls/s), host delay %d ms, concurrency %d",
          feeds, hosts, interval, feeds * 1000.0 / interval, hostDelay, concurrency);

      // The --set.* overrides are for the fetcher under test only, not for the set-up clients above.
      FeedFetcherService service = new FeedFetcherService(settings.with(overrides(o)));
      Thread runner = Thread.ofPlatform().name("fetcher").start(service::run);
      long started = System.currentTimeMillis();
      waitWhileSampling(gauges, service, env, started, warmup);
      gauges.record(true);
      Snapshot a = Snapshot.take(service, env);
      waitWhileSampling(gauges, service, env, started, measure);
      Snapshot b = Snapshot.take(service, env);
      gauges.record(false);
      service.stop();
      runner.join(120_000);
      long stopped = System.currentTimeMillis();
      long live = JvmGauges.liveBytes();

      Lateness late = Lateness.of(readStates(settings, topics), env.arrivals(), a.wallMs, b.wallMs - 2000, stopped);
      report(o, env, feeds, hosts, interval, hostDelay, concurrency, a, b, late, gauges, live);
      dev.newsflow.broker.testkit.TestKafka.deleteRecursively(dataDir);
    }
  }

  private record Snapshot(long wallMs, long nanos, long committed, long requests, long notModified, long cpu, long envCpu) {
    static Snapshot take(FeedFetcherService service, BenchEnv env) {
      Map<String, Long> s = env.stats();
      return new Snapshot(System.currentTimeMillis(), System.nanoTime(), service.committedPolls(), s.get("requests"),
          s.get("notModified"), JvmGauges.processCpuNanos(), s.getOrDefault("cpuNanos", 0L));
    }
  }

  /**
   * Waits until the broker answers for every partition of {@code names} (ListOffsets goes to the
   * leader). Producing to a partition the broker has not applied yet can lose an idempotent
   * producer's first batches to an endless OUT_OF_ORDER_SEQUENCE_NUMBER loop (KAFKA-15591), which
   * this benchmark hit through FeedCatalog on a loaded machine.
   */
  private static void awaitPartitionsServed(Settings settings, List<String> names) throws InterruptedException {
    Map<String, Object> c = new HashMap<>(settings.kafkaProperties());
    c.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
    try (var consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
      for (String name : names) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
          try {
            List<TopicPartition> parts = consumer.partitionsFor(name).stream()
                .map(p -> new TopicPartition(name, p.partition())).toList();
            if (!parts.isEmpty() && consumer.endOffsets(parts).size() == parts.size()) {
              break;
            }
          } catch (org.apache.kafka.common.KafkaException e) {
            if (System.nanoTime() > deadline) {
              throw new IllegalStateException("partitions of " + name + " not served after 60 s", e);
            }
          }
          Thread.sleep(200);
        }
      }
    }
    Thread.sleep(500);
  }

  private static void seedStates(Settings settings, Topics topics, List<String> urls, long interval) {
    Map<String, Object> c = new HashMap<>(settings.kafkaProperties());
    c.put(ProducerConfig.ACKS_CONFIG, "all");
    c.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    Random random = new Random(42);
    Instant now = Instant.now();
    try (var producer = new KafkaProducer<>(c, new StringSerializer(), new ByteArraySerializer())) {
      for (String url : urls) {
        FeedState state = FeedState.newBuilder().setUrl(url).setEtag(SimulatedFeeds.etag(url)).setIntervalMs(interval)
            .setNextPollAt(now.plusMillis(1000 + (long) (random.nextDouble() * interval))).setLastPollAt(now).setLastSuccessAt(now)
            .setLastStatus(Lateness.SEEDED).build();
        String topic = topics.feedState().name();
        producer.send(new ProducerRecord<>(topic, url, topics.feedState().valueSerde().serializer().serialize(topic, state)));
      }
      producer.flush();
    }
  }

  private static void waitWhileSampling(JvmGauges gauges, FeedFetcherService service, BenchEnv env, long started, long ms)
      throws InterruptedException {
    long end = System.currentTimeMillis() + ms;
    long lastLog = System.currentTimeMillis();
    while (System.currentTimeMillis() < end) {
      Thread.sleep(Math.min(1000, Math.max(1, end - System.currentTimeMillis())));
      gauges.sample();
      if (System.currentTimeMillis() - lastLog >= 10_000) {
        lastLog = System.currentTimeMillis();
        log("t=%ds committed polls %d, server requests %d, heap used %d MB", (lastLog - started) / 1000,
            service.committedPolls(), env.stats().get("requests"), JvmGauges.heap().getUsed() >> 20);
      }
    }
  }

  /** Every feed-state record, in order per feed (read_committed, from the beginning to the end). */
  private static Map<String, List<FeedState>> readStates(Settings settings, Topics topics) {
    Map<String, Object> c = new HashMap<>(settings.kafkaProperties());
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    Map<String, List<FeedState>> states = new HashMap<>();
    String topic = topics.feedState().name();
    try (var consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (var r : consumer.poll(Duration.ofMillis(500))) {
          if (r.value() != null) {
            states.computeIfAbsent(r.key(), k -> new ArrayList<>())
                .add(topics.feedState().valueSerde().deserializer().deserialize(topic, r.value()));
          }
        }
      }
    }
    return states;
  }

  private static void report(Map<String, String> o, BenchEnv env, int feeds, int hosts, long interval, long hostDelay,
      int concurrency, Snapshot a, Snapshot b, Lateness late, JvmGauges gauges, long live) {
    double secs = (b.nanos - a.nanos) / 1e9;
    long polls = b.committed - a.committed;
    long requests = b.requests - a.requests;
    double cores = (b.cpu - a.cpu) / 1e9 / secs;
    Runtime rt = Runtime.getRuntime();
    System.out.printf("%n## Fetcher benchmark: %d feeds, %d hosts, interval %d ms (demand %.0f/s), host delay %d ms, concurrency %d%n%n",
        feeds, hosts, interval, feeds * 1000.0 / interval, hostDelay, concurrency);
    String extra = overrides(o).toString();
    System.out.printf("Settings over the benchmark's: %s.%n", extra.equals("{}") ? "none" : extra);
    System.out.printf("Broker: %s. JVM: %s, max heap %d MB, %d CPUs. Window %.1f s.%n%n",
        env.where(), Runtime.version(), rt.maxMemory() >> 20, rt.availableProcessors(), secs);
    System.out.println("| figure | value |");
    System.out.println("|---|---|");
    row("polls committed per second", "%.0f", polls / secs);
    row("requests received by the feeds server per second", "%.0f (%.1f%% answered 304)", requests / secs,
        requests == 0 ? 0.0 : 100.0 * (b.notModified - a.notModified) / requests);
    row("lateness vs schedule p50 / p90 / p99 / max", "%d / %d / %d / %d ms", late.quantile(0.5), late.quantile(0.9),
        late.quantile(0.99), late.max());
    row("due times measured / never polled in the window", "%d / %d", late.count(), late.missed());
    row("fetcher JVM CPU", "%.2f cores (%.0f µs per poll)", cores, polls == 0 ? 0.0 : (b.cpu - a.cpu) / 1e3 / polls);
    if (b.envCpu > 0) {
      double envCores = (b.envCpu - a.envCpu) / 1e9 / secs;
      row("broker + feeds server JVM CPU", "%.2f cores (%.0f µs per poll)", envCores,
          polls == 0 ? 0.0 : (b.envCpu - a.envCpu) / 1e3 / polls);
    }
    row("heap: max used after a GC / peak sampled / live at end", "%d / %d / %d MB", gauges.maxAfterGcBytes() >> 20,
        gauges.maxSampledBytes() >> 20, live >> 20);
    row("machine load average (1 min) at the end of the window", "%.1f (2 cores shared with other work)",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    row("GC in window", "%d collections, %d ms", gauges.collections(), gauges.gcMillis());
  }

  private static void row(String name, String format, Object... values) {
    System.out.println("| " + name + " | " + String.format(format, values) + " |");
  }

  private static void log(String format, Object... values) {
    System.err.println("[bench] " + String.format(format, values));
  }

  /** Options {@code --set.KEY=VALUE}: settings applied over the benchmark's (e.g. {@code --set.kafka.linger.ms=1}). */
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
}
