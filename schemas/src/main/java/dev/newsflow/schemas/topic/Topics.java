package dev.newsflow.schemas.topic;

import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.Feed;
import dev.newsflow.schemas.FeedState;
import dev.newsflow.schemas.FetchEvent;
import dev.newsflow.schemas.RawArticle;
import dev.newsflow.schemas.config.Settings;
import dev.newsflow.schemas.serde.AvroSerde;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topics newsflow reads and writes, with their serdes. Names come from configuration ({@code
 * topics.raw}, ...); keys are strings: the article id, or the feed URL for feed topics.
 *
 * @param raw fetched articles, key = article id
 * @param enriched deduplicated, tagged articles, key = article id
 * @param fetchEvents one event per HTTP fetch, key = feed URL
 * @param dlq records and inputs that could not be handled, with their reason
 * @param feeds the feed list, compacted, key = feed URL
 * @param feedState what the fetcher remembers of each feed, compacted, key = feed URL, partitioned
 *     like {@code feeds}
 * @param dedupBands enrich-internal: articles' sketches keyed by LSH band, so that candidates meet
 * @param dedupAnswers enrich-internal: candidates found per band, keyed back by article id
 */
public record Topics(
    Topic<String, RawArticle> raw,
    Topic<String, EnrichedArticle> enriched,
    Topic<String, FetchEvent> fetchEvents,
    Topic<String, DeadLetter> dlq,
    Topic<String, Feed> feeds,
    Topic<String, FeedState> feedState,
    Topic<String, byte[]> dedupBands,
    Topic<String, byte[]> dedupAnswers) {

  public static final String DEFAULT_RAW = "news.articles.raw";
  public static final String DEFAULT_ENRICHED = "news.articles.enriched";
  public static final String DEFAULT_FETCH_EVENTS = "news.fetch-events";
  public static final String DEFAULT_DLQ = "news.dlq";
  public static final String DEFAULT_FEEDS = "news.feeds";
  public static final String DEFAULT_FEED_STATE = "news.feed-state";
  public static final String DEFAULT_DEDUP_BANDS = "news.dedup-bands";
  public static final String DEFAULT_DEDUP_ANSWERS = "news.dedup-answers";

  private static final Serde<String> KEYS = Serdes.String();

  /** The topics with their default names. */
  public static Topics defaults() {
    return named(DEFAULT_RAW, DEFAULT_ENRICHED, DEFAULT_FETCH_EVENTS, DEFAULT_DLQ, DEFAULT_FEEDS, DEFAULT_FEED_STATE,
        DEFAULT_DEDUP_BANDS, DEFAULT_DEDUP_ANSWERS);
  }

  /** The topics named by {@code topics.*} keys, defaults where a key is absent. */
  public static Topics from(Settings settings) {
    return named(
        settings.getString("topics.raw", DEFAULT_RAW),
        settings.getString("topics.enriched", DEFAULT_ENRICHED),
        settings.getString("topics.fetch-events", DEFAULT_FETCH_EVENTS),
        settings.getString("topics.dlq", DEFAULT_DLQ),
        settings.getString("topics.feeds", DEFAULT_FEEDS),
        settings.getString("topics.feed-state", DEFAULT_FEED_STATE),
        settings.getString("topics.dedup-bands", DEFAULT_DEDUP_BANDS),
        settings.getString("topics.dedup-answers", DEFAULT_DEDUP_ANSWERS));
  }

  private static Topics named(
      String raw, String enriched, String events, String dlq, String feeds, String feedState,
      String bands, String answers) {
    return new Topics(
        new Topic<>(raw, KEYS, new AvroSerde<>(RawArticle.class), false),
        new Topic<>(enriched, KEYS, new AvroSerde<>(EnrichedArticle.class), false),
        new Topic<>(events, KEYS, new AvroSerde<>(FetchEvent.class), false),
        new Topic<>(dlq, KEYS, new AvroSerde<>(DeadLetter.class), false),
        new Topic<>(feeds, KEYS, new AvroSerde<>(Feed.class), true),
        new Topic<>(feedState, KEYS, new AvroSerde<>(FeedState.class), true),
        new Topic<>(bands, KEYS, Serdes.ByteArray(), false),
        new Topic<>(answers, KEYS, Serdes.ByteArray(), false));
  }

  /** Every topic, in pipeline order. */
  public List<Topic<?, ?>> all() {
    return List.of(feeds, feedState, raw, enriched, fetchEvents, dlq, dedupBands, dedupAnswers);
  }
}
