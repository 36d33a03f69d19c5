package dev.newsflow.ingest.kafka;

import dev.newsflow.schemas.FeedState;
import dev.newsflow.schemas.serde.AvroCodec;
import dev.newsflow.schemas.serde.AvroDecodingException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores the remembered state of the feeds of some partitions by reading the compacted state topic
 * from its beginning to its end (committed transactions only): the latest record per feed wins, a
 * tombstone forgets the feed.
 */
final class FeedStateLoader {
  private static final Logger LOG = LoggerFactory.getLogger(FeedStateLoader.class);
  private static final AvroCodec<FeedState> CODEC = AvroCodec.of(FeedState.class);

  private final Consumer<String, byte[]> consumer;
  private final String topic;

  /** @param consumer a consumer without a group ({@code read_committed}), used only by this loader */
  FeedStateLoader(Consumer<String, byte[]> consumer, String topic) {
    this.consumer = consumer;
    this.topic = topic;
  }

  Map<String, FeedState> load(Collection<Integer> partitions) {
    List<TopicPartition> tps = partitions.stream().map(p -> new TopicPartition(topic, p)).toList();
    Map<String, FeedState> states = new HashMap<>();
    if (tps.isEmpty()) {
      return states;
    }
    consumer.assign(tps);
    consumer.seekToBeginning(tps);
    Map<TopicPartition, Long> ends = consumer.endOffsets(tps);
    while (!caughtUp(ends)) {
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
        if (r.value() == null) {
          states.remove(r.key());
          continue;
        }
        try {
          states.put(r.key(), CODEC.decode(r.value()));
        } catch (AvroDecodingException e) {
          LOG.warn("ingest: unreadable feed state at {}-{}@{} ignored (the feed starts afresh): {}",
              r.topic(), r.partition(), r.offset(), e.getMessage());
        }
      }
    }
    consumer.unsubscribe();
    return states;
  }

  private boolean caughtUp(Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  void close() {
    consumer.close();
  }
}
