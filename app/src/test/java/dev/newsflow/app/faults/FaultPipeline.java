package dev.newsflow.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.ingest.kafka.FeedCatalog;
import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.config.Settings;
import dev.newsflow.schemas.serde.AvroCodec;
import dev.newsflow.schemas.topic.TopicAdmin;
import dev.newsflow.schemas.topic.Topics;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Assumptions;

/**
 * The whole pipeline for a fault test: a {@link FeedSite} publishing articles, each stage in its own
 * child JVM ({@link StageProcess}) on the given broker, the sink writing to a fresh PostgreSQL
 * database, and topics, groups and state of its own. It checks the end state against what the site
 * published, whatever happened in between. The stages' data and logs stay in {@code dir}.
 */
final class FaultPipeline implements AutoCloseable {
  enum Stage {
    INGEST("ingest"), ENRICH("enrich"), SINK("sink");

    final String command;

    Stage(String command) {
      this.command = command;
    }
  }

  /** One row of the sink's table, as compared with what was published. */
  record Row(String id, String textHash, String verdict, String duplicateOf) {}

  static final String JDBC_ENV = "NEWSFLOW_TEST_JDBC_URL";

  private final String adminJdbcUrl;
  private final String database;
  private final String jdbcUrl;
  private final FeedSite site;
  private final Map<String, FeedSite.Published> expected;
  private final Settings settings;
  private final Topics topics;
  private final Map<Stage, StageProcess> stages = new EnumMap<>(Stage.class);

  /**
   * Prepares (but does not start) the stages.
   *
   * @param overrides settings for every stage on top of the test's, e.g. the processing guarantee
   */
  FaultPipeline(String bootstrap, Path dir, long seed, int articles, Map<String, String> overrides) throws Exception {
    adminJdbcUrl = System.getenv(JDBC_ENV);
    Assumptions.assumeTrue(adminJdbcUrl != null && !adminJdbcUrl.isBlank(),
        JDBC_ENV + " is not set: the fault tests need a PostgreSQL for the sink (e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres)");
    dev.newsflow.broker.testkit.TestKafka.deleteRecursively(dir);
    java.nio.file.Files.createDirectories(dir);
    String prefix = "faults-" + UUID.randomUUID().toString().substring(0, 8);
    database = prefix.replace('-', '_');
    try (Connection c = DriverManager.getConnection(adminJdbcUrl); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
    jdbcUrl = withDatabase(adminJdbcUrl, database);
    site = new FeedSite(10, articles, seed);
    expected = site.articles();

    Map<String, String> common = new LinkedHashMap<>();
    for (String topic : List.of("raw", "enriched", "fetch-events", "dlq", "feeds", "feed-state", "dedup-bands", "dedup-answers")) {
      common.put("topics." + topic, prefix + "." + topic);
    }
    common.put("ingest.group-id", prefix + "-ingest");
    common.put("enrich.application-id", prefix + "-enrich");
    common.put("sink.group-id", prefix + "-sink");
    common.put("fetch.allow-private-addresses", "true");
    common.put("politeness.robots", "false");
    common.put("politeness.host-delay.ms", "0");
    common.put("poll.interval.ms", "300");
    common.put("schedule.min-interval.ms", "300");
    common.put("schedule.max-interval.ms", "1000");
    common.put("schedule.jitter", "0");
    common.put("ingest.transaction-timeout.ms", "10000");
    common.put("sink.retry.backoff.ms", "200");
    common.put("sink.retry.max-backoff.ms", "2000");
    // A killed member's partitions go to its successor after this, instead of the default 45 s.
    common.put("kafka.session.timeout.ms", "6000");
    common.put("kafka.heartbeat.interval.ms", "1000");
    common.putAll(overrides);
    settings = Settings.defaults("newsflow-defaults.properties", "ingest-defaults.properties", "enrich-defaults.properties",
        "sink-defaults.properties").with(common).with("kafka.bootstrap.servers", bootstrap);
    topics = Topics.from(settings);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      TopicAdmin.ensure(admin, topics, 4, (short) 1);
    }

    for (Stage stage : Stage.values()) {
      List<String> args = new ArrayList<>(List.of(stage.command, "--bootstrap-servers", bootstrap,
          "--data-dir", dir.resolve(stage.command).toString()));
      common.forEach((k, v) -> args.addAll(List.of("-D", k + "=" + v)));
      if (stage == Stage.SINK) {
        args.addAll(List.of("--sink", "postgres", "--jdbc-url", jdbcUrl));
      }
      stages.put(stage, new StageProcess(stage.command, args, dir.resolve(stage.command + ".log")));
    }
  }

  /** The stage's process. */
  StageProcess stage(Stage stage) {
    return stages.get(stage);
  }

