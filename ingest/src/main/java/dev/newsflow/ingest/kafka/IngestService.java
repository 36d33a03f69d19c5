package dev.newsflow.ingest.kafka;

import dev.newsflow.ingest.extract.ArticleExtractor;
import dev.newsflow.ingest.feed.FeedParser;
import dev.newsflow.ingest.fetch.FetchConfig;
import dev.newsflow.ingest.fetch.HttpFetcher;
import dev.newsflow.ingest.poll.FeedPoller;
import dev.newsflow.schemas.config.Settings;
import dev.newsflow.schemas.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest stage as a service: polls every feed of its list at each interval, each feed on its
 * own virtual thread, and produces to Kafka with an idempotent producer ({@code acks=all}).
 */
public final class IngestService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

  private final List<String> feeds;
  private final Duration interval;
  private final HttpFetcher fetcher;
  private final KafkaProducer<String, byte[]> producer;
  private final KafkaIngestOutput output;
  private final FeedPoller poller;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final java.util.concurrent.atomic.AtomicLong rounds = new java.util.concurrent.atomic.AtomicLong();
  private volatile boolean running = true;

  public IngestService(Settings settings, List<String> feeds) {
    this.feeds = List.copyOf(feeds);
    this.interval = settings.getMillis("poll.interval.ms");
    this.fetcher = new HttpFetcher(FetchConfig.from(settings));
    this.producer = new KafkaProducer<>(producerConfig(settings), new StringSerializer(), new ByteArraySerializer());
    this.output = new KafkaIngestOutput(producer, Topics.from(settings));
    this.poller = new FeedPoller(fetcher, new FeedParser(), new ArticleExtractor(), output,
        settings.getInt("poll.seen-items.max"), settings.getInt("fetch.concurrency"), Clock.systemUTC());
  }

  static Map<String, Object> producerConfig(Settings settings) {
    Map<String, Object> config = new HashMap<>(settings.kafkaProperties());
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-ingest");
    config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
    config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    config.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
    return config;
  }

  /** Polls every feed once, in parallel, and waits until the results are acknowledged. */
  public int pollAllOnce() throws InterruptedException {
    int fresh = 0;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Integer>> results = new ArrayList<>();
      for (String feed : feeds) {
        results.add(pool.submit(() -> poller.poll(feed)));
      }
      for (Future<Integer> r : results) {
        try {
          fresh += r.get();
        } catch (java.util.concurrent.ExecutionException e) {
          LOG.error("polling a feed failed unexpectedly", e.getCause());
        }
      }
    }
    output.flush();
    return fresh;
  }

  /** Polls until {@link #close()}; each round starts one interval after the previous one started. */
  public void run() {
    LOG.info("ingest: polling {} feed(s) every {} s", feeds.size(), interval.toSeconds());
    try {
      while (running) {
        long start = System.nanoTime();
        int fresh = pollAllOnce();
        rounds.incrementAndGet();
        LOG.info("ingest: polled {} feed(s), {} new article(s), {} sent in all", feeds.size(), fresh, output.articlesSent());
        long waitMs = interval.toMillis() - Duration.ofNanos(System.nanoTime() - start).toMillis();
        if (waitMs > 0 && stopped.await(waitMs, java.util.concurrent.TimeUnit.MILLISECONDS)) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Polling rounds completed (every feed polled and the results acknowledged by Kafka). */
  public long rounds() {
    return rounds.get();
  }

  /** Makes {@link #run()} return after the round in progress; call {@link #close()} after. */
  public void stop() {
    running = false;
    stopped.countDown();
  }

  /** Releases the producer (flushing what was sent) and the HTTP client. */
  @Override
  public void close() {
    stop();
    producer.close(Duration.ofSeconds(10));
    fetcher.close();
  }
}
