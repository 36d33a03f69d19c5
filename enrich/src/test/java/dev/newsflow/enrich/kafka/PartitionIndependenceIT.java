package dev.newsflow.enrich.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.broker.testkit.TestKafka;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.RawArticle;
import dev.newsflow.schemas.config.Settings;
import dev.newsflow.schemas.serde.AvroCodec;
import dev.newsflow.schemas.topic.TopicAdmin;
import dev.newsflow.schemas.topic.Topics;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same stream through 1 and through 4 partitions gives the same verdicts and clusters. */
class PartitionIndependenceIT {
  @TempDir Path state;

  private record Input(String id, String title, String text) {}

  private static String body(String resource) throws Exception {
    try (InputStream in = PartitionIndependenceIT.class.getResourceAsStream(resource)) {
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return all.substring(all.indexOf('\n') + 1).strip();
    }
  }

  private static List<Input> stream() throws Exception {
    String wire = body("/dedup/wire-original.txt");
    List<Input> in = new ArrayList<>();
    in.add(new Input("s000", "Obama vows", body("/seeds/seed-000.txt")));
    in.add(new Input("w1", "Wire story", wire));
    in.add(new Input("s002", "S Korea to coordinate", body("/seeds/seed-002.txt")));
    in.add(new Input("s003", "US targets new sanctions", body("/seeds/seed-003.txt")));
    in.add(new Input("w2", "Syndicated wire story", body("/dedup/wire-syndicated.txt")));
    in.add(new Input("s002b", "South Korea, US and Japan", body("/seeds/seed-002-syndicated.txt")));
    in.add(new Input("t1", "Same topic", body("/dedup/same-topic.txt")));
    in.add(new Input("w3", "Wire story again", wire));
    in.add(new Input("s004", "Allies vow pressure", body("/seeds/seed-004.txt")));
    in.add(new Input("s000c", "Obama vows (copy)", body("/seeds/seed-000.txt")));
    in.add(new Input("w4", "Wire story with a promo", wire + "\n\nSubscribe to our newsletter for more."));
    in.add(new Input("s003b", "Sanctions (trimmed)", body("/seeds/seed-003.txt").replaceAll("\n\n[^\n]*$", "")));
    return in;
  }

  private Map<String, String> run(int partitions) throws Exception {
    String prefix = "dedup-it-" + partitions + "-" + UUID.randomUUID().toString().substring(0, 6);
    Settings settings = Settings.defaults("newsflow-defaults.properties", "enrich-defaults.properties").with(Map.ofEntries(
        Map.entry("kafka.bootstrap.servers", TestKafka.bootstrapServers()),
        Map.entry("topics.raw", prefix + ".raw"), Map.entry("topics.enriched", prefix + ".enriched"),
        Map.entry("topics.fetch-events", prefix + ".events"), Map.entry("topics.dlq", prefix + ".dlq"),
        Map.entry("topics.feeds", prefix + ".feeds"), Map.entry("topics.feed-state", prefix + ".feed-state"),
        Map.entry("topics.dedup-bands", prefix + ".bands"), Map.entry("topics.dedup-answers", prefix + ".answers"),
        Map.entry("enrich.application-id", prefix), Map.entry("enrich.state-dir", state.resolve(prefix).toString()),
        Map.entry("enrich.commit-interval.ms", "200")));
    Topics topics = Topics.from(settings);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
      TopicAdmin.ensure(admin, topics, partitions, (short) 1);
    }
    List<Input> inputs = stream();
    Map<String, String> verdicts = new LinkedHashMap<>();
    try (EnrichService enrich = new EnrichService(settings);
        var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", TestKafka.bootstrapServers()),
            new StringSerializer(), new ByteArraySerializer());
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, prefix + "-check", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(), new ByteArrayDeserializer())) {
      enrich.start();
      consumer.subscribe(List.of(topics.enriched().name()));
      AvroCodec<RawArticle> codec = AvroCodec.of(RawArticle.class);
      AvroCodec<EnrichedArticle> out = AvroCodec.of(EnrichedArticle.class);
      Instant t0 = Instant.parse("2026-11-20T00:00:00Z");
      for (int i = 0; i < inputs.size(); i++) {
        Input in = inputs.get(i);
        RawArticle a = RawArticle.newBuilder().setId(in.id()).setUrl("https://x.example/" + in.id()).setFeedUrl("f")
            .setTitle(in.title()).setText(in.text()).setFetchedAt(t0.plusSeconds(i)).setSource("x.example").build();
        producer.send(new ProducerRecord<>(topics.raw().name(), null, t0.plusSeconds(i).toEpochMilli(), in.id(), codec.encode(a))).get();
        // One article at a time, as arrivals minutes apart would be: each decision sees all earlier ones.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (verdicts.size() <= i && System.nanoTime() < deadline) {
          consumer.poll(Duration.ofMillis(200)).forEach(r -> {
            var e = out.decode(r.value());
            verdicts.merge(e.getId(), e.getDedup().getVerdict() + " of " + e.getDedup().getClusterId(), (x, y) -> x + " AND " + y);
          });
        }
      }
    }
    return verdicts;
  }

  @Test
  void sameClustersWithOneOrFourPartitions() throws Exception {
    Map<String, String> one = run(1);
    Map<String, String> four = run(4);

    assertThat(one).hasSize(12);
    assertThat(four).isEqualTo(one);
    assertThat(one.get("w3")).isEqualTo("DUPLICATE of w1");
    assertThat(one.get("w2")).isEqualTo("NEAR_DUPLICATE of w1");
    assertThat(one.get("w4")).isEqualTo("NEAR_DUPLICATE of w1");
    assertThat(one.get("s002b")).isEqualTo("NEAR_DUPLICATE of s002");
    assertThat(one.get("s000c")).isEqualTo("DUPLICATE of s000");
    assertThat(one.get("t1")).isEqualTo("UNIQUE of t1");
    assertThat(one.get("s004")).isEqualTo("UNIQUE of s004");
  }
}
