package dev.newsflow.app.pipeline;

import dev.newsflow.enrich.kafka.EnrichService;
import dev.newsflow.ingest.kafka.IngestService;
import dev.newsflow.schemas.config.Settings;
import dev.newsflow.sink.kafka.SinkService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three stages in one JVM, each exactly as it runs on its own: ingest and sink on their own
 * threads, enrich as a Kafka Streams instance. Stops in reverse order of start.
 */
public final class Pipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final EnrichService enrich;
  private final SinkService sink;
  private final IngestService ingest;
  private final List<Thread> threads = new ArrayList<>();

  private Pipeline(EnrichService enrich, SinkService sink, IngestService ingest) {
    this.enrich = enrich;
    this.sink = sink;
    this.ingest = ingest;
  }

  /** Starts enrich, then sink, then ingest polling {@code feeds}. */
  public static Pipeline start(Settings settings, List<String> feeds) throws IOException {
    EnrichService enrich = new EnrichService(settings);
    enrich.start();
    SinkService sink = new SinkService(settings);
    IngestService ingest = new IngestService(settings, feeds);
    Pipeline p = new Pipeline(enrich, sink, ingest);
    p.threads.add(Thread.ofPlatform().name("sink").start(sink::run));
    p.threads.add(Thread.ofPlatform().name("ingest").start(ingest::run));
    return p;
  }

  public SinkService sink() {
    return sink;
  }

  /**
   * Waits until ingest has completed a polling round that started after this call and both
   * downstream stages have committed everything produced so far (no lag).
   *
   * @return true when that happened within {@code timeout}
   */
  public boolean awaitDrained(Settings settings, java.time.Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long target = ingest.rounds() + 1;
    while (ingest.rounds() < target) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(100);
    }
    try (Progress progress = new Progress(settings)) {
      while (System.nanoTime() < deadline) {
        if (progress.lag() == 0) {
          return true;
        }
        Thread.sleep(200);
      }
    }
    return false;
  }

  @Override
  public void close() {
    ingest.stop();
    sink.close();
    for (Thread t : threads) {
      try {
        t.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    ingest.close();
    try {
      sink.release();
    } catch (IOException e) {
      LOG.warn("sink: closing the output failed: {}", e.toString());
    }
    enrich.close();
  }
}