  /** The articles the site publishes, by id. */
  Map<String, FeedSite.Published> expected() {
    return expected;
  }

  /** Subscribes the site's feeds, starts the given stages and starts publishing over {@code spread}. */
  void start(Duration spread, Stage... which) throws InterruptedException {
    try (FeedCatalog catalog = new FeedCatalog(settings)) {
      catalog.add(site.feedUrls());
    }
    for (Stage s : which) {
      stages.get(s).start();
    }
    site.publish(spread);
  }

  /**
   * Waits until at least {@code fraction} of the published articles are through: in the sink when
   * it runs, else on the enriched topic. Returns how many are.
   */
  int awaitProgress(double fraction) throws Exception {
    int target = (int) Math.ceil(fraction * expected.size());
    int[] through = new int[1];
    awaitUntil(Duration.ofMinutes(3), target + " articles through the pipeline", () -> {
      through[0] = through();
      return through[0] >= target;
    }, () -> through[0] + " through");
    return through[0];
  }

  private int through() throws SQLException {
    Set<String> ids = stages.get(Stage.SINK).started() ? sinkIds() : enrichedCopies().keySet();
    ids.retainAll(expected.keySet());
    return ids.size();
  }

  /**
   * Waits until everything published is in the sink and the fetcher has polled every feed twice
   * more since the last article came out (so nothing is still on its way), at most {@code timeout}.
   */
  void awaitSinkComplete(Duration timeout) throws Exception {
    awaitUntil(timeout, "every published article in the sink", () -> {
      Set<String> ids = sinkIds();
      return ids.containsAll(expected.keySet()) && site.allPublished();
    }, () -> "missing from the sink: " + whereAre(missing(sinkIds())));
    settle();
  }

  /** Waits until every published article is on the enriched topic, then lets the stages settle. */
  void awaitEnrichedComplete(Duration timeout) throws Exception {
    awaitUntil(timeout, "every published article on the enriched topic",
        () -> site.allPublished() && enrichedCopies().keySet().containsAll(expected.keySet()),
        () -> "missing from the enriched topic: " + missing(enrichedCopies().keySet()).size() + " of " + expected.size());
    settle();
  }

  private void settle() throws Exception {
    int[] before = site.feedRequests();
    awaitUntil(Duration.ofSeconds(60), "two more polls of every feed", () -> {
      int[] now = site.feedRequests();
      for (int f = 0; f < now.length; f++) {
        if (now[f] < before[f] + 2) {
          return false;
        }
      }
      return true;
    }, () -> "feed requests before " + Arrays.toString(before) + ", now " + Arrays.toString(site.feedRequests()));
    Thread.sleep(3000);
  }

