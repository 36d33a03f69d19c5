package dev.newsflow.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.app.demo.SampleManifest;
import dev.newsflow.app.demo.SampleServer;
import dev.newsflow.app.demo.SinkOutput;
import dev.newsflow.app.pipeline.KafkaConnection;
import dev.newsflow.app.monitor.MonitorServer;
import dev.newsflow.app.pipeline.Pipeline;
import dev.newsflow.ingest.kafka.FeedCatalog;
import dev.newsflow.schemas.config.Settings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The main job on the bundled sample: starts the local broker and a loopback server standing in for
 * the sample's outlets, runs the three stages, and ends once every sample article is in the sink.
 * Safe to run again on the same data dir: nothing is written twice.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the whole pipeline on the bundled sample feeds and pages; end when every sample article is in DIR/out.")
public final class DemoCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin SinkOptions sinkOptions;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "180",
      description = "Give up if the sample has not reached the sink after this long (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "0",
      description = "Serve the monitor (pages, JSON API, /health, /metrics) on this port (0: a free port, -1: off; default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--follow", description = "Keep running after the sample is in the sink, until interrupted.")
  boolean follow;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    SampleManifest sample = SampleManifest.load();
    try (SampleServer server = SampleServer.start(sample)) {
      Settings settings = common.settings().with(sinkOptions.overrides())
          .with(Map.of(
              "fetch.allow-private-addresses", "true",
              "fetch.proxy", server.proxyAddress(),
              "poll.interval.ms", "2000",
              "schedule.min-interval.ms", "1000",
              "schedule.max-interval.ms", "10000",
              "politeness.host-delay.ms", "0",
              "sink.instance", "demo"));
      Map<String, Integer> before = linesPerArticle(all(SinkOutput.read(settings)), sample);
      try (KafkaConnection kafka = KafkaConnection.open(settings, true, "demo");
          FeedCatalog catalog = new FeedCatalog(kafka.settings())) {
        catalog.add(sample.feedUrls());
        try (Pipeline pipeline = Pipeline.start(kafka.settings());
            MonitorServer monitor = httpPort < 0 ? null : MonitorServer.start(kafka.settings(), pipeline, httpPort)) {
          if (monitor != null) {
            out.printf("monitor: %s%n", monitorUrl(monitor));
            out.flush();
          }
          Duration timeout = Duration.ofSeconds(timeoutSeconds);
          boolean drained = pipeline.awaitDrained(kafka.settings(), sample.feeds().size(), timeout);
          Map<String, JsonNode> arrived = awaitSample(settings, sample, drained ? Duration.ofSeconds(5) : Duration.ZERO);
          if (arrived.size() < sample.articles().size()) {
            spec.commandLine().getErr().printf("newsflow demo: only %d of %d sample articles reached the sink within %d s; missing: %s%n",
                arrived.size(), sample.articles().size(), timeoutSeconds, missing(sample, arrived));
            return 1;
          }
          Map<String, Integer> after = linesPerArticle(all(SinkOutput.read(settings)), sample);
          report(out, sample, arrived, before, after, settings, kafka.bootstrapServers());
          if (follow) {
            out.println("newsflow demo: following (the pipeline keeps running); interrupt to stop.");
            out.flush();
            StageCommand.awaitShutdown(() -> {});
          }
        }
      }
    }
    return 0;
  }

  /** What the commands print for the monitor: its pages, then where the API and metrics are. */
  static String monitorUrl(MonitorServer monitor) {
    String base = "http://127.0.0.1:" + monitor.port();
    return base + "/  (Live, Trends, Stories, Feeds, Search; API " + base + "/api/openapi.yaml, " + base + "/health, "
        + base + "/metrics)";
  }

  private static Map<String, JsonNode> awaitSample(Settings settings, SampleManifest sample, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, JsonNode> arrived = inEveryTarget(settings, sample);
    while (arrived.size() < sample.articles().size() && System.nanoTime() < deadline) {
      Thread.sleep(250);
      arrived = inEveryTarget(settings, sample);
    }
    return arrived;
  }

  /** The sample articles found in every configured sink target. */
  private static Map<String, JsonNode> inEveryTarget(Settings settings, SampleManifest sample) {
    Map<String, JsonNode> common = null;
    for (List<JsonNode> lines : SinkOutput.read(settings).values()) {
      Map<String, JsonNode> found = matchSample(lines, sample);
      if (common == null) {
        common = found;
      } else {
        common.keySet().retainAll(found.keySet());
      }
    }
    return common == null ? Map.of() : common;
  }

  private static List<JsonNode> all(Map<String, List<JsonNode>> byTarget) {
    // Copies are counted in the first target (JSON Lines when configured: the one that can hold copies).
    return byTarget.values().stream().findFirst().orElse(List.of());
  }

  /** Sample host+path → the first sink line of that article. */
  private static Map<String, JsonNode> matchSample(List<JsonNode> lines, SampleManifest sample) {
    Map<String, JsonNode> byPath = new HashMap<>();
    for (JsonNode line : lines) {
      byPath.putIfAbsent(SampleManifest.Resource.hostAndPath(line.path("url").asText()), line);
    }
    Map<String, JsonNode> arrived = new LinkedHashMap<>();
    for (SampleManifest.Resource r : sample.articles()) {
      JsonNode line = byPath.get(r.hostAndPath());
      if (line != null) {
        arrived.put(r.hostAndPath(), line);
      }
    }
    return arrived;
  }

  private static Map<String, Integer> linesPerArticle(List<JsonNode> lines, SampleManifest sample) {
    Map<String, Integer> counts = new HashMap<>();
    for (JsonNode line : lines) {
      counts.merge(SampleManifest.Resource.hostAndPath(line.path("url").asText()), 1, Integer::sum);
    }
    return counts;
  }

  private static List<String> missing(SampleManifest sample, Map<String, JsonNode> arrived) {
    return sample.articles().stream().map(SampleManifest.Resource::url)
        .filter(u -> !arrived.containsKey(SampleManifest.Resource.hostAndPath(u))).toList();
  }

  private static void report(PrintWriter out, SampleManifest sample, Map<String, JsonNode> arrived,
      Map<String, Integer> before, Map<String, Integer> after, Settings settings, String kafka) {
    int fresh = 0;
    for (SampleManifest.Resource r : sample.articles()) {
      if (before.getOrDefault(r.hostAndPath(), 0) == 0) {
        fresh++;
      }
    }
    out.printf("newsflow demo: all %d sample articles are in the sink (%d written by this run, %d already there).%n",
        sample.articles().size(), fresh, sample.articles().size() - fresh);
    for (String target : settings.getString("sink.targets").split(",")) {
      switch (target.strip()) {
        case "jsonl" -> out.printf("output: %s%n", dev.newsflow.sink.store.Stores.outDir(settings).toAbsolutePath().normalize());
        case "postgres" -> out.printf("output: PostgreSQL table articles at %s%n",
            settings.getString("sink.jdbc-url").replaceAll("(?i)(password=)[^&]*", "$1***"));
        default -> { }
      }
    }
    out.printf("kafka:  %s%n", kafka);
    for (SampleManifest.Resource r : sample.articles()) {
      JsonNode a = arrived.get(r.hostAndPath());
      int copies = after.getOrDefault(r.hostAndPath(), 0);
      out.printf("%s  %-26s %-20s %-15s %5d chars  %s%s%n",
          a.path("id").asText(),
          a.path("source").asText(),
          a.path("published").asText("-"),
          a.path("dedup").path("verdict").asText(),
          a.path("text").asText().length(),
          a.path("title").asText(),
          copies == 1 ? "" : "  [" + copies + " lines!]");
    }
    out.flush();
  }
}
