package dev.newsflow.enrich.topology;

import dev.newsflow.schemas.DedupVerdict;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the enrich topology:
 *
 * <pre>
 * news.articles.raw ─ decode ─┬─ (bad bytes) ──────────────────────────────────────────► news.dlq
 *                             └─ drop repeats ─ tag ─┬─ dedup-decide ─ (decided) ──────► news.articles.enriched
 *        news.dedup-answers ─────────────────────────┘        │ (sketch per band, verdicts)
 *                 ▲                                           ▼
 *                 └──────────── band-index ◄──────── news.dedup-bands
 * </pre>
 *
 * <p>With {@link BandOrder} on, the deciders also report their progress to every band partition,
 * which takes requests in the articles' time order (holding back those that come early).
 *
 * Every processor, store and topic is named, so that a code change cannot silently rename state.
 * The deduplication is partitioned twice: articles by id (repeats, pending decisions) and sketches
 * by LSH band (so that candidate copies meet in one partition's store whatever the number of
 * partitions); the two internal topics carry requests to the bands and answers back to the article.
 */
public final class EnrichTopology {
  /** Text hash per article id (repeat detection). */
  public static final String ARTICLE_IDS_STORE = "article-ids";

  private EnrichTopology() {}

  /** The topology with its meters in a registry of its own (for tests and benchmarks). */
  public static Topology build(EnrichConfig config) {
    return build(config, new SimpleMeterRegistry());
  }

  /** The topology counting what it does (see {@link EnrichMeters}) in {@code registry}. */
  public static Topology build(EnrichConfig config, MeterRegistry registry) {
    Topics topics = config.topics();
    EnrichMeters meters = new EnrichMeters(registry);
    StreamsBuilder builder = new StreamsBuilder();
    Serde<String> keys = Serdes.String();
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ARTICLE_IDS_STORE), keys, keys));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DedupDecider.PENDING_STORE), keys, Serdes.ByteArray()));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BandIndexProcessor.MEMBERS_STORE), keys, Serdes.ByteArray()));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BandIndexProcessor.SKETCHES_STORE), Serdes.Bytes(), Serdes.ByteArray()));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BandIndexProcessor.HELD_STORE), Serdes.Bytes(), Serdes.ByteArray()));

    KStream<String, Decoded> decoded =
        builder.stream(topics.raw().name(), Consumed.with(keys, Serdes.ByteArray()).withName("raw-articles"))
            .peek((id, bytes) -> meters.consumed(), Named.as("count-in"))
            .processValues(() -> new DecodeRawProcessor(config.clock()), Named.as("decode-raw"));
    Map<String, KStream<String, Decoded>> branches = decoded.split(Named.as("decoded-"))
        .branch((id, d) -> d instanceof Decoded.Rejected, Branched.as("rejected"))
        .defaultBranch(Branched.as("articles"));
    branches.get("decoded-rejected")
        .mapValues(d -> ((Decoded.Rejected) d).letter(), Named.as("dead-letter"))
        .peek((id, letter) -> meters.deadLettered(letter), Named.as("count-dead-letter"))
        .to(topics.dlq().name(), Produced.with(keys, topics.dlq().valueSerde()).withName("dlq-sink"));

    KStream<String, DedupDecider.In> fresh = branches.get("decoded-articles")
        .mapValues(d -> ((Decoded.Article) d).article(), Named.as("unwrap-article"))
        .processValues(() -> new RepeatFilterProcessor(ARTICLE_IDS_STORE, config.clock(), config.window().multipliedBy(2),
            meters.repeats()), Named.as("drop-repeats"), ARTICLE_IDS_STORE)
        .mapValues(new ArticleTagger(config.tagger()), Named.as("tag"))
        .mapValues(a -> (DedupDecider.In) new DedupDecider.Incoming(a), Named.as("to-dedup"));
    KStream<String, DedupDecider.In> answers =
        builder.stream(topics.dedupAnswers().name(), Consumed.with(keys, Serdes.ByteArray()).withName("dedup-answers-source"))
            .mapValues(b -> (DedupDecider.In) new DedupDecider.Answer(DedupMessages.decodeBandAnswer(b)),
                Named.as("read-answer"));

    Map<String, KStream<String, DedupDecider.Out>> decided =
        fresh.merge(answers, Named.as("dedup-inputs"))
            .process(() -> new DedupDecider(config.sketcher(), config.judge(), config.bandPartitions(), config.order()), Named.as("dedup-decide"),
                DedupDecider.PENDING_STORE)
            .split(Named.as("dedup-"))
            .branch((k, o) -> o instanceof DedupDecider.ToBand, Branched.as("to-bands"))
            .defaultBranch(Branched.as("decided"));
    decided.get("dedup-to-bands")
        .mapValues(o -> ((DedupDecider.ToBand) o).message(), Named.as("band-message"))
        .to(topics.dedupBands().name(), Produced.with(keys, Serdes.ByteArray()).withName("dedup-bands-sink")
            .withStreamPartitioner((topic, group, value, partitions) ->
                java.util.Optional.of(java.util.Set.of(DedupMessages.partitionOf(group) % partitions))));
    KStream<String, EnrichedArticle> out =
        decided.get("dedup-decided").mapValues(o -> ((DedupDecider.Decided) o).article(), Named.as("decided-article"))
            .peek((id, a) -> meters.decided(a), Named.as("count-decided"));
    Produced<String, EnrichedArticle> produced = Produced.with(keys, topics.enriched().valueSerde());
    if (config.copiesTopic() == null) {
      out.to(topics.enriched().name(), produced.withName("enriched-articles"));
    } else {
      out.split(Named.as("verdict-"))
          .branch((k, a) -> a.getDedup().getVerdict() == DedupVerdict.UNIQUE,
              Branched.withConsumer(s -> s.to(topics.enriched().name(), produced.withName("enriched-articles")), "unique"))
          .defaultBranch(Branched.withConsumer(s -> s.to(config.copiesTopic(),
              Produced.with(keys, topics.enriched().valueSerde()).withName("copies")), "copies"));
    }

    builder.stream(topics.dedupBands().name(), Consumed.with(keys, Serdes.ByteArray()).withName("dedup-bands-source"))
        .process(() -> new BandIndexProcessor(config.window(), config.maxBandMembers(), config.order()), Named.as("band-index"),
            BandIndexProcessor.MEMBERS_STORE, BandIndexProcessor.SKETCHES_STORE, BandIndexProcessor.HELD_STORE)
        .to(topics.dedupAnswers().name(), Produced.with(keys, Serdes.ByteArray()).withName("dedup-answers-sink"));
    return builder.build();
  }
}
