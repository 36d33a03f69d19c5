package dev.newsflow.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.broker.testkit.TestKafka;
import dev.newsflow.ingest.testing.RawServer;
import dev.newsflow.ingest.testing.TestServer;
import dev.newsflow.schemas.RawArticle;
import dev.newsflow.schemas.config.Settings;
import dev.newsflow.schemas.serde.AvroCodec;
import dev.newsflow.schemas.topic.TopicAdmin;
import dev.newsflow.schemas.topic.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One fetcher service polling nine hostile feeds, each on its own host (loopback addresses
 * 127.0.0.2 and up) and each re-polled about every second, next to one well-behaved feed that
 * publishes a new item every half second: every item of the good feed reaches the raw topic, none
 * held back by the hostile hosts, and no hostile server gets to push more than the body cap (plus
 * what the sockets buffer) into one fetch.
 */
class HostileFeedsIT {
  private static final long CAP = 256 * 1024;
  private static final long IN_TRANSIT = 16L * 1024 * 1024;
  private static final long PUBLISH_EVERY_MS = 500;
  private static final int ITEMS = 16;
  /** Generous: the good feed is polled every 300 ms; this only has to hold on a loaded 2-core machine. */
  private static final long LATENCY_BOUND_MS = 10_000;

  private final TestServer good = new TestServer();
  private final Map<String, RawServer> hostile = new LinkedHashMap<>();
  private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
  private volatile long firstPublication;

  @AfterEach
  void tearDown() {
    good.close();
    hostile.values().forEach(RawServer::close);
  }

  @Test
  void aGoodFeedIsPolledOnScheduleWhileNineHostileFeedsAreBeingPolled() throws Exception {
    startHostileServers();
    firstPublication = Long.MAX_VALUE;
    good.on("/feed.xml", ex -> TestServer.send(ex, 200, "application/rss+xml", goodFeed()));
    good.on("/item/", ex -> TestServer.send(ex, 200, "text/html; charset=utf-8",
        page("Item " + ex.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8)));

    String prefix = "hostile-it-" + UUID.randomUUID().toString().substring(0, 8);
    Settings settings = settings(prefix);
    Topics topics = Topics.from(settings);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
      TopicAdmin.ensure(admin, topics, 2, (short) 1);
    }
    List<String> feeds = new ArrayList<>();
    hostile.forEach((path, server) -> feeds.add(server.uri(path).toString()));
    feeds.add(good.uri("/feed.xml").toString());
    try (FeedCatalog catalog = new FeedCatalog(settings)) {
      catalog.add(feeds);
    }

    FeedFetcherService service = new FeedFetcherService(settings);
    Thread fetcher = Thread.ofPlatform().name("fetcher-hostile").start(service::run);
    Thread reader = Thread.ofPlatform().name("raw-reader").start(() -> readArrivals(topics));
    try {
      // Items are published once the good feed has been polled (empty) under fire: from then on, schedule alone matters.
      await().atMost(Duration.ofSeconds(60)).until(() -> good.hits("/feed.xml") >= 2);
      firstPublication = System.currentTimeMillis();
      long lastPublication = firstPublication + (ITEMS - 1) * PUBLISH_EVERY_MS;
      await().atMost(Duration.ofMillis(lastPublication - System.currentTimeMillis() + 30_000))
          .until(() -> arrivals.size() == ITEMS);
    } finally {
      service.stop();
      fetcher.join(60_000);
      reader.interrupt();
      reader.join(10_000);
    }

