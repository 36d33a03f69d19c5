package dev.newsflow.enrich.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.broker.testkit.TestKafka;
import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.RawArticle;
import dev.newsflow.schemas.config.Settings;
import dev.newsflow.schemas.serde.AvroCodec;
import dev.newsflow.schemas.topic.TopicAdmin;
import dev.newsflow.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichServiceIT {
  @TempDir Path stateDir;

  @Test
  void enrichesOnARealBrokerDropsRepeatsAndDeadLettersPoison() throws Exception {
    String prefix = "enrich-it-" + UUID.randomUUID().toString().substring(0, 8);
    Settings settings = Settings.defaults("newsflow-defaults.properties", "enrich-defaults.properties").with(Map.of(
        "kafka.bootstrap.servers", TestKafka.bootstrapServers(),
        "topics.raw", prefix + ".raw", "topics.enriched", prefix + ".enriched",
        "topics.fetch-events", prefix + ".events", "topics.dlq", prefix + ".dlq", "topics.feeds", prefix + ".feeds",
        "enrich.application-id", prefix, "enrich.state-dir", stateDir.toString(), "enrich.commit-interval.ms", "200"));
    Topics topics = Topics.from(settings);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
      TopicAdmin.ensure(admin, topics, 3, (short) 1);
    }
    AvroCodec<RawArticle> codec = AvroCodec.of(RawArticle.class);
    try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", TestKafka.bootstrapServers()),
        new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < 20; i++) {
        RawArticle a = article("id-" + i);
        producer.send(new ProducerRecord<>(topics.raw().name(), a.getId(), codec.encode(a)));
      }
      producer.send(new ProducerRecord<>(topics.raw().name(), "poison", "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8)));
      for (int i = 0; i < 5; i++) {
        RawArticle a = article("id-" + i);
        producer.send(new ProducerRecord<>(topics.raw().name(), a.getId(), codec.encode(a)));
      }
    }

    try (EnrichService enrich = new EnrichService(settings)) {
      enrich.start();
      List<ConsumerRecord<String, byte[]>> enriched = consume(topics.enriched().name(), 20);
      List<ConsumerRecord<String, byte[]>> dead = consume(topics.dlq().name(), 1);

      AvroCodec<EnrichedArticle> out = AvroCodec.of(EnrichedArticle.class);
      assertThat(enriched).hasSize(20);
      assertThat(enriched).extracting(r -> out.decode(r.value()).getId()).doesNotHaveDuplicates();
      assertThat(enriched).allSatisfy(r -> assertThat(r.key()).isEqualTo(out.decode(r.value()).getId()));
      assertThat(dead).singleElement().satisfies(r -> {
        DeadLetter letter = AvroCodec.of(DeadLetter.class).decode(r.value());
        assertThat(letter.getReason()).isEqualTo("UNDECODABLE_RECORD");
        assertThat(letter.getSourceTopic()).isEqualTo(topics.raw().name());
        assertThat(letter.getSourceOffset()).isGreaterThanOrEqualTo(0);
      });
    }
  }

  private static RawArticle article(String id) {
    return RawArticle.newBuilder().setId(id).setUrl("https://news.example.com/" + id).setFeedUrl("https://news.example.com/feed")
        .setTitle("Title " + id).setText("Text of " + id).setFetchedAt(Instant.now()).setSource("news.example.com").build();
  }

  private static List<ConsumerRecord<String, byte[]>> consume(String topic, int expected) {
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (out.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(300)).forEach(out::add);
      }
      long extra = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      while (System.nanoTime() < extra) {
        consumer.poll(Duration.ofMillis(300)).forEach(out::add);
      }
    }
    return out;
  }
}
