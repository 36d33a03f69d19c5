package dev.newsflow.app.cli;

import dev.newsflow.schemas.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every pipeline command takes; they build the layered {@link Settings}. */
public final class CommonOptions {
  static final String[] DEFAULTS = {
    "newsflow-defaults.properties", "ingest-defaults.properties", "enrich-defaults.properties", "sink-defaults.properties",
    "monitor-defaults.properties"
  };

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Broker data, Streams state and output (default: ./data, or NEWSFLOW_DATA_DIR).")
  Path dataDir;

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", description = "An external Kafka cluster instead of the embedded local broker.")
  String bootstrapServers;

  @Option(names = "--config", paramLabel = "FILE", description = "A properties file overriding the defaults (keys as in the README).")
  Path config;

  @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE", description = "Override one setting, e.g. -D poll.interval.ms=60000. Repeatable.")
  Map<String, String> overrides = new LinkedHashMap<>();

  /** Defaults, then --config, then NEWSFLOW_* environment variables, then these options. */
  public Settings settings() {
    Settings s = Settings.defaults(DEFAULTS);
    if (config != null) {
      if (!Files.isReadable(config)) {
        throw new IllegalArgumentException("config file " + config + " does not exist or cannot be read");
      }
      s = s.withFile(config);
    }
    s = s.withEnvironment(System.getenv());
    Map<String, String> cli = new LinkedHashMap<>(overrides);
    if (dataDir != null) {
      cli.put("data.dir", dataDir.toString());
    }
    if (bootstrapServers != null) {
      cli.put("kafka.bootstrap.servers", bootstrapServers);
    }
    return s.with(cli);
  }
}
