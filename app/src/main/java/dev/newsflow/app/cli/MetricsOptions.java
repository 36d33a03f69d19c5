package dev.newsflow.app.cli;

import dev.newsflow.app.monitor.MetricsServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** Whether a stage run on its own serves its Prometheus metrics, for the stage commands. */
public final class MetricsOptions {
  @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "-1",
      description = "Serve this stage's Prometheus metrics at http://HOST:PORT/metrics (0: a free port; default: off).")
  int port = -1;

  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  /** Serves {@link #registry} when asked to; null when off. */
  MetricsServer serve() {
    return port < 0 ? null : MetricsServer.start(registry, port);
  }

  /** Prints where {@code server} (null: off) serves the metrics. */
  static void announce(MetricsServer server, PrintWriter out) {
    if (server != null) {
      out.printf("metrics: http://127.0.0.1:%d/metrics%n", server.port());
      out.flush();
    }
  }
}