  private void awaitUntil(Duration timeout, String what, Check done, java.util.concurrent.Callable<String> progress) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.ok()) {
      for (StageProcess p : stages.values()) {
        if (p.exitCode() >= 0) {
          throw new AssertionError(p.name() + " exited with code " + p.exitCode() + " while waiting for " + what
              + "; its log ends:\n" + p.tail(40));
        }
      }
      if (System.nanoTime() > deadline) {
        StringBuilder logs = new StringBuilder();
        stages.values().forEach(p -> logs.append("\n== ").append(p.name()).append(" (").append(p.log()).append(")\n").append(p.tail(25)));
        throw new AssertionError("no " + what + " within " + timeout.toSeconds() + " s: " + progress.call() + logs);
      }
      Thread.sleep(500);
    }
  }

  @FunctionalInterface
  private interface Check {
    boolean ok() throws Exception;
  }

  /** Stops every running stage cleanly (SIGTERM), so that nothing more is written. */
  void stopAll() throws InterruptedException {
    for (StageProcess p : stages.values()) {
      p.stop();
    }
  }

  /**
   * Asserts that the sink holds every published article exactly once with the published text, and
   * nothing else; that no article was judged a copy unless the site made it one; and that nothing
   * was dead-lettered.
   */
  void assertSinkExactlyOnce() throws Exception {
    List<Row> rows = sinkRows();
    Map<String, Long> perId = rows.stream().collect(Collectors.groupingBy(Row::id, TreeMap::new, Collectors.counting()));
    assertThat(rows).as("rows in the sink").hasSize(expected.size());
    assertThat(perId.keySet()).as("article ids in the sink").containsExactlyInAnyOrderElementsOf(expected.keySet());
    assertThat(perId).as("rows per article id").allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
    for (Row row : rows) {
      assertThat(row.textHash()).as("hash of the text of %s (%s)", row.id(), expected.get(row.id()).url())
          .isEqualTo(expected.get(row.id()).textHash());
    }
    List<String> misjudged = rows.stream().filter(r -> !judgedRight(r))
        .map(r -> r.id() + " " + r.verdict() + " of " + r.duplicateOf()).toList();
    assertThat(misjudged).as("articles judged copies of an article that is not of their syndication group (or of themselves)")
        .isEmpty();
    assertNoDeadLetters();
  }

  /**
   * Which of a syndicated original and its copies is judged the original depends on the order they
   * arrive in (a restarted fetcher may fetch the copy first); a copy of anything else, or of itself
   * after a replay, is wrong.
   */
  private boolean judgedRight(Row r) {
    if ("UNIQUE".equals(r.verdict())) {
      return true;
    }
    FeedSite.Published of = r.duplicateOf() == null ? null : expected.get(r.duplicateOf());
    return of != null && !of.id().equals(r.id()) && of.group().equals(expected.get(r.id()).group());
  }

  /** Asserts that the enriched topic holds each published article once for a read_committed reader. */
  void assertEnrichedExactlyOnce() {
    Map<String, Integer> copies = enrichedCopies();
    assertThat(copies.keySet()).as("article ids on the enriched topic").containsExactlyInAnyOrderElementsOf(expected.keySet());
    Map<String, Integer> doubled = new TreeMap<>(copies);
    doubled.values().removeIf(n -> n == 1);
    assertThat(doubled).as("articles on the enriched topic more than once").isEmpty();
  }

  void assertNoDeadLetters() {
    List<String> letters = new ArrayList<>();
    AvroCodec<DeadLetter> codec = AvroCodec.of(DeadLetter.class);
    readAll(topics.dlq().name(), v -> {
      DeadLetter l = codec.decode(v);
      letters.add(l.getStage() + " " + l.getReason() + ": " + l.getDetail());
    });
    assertThat(letters).as("dead letters").isEmpty();
  }

  /** How many times each article id is on the enriched topic, for a read_committed reader. */
  Map<String, Integer> enrichedCopies() {
    Map<String, Integer> counts = new HashMap<>();
    AvroCodec<EnrichedArticle> codec = AvroCodec.of(EnrichedArticle.class);
    readAll(topics.enriched().name(), v -> counts.merge(codec.decode(v).getId().toString(), 1, Integer::sum));
    return counts;
  }

  private void readAll(String topic, java.util.function.Consumer<byte[]> each) {
    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.getString("kafka.bootstrap.servers"),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000), new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topic + " to its end within 60 s");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(r -> each.accept(r.value()));
      }
    }
  }

  /** For a failure message: where in the pipeline the {@code ids} got to. */
  private String whereAre(Set<String> ids) {
    Set<String> raw = new java.util.HashSet<>();
    AvroCodec<dev.newsflow.schemas.RawArticle> codec = AvroCodec.of(dev.newsflow.schemas.RawArticle.class);
    readAll(topics.raw().name(), v -> raw.add(codec.decode(v).getId().toString()));
    Set<String> enriched = enrichedCopies().keySet();
    List<String> letters = new ArrayList<>();
    AvroCodec<DeadLetter> letterCodec = AvroCodec.of(DeadLetter.class);
    readAll(topics.dlq().name(), v -> letters.add(letterCodec.decode(v).toString()));
    return "dead letters: " + letters + "; " + ids.size() + " of " + expected.size() + ids.stream().limit(20)
        .map(id -> "\n  " + expected.get(id).url() + " (" + id + "): " + (raw.contains(id) ? "on" : "NOT on") + " the raw topic, "
            + (enriched.contains(id) ? "on" : "NOT on") + " the enriched topic")
        .collect(Collectors.joining());
  }

  private Set<String> missing(Set<String> have) {
    Set<String> m = new java.util.TreeSet<>(expected.keySet());
    m.removeAll(have);
    return m;
  }

  private Set<String> sinkIds() throws SQLException {
    return sinkRows().stream().map(Row::id).collect(Collectors.toCollection(java.util.HashSet::new));
  }

  private List<Row> sinkRows() throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
      if (!tableExists(c)) {
        return rows;
      }
      try (ResultSet r = s.executeQuery("SELECT id, body, dedup_verdict, duplicate_of FROM articles")) {
        while (r.next()) {
          rows.add(new Row(r.getString(1), FeedSite.textHash(r.getString(2)), r.getString(3), r.getString(4)));
        }
      }
    }
    return rows;
  }

  private static boolean tableExists(Connection c) throws SQLException {
    try (ResultSet r = c.getMetaData().getTables(null, null, "articles", null)) {
      return r.next();
    }
  }

  private static String withDatabase(String url, String database) {
    int slash = url.indexOf('/', "jdbc:postgresql://".length());
    int query = url.indexOf('?', slash);
    return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
  }

  @Override
  public void close() throws java.sql.SQLException {
    for (StageProcess p : stages.values()) {
      p.close();
    }
    site.close();
    try (Connection c = DriverManager.getConnection(adminJdbcUrl); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }
}
