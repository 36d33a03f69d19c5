package dev.newsflow.app.cli;

import dev.newsflow.app.pipeline.KafkaConnection;
import dev.newsflow.enrich.kafka.EnrichService;
import dev.newsflow.ingest.feed.FeedListReader;
import dev.newsflow.ingest.kafka.IngestService;
import dev.newsflow.sink.kafka.SinkService;
import java.nio.file.Path;
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
      description = "Run the feed fetcher alone: poll the feeds of FILE and produce to news.articles.raw.")
  static final class Ingest implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--feeds", paramLabel = "FILE", required = true, description = "Feed list: one URL a line, # comments.")
    Path feeds;

    @Override
    public Integer call() throws Exception {
      try (KafkaConnection kafka = KafkaConnection.open(common.settings(), false, "ingest");
          IngestService ingest = new IngestService(kafka.settings(), FeedListReader.read(feeds))) {
        Thread worker = Thread.ofPlatform().name("ingest").start(ingest::run);
        awaitShutdown(ingest::stop);
        worker.join();
      }
      return 0;
    }
  }

  @Command(name = "enrich", mixinStandardHelpOptions = true,
      description = "Run the enrich stage alone: Kafka Streams from news.articles.raw to news.articles.enriched.")
  static final class Enrich implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Override
    public Integer call() throws Exception {
      try (KafkaConnection kafka = KafkaConnection.open(common.settings(), false, "enrich");
          EnrichService enrich = new EnrichService(kafka.settings())) {
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

    @Override
    public Integer call() throws Exception {
      try (KafkaConnection kafka = KafkaConnection.open(common.settings(), false, "sink")) {
        SinkService sink = new SinkService(kafka.settings());
        Thread worker = Thread.ofPlatform().name("sink").start(sink::run);
        awaitShutdown(sink::close);
        worker.join();
        sink.release();
      }
      return 0;
    }
  }
}
