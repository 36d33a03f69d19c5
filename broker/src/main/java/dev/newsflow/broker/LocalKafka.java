package dev.newsflow.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft, combined broker and controller) running inside this JVM, from
 * the Kafka jars: no Docker, no separate install. Its data lives in a directory of the caller's
 * choosing and survives a restart; ports are picked free at each start unless the caller names the
 * client port (so that clients of a broker restarted on it find it again).
 *
 * <pre>{@code
 * try (LocalKafka kafka = LocalKafka.start(Path.of("data/kafka"))) {
 *   String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class LocalKafka implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalKafka.class);
  private static final int NODE_ID = 1;
  private static final String CLUSTER_ID_FILE = "newsflow-cluster.id";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final Path dataDir;

  private LocalKafka(KafkaRaftServer server, String bootstrapServers, Path dataDir) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.dataDir = dataDir;
  }

  /** Starts a broker keeping its data in {@code dataDir} (created, or reused when it exists). */
  public static LocalKafka start(Path dataDir) {
    return start(dataDir, Map.of());
  }

  /**
   * Starts a broker keeping its data in {@code dataDir}, with {@code overrides} applied over the
   * single-node defaults, and waits until it accepts clients.
   */
  public static LocalKafka start(Path dataDir, Map<String, String> overrides) {
    return start(dataDir, 0, overrides);
  }

  /**
   * Starts a broker keeping its data in {@code dataDir} whose clients connect to {@code port} on the
   * loopback address (0: a free port), with {@code overrides} applied over the single-node defaults.
   */
  public static LocalKafka start(Path dataDir, int port, Map<String, String> overrides) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 (any free port) or a TCP port, not " + port);
    }
    try {
      Files.createDirectories(dataDir);
      Path logDir = dataDir.toAbsolutePath().resolve("logs");
      String clusterId = clusterId(dataDir);
      int brokerPort = port == 0 ? freePort() : port;
      int controllerPort = freePort();
      Properties props = config(logDir, brokerPort, controllerPort);
      props.putAll(overrides);
      KafkaConfig config = KafkaConfig.fromProps(props, false);
      format(logDir, clusterId);
      KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
      server.startup();
      String bootstrap = "127.0.0.1:" + brokerPort;
      LocalKafka kafka = new LocalKafka(server, bootstrap, dataDir);
      kafka.awaitReady();
      LOG.info("local Kafka broker ready at {} (data in {})", bootstrap, dataDir);
      return kafka;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare local Kafka data dir " + dataDir, e);
    } catch (Exception e) {
      throw new IllegalStateException("local Kafka broker failed to start: " + e.getMessage(), e);
    }
  }

  /** Host and port for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The port clients connect to. */
  public int port() {
    return Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
  }

  /** The directory holding the broker's data. */
  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    LOG.info("local Kafka broker at {} stopped", bootstrapServers);
  }

  private void awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    Map<String, Object> adminConfig =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
    try (Admin admin = Admin.create(adminConfig)) {
      Exception last = null;
      while (System.nanoTime() < deadline) {
        try {
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (Exception e) {
          last = e;
        }
        Thread.sleep(200);
      }
      close();
      throw new IllegalStateException(
          "local Kafka broker did not become ready within " + READY_TIMEOUT.toSeconds() + " s", last);
    }
  }

  private static Properties config(Path logDir, int brokerPort, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
    p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    // One node: every internal topic has a single replica.
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "5");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("min.insync.replicas", "1");
    p.put("default.replication.factor", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    // The cleaner's default 128 MB dedupe buffer is far more than a local broker needs.
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
    p.put("auto.create.topics.enable", "false");
    p.put("num.partitions", "1");
    return p;
  }

  private static void format(Path logDir, String clusterId) throws Exception {
    Files.createDirectories(logDir);
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    new Formatter()
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
        .setNodeId(NODE_ID)
        .setClusterId(clusterId)
        .setDirectories(List.of(logDir.toString()))
        .setMetadataLogDirectory(logDir.toString())
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
        .setUnstableFeatureVersionsEnabled(false)
        .setControllerListenerName("CONTROLLER")
        .setIgnoreFormatted(true)
        .run();
  }

  private static String clusterId(Path dataDir) throws IOException {
    Path file = dataDir.resolve(CLUSTER_ID_FILE);
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
    String id = Uuid.randomUuid().toString();
    Files.writeString(file, id, StandardCharsets.UTF_8);
    return id;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
