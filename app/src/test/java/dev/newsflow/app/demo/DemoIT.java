package dev.newsflow.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.app.cli.NewsflowCommand;
import dev.newsflow.broker.testkit.TestKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The README's run command, end to end on its own local broker, twice on the same data dir. */
class DemoIT {
  @TempDir Path dataDir;

  @BeforeAll
  static void guard() {
    TestKafka.guardExit();
  }

  private String demo(String... extra) {
    CommandLine cl = NewsflowCommand.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    List<String> args = new java.util.ArrayList<>(List.of("demo", "--data-dir", dataDir.toString(), "--timeout", "120"));
    args.addAll(List.of(extra));
    int exit = cl.execute(args.toArray(String[]::new));
    assertThat(exit).as("demo exit code; output:%n%s", out).isZero();
    return out.toString();
  }

  @Test
  void everySampleArticleReachesTheSinkExactlyOnceEvenWhenTheDemoRunsAgain() {
    SampleManifest sample = SampleManifest.load();

    String first = demo();
    assertThat(first).contains("all 5 sample articles are in the sink (5 written by this run, 0 already there)");
    assertThat(first).containsPattern("monitor: http://127\\.0\\.0\\.1:\\d+/ .*/health");
    assertExactlyOnce(sample);

    String second = demo();
    assertThat(second).contains("(0 written by this run, 5 already there)");
    assertExactlyOnce(sample);
  }

  @Test
  void landsTheSampleInPostgresToo() throws Exception {
    String admin = System.getenv("NEWSFLOW_TEST_JDBC_URL");
    org.junit.jupiter.api.Assumptions.assumeTrue(admin != null && !admin.isBlank(),
        "NEWSFLOW_TEST_JDBC_URL is not set: no PostgreSQL for the demo's SQL sink");
    String db = "newsflow_demo_it_" + Long.toHexString(System.nanoTime());
    try (var c = java.sql.DriverManager.getConnection(admin); var s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
    }
    String url = admin.replaceFirst("(//[^/]+/)[^?]*", "$1" + db);
    try {
      String first = demo("--sink", "jsonl,postgres", "--jdbc-url", url);
      assertThat(first).contains("PostgreSQL table articles");
      String second = demo("--sink", "postgres", "--jdbc-url", url);
      assertThat(second).contains("all 5 sample articles are in the sink");
      try (var c = java.sql.DriverManager.getConnection(url); var s = c.createStatement();
          var r = s.executeQuery("SELECT count(*), count(DISTINCT id), min(length(body)) FROM articles")) {
        r.next();
        assertThat(r.getInt(1)).isEqualTo(5);
        assertThat(r.getInt(2)).isEqualTo(5);
        assertThat(r.getInt(3)).isGreaterThan(500);
      }
    } finally {
      try (var c = java.sql.DriverManager.getConnection(admin); var s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
      }
    }
  }

  private void assertExactlyOnce(SampleManifest sample) {
    List<JsonNode> lines = SinkOutput.read(dataDir.resolve("out"));
    Map<String, Integer> copies = new HashMap<>();
    for (JsonNode line : lines) {
      copies.merge(line.path("id").asText(), 1, Integer::sum);
    }
    assertThat(copies.values()).as("lines per article id").allMatch(n -> n == 1);
    assertThat(lines).hasSize(sample.articles().size());
    for (SampleManifest.Resource article : sample.articles()) {
      JsonNode line = lines.stream()
          .filter(l -> SampleManifest.Resource.hostAndPath(l.path("url").asText()).equals(article.hostAndPath()))
          .findFirst().orElseThrow(() -> new AssertionError("missing from the sink: " + article.url()));
      assertThat(line.path("title").asText()).as("title of " + article.url()).startsWith(article.title());
      assertThat(line.path("text").asText()).as("text of " + article.url()).hasSizeGreaterThan(500);
      assertThat(line.path("id").asText()).hasSize(32);
      assertThat(line.path("fetchedAt").asText()).isNotBlank();
    }
  }
}
