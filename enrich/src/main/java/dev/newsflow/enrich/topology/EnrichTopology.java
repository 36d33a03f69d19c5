package dev.newsflow.enrich.topology;

import dev.newsflow.schemas.topic.Topics;
import java.util.Map;
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
 * Builds the enrich topology: {@code news.articles.raw} → decode (bad bytes → {@code news.dlq}) →
 * drop repeats of the same article id → {@code news.articles.enriched}. Every processor, store and
 * topic is named, so that a code change cannot silently rename state.
 */
public final class EnrichTopology {
  /** The store of text hashes per article id (its changelog is {@code <app-id>-article-ids-changelog}). */
  public static final String ARTICLE_IDS_STORE = "article-ids";

  private EnrichTopology() {}

  public static Topology build(EnrichConfig config) {
    Topics topics = config.topics();
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(ARTICLE_IDS_STORE), Serdes.String(), Serdes.String()));

    KStream<String, Decoded> decoded =
        builder.stream(topics.raw().name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-articles"))
            .processValues(() -> new DecodeRawProcessor(config.clock()), Named.as("decode-raw"));

    Map<String, KStream<String, Decoded>> branches =
        decoded.split(Named.as("decoded-"))
            .branch((id, d) -> d instanceof Decoded.Rejected, Branched.as("rejected"))
            .defaultBranch(Branched.as("articles"));

    branches.get("decoded-rejected")
        .mapValues(d -> ((Decoded.Rejected) d).letter(), Named.as("dead-letter"))
        .to(topics.dlq().name(), Produced.with(Serdes.String(), topics.dlq().valueSerde()).withName("dlq-sink"));

    branches.get("decoded-articles")
        .mapValues(d -> ((Decoded.Article) d).article(), Named.as("unwrap-article"))
        .processValues(() -> new RepeatFilterProcessor(ARTICLE_IDS_STORE, config.clock()), Named.as("drop-repeats"), ARTICLE_IDS_STORE)
        .to(topics.enriched().name(), Produced.with(Serdes.String(), topics.enriched().valueSerde()).withName("enriched-articles"));

    return builder.build();
  }
}
