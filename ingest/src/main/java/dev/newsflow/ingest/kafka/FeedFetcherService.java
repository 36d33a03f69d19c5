package dev.newsflow.ingest.kafka;

import dev.newsflow.ingest.extract.ArticleExtractor;
import dev.newsflow.ingest.feed.FeedParser;
import dev.newsflow.ingest.fetch.FetchConfig;
import dev.newsflow.ingest.fetch.HttpFetcher;
import dev.newsflow.ingest.fetch.RobotsCache;
import dev.newsflow.ingest.poll.FeedPoller;
import dev.newsflow.ingest.poll.PollResult;
import dev.newsflow.ingest.schedule.HostGate;
import dev.newsflow.ingest.schedule.PollPlanner;
import dev.newsflow.ingest.schedule.ScheduleConfig;
import dev.newsflow.schemas.Feed;
import dev.newsflow.schemas.FeedState;
import dev.newsflow.schemas.FetchEvent;
import dev.newsflow.schemas.config.Settings;
import dev.newsflow.schemas.serde.AvroCodec;
import dev.newsflow.schemas.serde.AvroDecodingException;
import dev.newsflow.schemas.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fetcher as a service. Instances share the feeds through Kafka's group protocol: each one
 * consumes the partitions of the compacted {@code news.feeds} topic that the group assigns to it and
 * polls exactly those feeds, each on its own schedule. What it remembers of a feed lives in the
 * compacted {@code news.feed-state} topic (same key, same partition number), restored when a
 * partition is assigned. Each completed poll's articles, fetch events, dead letters and new state
 * are written in one Kafka transaction, together with the group's offsets (so a fenced zombie
 * instance cannot commit): after a crash, a poll either happened entirely or not at all.
 */
