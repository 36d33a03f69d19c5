package dev.newsflow.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.broker.testkit.TestKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalKafkaIT {
  private static Path dir;

  @BeforeAll
  static void guard() {
    TestKafka.guardExit();
    dir = TestKafka.tempDir("newsflow-localkafka-it-");
  }

  @AfterAll
  static void cleanUp() {
    TestKafka.deleteRecursively(dir);
  }

  @Test
  void keepsTopicsAndRecordsAcrossARestartOnTheSameDataDirAndPort() throws Exception {
    int port;
    try (LocalKafka kafka = LocalKafka.start(dir)) {
      port = kafka.port();
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic("restart.check", 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
      }
      try (var producer =
          new KafkaProducer<>(
              Map.<String, Object>of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                  ProducerConfig.ACKS_CONFIG, "all"),
              new StringSerializer(),
              new StringSerializer())) {
        for (int i = 0; i < 100; i++) {
          producer.send(new ProducerRecord<>("restart.check", "k" + i, "v" + i));
        }
        producer.flush();
      }
    }

    try (LocalKafka kafka = LocalKafka.start(dir, port, Map.of())) {
      assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
      assertThat(consumeAll(kafka.bootstrapServers(), "restart.check", 100))
          .hasSize(100)
          .contains("v0", "v99");
    }
  }

  private static List<String> consumeAll(String bootstrap, String topic, int expected) {
    List<String> values = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "restart-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          values.add(r.value());
        }
      }
    }
    return values;
  }
}
