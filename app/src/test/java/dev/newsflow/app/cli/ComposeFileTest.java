package dev.newsflow.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsflow.schemas.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** There is no Docker engine here: this keeps docker-compose.yml in step with what the code reads. */
class ComposeFileTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private final JsonNode compose = read();

  private static JsonNode read() {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void runsKafkaInKraftModeAndPostgres() {
    JsonNode kafka = compose.path("services").path("kafka");
    assertThat(kafka.path("image").asText()).startsWith("apache/kafka:");
    assertThat(kafka.path("environment").path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
    assertThat(compose.path("services").path("postgres").path("image").asText()).startsWith("postgres:");
  }

  @Test
  void everyStageIsBuiltFromTheOneDockerfileAndRunsAKnownCommand() throws Exception {
    assertThat(ROOT.resolve("Dockerfile")).exists();
    assertThat(Files.readString(ROOT.resolve("Dockerfile"))).contains("newsflow.jar").contains("app/target/lib");
    for (String stage : List.of("ingest", "enrich", "sink")) {
      JsonNode service = compose.path("services").path(stage);
      assertThat(service.path("build").asText()).as(stage + " build").isEqualTo(".");
      List<String> command = new ArrayList<>();
      service.path("command").forEach(n -> command.add(n.asText()));
      assertThat(command).as(stage + " command").isNotEmpty().first().isEqualTo(stage);
      CommandLine cl = NewsflowCommand.commandLine();
      // Parses the command and its options exactly as the container's entrypoint would; an unknown
      // subcommand or option throws.
      CommandLine.ParseResult parsed = cl.parseArgs(command.toArray(String[]::new));
      assertThat(parsed.subcommand().commandSpec().name()).isEqualTo(stage);
    }
  }

  @Test
  void everyNewsflowVariableOfTheStagesNamesAKnownSetting() {
    Set<String> known = new HashSet<>();
    for (String key : Settings.defaults(CommonOptions.DEFAULTS).asMap().keySet()) {
      known.add(Settings.envName(key));
    }
    for (String stage : List.of("ingest", "enrich", "sink")) {
      JsonNode env = compose.path("services").path(stage).path("environment");
      assertThat(env.isObject()).as(stage + " environment").isTrue();
      for (Iterator<Map.Entry<String, JsonNode>> it = env.fields(); it.hasNext(); ) {
        String name = it.next().getKey();
        assertThat(known).as(stage + ": " + name + " is read by no setting").contains(name);
      }
      assertThat(env.path("NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:9092");
    }
  }

  @Test
  void theSinkWritesToTheComposePostgres() {
    JsonNode env = compose.path("services").path("sink").path("environment");
    JsonNode pg = compose.path("services").path("postgres").path("environment");
    assertThat(env.path("NEWSFLOW_SINK_TARGETS").asText()).contains("postgres");
    assertThat(env.path("NEWSFLOW_SINK_JDBC_URL").asText())
        .startsWith("jdbc:postgresql://postgres:5432/" + pg.path("POSTGRES_DB").asText())
        .contains("user=" + pg.path("POSTGRES_USER").asText())
        .contains("password=" + pg.path("POSTGRES_PASSWORD").asText());
    assertThat(compose.path("services").path("sink").path("depends_on").has("postgres")).isTrue();
  }

  @Test
  void theStagesReachKafkaAtItsAdvertisedListener() {
    String advertised = compose.path("services").path("kafka").path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText();
    assertThat(advertised).contains("//kafka:9092");
  }
}
