package dev.newsflow.enrich.bench;

import dev.newsflow.broker.LocalKafka;
import dev.newsflow.broker.testkit.TestKafka;
import dev.newsflow.enrich.topology.EnrichConfig;
import dev.newsflow.enrich.topology.EnrichTopology;
import dev.newsflow.schemas.config.Settings;
import dev.newsflow.schemas.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.streams.Topology;

/**
 * Throughput and state of the enrich topology on the local broker, against a pass-through
 * topology, from one run on one broker with one input (see {@link ReplayInput}).
 *
 * <p>Run kinds, in the order given by {@code --runs}: {@code pass} (the {@link PassThroughTopology}),
 * {@code real} ({@link EnrichTopology} as the service builds it), {@code notag} (the same with empty
 * tagger dictionaries: tagging reduced to sentence splitting), {@code state} (real, sampling exact
 * store entries as the input is fed chunk by chunk like live traffic), {@code sweep} (as state, with
 * Streams' wall clock moved one hour forward per chunk so that the band index's hourly sweep runs).
 *
 * <p>Run: {@code bench/enrich/run.sh}; arguments: {@code --data DIR --replays 12 --days 30
 * --window-days 7 --partitions 4 --tuning tuned|default --guarantee at_least_once|exactly_once_v2 --runs pass,real,notag,pass,real,state,sweep}.
 */
public final class EnrichTopologyBench {
  private static final String RAW = "bench.raw";

  private final BenchOptions o;
  private final LocalKafka kafka;
  private final Admin admin;
  private final List<ReplayInput.Item> items;
  private final List<String> results = new ArrayList<>();
  private int runNumber;

  private EnrichTopologyBench(BenchOptions o, LocalKafka kafka, Admin admin, List<ReplayInput.Item> items) {
    this.o = o;
    this.kafka = kafka;
    this.admin = admin;
    this.items = items;
  }

  public static void main(String[] args) throws Exception {
    BenchOptions o = BenchOptions.parse(args);
    Path stream = o.data().resolve("stream.jsonl");
    if (!Files.exists(stream)) {
      System.out.println("no " + stream + ": nothing to measure");
      return;
    }
    TestKafka.deleteRecursively(o.work());
    Files.createDirectories(o.work());
    TestKafka.guardExit();
    List<ReplayInput.Item> items = ReplayInput.build(stream, o.replays(), Duration.ofDays(o.days()), Instant.now());
    // Sweep runs move Streams' clock (and so the timestamps of the sweep's changelog deletes) hours
    // ahead of the broker's: let the broker accept them.
    Map<String, String> broker = Map.of("log.message.timestamp.after.max.ms", String.valueOf(Long.MAX_VALUE));
    try (LocalKafka kafka = LocalKafka.start(o.work().resolve("kafka"), broker);
        Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      new EnrichTopologyBench(o, kafka, admin, items).run();
    }
  }

  private void run() throws Exception {
    createTopics(List.of(RAW));
    long rawBytes = produce();
    Settings any = settings("probe", false, RAW);
    System.out.printf("input: %d records (%d replays x %d) over %d days, window %d days, %d partitions, "
            + "%.0f bytes/record; %s, commit every %d ms; tuning %s%n", items.size(), o.replays(),
        items.size() / o.replays(), o.days(), o.windowDays(), o.partitions(), (double) rawBytes / items.size(),
        any.getString("enrich.processing-guarantee"), any.getLong("enrich.commit-interval.ms"),
        o.tuned() ? "tuned " + BenchStreamsConfig.tuning() : "default");
    for (String kind : o.runs()) {
      runOne(kind);
    }
    System.out.println();
    System.out.println("== summary (rec/s = from RUNNING to the last output record; total = from start();"
        + " rec/cpu-s = per CPU second of the stream threads)");
    System.out.printf("%-3s %-6s %8s %9s %9s %9s %9s %10s  %s%n", "#", "run", "records", "running", "1st out", "rec/s",
        "total/s", "rec/cpu-s", "load 1m before -> after");
    results.forEach(System.out::println);
  }

