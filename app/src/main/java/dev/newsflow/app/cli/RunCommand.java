package dev.newsflow.app.cli;

import dev.newsflow.app.pipeline.KafkaConnection;
import dev.newsflow.app.pipeline.Pipeline;
import dev.newsflow.ingest.kafka.FeedCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The whole pipeline, continuously, on real feeds. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run ingest, enrich and sink continuously on the feeds of FILE (embedded broker unless --bootstrap-servers).")
final class RunCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin SinkOptions sinkOptions;

  @Option(names = "--feeds", paramLabel = "FILE",
      description = "Subscribe to the feeds of FILE (plain text, one URL a line, or OPML) before starting; feeds already subscribed stay.")
  Path feeds;

  @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
      description = "Serve the monitor (pages, JSON API, /health, /metrics) on this port (0: a free port, -1: off; default: ${DEFAULT-VALUE}).")
  int httpPort;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<String> urls = feeds == null ? List.of() : FeedFiles.read(feeds, spec.commandLine().getErr());
    try (KafkaConnection kafka = KafkaConnection.open(common.settings().with(sinkOptions.overrides()), true, "run")) {
      try (FeedCatalog catalog = new FeedCatalog(kafka.settings())) {
        catalog.add(urls);
      }
      try (Pipeline pipeline = Pipeline.start(kafka.settings());
          var monitor = httpPort < 0 ? null : dev.newsflow.app.monitor.MonitorServer.start(kafka.settings(), pipeline, httpPort)) {
        spec.commandLine().getErr().printf("newsflow: running (%d feed(s) added), Kafka at %s, output in %s%s%n", urls.size(),
            kafka.bootstrapServers(), Path.of(kafka.settings().getString("data.dir")).resolve("out").toAbsolutePath(),
            monitor == null ? "" : "\nmonitor: " + DemoCommand.monitorUrl(monitor));
        spec.commandLine().getErr().flush();
        StageCommand.awaitShutdown(pipeline::close);
      }
    }
    return 0;
  }
}
