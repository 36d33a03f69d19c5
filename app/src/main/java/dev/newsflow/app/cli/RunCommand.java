package dev.newsflow.app.cli;

import dev.newsflow.app.pipeline.KafkaConnection;
import dev.newsflow.app.pipeline.Pipeline;
import dev.newsflow.ingest.feed.FeedListReader;
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

  @Option(names = "--feeds", paramLabel = "FILE", required = true, description = "Feed list: one URL a line, # comments.")
  Path feeds;

  @Override
  public Integer call() throws Exception {
    List<String> urls = FeedListReader.read(feeds);
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("no feed URLs in " + feeds);
    }
    try (KafkaConnection kafka = KafkaConnection.open(common.settings(), true, "run");
        Pipeline pipeline = Pipeline.start(kafka.settings(), urls)) {
      System.err.printf("newsflow: running on %d feed(s), Kafka at %s, output in %s%n", urls.size(),
          kafka.bootstrapServers(), Path.of(kafka.settings().getString("data.dir")).resolve("out").toAbsolutePath());
      StageCommand.awaitShutdown(() -> {});
    }
    return 0;
  }
}
