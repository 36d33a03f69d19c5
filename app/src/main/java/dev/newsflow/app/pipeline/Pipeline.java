package dev.newsflow.app.pipeline;

import dev.newsflow.enrich.kafka.EnrichService;
import dev.newsflow.ingest.kafka.FeedFetcherService;
import dev.newsflow.schemas.config.Settings;
import dev.newsflow.sink.kafka.SinkService;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three stages in one JVM, each exactly as it runs on its own: ingest and sink on their own
 * threads, enrich as a Kafka Streams instance. Stops in reverse order of start. The stages count
 * what they do in one Prometheus registry, created before them so that nothing goes uncounted,
 * which the monitor serves.
 */
public final class Pipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final EnrichService enrich;
  private final SinkService sink;
  private final FeedFetcherService ingest;
  private final PrometheusMeterRegistry registry;
  private final List<Thread> threads = new ArrayList<>();
  private boolean closed;

  private Pipeline(EnrichService enrich, SinkService sink, FeedFetcherService ingest, PrometheusMeterRegistry registry) {
    this.enrich = enrich;
    this.sink = sink;
    this.ingest = ingest;
    this.registry = registry;
  }

  /** Starts enrich, then sink, then the fetcher (which polls the subscribed feeds). */
  public static Pipeline start(Settings settings) throws IOException {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    EnrichService enrich = new EnrichService(settings, registry);
    enrich.start();
    SinkService sink;
    try {
      sink = new SinkService(settings, registry);
    } catch (dev.newsflow.sink.store.StoreException e) {
      enrich.close();
      throw new IllegalStateException("cannot open the sink's target: " + e.getMessage(), e);
    }
    FeedFetcherService ingest = new FeedFetcherService(settings, Clock.systemUTC(), registry);
    Pipeline p = new Pipeline(enrich, sink, ingest, registry);
    p.threads.add(Thread.ofPlatform().name("sink").start(sink::run));
    p.threads.add(Thread.ofPlatform().name("ingest").start(ingest::run));
    return p;
  }

  public SinkService sink() {
    return sink;
  }

  public EnrichService enrich() {
    return enrich;
  }

  public FeedFetcherService ingest() {
    return ingest;
  }

  /** The registry the stages count in (closed with the pipeline). */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /**
   * Waits until the fetcher has committed at least {@code polls} polls since it started and both
   * downstream stages have committed everything produced so far (no lag).
   *
   * @return true when that happened within {@code timeout}
   */
  public boolean awaitDrained(Settings settings, int polls, java.time.Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (ingest.committedPolls() < polls) {
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
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    ingest.stop();
    sink.close();
    for (Thread t : threads) {
      try {
        t.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      sink.release();
    } catch (IOException e) {
      LOG.warn("sink: closing the output failed: {}", e.toString());
    }
    enrich.close();
    registry.close();
  }
}
