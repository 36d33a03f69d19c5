package dev.newsflow.app.monitor.data;

import dev.newsflow.schemas.DedupVerdict;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.EventTag;
import dev.newsflow.schemas.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The monitor's aggregates over the enriched articles, the fetch events and the feed topics:
 *
 * <ul>
 *   <li>{@value #EVENTS_BY_TYPE}, {@value #EVENTS_BY_ACTOR}: events per hour by PLOVER type and by
 *       actor (country or organisation code, role dropped: USAGOV counts for USA), of first articles
 *       only, so that syndicated copies do not count a story twice;
 *   <li>{@value #ACTOR_PAIRS}: events per hour between two actors, keyed {@code SRC>TGT} (who acts
 *       on whom) and {@code TGT<SRC} (who is acted on by whom), so that either side is a prefix;
 *   <li>{@value #STORIES}: one {@link Story} per near-duplicate cluster of the last days;
 *   <li>{@value #FEED_HEALTH}: one {@link FeedHealth} per feed from the fetch events; {@value
 *       #FEED_STATE} and {@value #FEEDS}: the fetcher's state and the subscriptions as tables.
 * </ul>
 *
 * Hours are those of the article's fetch time.
 */
public final class MonitorTopology {
  public static final String EVENTS_BY_TYPE = "monitor-events-by-type";
  public static final String EVENTS_BY_ACTOR = "monitor-events-by-actor";
  public static final String ACTOR_PAIRS = "monitor-actor-pairs";
  public static final String STORIES = "monitor-stories";
  public static final String FEED_HEALTH = "monitor-feed-health";
  public static final String FEED_STATE = "monitor-feed-state";
  public static final String FEEDS = "monitor-feeds";

  static final Duration HOUR = Duration.ofHours(1);

  private MonitorTopology() {}

  public static Topology build(MonitorConfig config) {
    Topics topics = config.topics();
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, EnrichedArticle> articles = builder.stream(topics.enriched().name(),
        Consumed.with(Serdes.String(), topics.enriched().valueSerde()).withName("monitor-read-enriched")
            .withTimestampExtractor(new FetchedAt()));
    KStream<String, EnrichedArticle> firsts = articles.filter(
        (id, a) -> a != null && a.getDedup().getVerdict() == DedupVerdict.UNIQUE && !a.getUpdated(), Named.as("monitor-first-articles"));
    countPerHour(firsts.flatMap((id, a) -> keyed(a.getEvents().stream().map(EventTag::getType).toList()),
        Named.as("monitor-key-by-event-type")), EVENTS_BY_TYPE, config);
    countPerHour(firsts.flatMap((id, a) -> keyed(actorsPerEvent(a)), Named.as("monitor-key-by-actor")), EVENTS_BY_ACTOR, config);
    countPerHour(firsts.flatMap((id, a) -> keyed(pairsPerEvent(a)), Named.as("monitor-key-by-actor-pair")), ACTOR_PAIRS, config);

    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORIES), Serdes.String(), JsonSerde.of(Story.class)));
    articles.filter((id, a) -> a != null, Named.as("monitor-present-articles"))
        .selectKey((id, a) -> a.getDedup().getClusterId(), Named.as("monitor-key-by-cluster"))
        .repartition(Repartitioned.with(Serdes.String(), topics.enriched().valueSerde()).withName("monitor-stories-by-cluster"))
        .process(() -> new StoryProcessor(STORIES, config.storyRetention(), config.maxCopies()), Named.as("monitor-update-stories"), STORIES);

    builder.stream(topics.fetchEvents().name(), Consumed.with(Serdes.String(), topics.fetchEvents().valueSerde()).withName("monitor-read-fetch-events"))
        .filter((url, e) -> e != null && url != null, Named.as("monitor-present-fetch-events"))
        .groupByKey(Grouped.with("monitor-fetch-events-by-feed", Serdes.String(), topics.fetchEvents().valueSerde()))
        .aggregate(() -> null, (url, e, health) -> FeedHealth.after(health, e), Named.as("monitor-aggregate-feed-health"),
            Materialized.<String, FeedHealth, KeyValueStore<Bytes, byte[]>>as(FEED_HEALTH)
                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(FeedHealth.class)));
    builder.table(topics.feedState().name(), Consumed.with(Serdes.String(), topics.feedState().valueSerde()).withName("monitor-read-feed-state"),
        Materialized.as(FEED_STATE));
    builder.table(topics.feeds().name(), Consumed.with(Serdes.String(), topics.feeds().valueSerde()).withName("monitor-read-feeds"),
        Materialized.as(FEEDS));
    return builder.build();
  }

  private static void countPerHour(KStream<String, String> keys, String store, MonitorConfig config) {
    keys.groupByKey(Grouped.with(store + "-by-key", Serdes.String(), Serdes.String()))
        .windowedBy(TimeWindows.ofSizeAndGrace(HOUR, config.trendRetention().minus(HOUR)))
        .count(Named.as(store + "-count"), Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(store)
            .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()).withRetention(config.trendRetention()));
  }

  private static List<KeyValue<String, String>> keyed(List<String> keys) {
    return keys.stream().map(k -> KeyValue.pair(k, k)).toList();
  }

  /** The country or organisation part of an actor code: USAGOV → USA. */
  public static String root(String code) {
    return code.length() > 3 ? code.substring(0, 3) : code;
  }

  static List<String> actorsPerEvent(EnrichedArticle a) {
    List<String> keys = new ArrayList<>();
    for (EventTag e : a.getEvents()) {
      Set<String> actors = new LinkedHashSet<>();
      if (e.getSource() != null) {
        actors.add(root(e.getSource()));
      }
      if (e.getTarget() != null) {
        actors.add(root(e.getTarget()));
      }
      keys.addAll(actors);
    }
    return keys;
  }

  static List<String> pairsPerEvent(EnrichedArticle a) {
    List<String> keys = new ArrayList<>();
    for (EventTag e : a.getEvents()) {
      if (e.getSource() != null && e.getTarget() != null && !root(e.getSource()).equals(root(e.getTarget()))) {
        keys.add(root(e.getSource()) + ">" + root(e.getTarget()));
        keys.add(root(e.getTarget()) + "<" + root(e.getSource()));
      }
    }
    return keys;
  }

  /** The article's fetch time; the record's own timestamp for anything else. */
  static final class FetchedAt implements TimestampExtractor {
    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
      return record.value() instanceof EnrichedArticle a ? a.getFetchedAt().toEpochMilli() : record.timestamp();
    }
  }
}