    for (int k = 0; k < ITEMS; k++) {
      long published = firstPublication + k * PUBLISH_EVERY_MS;
      assertThat(arrivals.get(good.uri("/item/" + k).toString()) - published)
          .as("delay of item %d of the good feed (ms)", k).isBetween(0L, LATENCY_BOUND_MS);
    }
    hostile.forEach((path, server) -> {
      assertThat(server.connections()).as("requests to the hostile feed %s", path).isGreaterThanOrEqualTo(2);
      assertThat(server.mostWrittenToOneConnection()).as("bytes %s pushed into one fetch", path).isLessThan(CAP + IN_TRANSIT);
    });
  }

  private Settings settings(String prefix) {
    return Settings.defaults("newsflow-defaults.properties", "ingest-defaults.properties").with(Map.ofEntries(
        Map.entry("kafka.bootstrap.servers", TestKafka.bootstrapServers()),
        Map.entry("topics.raw", prefix + ".raw"), Map.entry("topics.enriched", prefix + ".enriched"),
        Map.entry("topics.fetch-events", prefix + ".events"), Map.entry("topics.dlq", prefix + ".dlq"),
        Map.entry("topics.feeds", prefix + ".feeds"), Map.entry("topics.feed-state", prefix + ".feed-state"),
        Map.entry("ingest.group-id", prefix), Map.entry("ingest.instance-id", prefix),
        Map.entry("fetch.allow-private-addresses", "true"),
        Map.entry("fetch.connect-timeout.ms", "1000"), Map.entry("fetch.request-timeout.ms", "2000"),
        Map.entry("fetch.total-timeout.ms", "3000"), Map.entry("fetch.max-body-bytes", String.valueOf(CAP)),
        Map.entry("poll.interval.ms", "300"), Map.entry("schedule.min-interval.ms", "300"),
        Map.entry("schedule.max-interval.ms", "600"), Map.entry("schedule.max-backoff.ms", "1000"),
        Map.entry("schedule.disable-score", "1000000"), Map.entry("politeness.host-delay.ms", "0"),
        Map.entry("politeness.robots", "false"), Map.entry("ingest.transaction-timeout.ms", "10000")));
  }

  /** The good feed as it is now: the items published so far, newest first. */
  private byte[] goodFeed() {
    long now = System.currentTimeMillis();
    StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Good</title>");
    int published = now < firstPublication ? 0 : (int) Math.min(ITEMS, (now - firstPublication) / PUBLISH_EVERY_MS + 1);
    for (int k = published - 1; k >= 0; k--) {
      rss.append("<item><title>Item ").append(k).append("</title><link>").append(good.uri("/item/" + k)).append("</link></item>");
    }
    return rss.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String page(String title) {
    return "<!doctype html><html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1>"
        + "<p>The council approved the new budget on Monday after a long debate about schools and roads.</p>".repeat(5)
        + "</article></body></html>";
  }

  private void startHostileServers() {
    int host = 2;
    hostile.put("/slow-status", new RawServer("127.0.0." + host++, (path, out) ->
        dribble(out, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n\r\n<rss>")));
    hostile.put("/slow-body", new RawServer("127.0.0." + host++, (path, out) -> {
      RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n");
      dribble(out, "<rss version=\"2.0\"><channel>" + " ".repeat(1000));
    }));
    hostile.put("/endless-chunks", new RawServer("127.0.0." + host++, (path, out) -> {
      RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nTransfer-Encoding: chunked\r\n\r\n");
      byte[] chunk = ("2000\r\n" + "x".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
      while (true) {
        out.write(chunk);
      }
    }));
    hostile.put("/endless-headers", new RawServer("127.0.0." + host++, (path, out) -> {
      RawServer.write(out, "HTTP/1.1 200 OK\r\n");
      byte[] header = ("X-Filler: " + "z".repeat(1000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
      while (true) {
        out.write(header);
      }
    }));
    hostile.put("/not-http", new RawServer("127.0.0." + host++, (path, out) -> {
      RawServer.write(out, "SSH-2.0-OpenSSH_9.6\r\n");
      dribble(out, "x".repeat(100));
    }));
    hostile.put("/redirect/0", new RawServer("127.0.0." + host++, (path, out) -> {
      int n = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
      RawServer.write(out, "HTTP/1.1 302 Found\r\nLocation: /redirect/" + (n + 1) + "\r\nContent-Length: 0\r\n\r\n");
    }));
    hostile.put("/gzip-bomb", new RawServer("127.0.0." + host++, (path, out) -> {
      RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Encoding: gzip\r\nConnection: close\r\n\r\n");
      GZIPOutputStream gz = new GZIPOutputStream(out, 8192, true);
      byte[] zeros = new byte[1 << 20];
      while (true) {
        gz.write(zeros);
        gz.flush();
      }
    }));
    hostile.put("/deep.xml", new RawServer("127.0.0." + host++, (path, out) -> ok(out, "application/rss+xml",
        "<rss version=\"2.0\"><channel><title>Deep</title>" + "<x>".repeat(100_000) + "</x>".repeat(100_000) + "</channel></rss>")));
    hostile.put("/feed-of-bad-pages.xml", new RawServer("127.0.0." + host, (path, out) -> {
      switch (path) {
        case "/feed-of-bad-pages.xml" -> ok(out, "application/rss+xml", "<rss version=\"2.0\"><channel><title>Bad pages</title>"
            + "<item><link>/slow-page</link></item><item><link>/nested-page</link></item><item><link>/huge-page</link></item>"
            + "</channel></rss>");
        case "/slow-page" -> {
          RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 10000\r\n\r\n");
          dribble(out, "<html><body>" + "x".repeat(1000));
        }
        case "/nested-page" -> ok(out, "text/html", page("Nested") + "<div>".repeat(100_000) + "</div>".repeat(100_000));
        default -> {
          RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + (1L << 32) + "\r\n\r\n");
          byte[] block = "<p>huge</p>".repeat(6000).getBytes(StandardCharsets.ISO_8859_1);
          while (true) {
            out.write(block);
          }
        }
      }
    }));
  }

  private void readArrivals(Topics topics) {
    AvroCodec<RawArticle> codec = AvroCodec.of(RawArticle.class);
    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "check-" + UUID.randomUUID(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topics.raw().name()));
      while (!Thread.currentThread().isInterrupted()) {
        for (var r : consumer.poll(Duration.ofMillis(100))) {
          long now = System.currentTimeMillis();
          String link = codec.decode(r.value()).getSourceUrl();
          if (link.startsWith(good.uri("/item/").toString())) {
            arrivals.putIfAbsent(link, now);
          }
        }
      }
    } catch (org.apache.kafka.common.errors.InterruptException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void ok(OutputStream out, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: " + bytes.length + "\r\n\r\n");
    out.write(bytes);
  }

  private static void dribble(OutputStream out, String text) throws IOException, InterruptedException {
    for (char c : text.toCharArray()) {
      out.write(c);
      out.flush();
      Thread.sleep(250);
    }
  }
}
