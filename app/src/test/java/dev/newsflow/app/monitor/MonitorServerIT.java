package dev.newsflow.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.app.pipeline.Pipeline;
import dev.newsflow.broker.testkit.TestKafka;
import dev.newsflow.schemas.config.Settings;
import dev.newsflow.schemas.topic.TopicAdmin;
import dev.newsflow.schemas.topic.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorServerIT {
  @TempDir Path dataDir;

  @Test
  void servesHealthAndPrometheusMetricsOfThePipeline() throws Exception {
    String prefix = "monitor-it-" + UUID.randomUUID().toString().substring(0, 8);
    Settings s = Settings.defaults("newsflow-defaults.properties", "ingest-defaults.properties", "enrich-defaults.properties",
        "sink-defaults.properties", "monitor-defaults.properties").with(Map.ofEntries(
            Map.entry("kafka.bootstrap.servers", TestKafka.bootstrapServers()), Map.entry("data.dir", dataDir.toString()),
            Map.entry("topics.raw", prefix + ".raw"), Map.entry("topics.enriched", prefix + ".enriched"),
            Map.entry("topics.fetch-events", prefix + ".events"), Map.entry("topics.dlq", prefix + ".dlq"),
            Map.entry("topics.feeds", prefix + ".feeds"), Map.entry("topics.feed-state", prefix + ".feed-state"),
            Map.entry("topics.dedup-bands", prefix + ".bands"), Map.entry("topics.dedup-answers", prefix + ".answers"),
            Map.entry("enrich.application-id", prefix + "-enrich"), Map.entry("sink.group-id", prefix + "-sink"), Map.entry("ingest.group-id", prefix + "-ingest"),
            Map.entry("ingest.instance-id", prefix), Map.entry("sink.instance", "it"),
            Map.entry("monitor.application-id", prefix + "-monitor")));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
      TopicAdmin.ensure(admin, Topics.from(s), 2, (short) 1);
    }
    HttpClient http = HttpClient.newHttpClient();
    try (Pipeline pipeline = Pipeline.start(s); MonitorServer monitor = MonitorServer.start(s, pipeline, 0)) {
      URI base = URI.create("http://127.0.0.1:" + monitor.port());
      await().atMost(Duration.ofSeconds(60)).until(() ->
          http.send(HttpRequest.newBuilder(base.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.body()).contains("\"status\":\"UP\"");
      await().atMost(Duration.ofSeconds(60)).until(() -> http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body().contains("newsflow_enrich_running 1.0"));
      HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("newsflow_ingest_polls_total", "newsflow_sink_written_total",
          "newsflow_sink_dead_letters_total", "newsflow_enrich_running 1.0", "jvm_memory_used_bytes", "kafka_stream");
    }
  }
}
