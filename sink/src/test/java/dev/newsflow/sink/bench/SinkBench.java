package dev.newsflow.sink.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.broker.LocalKafka;
import dev.newsflow.broker.testkit.TestKafka;
import dev.newsflow.schemas.Dedup;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.config.Settings;
import dev.newsflow.schemas.serde.AvroCodec;
import dev.newsflow.schemas.topic.TopicAdmin;
import dev.newsflow.schemas.topic.Topics;
import dev.newsflow.sink.kafka.SinkService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Benchmark (not a test): rows per second into PostgreSQL and lines per second into JSON Lines
 * files, from the enriched topic on the local broker, for several batch sizes (max.poll.records).
 * Articles are the real texts of ../shared/data/dedup-dev/stream.jsonl when present (else
 * synthetic), replayed to N records.
 *
 * <p>Usage: SinkBench [N] [STREAM.jsonl] [JDBC_ADMIN_URL]
 */
public final class SinkBench {
  private SinkBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    Path stream = Path.of(args.length > 1 ? args[1] : "../shared/data/dedup-dev/stream.jsonl");
    String admin = args.length > 2 ? args[2] : System.getenv().getOrDefault("NEWSFLOW_TEST_JDBC_URL",
        "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    TestKafka.guardExit();
    Path dir = Files.createTempDirectory("sink-bench-");
    try (LocalKafka kafka = LocalKafka.start(dir.resolve("kafka"))) {
      String topic = "bench.enriched";
      Settings base = Settings.defaults("newsflow-defaults.properties", "sink-defaults.properties").with(Map.of(
          "kafka.bootstrap.servers", kafka.bootstrapServers(), "topics.enriched", topic, "sink.instance", "bench",
          "kafka.fetch.max.bytes", "67108864", "kafka.max.partition.fetch.bytes", "16777216"));
      try (Admin a = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        TopicAdmin.ensure(a, Topics.from(base), 4, (short) 1);
      }
      produce(kafka.bootstrapServers(), topic, articles(stream, n));
      System.out.printf("%d articles on %s (avg text %d chars)%n", n, topic, avgText);
      System.out.println("target    batch  records/s   seconds");
      for (int batch : new int[] {100, 500, 2000}) {
        run(base, "jsonl", batch, dir.resolve("out-" + batch), null, n);
      }
      for (int batch : new int[] {100, 500, 2000}) {
        String db = "newsflow_bench_" + batch;
        try (var c = DriverManager.getConnection(admin); var s = c.createStatement()) {
          s.execute("DROP DATABASE IF EXISTS " + db);
          s.execute("CREATE DATABASE " + db);
        }
        String url = admin.replaceFirst("(//[^/]+/)[^?]*", "$1" + db);
        run(base, "postgres", batch, dir.resolve("unused"), url, n);
        try (var c = DriverManager.getConnection(admin); var s = c.createStatement()) {
          s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
      }
    }
  }

  private static long avgText;

  private static void run(Settings base, String target, int batch, Path out, String url, int n) throws Exception {
    Settings s = base.with(Map.of("sink.targets", target, "sink.group-id", "bench-" + target + "-" + batch,
        "sink.max-poll-records", String.valueOf(batch), "sink.out-dir", out.toString(),
        "sink.jdbc-url", url == null ? "" : url));
    SinkService sink = new SinkService(s);
    long start = System.nanoTime();
    Thread t = Thread.ofPlatform().start(sink::run);
    while (sink.written() < n) {
      Thread.sleep(20);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    sink.close();
    t.join();
    sink.release();
    System.out.printf("%-8s %6d %10.0f %9.2f%n", target, batch, n / seconds, seconds);
  }

  private static List<EnrichedArticle> articles(Path stream, int n) throws Exception {
    List<String[]> texts = new ArrayList<>();
    if (Files.exists(stream)) {
      ObjectMapper json = new ObjectMapper();
      for (String line : Files.readAllLines(stream)) {
        JsonNode o = json.readTree(line);
        texts.add(new String[] {o.path("title").asText(), o.path("text").asText(), o.path("source").asText("x")});
      }
    } else {
      for (int i = 0; i < 100; i++) {
        texts.add(new String[] {"Title " + i, "Body text of article " + i + ". ".repeat(200), "example.com"});
      }
    }
    List<EnrichedArticle> out = new ArrayList<>(n);
    long total = 0;
    for (int i = 0; i < n; i++) {
      String[] t = texts.get(i % texts.size());
      String id = String.format("%032x", i);
      total += t[1].length();
      out.add(EnrichedArticle.newBuilder().setId(id).setUrl("https://" + t[2] + "/" + i).setFeedUrl("https://" + t[2] + "/feed")
          .setTitle(t[0]).setText(t[1]).setPublished(Instant.now()).setFetchedAt(Instant.now()).setEnrichedAt(Instant.now())
          .setSource(t[2]).setActorCodes(List.of("PRK", "USAGOV")).setEventTypes(List.of("SANCTION"))
          .setDedup(Dedup.newBuilder().setClusterId(id).build()).build());
    }
    avgText = total / n;
    return out;
  }

  private static void produce(String bootstrap, String topic, List<EnrichedArticle> articles) throws Exception {
    AvroCodec<EnrichedArticle> codec = AvroCodec.of(EnrichedArticle.class);
    try (var p = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap, "linger.ms", 20,
        "batch.size", 262144, "compression.type", "zstd"), new StringSerializer(), new ByteArraySerializer())) {
      for (EnrichedArticle a : articles) {
        p.send(new ProducerRecord<>(topic, a.getId(), codec.encode(a)));
      }
    }
  }
}
