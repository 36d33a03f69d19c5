package dev.newsflow.enrich.bench;

import dev.newsflow.schemas.Dedup;
import dev.newsflow.schemas.DedupVerdict;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.RawArticle;
import dev.newsflow.schemas.serde.AvroCodec;
import dev.newsflow.schemas.topic.Topics;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The baseline of the throughput ratio: the enrich topology's input and output without its work.
 * Raw bytes are decoded as a {@code RawArticle} with the same codec as the real topology, turned
 * into an {@code EnrichedArticle} with no tags and a UNIQUE verdict, and written to the enriched
 * topic with the same serde. No state, no internal topics.
 *
 * <p>Example: a raw record {@code (id, RawArticle{id, title, text, ...})} comes out as {@code (id,
 * EnrichedArticle{id, title, text, actors=[], events=[], dedup=UNIQUE of id})}.
 */
final class PassThroughTopology {
  private static final AvroCodec<RawArticle> RAW = AvroCodec.of(RawArticle.class);

  private PassThroughTopology() {}

  static Topology build(Topics topics, Clock clock) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(topics.raw().name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw-articles"))
        .mapValues(bytes -> enriched(RAW.decode(bytes), clock), Named.as("decode-and-wrap"))
        .to(topics.enriched().name(),
            Produced.with(Serdes.String(), topics.enriched().valueSerde()).withName("enriched-articles"));
    return builder.build();
  }

  private static EnrichedArticle enriched(RawArticle a, Clock clock) {
    return EnrichedArticle.newBuilder()
        .setId(a.getId())
        .setUrl(a.getUrl())
        .setFeedUrl(a.getFeedUrl())
        .setTitle(a.getTitle())
        .setText(a.getText())
        .setPublished(a.getPublished())
        .setFetchedAt(a.getFetchedAt())
        .setEnrichedAt(clock.instant())
        .setSource(a.getSource())
        .setAuthors(a.getAuthors())
        .setLanguage(a.getLanguage())
        .setDedup(Dedup.newBuilder().setVerdict(DedupVerdict.UNIQUE).setClusterId(a.getId()).setSimilarity(1.0).build())
        .build();
  }
}
