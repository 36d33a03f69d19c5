package dev.newsflow.app.cli;

import dev.newsflow.app.monitor.MonitorServer;
import dev.newsflow.app.pipeline.KafkaConnection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The monitor alone, for a pipeline deployed as separate services: it only reads the cluster's topics. */
@Command(name = "monitor", mixinStandardHelpOptions = true,
    description = "Serve the monitor (Live, Trends, Stories, Feeds and Search pages, JSON API, /health, /metrics) "
        + "over the topics of a Kafka cluster (--bootstrap-servers).")
final class MonitorCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
      description = "Serve on this port (0: a free port; default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--jdbc-url", paramLabel = "URL",
      description = "PostgreSQL written by the sink, for full-text search, e.g. 'jdbc:postgresql://127.0.0.1:5432/DB?user=postgres'.")
  String jdbcUrl;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var settings = common.settings();
    if (jdbcUrl != null) {
      settings = settings.with("monitor.jdbc-url", jdbcUrl);
    }
    if (httpPort < 0 || httpPort > 65535) {
      throw new IllegalArgumentException("--http-port must be from 0 to 65535, not " + httpPort);
    }
    try (KafkaConnection kafka = KafkaConnection.open(settings, false, "monitor");
        MonitorServer monitor = MonitorServer.start(kafka.settings(), null, httpPort)) {
      spec.commandLine().getOut().printf("monitor: %s (Kafka at %s); interrupt to stop.%n",
          DemoCommand.monitorUrl(monitor), kafka.bootstrapServers());
      spec.commandLine().getOut().flush();
      StageCommand.awaitShutdown(() -> {});
    }
    return 0;
  }
}
