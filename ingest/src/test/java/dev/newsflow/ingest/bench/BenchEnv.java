package dev.newsflow.ingest.bench;

import dev.newsflow.broker.LocalKafka;
import dev.newsflow.broker.testkit.TestKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What the fetcher under test talks to: a Kafka broker ({@link LocalKafka}) and the simulated feeds
 * ({@link SimulatedFeeds}). Either in the benchmark's own JVM ({@link #inProcess}) or in another JVM
 * started with this class's main ({@link #remote}), so that the fetcher's heap and CPU can be
 * measured without the broker's.
 *
 * <p>Usage of the main: {@code BenchEnv ENV_FILE [ITEMS]}: starts both, writes {@code bootstrap},
 * {@code proxy} and {@code control} to ENV_FILE (a properties file) and runs until killed.
 */
abstract class BenchEnv implements AutoCloseable {
  abstract String bootstrap();

  abstract String proxy();

  /** Where the broker runs, for the report. */
  abstract String where();

  /** Counters of the simulated feeds and the environment JVM's CPU time. */
  abstract Map<String, Long> stats();

  /** Arrival times (epoch ms) per feed URL. */
  abstract Map<String, long[]> arrivals();

  @Override
  public abstract void close();

  public static void main(String[] args) throws Exception {
    Path envFile = Path.of(args[0]);
    int items = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    BenchEnv env = inProcess(items);
    Runtime.getRuntime().addShutdownHook(new Thread(env::close, "bench-env-stop"));
    Properties p = new Properties();
    p.setProperty("bootstrap", env.bootstrap());
    p.setProperty("proxy", env.proxy());
    p.setProperty("control", "http://" + env.proxy() + "/__bench/");
    Path tmp = envFile.resolveSibling(envFile.getFileName() + ".tmp");
    try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      p.store(out, "newsflow fetcher benchmark environment");
    }
    Files.move(tmp, envFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    Thread.currentThread().join();
  }

  /** Broker and feeds in this JVM (the broker's data in a temporary folder, deleted on close). */
  static BenchEnv inProcess(int items) {
    TestKafka.guardExit();
    Path dir = TestKafka.tempDir("newsflow-fetcher-bench-");
    LocalKafka kafka = LocalKafka.start(dir);
    SimulatedFeeds feeds = new SimulatedFeeds(items);
    return new BenchEnv() {
      @Override
      String bootstrap() {
        return kafka.bootstrapServers();
      }

      @Override
      String proxy() {
        return feeds.proxy();
      }

      @Override
      String where() {
        return "same JVM as the fetcher (heap and CPU figures include the broker and the simulated feeds)";
      }

      @Override
      Map<String, Long> stats() {
        return Map.of("requests", feeds.requests(), "notModified", feeds.notModified(), "cpuNanos", 0L);
      }

      @Override
      Map<String, long[]> arrivals() {
        return feeds.arrivals();
      }

      @Override
      public void close() {
        feeds.close();
        kafka.close();
        TestKafka.deleteRecursively(dir);
      }
    };
  }

  /** Broker and feeds of another JVM, described by the file its main wrote. */
  static BenchEnv remote(Path envFile) throws IOException {
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(envFile, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).connectTimeout(Duration.ofSeconds(5)).build();
    String control = p.getProperty("control");
    return new BenchEnv() {
      @Override
      String bootstrap() {
        return p.getProperty("bootstrap");
      }

      @Override
      String proxy() {
        return p.getProperty("proxy");
      }

      @Override
      String where() {
        return "separate JVM (broker + simulated feeds); fetcher figures are the fetcher's JVM only";
      }

      @Override
      Map<String, Long> stats() {
        Map<String, Long> stats = new HashMap<>();
        for (String line : get("stats").split("\n")) {
          int eq = line.indexOf('=');
          if (eq > 0) {
            stats.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1).strip()));
          }
        }
        return stats;
      }

      @Override
      Map<String, long[]> arrivals() {
        Map<String, long[]> arrivals = new HashMap<>();
        for (String line : get("arrivals").split("\n")) {
          String[] cells = line.split("\t");
          if (cells.length < 2) {
            continue;
          }
          long[] times = new long[cells.length - 1];
          for (int i = 1; i < cells.length; i++) {
            times[i - 1] = Long.parseLong(cells[i]);
          }
          arrivals.put(cells[0], times);
        }
        return arrivals;
      }

      private String get(String what) {
        try {
          return http.send(HttpRequest.newBuilder(URI.create(control + what)).timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
          throw new IllegalStateException("benchmark environment at " + control + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }

      @Override
      public void close() {
        http.close();
      }
    };
  }
}
