package dev.newsflow.enrich.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.broker.LocalKafka;
import dev.newsflow.broker.testkit.TestKafka;
import dev.newsflow.enrich.topology.EnrichConfig;
import dev.newsflow.enrich.topology.EnrichTopology;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.RawArticle;
import dev.newsflow.schemas.config.Settings;
import dev.newsflow.schemas.serde.AvroCodec;
import dev.newsflow.schemas.topic.Topics;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Quality of the partitioned deduplication as it streams: the dedup-dev stream (ids kept, record
 * timestamps one second apart in arrival order) through the real enrich topology on the local
 * broker, written as {@code {"id","duplicateOf"}} lines for {@code score_dedup.py}.
 *
 * <p>Modes: {@code burst} (the whole stream waits in the raw topic before the topology starts, as
 * after downtime) and {@code paced} (the topology runs first and the stream arrives at {@code rate}
 * records per second, as from live feeds). The offline {@code newsflow dedup} takes the stream in
 * order and is the reference.
 *
 * <p>Run: {@code bench/run-java.sh enrich dev.newsflow.enrich.bench.StreamingDedupBench
 * ../shared/data/dedup-dev burst 4}, or {@code ... paced 4 200}.
 */
public final class StreamingDedupBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AvroCodec<RawArticle> RAW = AvroCodec.of(RawArticle.class);

  private StreamingDedupBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: StreamingDedupBench DATA_DIR [burst|paced] [PARTITIONS] [RATE]");
    }
    Path data = Path.of(args[0]);
    String mode = args.length > 1 ? args[1] : "burst";
    int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int rate = args.length > 3 ? Integer.parseInt(args[3]) : 200;
    if (!mode.equals("burst") && !mode.equals("paced")) {
      throw new IllegalArgumentException("mode is burst or paced, got " + mode);
    }
    Path stream = data.resolve("stream.jsonl");
    if (!Files.exists(stream)) {
      System.out.println("no " + stream + ": nothing to measure");
      return;
    }
    List<String> ids = new ArrayList<>();
    List<byte[]> values = new ArrayList<>();
    long base = Instant.now().minus(Duration.ofDays(1)).toEpochMilli();
    for (String line : Files.readAllLines(stream)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = JSON.readTree(line);
      Instant at = Instant.ofEpochMilli(base + ids.size() * 1000L);
      String source = n.path("source").asText("unknown");
      ids.add(n.path("id").asText());
      values.add(RAW.encode(RawArticle.newBuilder().setId(n.path("id").asText()).setUrl(n.path("url").asText())
          .setFeedUrl("https://" + source + "/feed").setTitle(n.path("title").asText()).setText(n.path("text").asText())
          .setPublished(Instant.parse(n.path("published").asText())).setFetchedAt(at).setSource(source).build()));
    }

    Path work = Path.of("enrich/target/bench-dedup-stream").toAbsolutePath();
    TestKafka.deleteRecursively(work);
    Files.createDirectories(work);
    TestKafka.guardExit();
    try (LocalKafka kafka = LocalKafka.start(work.resolve("kafka"));
        Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()))) {
      Settings settings = Settings.defaults("newsflow-defaults.properties", "enrich-defaults.properties").with(Map.of(
          "data.dir", work.toString(),
          "kafka.bootstrap.servers", kafka.bootstrapServers(),
          "topics.partitions", String.valueOf(partitions),
          "enrich.state-dir", work.resolve("state").toString())).withEnvironment(System.getenv());
      Topics topics = Topics.from(settings);
      List<NewTopic> newTopics = new ArrayList<>();
      for (String t : List.of(topics.raw().name(), topics.enriched().name(), topics.dlq().name(),
          topics.dedupBands().name(), topics.dedupAnswers().name())) {
        newTopics.add(new NewTopic(t, partitions, (short) 1));
      }
      admin.createTopics(newTopics).all().get();
      Properties props = BenchStreamsConfig.of(settings, false);
      long started;
      try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
          Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers(), "linger.ms", 5),
          new StringSerializer(), new ByteArraySerializer())) {
        KafkaStreams streams = new KafkaStreams(EnrichTopology.build(EnrichConfig.from(settings, partitions, partitions)), props);
        try {
          if (mode.equals("burst")) {
            send(producer, topics.raw().name(), ids, values, base, 0);
            streams.start();
          } else {
            streams.start();
            awaitRunning(streams);
            send(producer, topics.raw().name(), ids, values, base, rate);
          }
          started = System.nanoTime();
          Map<String, String> verdicts = collect(kafka.bootstrapServers(), topics.enriched().name(), ids.size());
          System.out.printf("%s, %d partitions%s: %d of %d articles out in %.1f s%n", mode, partitions,
              mode.equals("paced") ? ", " + rate + " records/s" : "", verdicts.size(), ids.size(),
              (System.nanoTime() - started) / 1e9);
          Path pred = work.resolve("pred-" + mode + ".jsonl");
          try (BufferedWriter w = Files.newBufferedWriter(pred)) {
            for (String id : ids) {
              Map<String, String> line = new LinkedHashMap<>();
              line.put("id", id);
              line.put("duplicateOf", verdicts.get(id));
              w.write(JSON.writeValueAsString(line));
              w.newLine();
            }
          }
          System.out.println("predictions: " + pred);
          score(data, pred);
        } finally {
          streams.close(Duration.ofSeconds(30));
        }
      }
    }
  }

  private static void send(KafkaProducer<String, byte[]> producer, String topic, List<String> ids, List<byte[]> values,
      long base, int rate) throws InterruptedException {
    long start = System.nanoTime();
    for (int i = 0; i < ids.size(); i++) {
      if (rate > 0) {
        long due = start + i * 1_000_000_000L / rate;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
      }
      producer.send(new ProducerRecord<>(topic, null, base + i * 1000L, ids.get(i), values.get(i)));
    }
    producer.flush();
  }

  private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the topology did not reach RUNNING: " + streams.state());
      }
      Thread.sleep(50);
    }
  }

  /** Id to duplicateOf (null for unique), from the enriched topic, until every id is seen or 10 minutes pass. */
  private static Map<String, String> collect(String bootstrap, String topic, int expected) {
    AvroCodec<EnrichedArticle> codec = AvroCodec.of(EnrichedArticle.class);
    Map<String, String> verdicts = new HashMap<>();
    Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "group.id", "dedup-quality-reader",
        "auto.offset.reset", "earliest", "isolation.level", "read_committed", "enable.auto.commit", false);
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (verdicts.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          EnrichedArticle a = codec.decode(r.value());
          verdicts.put(a.getId(), a.getDedup().getDuplicateOf());
        }
      }
    }
    return verdicts;
  }

  /** Runs the scorer of ../shared/tools when it is there; prints the command otherwise. */
  private static void score(Path data, Path pred) throws Exception {
    Path scorer = data.toAbsolutePath().getParent().getParent().resolve("tools/score_dedup.py");
    List<String> command = List.of("python3", scorer.toString(), data.resolve("gold.jsonl").toString(), pred.toString(),
        "--meta", data.resolve("meta.jsonl").toString());
    if (!Files.exists(scorer)) {
      System.out.println("score with: " + String.join(" ", command));
      return;
    }
    Process p = new ProcessBuilder(command).inheritIO().start();
    p.waitFor();
  }
}
