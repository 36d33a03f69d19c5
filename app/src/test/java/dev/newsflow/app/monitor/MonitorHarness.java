package dev.newsflow.app.monitor;

import dev.newsflow.broker.testkit.TestKafka;
import dev.newsflow.schemas.config.Settings;
import dev.newsflow.schemas.topic.Topic;
import dev.newsflow.schemas.topic.TopicAdmin;
import dev.newsflow.schemas.topic.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** The monitor alone on the test broker, over topics of its own, and a producer to feed them. */
final class MonitorHarness implements AutoCloseable {
  final Settings settings;
  final Topics topics;
  final MonitorServer monitor;
  final URI base;
  private final KafkaProducer<String, byte[]> producer;
  private final HttpClient http = HttpClient.newHttpClient();

  MonitorHarness(Path dataDir, Map<String, String> extra) throws Exception {
    String prefix = "monitor-" + UUID.randomUUID().toString().substring(0, 8);
    settings = Settings.defaults("newsflow-defaults.properties", "ingest-defaults.properties", "enrich-defaults.properties",
        "sink-defaults.properties", "monitor-defaults.properties").with(Map.ofEntries(
            Map.entry("kafka.bootstrap.servers", TestKafka.bootstrapServers()), Map.entry("data.dir", dataDir.toString()),
            Map.entry("topics.raw", prefix + ".raw"), Map.entry("topics.enriched", prefix + ".enriched"),
            Map.entry("topics.fetch-events", prefix + ".events"), Map.entry("topics.dlq", prefix + ".dlq"),
            Map.entry("topics.feeds", prefix + ".feeds"), Map.entry("topics.feed-state", prefix + ".feed-state"),
            Map.entry("topics.dedup-bands", prefix + ".bands"), Map.entry("topics.dedup-answers", prefix + ".answers"),
            Map.entry("monitor.application-id", prefix + "-monitor"))).with(extra);
    topics = Topics.from(settings);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
      TopicAdmin.ensure(admin, topics, 2, (short) 1);
    }
    producer = new KafkaProducer<>(Map.of("bootstrap.servers", TestKafka.bootstrapServers(), "linger.ms", 0),
        new org.apache.kafka.common.serialization.StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer());
    monitor = MonitorServer.start(settings, null, 0);
    base = URI.create("http://127.0.0.1:" + monitor.port());
  }

  /** Writes {@code values} to {@code topic} keyed by {@code key}, and waits until they are acknowledged. */
  <V> RecordMetadata produce(Topic<String, V> topic, java.util.function.Function<V, String> key, List<V> values) throws Exception {
    RecordMetadata last = null;
    for (V v : values) {
      last = producer.send(new ProducerRecord<>(topic.name(), key.apply(v), topic.valueSerde().serializer().serialize(topic.name(), v))).get();
    }
    return last;
  }

  HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    producer.close();
    monitor.close();
  }
}
