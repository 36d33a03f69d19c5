package dev.newsflow.app.bench;

import dev.newsflow.schemas.config.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * When each record key first became visible to a {@code read_committed} reader of a topic (epoch
 * ms, as this reader saw it: within a few ms of the commit or append), and its record timestamp.
 * One consumer without a group on every partition of the topics, from their beginning, on its own
 * thread ({@code load-watch}).
 */
final class TopicWatch implements AutoCloseable {
  /** First sight of a key on a topic: when this reader saw it, and the record's timestamp. */
  record Sight(long seenAt, long timestamp) {}

  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<String, Map<String, Sight>> seen = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  TopicWatch(Settings settings, List<String> topicNames) {
    Map<String, Object> config = new HashMap<>(settings.kafkaProperties());
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "load-watch");
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
    this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topicNames) {
      seen.put(topic, new ConcurrentHashMap<>());
      consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    this.thread = Thread.ofPlatform().daemon().name("load-watch").start(this::run);
  }

  private void run() {
    try {
      while (running) {
        var records = consumer.poll(Duration.ofMillis(100));
        long now = System.currentTimeMillis();
        for (ConsumerRecord<String, byte[]> r : records) {
          if (r.key() != null) {
            seen.get(r.topic()).putIfAbsent(r.key(), new Sight(now, r.timestamp()));
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close();
    }
  }

  /** When {@code key} was first seen on {@code topic}, or null. */
  Sight sight(String topic, String key) {
    return seen.get(topic).get(key);
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
