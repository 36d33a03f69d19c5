package dev.newsflow.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.broker.testkit.TestKafka;
import dev.newsflow.ingest.testing.TestServer;
import dev.newsflow.schemas.FetchEvent;
import dev.newsflow.schemas.RawArticle;
import dev.newsflow.schemas.config.Settings;
import dev.newsflow.schemas.serde.AvroCodec;
import dev.newsflow.schemas.topic.TopicAdmin;
import dev.newsflow.schemas.topic.Topics;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

class IngestServiceIT {

  @Test
  void producesRawArticlesKeyedByIdAndOneFetchEventPerFetch() throws Exception {
    String prefix = "ingest-it-" + UUID.randomUUID().toString().substring(0, 8);
    Settings settings = Settings.defaults("newsflow-defaults.properties", "ingest-defaults.properties").with(Map.of(
        "kafka.bootstrap.servers", TestKafka.bootstrapServers(),
        "topics.raw", prefix + ".raw", "topics.enriched", prefix + ".enriched",
        "topics.fetch-events", prefix + ".events", "topics.dlq", prefix + ".dlq", "topics.feeds", prefix + ".feeds",
        "fetch.allow-private-addresses", "true"));
    Topics topics = Topics.from(settings);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
      TopicAdmin.ensure(admin, topics, 2, (short) 1);
      assertThat(TopicAdmin.ensure(admin, topics, 2, (short) 1)).as("second call creates nothing").isEmpty();
    }
    try (TestServer server = new TestServer()) {
      server.serve("/a", "text/html", seed("seed-000.html"));
      server.serve("/feed.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>t</title><item><title>A</title><link>"
          + server.uri("/a") + "</link></item></channel></rss>");
      try (IngestService ingest = new IngestService(settings, List.of(server.uri("/feed.xml").toString()))) {
        assertThat(ingest.pollAllOnce()).isEqualTo(1);
      }
    }

    List<RawArticle> articles = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (var r : consume(topics.raw().name(), 1)) {
      keys.add(r.key());
      articles.add(AvroCodec.of(RawArticle.class).decode(r.value()));
    }
    assertThat(articles).singleElement().satisfies(a -> {
      assertThat(a.getTitle()).isEqualTo("Obama vows to work with UN to tighten North Korea sanctions");
      assertThat(a.getText()).isNotBlank();
    });
    assertThat(keys).containsExactly(articles.get(0).getId());
    List<FetchEvent> events = new ArrayList<>();
    for (var r : consume(topics.fetchEvents().name(), 2)) {
      events.add(AvroCodec.of(FetchEvent.class).decode(r.value()));
    }
    assertThat(events).extracting(FetchEvent::getKind).containsExactlyInAnyOrder("FEED", "PAGE");
  }

  private static String seed(String name) throws Exception {
    try (InputStream in = IngestServiceIT.class.getResourceAsStream("/seeds/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> consume(String topic, int expected) {
    List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (out.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(300)).forEach(out::add);
      }
      // Anything beyond the expected count would be a duplicate: read a little longer to see it.
      consumer.poll(Duration.ofMillis(500)).forEach(out::add);
    }
    return out;
  }
}
