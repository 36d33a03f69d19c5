package dev.newsflow.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CommandLineTest {
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = NewsflowCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "run", "monitor", "ingest", "enrich", "sink", "broker", "feeds", "parse-feed", "extract", "tag", "dedup"})
  void everyCommandHasHelp(String command) {
    Run r = run(command, "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: newsflow " + command).contains("--help");
  }

  @Test
  void topLevelHelpListsTheCommands() {
    Run r = run("--help");
    assertThat(r.exit()).isZero();
    for (String c : List.of("demo", "run", "monitor", "ingest", "enrich", "sink", "feeds", "parse-feed", "extract", "tag", "dedup")) {
      assertThat(r.out()).contains(c);
    }
  }

  @Test
  void aStageWithoutAClusterSaysWhatIsMissingInOneLine() {
    Run r = run("enrich", "--data-dir", "target/cli-test");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("newsflow enrich: error:").contains("--bootstrap-servers").doesNotContain("Exception");
  }

  @Test
  void theMonitorWithoutAClusterSaysWhatIsMissing() {
    Run r = run("monitor", "--data-dir", "target/cli-test");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("'monitor' needs a Kafka cluster: pass --bootstrap-servers");
  }

  @Test
  void aMissingFeedListIsAClearError() {
    Run r = run("run", "--feeds", "target/no-such-file.txt", "--data-dir", "target/cli-test");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("no-such-file.txt");
  }

  @Test
  void anUnknownSinkTargetIsAClearError() {
    Run r = run("sink", "--sink", "s3", "--bootstrap-servers", "127.0.0.1:1", "--data-dir", "target/cli-test",
        "-D", "kafka.default.api.timeout.ms=2000", "-D", "kafka.request.timeout.ms=1000");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("newsflow sink: error:");
  }

  @ParameterizedTest
  @ValueSource(strings = {"add", "import", "remove", "disable", "enable"})
  void everyFeedsSubcommandHasHelp(String sub) {
    Run r = run("feeds", sub, "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: newsflow feeds " + sub).contains("--bootstrap-servers");
  }

  @Test
  void feedsWithoutAClusterSayWhatIsMissing() {
    Run r = run("feeds", "add", "https://news.example.com/feed.xml", "--data-dir", "target/cli-test");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("--bootstrap-servers");
  }

  @Test
  void extractingAMissingFileSaysSo() {
    Run r = run("extract", "target/no-such-page.html");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("cannot read target/no-such-page.html: no such file");
  }

  @Test
  void anUnknownOptionIsRefused() {
    Run r = run("demo", "--no-such-option");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option");
  }
}
