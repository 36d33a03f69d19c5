package dev.newsflow.app.monitor.data;

import dev.newsflow.schemas.Feed;
import dev.newsflow.schemas.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor's Kafka Streams instance ({@link MonitorTopology}) and the interactive queries the
 * API answers from its stores. Its stream thread is its own: the pipeline's stages never wait for
 * it. Queries read local state only, so one instance per application id serves everything.
 */
public final class MonitorAggregates implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MonitorAggregates.class);

  private final KafkaStreams streams;

  public MonitorAggregates(MonitorConfig config) {
    streams = new KafkaStreams(MonitorTopology.build(config), streamsConfig(config));
    streams.setUncaughtExceptionHandler(e -> {
      LOG.error("monitor: stream thread failed; replacing it", e);
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    });
  }

  static Properties streamsConfig(MonitorConfig c) {
    Properties p = new Properties();
    p.putAll(c.kafka());
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, c.applicationId());
    p.put(StreamsConfig.STATE_DIR_CONFIG, c.stateDir().toString());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, c.replicationFactor());
    // A record the monitor cannot read is skipped (and logged): the pipeline's DLQ already has it.
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
    p.putIfAbsent(StreamsConfig.consumerPrefix("isolation.level"), "read_committed");
    p.putIfAbsent(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
    return p;
  }

  public void start() {
    streams.start();
    LOG.info("monitor: Kafka Streams aggregates started");
  }

  public KafkaStreams kafkaStreams() {
    return streams;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** Events per hour by {@code by} ("event" or "actor") for the last {@code hours} hours before {@code now}. */
  public Trend trend(String by, int hours, int top, Instant now) {
    return ready(() -> trendNow(by, hours, top, now));
  }

  private Trend trendNow(String by, int hours, int top, Instant now) {
    String storeName = switch (by) {
      case "event" -> MonitorTopology.EVENTS_BY_TYPE;
      case "actor" -> MonitorTopology.EVENTS_BY_ACTOR;
      default -> throw new IllegalArgumentException("by must be event or actor, not " + by);
    };
    ReadOnlyWindowStore<String, Long> store = store(storeName, QueryableStoreTypes.windowStore());
    Instant first = now.truncatedTo(ChronoUnit.HOURS).minus(hours - 1L, ChronoUnit.HOURS);
    Map<String, long[]> counts = new HashMap<>();
    try (KeyValueIterator<Windowed<String>, Long> it = store.fetchAll(first, now)) {
      while (it.hasNext()) {
        KeyValue<Windowed<String>, Long> kv = it.next();
        int hour = (int) Duration.ofMillis(kv.key.window().start() - first.toEpochMilli()).toHours();
        if (hour >= 0 && hour < hours) {
          counts.computeIfAbsent(kv.key.key(), k -> new long[hours])[hour] += kv.value;
        }
      }
    }
    List<Trend.Series> all = new ArrayList<>();
    counts.forEach((key, c) -> all.add(new Trend.Series(key, java.util.Arrays.stream(c).sum(), c)));
    all.sort(Comparator.comparingLong(Trend.Series::total).reversed().thenComparing(Trend.Series::key));
    long[] others = new long[hours];
    for (Trend.Series s : all.subList(Math.min(top, all.size()), all.size())) {
      for (int i = 0; i < hours; i++) {
        others[i] += s.counts()[i];
      }
    }
    List<String> buckets = new ArrayList<>(hours);
    for (int i = 0; i < hours; i++) {
      buckets.add(first.plus(i, ChronoUnit.HOURS).toString());
    }
    return new Trend(by, hours, buckets, List.copyOf(all.subList(0, Math.min(top, all.size()))), others);
  }

  /** Who {@code actor} acted on, and who acted on it, in the last {@code hours} hours before {@code now}. */
  public ActorPairs pairs(String actor, int hours, Instant now) {
    return ready(() -> pairsNow(actor, hours, now));
  }

  private ActorPairs pairsNow(String actor, int hours, Instant now) {
    ReadOnlyWindowStore<String, Long> store = store(MonitorTopology.ACTOR_PAIRS, QueryableStoreTypes.windowStore());
    Instant first = now.truncatedTo(ChronoUnit.HOURS).minus(hours - 1L, ChronoUnit.HOURS);
    String root = MonitorTopology.root(actor);
    return new ActorPairs(root, hours, sum(store, root + ">", first, now), sum(store, root + "<", first, now));
  }

  private static List<ActorPairs.Count> sum(ReadOnlyWindowStore<String, Long> store, String prefix, Instant from, Instant to) {
    Map<String, Long> byOther = new HashMap<>();
    // A key-range fetch (prefix to prefix + U+FFFF) missed records of RocksDB window segments; the
    // pair store is small (pairs × hours), so it is scanned and filtered.
    try (KeyValueIterator<Windowed<String>, Long> it = store.fetchAll(from, to)) {
      while (it.hasNext()) {
        KeyValue<Windowed<String>, Long> kv = it.next();
        if (kv.key.key().startsWith(prefix)) {
          byOther.merge(kv.key.key().substring(prefix.length()), kv.value, Long::sum);
        }
      }
    }
    return byOther.entrySet().stream().map(e -> new ActorPairs.Count(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(ActorPairs.Count::events).reversed().thenComparing(ActorPairs.Count::actor)).toList();
  }

  /** The {@code limit} largest stories with at least {@code minCopies} copies, most recently active first among equals. */
  public List<Story> stories(int limit, int minCopies) {
    return ready(() -> storiesNow(limit, minCopies));
  }

  private List<Story> storiesNow(int limit, int minCopies) {
    ReadOnlyKeyValueStore<String, Story> store = store(MonitorTopology.STORIES, QueryableStoreTypes.keyValueStore());
    List<Story> found = new ArrayList<>();
    try (KeyValueIterator<String, Story> it = store.all()) {
      while (it.hasNext()) {
        Story s = it.next().value;
        if (s.copies() >= minCopies) {
          found.add(s);
        }
      }
    }
    found.sort(Comparator.comparingInt(Story::copies).reversed().thenComparing(Story::lastSeen, Comparator.reverseOrder()));
    return List.copyOf(found.subList(0, Math.min(limit, found.size())));
  }

  /** Every feed known from the subscriptions, the fetcher's state or the fetch events, by URL. */
  public List<FeedView> feeds() {
    return ready(this::feedsNow);
  }

  private List<FeedView> feedsNow() {
    Map<String, Feed> feeds = all(store(MonitorTopology.FEEDS, QueryableStoreTypes.keyValueStore()));
    Map<String, FeedState> states = all(store(MonitorTopology.FEED_STATE, QueryableStoreTypes.keyValueStore()));
    Map<String, FeedHealth> health = all(store(MonitorTopology.FEED_HEALTH, QueryableStoreTypes.keyValueStore()));
    TreeSet<String> urls = new TreeSet<>(feeds.keySet());
    urls.addAll(states.keySet());
    urls.addAll(health.keySet());
    return urls.stream().map(u -> FeedView.of(u, feeds.get(u), states.get(u), health.get(u))).toList();
  }

  private static <V> Map<String, V> all(ReadOnlyKeyValueStore<String, V> store) {
    Map<String, V> m = new HashMap<>();
    try (KeyValueIterator<String, V> it = store.all()) {
      it.forEachRemaining(kv -> {
        if (kv.value != null) {
          m.put(kv.key, kv.value);
        }
      });
    }
    return m;
  }

  private <T> T store(String name, QueryableStoreType<T> type) {
    return streams.store(StoreQueryParameters.fromNameAndType(name, type).enableStaleStores());
  }

  /** Runs a query; a store not ready yet (starting, rebalancing: found when reading it) is a {@link NotReadyException}. */
  private <T> T ready(java.util.function.Supplier<T> query) {
    try {
      return query.get();
    } catch (InvalidStateStoreException e) {
      throw new NotReadyException("the monitor's aggregates are not ready yet (Kafka Streams is " + streams.state()
          + "); retry in a few seconds", e);
    }
  }

  @Override
  public void close() {
    streams.close(CloseOptions.timeout(Duration.ofSeconds(30)));
  }
}
