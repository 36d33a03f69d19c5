package dev.newsflow.app.pipeline;

import dev.newsflow.broker.LocalKafka;
import dev.newsflow.schemas.config.Settings;
import dev.newsflow.schemas.topic.TopicAdmin;
import dev.newsflow.schemas.topic.Topics;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka cluster a command talks to: the one named by {@code kafka.bootstrap.servers}, or, when
 * that is empty and the command allows it, the embedded local broker under {@code
 * ${data.dir}/kafka}. Creates the topics (idempotently) on connect.
 */
public final class KafkaConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaConnection.class);

  private final LocalKafka local;
  private final Settings settings;

  private KafkaConnection(LocalKafka local, Settings settings) {
    this.local = local;
    this.settings = settings;
  }

  /**
   * Connects, starting the local broker if no bootstrap servers are configured and {@code
   * allowLocal} is true.
   *
   * @throws IllegalArgumentException when no servers are configured and the local broker is not allowed
   */
  public static KafkaConnection open(Settings settings, boolean allowLocal, String command) throws InterruptedException {
    LocalKafka local = null;
    Settings s = settings;
    if (!settings.has("kafka.bootstrap.servers")) {
      if (!allowLocal) {
        throw new IllegalArgumentException(
            "'" + command + "' needs a Kafka cluster: pass --bootstrap-servers HOST:PORT (or set "
                + "NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS); only 'demo', 'run' and 'broker' start the embedded broker");
      }
      local = LocalKafka.start(Path.of(settings.getString("data.dir")).resolve("kafka"));
      s = settings.with("kafka.bootstrap.servers", local.bootstrapServers());
    }
    KafkaConnection connection = new KafkaConnection(local, s);
    connection.createTopics();
    return connection;
  }

  /** The settings with {@code kafka.bootstrap.servers} set to the cluster in use. */
  public Settings settings() {
    return settings;
  }

  public String bootstrapServers() {
    return settings.getString("kafka.bootstrap.servers");
  }

  private void createTopics() throws InterruptedException {
    Map<String, Object> config = new HashMap<>(settings.kafkaProperties());
    config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
    try (Admin admin = Admin.create(config)) {
      var created = TopicAdmin.ensure(admin, Topics.from(settings),
          settings.getInt("topics.partitions"), (short) settings.getInt("topics.replication-factor"));
      if (!created.isEmpty()) {
        LOG.info("created topics {}", created);
      }
    }
  }

  @Override
  public void close() {
    if (local != null) {
      local.close();
    }
  }
}