  private void runOne(String kind) throws Exception {
    int n = ++runNumber;
    String prefix = "b" + n + "-" + kind;
    boolean chunked = kind.equals("state") || kind.equals("sweep");
    Settings settings = settings(prefix, kind.equals("notag"), chunked ? prefix + ".raw" : RAW);
    Topics topics = Topics.from(settings);
    createTopics(List.of(topics.raw().name(), topics.enriched().name(), topics.dlq().name(),
        topics.dedupBands().name(), topics.dedupAnswers().name()));
    Topology topology = kind.equals("pass")
        ? PassThroughTopology.build(topics, Clock.systemUTC())
        : EnrichTopology.build(EnrichConfig.from(settings));
    TreeSet<String> stores = StateProbe.storeNames(topology);
    Properties props = BenchStreamsConfig.of(settings, o.tuned());
    JumpingTime clock = new JumpingTime();
    Path stateDir = Path.of(settings.getString("enrich.state-dir"));
    System.out.printf("%n== run %d: %s (application %s)%n", n, kind, prefix);
    try (TimedRun run = TimedRun.start(topology, props, kind.equals("sweep") ? clock : Time.SYSTEM)) {
      if (chunked) {
        try (var producer = producer()) {
          new ChunkedStateRun(items, stores, stateDir, kafka.dataDir().resolve("logs"), prefix)
              .feed(run.streams(), producer, admin, topics.raw().name(), topics.enriched().name(), o.partitions(),
                  o.replays() * 2, kind.equals("sweep") ? clock : null);
        }
      } else {
        TimedRun.Result r = run.await(admin, topics.enriched().name(), o.partitions(), items.size(),
            Duration.ofMinutes(30), count -> {});
        String line = String.format("%-3d %-6s %8d %7.1f s %7.1f s %9.0f %9.0f %10.0f  %s", n, kind, r.records(),
            r.runningMs() / 1000.0, r.firstOutputMs() / 1000.0, r.rate(), r.totalRate(), r.cpuRate(), r.load());
        System.out.println(line);
        results.add(line);
      }
      if (!kind.equals("pass")) {
        FinalState.report(run.streams(), stores, settings, topics, kafka.dataDir().resolve("logs"), items.size(),
            admin, o.partitions(), n == firstDedupRun());
      }
    }
    if (!kind.equals("pass")) {
      FinalState.afterClose(stateDir, stores, items.size());
    }
  }

  private int firstDedupRun() {
    for (int i = 0; i < o.runs().size(); i++) {
      if (!o.runs().get(i).equals("pass")) {
        return i + 1;
      }
    }
    return -1;
  }

  private Settings settings(String prefix, boolean noTags, String raw) throws Exception {
    Map<String, String> m = new java.util.HashMap<>(Map.ofEntries(
        Map.entry("data.dir", o.work().toString()),
        Map.entry("kafka.bootstrap.servers", kafka.bootstrapServers()),
        Map.entry("topics.raw", raw),
        Map.entry("topics.enriched", prefix + ".enriched"),
        Map.entry("topics.dlq", prefix + ".dlq"),
        Map.entry("topics.dedup-bands", prefix + ".bands"),
        Map.entry("topics.dedup-answers", prefix + ".answers"),
        Map.entry("enrich.application-id", prefix),
        Map.entry("enrich.state-dir", o.work().resolve("state").resolve(prefix).toString()),
        Map.entry("dedup.window.ms", String.valueOf(Duration.ofDays(o.windowDays()).toMillis()))));
    if (!o.guarantee().isEmpty()) {
      m.put("enrich.processing-guarantee", o.guarantee());
    }
    if (noTags) {
      m.put("tag.dictionaries", emptyDictionaries().toString());
    }
    return Settings.defaults("newsflow-defaults.properties", "enrich-defaults.properties").with(m).withEnvironment(System.getenv());
  }

  private Path emptyDictionaries() throws Exception {
    Path dir = o.work().resolve("empty-dictionaries");
    Files.createDirectories(dir);
    for (String f : List.of("countries.tsv", "organisations.tsv", "leaders.tsv", "roles.tsv", "not-actors.tsv",
        "cues.tsv", "triggers.tsv", "irregular-verbs.tsv")) {
      Files.writeString(dir.resolve(f), "# empty: the benchmark's no-tagging variant\n");
    }
    return dir;
  }

  private void createTopics(List<String> names) throws Exception {
    TreeSet<String> existing = new TreeSet<>(admin.listTopics().names().get());
    List<NewTopic> topics = new ArrayList<>();
    for (String name : names) {
      if (!existing.contains(name)) {
        // Kept whole for the run: the records' timestamps lie up to --days in the past.
        topics.add(new NewTopic(name, o.partitions(), (short) 1).configs(Map.of("retention.ms", "-1")));
      }
    }
    admin.createTopics(topics).all().get();
  }

  private KafkaProducer<String, byte[]> producer() {
    Map<String, Object> config = Map.of("bootstrap.servers", kafka.bootstrapServers(), "batch.size", 256 * 1024,
        "linger.ms", 20, "acks", "all");
    return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  private long produce() throws Exception {
    long bytes = 0;
    try (var producer = producer()) {
      for (ReplayInput.Item item : items) {
        producer.send(new ProducerRecord<>(RAW, null, item.timestamp(), item.id(), item.value()));
        bytes += item.value().length;
      }
      producer.flush();
    }
    return bytes;
  }
}
