package dev.newsflow.app.cli;

import dev.newsflow.app.monitor.MetricsServer;
import dev.newsflow.app.pipeline.KafkaConnection;
import dev.newsflow.enrich.kafka.EnrichService;
import dev.newsflow.ingest.kafka.FeedCatalog;
import dev.newsflow.ingest.kafka.FeedFetcherService;
import dev.newsflow.sink.kafka.SinkService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** One stage on its own, for deployment as separate services against an external Kafka. */
final class StageCommand {
  private StageCommand() {}

  static void awaitShutdown(Runnable stop) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop.run();
      done.countDown();
    }, "shutdown"));
    done.await();
  }

  @Command(name = "ingest", mixinStandardHelpOptions = true,
      description = "Run the feed fetcher alone: poll the feeds of news.feeds assigned to this instance, produce to news.articles.raw.")
  static final class Ingest implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin MetricsOptions metrics;

    @Option(names = "--feeds", paramLabel = "FILE", description = "Subscribe to the feeds of FILE first (plain text or OPML).")
    Path feeds;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      try (KafkaConnection kafka = KafkaConnection.open(common.settings(), false, "ingest");
          MetricsServer server = metrics.serve()) {
        MetricsOptions.announce(server, spec.commandLine().getOut());
        if (feeds != null) {
          try (FeedCatalog catalog = new FeedCatalog(kafka.settings())) {
            catalog.add(FeedFiles.read(feeds, spec.commandLine().getErr()));
          }
        }
        FeedFetcherService ingest = new FeedFetcherService(kafka.settings(), Clock.systemUTC(), metrics.registry);
        Thread worker = Thread.ofPlatform().name("ingest").start(ingest::run);
        awaitShutdown(() -> {
          ingest.stop();
          join(worker);
        });
      }
      return 0;
    }
  }

  static void join(Thread t) {
    try {
      t.join(Duration.ofMinutes(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Command(name = "enrich", mixinStandardHelpOptions = true,
      description = "Run the enrich stage alone: Kafka Streams from news.articles.raw to news.articles.enriched.")
  static final class Enrich implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin MetricsOptions metrics;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      try (KafkaConnection kafka = KafkaConnection.open(common.settings(), false, "enrich");
          MetricsServer server = metrics.serve();
          EnrichService enrich = new EnrichService(kafka.settings(), metrics.registry)) {
        MetricsOptions.announce(server, spec.commandLine().getOut());
        enrich.start();
        awaitShutdown(() -> {});
      }
      return 0;
    }
  }

  @Command(name = "sink", mixinStandardHelpOptions = true,
      description = "Run the sink alone: land news.articles.enriched as JSON Lines under DIR/out.")
  static final class Sink implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin SinkOptions sinkOptions;
    @Mixin MetricsOptions metrics;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      try (KafkaConnection kafka = KafkaConnection.open(common.settings().with(sinkOptions.overrides()), false, "sink");
          MetricsServer server = metrics.serve()) {
        MetricsOptions.announce(server, spec.commandLine().getOut());
        SinkService sink = new SinkService(kafka.settings(), metrics.registry);
        Thread worker = Thread.ofPlatform().name("sink").start(sink::run);
        awaitShutdown(() -> {
          sink.close();
          join(worker);
        });
        sink.release();
      }
      return 0;
    }
  }
}
