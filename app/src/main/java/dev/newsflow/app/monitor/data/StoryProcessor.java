package dev.newsflow.app.monitor.data;

import dev.newsflow.schemas.EnrichedArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps one {@link Story} per cluster id (records arrive keyed by it) and forgets stories whose
 * last record is older than the retention, so the store holds only the last days.
 */
final class StoryProcessor implements Processor<String, EnrichedArticle, Void, Void> {
  private static final Duration EXPIRY_EVERY = Duration.ofMinutes(5);

  private final String storeName;
  private final Duration retention;
  private final int maxCopies;
  private KeyValueStore<String, Story> stories;

  StoryProcessor(String storeName, Duration retention, int maxCopies) {
    this.storeName = storeName;
    this.retention = retention;
    this.maxCopies = maxCopies;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    stories = context.getStateStore(storeName);
    context.schedule(EXPIRY_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> expire(Instant.ofEpochMilli(now)));
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    if (record.key() == null || record.value() == null) {
      return;
    }
    stories.put(record.key(), Story.with(stories.get(record.key()), ArticleView.of(record.value()),
        record.value().getFetchedAt(), maxCopies));
  }

  private void expire(Instant now) {
    Instant oldest = now.minus(retention);
    List<String> old = new ArrayList<>();
    try (KeyValueIterator<String, Story> all = stories.all()) {
      while (all.hasNext()) {
        KeyValue<String, Story> kv = all.next();
        if (Instant.parse(kv.value.lastSeen()).isBefore(oldest)) {
          old.add(kv.key);
        }
      }
    }
    old.forEach(stories::delete);
  }
}
