package dev.newsflow.broker.testkit;

import dev.newsflow.broker.LocalKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The Kafka broker of the integration tests: one per test JVM, started on first use and stopped
 * when the JVM exits. By default it is the project's {@link LocalKafka} in a temporary folder; with
 * {@code -Dnewsflow.kafka=testcontainers} it is the {@code apache/kafka} image run by
 * Testcontainers, and the tests are skipped (not failed) where Docker is absent.
 */
public final class TestKafka {
  public static final String PROPERTY = "newsflow.kafka";
  private static final String IMAGE = "apache/kafka:4.1.1";
  private static String bootstrapServers;

  private TestKafka() {}

  /** Bootstrap servers of the shared test broker, starting it if needed. */
  public static synchronized String bootstrapServers() {
    if (bootstrapServers == null) {
      bootstrapServers =
          "testcontainers".equals(System.getProperty(PROPERTY, "local")) ? startContainer() : startLocal();
    }
    return bootstrapServers;
  }

  /** Makes a fatal broker error fail the test instead of killing the test JVM. */
  public static void guardExit() {
    Exit.setExitProcedure(
        (status, message) -> {
          throw new IllegalStateException("Kafka asked to exit(" + status + "): " + message);
        });
    Exit.setHaltProcedure(
        (status, message) -> {
          throw new IllegalStateException("Kafka asked to halt(" + status + "): " + message);
        });
  }

  private static String startLocal() {
    guardExit();
    Path dir = tempDir("newsflow-it-kafka-");
    LocalKafka kafka = LocalKafka.start(dir);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  kafka.close();
                  deleteRecursively(dir);
                },
                "test-kafka-shutdown"));
    return kafka.bootstrapServers();
  }

  private static String startContainer() {
    Assumptions.assumeTrue(
        DockerClientFactory.instance().isDockerAvailable(),
        "-Dnewsflow.kafka=testcontainers asks for Docker, and no Docker engine is reachable here");
    KafkaContainer container = new KafkaContainer(IMAGE);
    container.start();
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-kafka-container-stop"));
    return container.getBootstrapServers();
  }

  /** A fresh temporary directory. */
  public static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes {@code dir} and everything under it, ignoring what is already gone. */
  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: a leftover temporary folder is not worth failing a test for.
    }
  }
}
