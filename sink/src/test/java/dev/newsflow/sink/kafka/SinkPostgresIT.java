package dev.newsflow.sink.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.broker.testkit.TestKafka;
import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.Dedup;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.config.Settings;
import dev.newsflow.schemas.serde.AvroCodec;
import dev.newsflow.schemas.topic.TopicAdmin;
import dev.newsflow.schemas.topic.Topics;
import dev.newsflow.sink.testing.TcpProxy;
import dev.newsflow.sink.testing.TestDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sink into a real PostgreSQL from a real broker: replays, outages, refused records. */
class SinkPostgresIT {
  @TempDir Path dataDir;
  private TestDatabase db;
  private Topics topics;
  private String prefix;

  @BeforeEach
  void setUp() throws Exception {
    db = TestDatabase.create();
    prefix = "sink-pg-it-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void tearDown() throws Exception {
    if (db != null) { // null when the test was skipped: no PostgreSQL here
      db.close();
    }
  }

  private Settings settings(String jdbcUrl) throws Exception {
    Settings s = Settings.defaults("newsflow-defaults.properties", "sink-defaults.properties").with(Map.ofEntries(
        Map.entry("kafka.bootstrap.servers", TestKafka.bootstrapServers()), Map.entry("data.dir", dataDir.toString()),
        Map.entry("topics.raw", prefix + ".raw"), Map.entry("topics.enriched", prefix + ".enriched"),
        Map.entry("topics.fetch-events", prefix + ".events"), Map.entry("topics.dlq", prefix + ".dlq"),
        Map.entry("topics.feeds", prefix + ".feeds"), Map.entry("topics.feed-state", prefix + ".feed-state"),
        Map.entry("topics.dedup-bands", prefix + ".bands"), Map.entry("topics.dedup-answers", prefix + ".answers"),
        Map.entry("sink.group-id", prefix), Map.entry("sink.targets", "jsonl,postgres"), Map.entry("sink.jdbc-url", jdbcUrl),
        Map.entry("sink.instance", "it"), Map.entry("sink.retry.backoff.ms", "200"), Map.entry("sink.retry.max-backoff.ms", "1000")));
    topics = Topics.from(s);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
      TopicAdmin.ensure(admin, topics, 2, (short) 1);
    }
    return s;
  }

  private void produce(int from, int to, String titlePrefix) {
    AvroCodec<EnrichedArticle> codec = AvroCodec.of(EnrichedArticle.class);
    try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", TestKafka.bootstrapServers()),
        new StringSerializer(), new ByteArraySerializer())) {
      for (int i = from; i < to; i++) {
        String id = "id-" + i;
        EnrichedArticle a = EnrichedArticle.newBuilder().setId(id).setUrl("https://x.example/" + i).setFeedUrl("f")
            .setTitle(titlePrefix + i).setText("text " + i).setFetchedAt(Instant.now()).setEnrichedAt(Instant.now())
            .setSource("x.example").setDedup(Dedup.newBuilder().setClusterId(id).build()).build();
        producer.send(new ProducerRecord<>(topics.enriched().name(), id, codec.encode(a)));
      }
    }
  }

  private long rows() throws Exception {
    try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM articles")) {
      r.next();
      return r.getLong(1);
    } catch (java.sql.SQLException e) {
      return -1;
    }
  }

  private record Running(SinkService sink, Thread thread) {
    void stop() throws Exception {
      sink.close();
      thread.join(30_000);
      sink.release();
    }
  }

  private Running start(Settings s) throws Exception {
    SinkService sink = new SinkService(s);
    return new Running(sink, Thread.ofPlatform().start(sink::run));
  }

  @Test
  void aReplayAfterACrashWritesTheSameRowsNotNewOnes() throws Exception {
    Settings s = settings(db.url());
    produce(0, 30, "T");
    Running first = start(s);
    await().atMost(Duration.ofSeconds(60)).until(() -> rows() == 30);
    first.stop();

    // As if the sink had died after writing and before committing: the group starts over.
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
      admin.alterConsumerGroupOffsets(prefix, Map.of(
          new TopicPartition(topics.enriched().name(), 0), new OffsetAndMetadata(0),
          new TopicPartition(topics.enriched().name(), 1), new OffsetAndMetadata(0))).all().get();
    }
    Running replay = start(s);
    await().atMost(Duration.ofSeconds(60)).until(() -> replay.sink().written() >= 30);
    replay.stop();

    assertThat(rows()).isEqualTo(30);
  }

  @Test
  void waitsOutADatabaseOutageAndCatchesUpWithNothingLost() throws Exception {
    URI pg = URI.create(db.url().substring("jdbc:".length()));
    try (TcpProxy proxy = new TcpProxy(pg.getHost(), pg.getPort() == -1 ? 5432 : pg.getPort())) {
      String viaProxy = db.url().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
      Settings s = settings(viaProxy);
      Running sink = start(s);
      produce(0, 20, "before");
      await().atMost(Duration.ofSeconds(60)).until(() -> rows() == 20);

      proxy.cut();
      produce(20, 40, "during");
      Thread.sleep(10_000);
      assertThat(rows()).as("nothing written while the database is unreachable").isEqualTo(20);

      proxy.restore();
      await().atMost(Duration.ofSeconds(60)).until(() -> rows() == 40);
      sink.stop();
    }
  }

  @Test
  void aRecordTheDatabaseRefusesGoesToTheDeadLetterTopicAndTheRestIsWritten() throws Exception {
    Settings s = settings(db.url());
    produce(0, 5, "ok");
    produce(5, 6, "bad\u0000");
    produce(6, 10, "ok");
    Running sink = start(s);
    await().atMost(Duration.ofSeconds(60)).until(() -> rows() == 9);
    await().atMost(Duration.ofSeconds(30)).until(() -> sink.sink().deadLettered() == 1);
    sink.stop();

    List<DeadLetter> letters = new ArrayList<>();
    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topics.dlq().name()));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (letters.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(300)).forEach(r -> letters.add(AvroCodec.of(DeadLetter.class).decode(r.value())));
      }
    }
    assertThat(letters).singleElement().satisfies(l -> {
      assertThat(l.getReason()).isEqualTo("SINK_REJECTED");
      assertThat(l.getDetail()).contains("postgres").contains("22");
      assertThat(l.getSourceTopic()).isEqualTo(topics.enriched().name());
    });
  }
}
