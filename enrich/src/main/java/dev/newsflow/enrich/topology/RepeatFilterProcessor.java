package dev.newsflow.enrich.topology;

import dev.newsflow.schemas.Dedup;
import dev.newsflow.schemas.DedupVerdict;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.RawArticle;
import io.micrometer.core.instrument.Counter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops repeats of an article id already passed on with the same text, and passes a changed text
 * on as an update ({@code updated = true}). Remembers, per id, a hash of the text in a
 * changelogged state store, so that the decision survives restarts and rebalances. Records are
 * keyed by id, so every repeat of an id meets its first copy in the same partition's store. Ids not
 * seen for longer than the retention are forgotten by a daily sweep in stream time, so the store
 * stays bounded (a repeat after that long passes as new and is recognised by the dedup stage).
 */
final class RepeatFilterProcessor implements FixedKeyProcessor<String, RawArticle, EnrichedArticle> {
  private static final Logger LOG = LoggerFactory.getLogger(RepeatFilterProcessor.class);

  private final String storeName;
  private final Clock clock;
  private FixedKeyProcessorContext<String, EnrichedArticle> context;
  private KeyValueStore<String, String> textHashes;
  private final Counter dropped;

  private final long retentionMs;
  private long latest;

  RepeatFilterProcessor(String storeName, Clock clock, java.time.Duration retention, Counter dropped) {
    this.storeName = storeName;
    this.dropped = dropped;
    this.clock = clock;
    this.retentionMs = retention.toMillis();
  }

  @Override
  public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    this.textHashes = context.getStateStore(storeName);
    context.schedule(java.time.Duration.ofDays(1), org.apache.kafka.streams.processor.PunctuationType.STREAM_TIME, t -> sweep());
  }

  private void sweep() {
    long horizon = latest - retentionMs;
    java.util.List<String> old = new java.util.ArrayList<>();
    try (var it = textHashes.all()) {
      while (it.hasNext()) {
        var e = it.next();
        if (seenAt(e.value) < horizon) {
          old.add(e.key);
        }
      }
    }
    old.forEach(textHashes::delete);
  }

  /** Stored values are {@code hash@millis}; values of the first version have no time. */
  private static long seenAt(String value) {
    int at = value.indexOf('@');
    return at < 0 ? 0 : Long.parseLong(value.substring(at + 1));
  }

  private static String hashOf(String value) {
    int at = value == null ? -1 : value.indexOf('@');
    return at < 0 ? value : value.substring(0, at);
  }

  @Override
  public void process(FixedKeyRecord<String, RawArticle> record) {
    RawArticle article = record.value();
    String hash = textHash(article);
    latest = Math.max(latest, record.timestamp());
    String previous = hashOf(textHashes.get(article.getId()));
    if (hash.equals(previous)) {
      dropped.increment();
      LOG.debug("enrich: dropped repeat of {}", article.getId());
      return;
    }
    textHashes.put(article.getId(), hash + "@" + record.timestamp());
    context.forward(record.withValue(enrich(article, previous != null)));
  }

  private EnrichedArticle enrich(RawArticle a, boolean updated) {
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
        .setUpdated(updated)
        .setDedup(Dedup.newBuilder().setVerdict(DedupVerdict.UNIQUE).setClusterId(a.getId()).setSimilarity(1.0).build())
        .build();
  }

  static String textHash(RawArticle a) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(a.getTitle().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(a.getText().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
