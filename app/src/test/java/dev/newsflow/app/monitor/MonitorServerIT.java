package dev.newsflow.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.app.demo.SampleManifest;
import dev.newsflow.app.demo.SampleServer;
import dev.newsflow.app.pipeline.Pipeline;
import dev.newsflow.broker.testkit.TestKafka;
import dev.newsflow.ingest.kafka.FeedCatalog;
import dev.newsflow.schemas.config.Settings;
import dev.newsflow.schemas.topic.TopicAdmin;
import dev.newsflow.schemas.topic.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor with a pipeline that processed the demo sample: /health probes and the stages' Prometheus series. */
class MonitorServerIT {
  private static final String GONE_FEED = "http://gone-outlet.example/rss.xml";

  @TempDir Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesHealthAndThePrometheusSeriesOfEveryStage() throws Exception {
    String prefix = "monitor-it-" + UUID.randomUUID().toString().substring(0, 8);
    SampleManifest sample = SampleManifest.load();
    try (SampleServer server = SampleServer.start(sample)) {
      Settings s = settings(prefix, server);
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
        TopicAdmin.ensure(admin, Topics.from(s), 2, (short) 1);
      }
      List<String> feeds = new ArrayList<>(sample.feedUrls());
      feeds.add(GONE_FEED);
      try (FeedCatalog catalog = new FeedCatalog(s)) {
        catalog.add(feeds);
      }
      produceJunk(Topics.from(s).raw().name());
      try (Pipeline pipeline = Pipeline.start(s); MonitorServer monitor = MonitorServer.start(s, pipeline, 0)) {
        URI base = URI.create("http://127.0.0.1:" + monitor.port());
        await().atMost(Duration.ofSeconds(60)).until(() -> get(base, "/health/ready").statusCode() == 200);
        assertThat(get(base, "/health").body()).contains("\"status\":\"UP\"", "\"ready\":true", "\"live\":true", "\"sink\":\"UP\"");
        assertThat(get(base, "/health/live").statusCode()).isEqualTo(200);
        assertThat(pipeline.awaitDrained(s, feeds.size(), Duration.ofSeconds(120))).as("pipeline drained").isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> value(scrape(base), "newsflow_articles_out_total", "stage", "sink")
            >= sample.articles().size());
        String metrics = scrape(base);
        Files.writeString(Path.of("target/monitor-metrics.txt"), metrics);
        double fetched = value(metrics, "newsflow_articles_out_total", "stage", "ingest");
        assertThat(fetched).isGreaterThanOrEqualTo(sample.articles().size());
        double enriched = value(metrics, "newsflow_articles_out_total", "stage", "enrich");
        double repeats = value(metrics, "newsflow_enrich_repeats_dropped_total");
        assertThat(value(metrics, "newsflow_articles_in_total", "stage", "enrich")).as("fetched and the junk record").isEqualTo(fetched + 1);
        assertThat(enriched).as("fetched less the repeats (the sample has articles in several feeds)").isEqualTo(fetched - repeats);
        assertThat(value(metrics, "newsflow_articles_in_total", "stage", "sink")).isEqualTo(enriched);
        assertThat(value(metrics, "newsflow_articles_out_total", "stage", "sink")).isEqualTo(enriched);
        assertThat(metrics).contains("newsflow_fetches_total{kind=\"FEED\",status=\"HTTP_ERROR\"} 1.0");
        assertThat(value(metrics, "newsflow_fetches_total", "kind", "FEED", "status", "OK")).isGreaterThanOrEqualTo(sample.feeds().size());
        assertThat(value(metrics, "newsflow_fetches_total", "kind", "PAGE", "status", "OK")).isGreaterThanOrEqualTo(fetched);
        assertThat(value(metrics, "newsflow_ingest_polls_total")).isGreaterThanOrEqualTo(feeds.size());
        assertThat(value(metrics, "newsflow_dedup_verdicts_total", "verdict", "UNIQUE")).isPositive();
        assertThat(value(metrics, "newsflow_dedup_verdicts_total", "verdict", "UNIQUE")
            + value(metrics, "newsflow_dedup_verdicts_total", "verdict", "DUPLICATE")
            + value(metrics, "newsflow_dedup_verdicts_total", "verdict", "NEAR_DUPLICATE")).isEqualTo(enriched);
        assertThat(value(metrics, "newsflow_tags_total", "kind", "actor")).isPositive();
        assertThat(value(metrics, "newsflow_tags_total", "kind", "event")).isPositive();
        assertThat(metrics).containsPattern("newsflow_events_total\\{type=\"[A-Z_]+\"\\} [1-9]");
        assertThat(value(metrics, "newsflow_dlq_total", "reason", "UNDECODABLE_RECORD")).isEqualTo(1);
        assertThat(metrics).contains("newsflow_dlq_total{reason=\"UNDECODABLE_RECORD\",stage=\"enrich\"} 1.0");
        assertThat(value(metrics, "newsflow_sink_lag_records")).isZero();
        assertThat(metrics).contains("newsflow_enrich_running 1.0", "jvm_memory_used_bytes", "kafka_stream_",
            "kafka_consumer_fetch_manager_records_consumed_total", "kafka_producer_record_send_total");
        assertThat(metrics).containsPattern("kafka_consumer_fetch_manager_records_consumed_total\\{[^}]*stage=\"sink\"");
        assertThat(metrics).containsPattern("kafka_producer_record_send_total\\{[^}]*stage=\"ingest\"");
      }
    }
  }

  private Settings settings(String prefix, SampleServer server) {
    return Settings.defaults("newsflow-defaults.properties", "ingest-defaults.properties", "enrich-defaults.properties",
        "sink-defaults.properties", "monitor-defaults.properties").with(Map.ofEntries(
            Map.entry("kafka.bootstrap.servers", TestKafka.bootstrapServers()), Map.entry("data.dir", dataDir.toString()),
            Map.entry("topics.raw", prefix + ".raw"), Map.entry("topics.enriched", prefix + ".enriched"),
            Map.entry("topics.fetch-events", prefix + ".events"), Map.entry("topics.dlq", prefix + ".dlq"),
            Map.entry("topics.feeds", prefix + ".feeds"), Map.entry("topics.feed-state", prefix + ".feed-state"),
            Map.entry("topics.dedup-bands", prefix + ".bands"), Map.entry("topics.dedup-answers", prefix + ".answers"),
            Map.entry("enrich.application-id", prefix + "-enrich"), Map.entry("sink.group-id", prefix + "-sink"),
            Map.entry("ingest.group-id", prefix + "-ingest"), Map.entry("ingest.instance-id", prefix), Map.entry("sink.instance", "it"),
            Map.entry("monitor.application-id", prefix + "-monitor"),
            Map.entry("fetch.allow-private-addresses", "true"), Map.entry("fetch.proxy", server.proxyAddress()),
            Map.entry("poll.interval.ms", "60000"), Map.entry("politeness.host-delay.ms", "0")));
  }

  private static void produceJunk(String topic) throws Exception {
    try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", TestKafka.bootstrapServers()),
        new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, "junk", "not avro".getBytes(StandardCharsets.UTF_8))).get();
    }
  }

  private HttpResponse<String> get(URI base, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String scrape(URI base) throws Exception {
    HttpResponse<String> r = get(base, "/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  /** The sum of the samples of {@code name} whose labels include every {@code label="value"} pair given. */
  private static double value(String metrics, String name, String... labels) {
    Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{([^}]*)\\})? (\\S+)$", Pattern.MULTILINE);
    double sum = 0;
    boolean found = false;
    for (Matcher m = line.matcher(metrics); m.find(); ) {
      String present = m.group(2) == null ? "" : m.group(2);
      boolean all = true;
      for (int i = 0; i < labels.length; i += 2) {
        all &= present.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
      }
      if (all) {
        sum += Double.parseDouble(m.group(3));
        found = true;
      }
    }
    assertThat(found).as("series %s%s in /metrics", name, List.of(labels)).isTrue();
    return sum;
  }
}
