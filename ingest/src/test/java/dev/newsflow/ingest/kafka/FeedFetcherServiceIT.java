package dev.newsflow.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.broker.testkit.TestKafka;
import dev.newsflow.ingest.testing.TestServer;
import dev.newsflow.schemas.RawArticle;
import dev.newsflow.schemas.config.Settings;
import dev.newsflow.schemas.serde.AvroCodec;
import dev.newsflow.schemas.topic.TopicAdmin;
import dev.newsflow.schemas.topic.Topics;
import java.io.InputStream;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher as a service on a real broker: restarts, several instances, feeds changed at runtime. */
class FeedFetcherServiceIT {
  private static final int ITEMS = 3;
  private final TestServer server = new TestServer();
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> maxInFlight = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private String page;
  private Settings settings;
  private Topics topics;

  @BeforeEach
  void setUp() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/seeds/seed-000.html")) {
      page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String prefix = "fetcher-it-" + UUID.randomUUID().toString().substring(0, 8);
    settings = Settings.defaults("newsflow-defaults.properties", "ingest-defaults.properties").with(Map.ofEntries(
        Map.entry("kafka.bootstrap.servers", TestKafka.bootstrapServers()),
        Map.entry("topics.raw", prefix + ".raw"), Map.entry("topics.enriched", prefix + ".enriched"),
        Map.entry("topics.fetch-events", prefix + ".events"), Map.entry("topics.dlq", prefix + ".dlq"),
        Map.entry("topics.feeds", prefix + ".feeds"), Map.entry("topics.feed-state", prefix + ".feed-state"),
        Map.entry("ingest.group-id", prefix), Map.entry("fetch.allow-private-addresses", "true"),
        Map.entry("poll.interval.ms", "300"), Map.entry("schedule.min-interval.ms", "300"),
        Map.entry("schedule.max-interval.ms", "600"), Map.entry("politeness.host-delay.ms", "0"),
        Map.entry("politeness.robots", "false"), Map.entry("ingest.transaction-timeout.ms", "10000")));
    topics = Topics.from(settings);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
      TopicAdmin.ensure(admin, topics, 4, (short) 1);
    }
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  /** Serves feed {@code n} with ITEMS items whose pages are all served too; counts polls and overlaps. */
  private String feed(int n) {
    String path = "/feed-" + n + ".xml";
    StringBuilder body = new StringBuilder("<rss version=\"2.0\"><channel><title>Feed " + n + "</title>");
    for (int i = 0; i < ITEMS; i++) {
      String item = "/feed-" + n + "/item-" + i;
      body.append("<item><title>Item ").append(i).append("</title><link>").append(server.uri(item)).append("</link></item>");
      server.serve(item, "text/html", page);
    }
    byte[] bytes = body.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    server.on(path, ex -> {
      polls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      int now = inFlight.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      maxInFlight.computeIfAbsent(path, p -> new AtomicInteger()).accumulateAndGet(now, Math::max);
      try {
        Thread.sleep(20);
        TestServer.send(ex, 200, "application/rss+xml", bytes);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        inFlight.get(path).decrementAndGet();
      }
    });
    return server.uri(path).toString();
  }

  private FeedFetcherService start(String instanceId) {
    return start(instanceId, new SimpleMeterRegistry());
  }

  private FeedFetcherService start(String instanceId, MeterRegistry registry) {
    FeedFetcherService service = new FeedFetcherService(settings.with("ingest.instance-id", instanceId), Clock.systemUTC(), registry);
    Thread t = Thread.ofPlatform().name("fetcher-" + instanceId).start(service::run);
    threads.add(t);
    return service;
  }

  private Map<String, Integer> articlesById() {
    Map<String, Integer> counts = new HashMap<>();
    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "check-" + UUID.randomUUID(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topics.raw().name()));
      long quietSince = System.nanoTime();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < deadline && System.nanoTime() - quietSince < Duration.ofSeconds(2).toNanos()) {
        var records = consumer.poll(Duration.ofMillis(300));
        if (!records.isEmpty()) {
          quietSince = System.nanoTime();
        }
        records.forEach(r -> counts.merge(AvroCodec.of(RawArticle.class).decode(r.value()).getId(), 1, Integer::sum));
      }
    }
    return counts;
  }

  private void stopAll(FeedFetcherService... services) throws InterruptedException {
    for (FeedFetcherService s : services) {
      s.stop();
    }
    for (Thread t : threads) {
      t.join(60_000);
    }
    threads.clear();
  }

  @Test
  void aFetcherKilledMidRunAndRestartedEmitsNoItemTwiceAndLosesNone() throws Exception {
    List<String> feeds = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      feeds.add(feed(i));
    }
    try (FeedCatalog catalog = new FeedCatalog(settings)) {
      catalog.add(feeds);
    }
    FeedFetcherService first = start("restart");
    await().atMost(Duration.ofSeconds(60)).until(() -> first.committedPolls() >= 5);
    first.crash();
    for (Thread t : threads) {
      t.join(60_000);
    }
    threads.clear();

    FeedFetcherService second = start("restart");
    await().atMost(Duration.ofSeconds(90)).until(() -> second.committedPolls() >= 40);
    stopAll(second);

    Map<String, Integer> articles = articlesById();
    assertThat(articles).hasSize(20 * ITEMS);
    assertThat(articles.values()).as("copies of each article").allMatch(n -> n == 1);
  }

  @Test
  void twoFetchersShareTheFeedsAndNeverPollOneFeedAtOnce() throws Exception {
    List<String> feeds = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      feeds.add(feed(i));
    }
    try (FeedCatalog catalog = new FeedCatalog(settings)) {
      catalog.add(feeds);
    }
    FeedFetcherService a = start("a");
    FeedFetcherService b = start("b");
    await().atMost(Duration.ofSeconds(90)).until(() -> polls.size() == 40 && a.committedPolls() > 0 && b.committedPolls() > 0
        && polls.values().stream().allMatch(n -> n.get() >= 3));
    stopAll(a, b);

    assertThat(polls).hasSize(40);
    assertThat(maxInFlight.values()).as("concurrent polls of one feed").allMatch(n -> n.get() == 1);
    assertThat(a.committedPolls()).isPositive();
    assertThat(b.committedPolls()).isPositive();
    Map<String, Integer> articles = articlesById();
    assertThat(articles).hasSize(40 * ITEMS);
    assertThat(articles.values()).allMatch(n -> n == 1);
  }

  @Test
  void anUnreadableFeedRecordGoesToTheDeadLetterTopicAndTheOtherFeedsArePolled() throws Exception {
    String good = feed(1);
    try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(Map.<String, Object>of(
        "bootstrap.servers", TestKafka.bootstrapServers()), new org.apache.kafka.common.serialization.StringSerializer(),
        new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topics.feeds().name(), "http://bad.example/feed",
          "not a feed record".getBytes(StandardCharsets.UTF_8))).get();
    }
    try (FeedCatalog catalog = new FeedCatalog(settings)) {
      catalog.add(List.of(good));
    }
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    FeedFetcherService fetcher = start("poison", registry);
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> polls.containsKey("/feed-1.xml") && fetcher.committedPolls() >= 1);
      assertThat(registry.find("kafka.producer.record.send.total").tag("stage", "ingest").functionCounter()).isNotNull();
      assertThat(registry.find("kafka.consumer.fetch.manager.records.consumed.total").tag("stage", "ingest").functionCounter())
          .isNotNull();
    } finally {
      stopAll(fetcher);
    }
    assertThat(registry.get("newsflow.dlq").tags("stage", "ingest", "reason", "UNDECODABLE_RECORD").counter().count()).isEqualTo(1);
    assertThat(registry.get("newsflow.ingest.polls").counter().count()).isEqualTo(fetcher.committedPolls());
    assertThat(registry.get("newsflow.fetches").tag("kind", "FEED").counters().stream().mapToDouble(c -> c.count()).sum())
        .as("one feed fetch per poll").isEqualTo(fetcher.committedPolls());
    assertThat(registry.get("newsflow.fetches").tags("kind", "FEED", "status", "OK").counter().count()).isGreaterThanOrEqualTo(1);
    assertThat(registry.get("newsflow.articles.out").tag("stage", "ingest").counter().count()).isEqualTo(fetcher.committedArticles());
    List<dev.newsflow.schemas.DeadLetter> letters = new ArrayList<>();
    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "dlq-" + UUID.randomUUID(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topics.dlq().name()));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (letters.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(300)).forEach(r -> letters.add(AvroCodec.of(dev.newsflow.schemas.DeadLetter.class).decode(r.value())));
      }
    }
    assertThat(letters).singleElement().satisfies(l -> {
      assertThat(l.getReason()).isEqualTo("UNDECODABLE_RECORD");
      assertThat(l.getSourceTopic()).isEqualTo(topics.feeds().name());
      assertThat(StandardCharsets.UTF_8.decode(l.getValue()).toString()).isEqualTo("not a feed record");
    });
  }

  @Test
  void feedsAddedAndRemovedAtRuntimeAreFollowed() throws Exception {
    String first = feed(1);
    String second = feed(2);
    FeedFetcherService fetcher = start("runtime");
    try (FeedCatalog catalog = new FeedCatalog(settings)) {
      catalog.add(List.of(first));
      await().atMost(Duration.ofSeconds(60)).until(() -> polls.containsKey("/feed-1.xml"));
      assertThat(polls).doesNotContainKey("/feed-2.xml");

      catalog.add(List.of(second));
      await().atMost(Duration.ofSeconds(60)).until(() -> polls.containsKey("/feed-2.xml"));

      catalog.remove(List.of(first));
      Thread.sleep(2000);
      int afterRemoval = polls.get("/feed-1.xml").get();
      int secondBefore = polls.get("/feed-2.xml").get();
      Thread.sleep(3000);
      assertThat(polls.get("/feed-1.xml").get()).as("polls of a removed feed").isEqualTo(afterRemoval);
      assertThat(polls.get("/feed-2.xml").get()).as("the other feed goes on").isGreaterThan(secondBefore);
    } finally {
      stopAll(fetcher);
    }
  }
}