public final class FeedFetcherService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FeedFetcherService.class);
  private static final AvroCodec<Feed> FEED_CODEC = AvroCodec.of(Feed.class);

  private static final class Owned {
    Feed feed;
    FeedState state;
    final int partition;
    boolean inFlight;
    boolean removed;
    long version;

    Owned(Feed feed, FeedState state, int partition) {
      this.feed = feed;
      this.state = state;
      this.partition = partition;
    }
  }

  private record Due(Instant at, String url, long version) {}

  private final Topics topics;
  private final Clock clock;
  private final KafkaConsumer<String, byte[]> consumer;
  private final FeedStateLoader loader;
  private final KafkaProducer<String, byte[]> producer;
  private final HttpFetcher fetcher;
  private final FeedPoller poller;
  private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, Owned> owned = new HashMap<>();
  private final Map<String, FeedState> restored = new HashMap<>();
  private final Map<Integer, Long> catchingUp = new HashMap<>();
  private final Set<Integer> assigned = new HashSet<>();
  /** Per partition of the feeds topic, the offset committed before it was assigned: older records were seen before. */
  private final Map<Integer, Long> seenBefore = new HashMap<>();
  private final PriorityQueue<Due> queue = new PriorityQueue<>((a, b) -> a.at().compareTo(b.at()));
  private final ConcurrentLinkedQueue<Completed> completed = new ConcurrentLinkedQueue<>();
  private final FetcherStats stats = new FetcherStats();
  private final IngestMeters meters;
  private final List<dev.newsflow.schemas.DeadLetter> letters = new ArrayList<>();
  private final AtomicLong committedPolls = new AtomicLong();
  private final AtomicLong committedArticles = new AtomicLong();
  private final AtomicLong transactions = new AtomicLong();
  /** Least time between two transactions of completed polls ({@code ingest.commit-interval.ms}). */
  private final long commitIntervalMs;
  /** {@link System#nanoTime()} of the last transaction (not the clock: tests may stop theirs). */
  private long lastCommitNanos = System.nanoTime();
  private volatile boolean running = true;
  private volatile boolean crashed;

  private record Completed(PollResult result, int partition) {}

  public FeedFetcherService(Settings settings) {
    this(settings, Clock.systemUTC());
  }

  public FeedFetcherService(Settings settings, Clock clock) {
    this(settings, clock, new SimpleMeterRegistry());
  }

  /** A fetcher whose meters (fetches by status, articles, dead letters, Kafka clients) are in {@code registry}. */
  public FeedFetcherService(Settings settings, Clock clock, MeterRegistry registry) {
    this.topics = Topics.from(settings);
    this.clock = clock;
    this.consumer = new KafkaConsumer<>(KafkaConfigs.fetcherConsumer(settings), new StringDeserializer(), new ByteArrayDeserializer());
    this.loader = new FeedStateLoader(
        new KafkaConsumer<>(KafkaConfigs.stateLoader(settings), new StringDeserializer(), new ByteArrayDeserializer()),
        topics.feedState().name());
    this.producer = new KafkaProducer<>(KafkaConfigs.fetcherProducer(settings), new StringSerializer(), new ByteArraySerializer());
    FetchConfig fetchConfig = FetchConfig.from(settings);
    this.fetcher = new HttpFetcher(fetchConfig);
    RobotsCache robots = settings.getBoolean("politeness.robots")
        ? new RobotsCache(fetcher::fetch, settings.getString("fetch.user-agent").split("/")[0], clock) : null;
    this.poller = new FeedPoller(fetcher, new FeedParser(), new ArticleExtractor(), robots,
        new PollPlanner(ScheduleConfig.from(settings), new Random()),
        new HostGate(settings.getMillis("politeness.host-delay.ms")), settings.getInt("poll.seen-items.max"), clock);
    this.meters = new IngestMeters(registry, consumer, producer);
    this.commitIntervalMs = settings.getLong("ingest.commit-interval.ms");
  }

  /** Transactions of completed polls committed by this instance since it started. */
  public long transactions() {
    return transactions.get();
  }

  /** Articles committed by this instance since it started. */
  public long committedArticles() {
    return committedArticles.get();
  }

  /** Whether the fetcher loop is running. */
  public boolean running() {
    return running && !crashed;
  }

  /** Polls whose results were committed by this instance since it started. */
  public long committedPolls() {
    return committedPolls.get();
  }

  /** Runs until {@link #stop()}; then finishes the polls in flight and commits them. */
  public void run() {
    producer.initTransactions();
    consumer.subscribe(List.of(topics.feeds().name()), new Rebalance());
    try {
      while (running) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(pollTimeout())) {
          apply(r);
        }
        markCaughtUp();
        dispatchDue();
        if (sinceCommitMs() >= commitIntervalMs) {
          commitCompleted();
        }
        stats.maybeLog(owned.size());
      }
      if (!crashed) {
        awaitInFlight(owned.keySet());
        commitCompleted();
      }
    } catch (ProducerFencedException e) {
      LOG.error("ingest: this fetcher was fenced by another instance with the same id; stopping");
    } finally {
      pool.shutdownNow();
      consumer.close();
      loader.close();
      producer.close(crashed ? Duration.ZERO : Duration.ofSeconds(10));
      fetcher.close();
      meters.close();
    }
  }

  private long sinceCommitMs() {
    return (System.nanoTime() - lastCommitNanos) / 1_000_000;
  }

  /**
   * Until the next feed is due, or until completed polls may be committed: polls that complete
   * meanwhile wait for the next transaction, so that many share one (each costs the broker a round of
   * markers on every partition it touched, whatever its size).
   */
  private Duration pollTimeout() {
    Due next = queue.peek();
    long untilNext = next == null ? 200 : Math.max(0, next.at().toEpochMilli() - clock.millis());
    long wait = Math.min(200, Math.max(10, untilNext));
    if (!completed.isEmpty()) {
      wait = Math.min(untilNext, Math.max(0, commitIntervalMs - sinceCommitMs()));
    }
    return Duration.ofMillis(wait);
  }

  private void apply(ConsumerRecord<String, byte[]> r) {
    String url = r.key();
    if (url == null) {
      LOG.warn("ingest: feed record without a key at {}-{}@{} ignored", r.topic(), r.partition(), r.offset());
      return;
    }
    Owned o = owned.get(url);
    if (r.value() == null) {
      if (o != null) {
        o.removed = true;
        o.version++;
        if (!o.inFlight) {
          owned.remove(url);
          removeState(url);
        }
        LOG.info("ingest: feed removed: {}", url);
      }
      return;
    }
    Feed feed;
    try {
      feed = FEED_CODEC.decode(r.value());
    } catch (AvroDecodingException e) {
      if (r.offset() < seenBefore.getOrDefault(r.partition(), 0L)) {
        return;
      }
      LOG.warn("ingest: unreadable feed record for {} at {}-{}@{} sent to the dead-letter topic: {}", url, r.topic(), r.partition(),
          r.offset(), e.getMessage());
      letters.add(dev.newsflow.schemas.DeadLetter.newBuilder().setStage("ingest").setReason("UNDECODABLE_RECORD")
          .setDetail(e.getMessage()).setSourceTopic(r.topic()).setSourcePartition(r.partition()).setSourceOffset(r.offset())
          .setKey(java.nio.ByteBuffer.wrap(url.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .setValue(java.nio.ByteBuffer.wrap(r.value())).setTime(clock.instant()).build());
      return;
    }
    if (o != null) {
      o.feed = feed;
      o.removed = false;
      o.state = refreshIfResubscribed(feed, o.state);
      o.version++;
      schedule(o, url);
      return;
    }
    FeedState state = restored.remove(url);
    Owned fresh = new Owned(feed,
        state != null ? refreshIfResubscribed(feed, state) : FeedPoller.initialState(url, clock.instant()), r.partition());
    owned.put(url, fresh);
    if (!catchingUp.containsKey(r.partition())) {
      schedule(fresh, url);
    }
  }

  /**
   * A subscription written after the feed's last poll (added again, or re-enabled) makes it due at
   * once, as "refresh" does in a feed reader; a feed disabled by the fetcher gets another chance.
   */
  private FeedState refreshIfResubscribed(Feed feed, FeedState state) {
    Instant last = state.getLastPollAt();
    if (last != null && !feed.getAddedAt().isAfter(last)) {
      return state;
    }
    return FeedState.newBuilder(state).setNextPollAt(clock.instant()).setDisabled(false).setDisabledReason(null)
        .setConsecutiveFailures(0).setFailureScore(0).build();
  }

  private void schedule(Owned o, String url) {
    if (o.feed.getEnabled() && !o.state.getDisabled() && !o.removed && !o.inFlight) {
      queue.add(new Due(o.state.getNextPollAt(), url, o.version));
    }
  }

  private void markCaughtUp() {
    if (catchingUp.isEmpty()) {
      return;
    }
    var it = catchingUp.entrySet().iterator();
    while (it.hasNext()) {
      var e = it.next();
      TopicPartition tp = new TopicPartition(topics.feeds().name(), e.getKey());
      if (consumer.position(tp) >= e.getValue()) {
        it.remove();
        int partition = e.getKey();
        owned.forEach((url, o) -> {
          if (o.partition == partition) {
            schedule(o, url);
          }
        });
        long feeds = owned.values().stream().filter(o -> o.partition == partition).count();
        LOG.info("ingest: partition {} of {} ready: {} feed(s)", partition, topics.feeds().name(), feeds);
      }
    }
    if (catchingUp.isEmpty()) {
      restored.clear();
    }
  }

  /**
   * Starts a poll for every feed that is due. Each runs on its own virtual thread and waits there for
   * its host's turn ({@link HostGate}) and for an HTTP slot ({@code fetch.max-in-flight}), so that
   * neither a busy host nor a commit in progress holds back the other feeds.
   */
  private void dispatchDue() {
    Instant now = clock.instant();
    while (!queue.isEmpty() && !queue.peek().at().isAfter(now)) {
      Due due = queue.poll();
      Owned o = owned.get(due.url());
      if (o == null || o.version != due.version() || o.inFlight || o.removed || !o.feed.getEnabled() || o.state.getDisabled()) {
        continue;
      }
      stats.due.incrementAndGet();
      stats.maxLagMs.accumulate(Duration.between(due.at(), now).toMillis());
      o.inFlight = true;
      FeedState state = o.state;
      int partition = o.partition;
      pool.submit(() -> {
        try {
          completed.add(new Completed(poller.poll(due.url(), state), partition));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
          LOG.error("ingest: polling {} failed unexpectedly", due.url(), e);
          completed.add(new Completed(internalError(due.url(), state, e), partition));
        }
      });
    }
  }

  private PollResult internalError(String url, FeedState state, RuntimeException e) {
    Instant now = clock.instant();
    long interval = Math.max(60_000, state.getIntervalMs());
    FeedState next = FeedState.newBuilder(state).setNextPollAt(now.plusMillis(interval)).setLastPollAt(now)
        .setLastStatus("INTERNAL_ERROR").setLastError(e.toString()).build();
    FetchEvent event = FetchEvent.newBuilder().setFeedUrl(url).setUrl(url).setKind("FEED").setTime(now)
        .setStatus("INTERNAL_ERROR").setError(e.toString()).build();
    return new PollResult(url, next, List.of(), List.of(event), List.of());
  }

  /** Writes every completed poll in one transaction with the group's offsets, then applies the new states. */
  private void commitCompleted() {
    List<Completed> batch = new ArrayList<>();
    for (Completed c; (c = completed.poll()) != null; ) {
      if (assigned.contains(c.partition())) {
        batch.add(c);
      } else {
        LOG.info("ingest: result of {} dropped: its partition moved to another fetcher before it was committed", c.result().feedUrl());
        owned.remove(c.result().feedUrl());
      }
    }
    if ((batch.isEmpty() && letters.isEmpty()) || crashed) {
      return;
    }
    lastCommitNanos = System.nanoTime();
    try {
      producer.beginTransaction();
      for (var letter : letters) {
        producer.send(new ProducerRecord<>(topics.dlq().name(), String.valueOf(letter.getSourceOffset()),
            topics.dlq().valueSerde().serializer().serialize(topics.dlq().name(), letter)));
      }
      for (Completed c : batch) {
        send(c.result(), owned.get(c.result().feedUrl()));
      }
      producer.sendOffsetsToTransaction(positions(), consumer.groupMetadata());
      producer.commitTransaction();
      transactions.incrementAndGet();
      letters.forEach(meters::deadLettered);
      letters.clear();
    } catch (ProducerFencedException e) {
      throw e;
    } catch (KafkaException e) {
      LOG.warn("ingest: transaction of {} poll(s) failed ({}); aborting, the feeds will be polled again", batch.size(), e.toString());
      try {
        producer.abortTransaction();
      } catch (KafkaException abort) {
        LOG.warn("ingest: abort failed: {}", abort.toString());
      }
      for (Completed c : batch) {
        Owned o = owned.get(c.result().feedUrl());
        if (o != null) {
          o.inFlight = false;
          o.version++;
          queue.add(new Due(clock.instant().plusSeconds(5), c.result().feedUrl(), o.version));
        }
      }
      return;
    }
    for (Completed c : batch) {
      PollResult r = c.result();
      committedPolls.incrementAndGet();
      committedArticles.addAndGet(r.articles().size());
      stats.polled(r.feedStatus(), r.articles().size());
      meters.committed(r);
      Owned o = owned.get(r.feedUrl());
      if (o == null) {
        continue;
      }
      o.inFlight = false;
      if (o.removed) {
        owned.remove(r.feedUrl());
        continue;
      }
      o.state = r.state();
      o.version++;
      if (r.state().getDisabled()) {
        LOG.warn("ingest: feed {} disabled: {}", r.feedUrl(), r.state().getDisabledReason());
      }
      schedule(o, r.feedUrl());
    }
  }

  private void send(PollResult r, Owned o) {
    for (var a : r.articles()) {
      producer.send(new ProducerRecord<>(topics.raw().name(), a.getId(), topics.raw().valueSerde().serializer().serialize(topics.raw().name(), a)));
    }
    for (var e : r.events()) {
      producer.send(new ProducerRecord<>(topics.fetchEvents().name(), r.feedUrl(),
          topics.fetchEvents().valueSerde().serializer().serialize(topics.fetchEvents().name(), e)));
    }
    for (var l : r.letters()) {
      producer.send(new ProducerRecord<>(topics.dlq().name(), l.getSourceUrl(), topics.dlq().valueSerde().serializer().serialize(topics.dlq().name(), l)));
    }
    byte[] state = o != null && o.removed ? null : topics.feedState().valueSerde().serializer().serialize(topics.feedState().name(), r.state());
    producer.send(new ProducerRecord<>(topics.feedState().name(), r.feedUrl(), state));
  }

  private void removeState(String url) {
    // Forget the state too, in its own small transaction.
    try {
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topics.feedState().name(), url, null));
      producer.sendOffsetsToTransaction(positions(), consumer.groupMetadata());
      producer.commitTransaction();
    } catch (ProducerFencedException e) {
      throw e;
    } catch (KafkaException e) {
      LOG.warn("ingest: could not forget the state of removed feed {}: {}", url, e.toString());
      producer.abortTransaction();
    }
  }

  private Map<TopicPartition, OffsetAndMetadata> positions() {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition tp : consumer.assignment()) {
      offsets.put(tp, new OffsetAndMetadata(consumer.position(tp)));
    }
    return offsets;
  }

  private void awaitInFlight(Collection<String> urls) {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      boolean any = false;
      for (String url : urls) {
        Owned o = owned.get(url);
        any |= o != null && o.inFlight;
      }
      if (!any) {
        return;
      }
      commitCompleted();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    LOG.warn("ingest: polls still in flight after 2 minutes; their results will not be committed");
  }

  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      Set<Integer> parts = new HashSet<>();
      partitions.forEach(tp -> parts.add(tp.partition()));
      List<String> urls = owned.entrySet().stream().filter(e -> parts.contains(e.getValue().partition)).map(Map.Entry::getKey).toList();
      if (!crashed) {
        awaitInFlight(urls);
        commitCompleted();
      }
      urls.forEach(owned::remove);
      assigned.removeAll(parts);
      parts.forEach(catchingUp::remove);
      LOG.info("ingest: gave up partitions {} ({} feeds)", parts, urls.size());
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      Set<Integer> parts = new HashSet<>();
      partitions.forEach(tp -> parts.add(tp.partition()));
      owned.values().removeIf(o -> parts.contains(o.partition));
      assigned.removeAll(parts);
      parts.forEach(catchingUp::remove);
      LOG.warn("ingest: lost partitions {} without a clean hand-over", parts);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (partitions.isEmpty()) {
        return;
      }
      Set<Integer> parts = new HashSet<>();
      partitions.forEach(tp -> parts.add(tp.partition()));
      restored.putAll(loader.load(parts));
      consumer.committed(new HashSet<>(partitions)).forEach((tp, offset) ->
          seenBefore.put(tp.partition(), offset == null ? 0L : offset.offset()));
      consumer.seekToBeginning(partitions);
      consumer.endOffsets(partitions).forEach((tp, end) -> catchingUp.put(tp.partition(), end));
      assigned.addAll(parts);
      LOG.info("ingest: took partitions {} of {}; {} feed state(s) restored", parts, topics.feeds().name(), restored.size());
    }
  }

  /** Makes {@link #run()} return after committing the polls in flight. Call from another thread. */
  public void stop() {
    running = false;
  }

  /**
   * Stops at once without committing anything in flight, as a crash would (tests only: the
   * process survives, the fetcher's work is abandoned mid-way).
   */
  public void crash() {
    crashed = true;
    stop();
  }

  @Override
  public void close() {
    stop();
  }
}
