package dev.newsflow.app.monitor.data;

import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.serde.AvroCodec;
import dev.newsflow.schemas.serde.AvroDecodingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the enriched topic on its own thread and feeds {@link RecentArticles}: first the last
 * {@code capacity} records of each partition (in fetch-time order), then every new record as it
 * comes. It uses no consumer group and commits nothing: it only ever looks at the topic's end.
 */
public final class ArticleTail implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ArticleTail.class);
  private static final AvroCodec<EnrichedArticle> CODEC = AvroCodec.of(EnrichedArticle.class);

  private final Map<String, Object> kafka;
  private final String topic;
  private final RecentArticles into;
  private final int capacity;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile KafkaConsumer<byte[], byte[]> consumer;

  private ArticleTail(Map<String, Object> kafka, String topic, RecentArticles into, int capacity) {
    this.kafka = kafka;
    this.topic = topic;
    this.into = into;
    this.capacity = capacity;
    this.thread = Thread.ofPlatform().daemon().name("monitor-tail").unstarted(this::run);
  }

  /** Starts following {@code config}'s enriched topic into {@code into}. */
  public static ArticleTail start(MonitorConfig config, RecentArticles into) {
    ArticleTail tail = new ArticleTail(config.kafka(), config.topics().enriched().name(), into, config.recentSize());
    tail.thread.start();
    return tail;
  }

  private void run() {
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-monitor-tail");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer = c;
      if (!running) {
        return;
      }
      List<TopicPartition> partitions = awaitPartitions(c);
      Map<TopicPartition, Long> ends = backfill(c, partitions);
      LOG.info("monitor: following {} ({} partitions) from offsets {}", topic, partitions.size(), ends.values());
      while (running) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
          ArticleView a = decode(r);
          if (a != null) {
            into.add(a);
          }
        }
      }
    } catch (WakeupException | InterruptedException e) {
      if (running) {
        LOG.warn("monitor: following {} stopped: {}", topic, e.toString());
      }
    } catch (RuntimeException e) {
      LOG.error("monitor: following {} failed; the Live page gets no new articles", topic, e);
    }
  }

  private List<TopicPartition> awaitPartitions(KafkaConsumer<byte[], byte[]> c) throws InterruptedException {
    while (running) {
      var infos = c.partitionsFor(topic, Duration.ofSeconds(10));
      if (infos != null && !infos.isEmpty()) {
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        c.assign(partitions);
        return partitions;
      }
      LOG.info("monitor: topic {} does not exist yet; waiting for it", topic);
      Thread.sleep(2000);
    }
    return List.of();
  }

  /** Reads the last records of each partition up to the end offsets of now, adds them oldest fetch first. */
  private Map<TopicPartition, Long> backfill(KafkaConsumer<byte[], byte[]> c, List<TopicPartition> partitions) {
    Map<TopicPartition, Long> ends = c.endOffsets(partitions);
    Map<TopicPartition, Long> begins = c.beginningOffsets(partitions);
    for (TopicPartition p : partitions) {
      c.seek(p, Math.max(begins.get(p), ends.get(p) - capacity));
    }
    List<ArticleView> recent = new ArrayList<>();
    while (running && partitions.stream().anyMatch(p -> c.position(p) < ends.get(p))) {
      Map<TopicPartition, Long> later = new HashMap<>();
      for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
        TopicPartition p = new TopicPartition(r.topic(), r.partition());
        if (r.offset() < ends.get(p)) {
          ArticleView a = decode(r);
          if (a != null) {
            recent.add(a);
          }
        } else {
          later.merge(p, r.offset(), Math::min);
        }
      }
      later.forEach(c::seek);
    }
    recent.sort(Comparator.comparing(ArticleView::fetchedAt, Comparator.comparing(java.time.Instant::parse)));
    recent.forEach(into::add);
    return ends;
  }

  private ArticleView decode(ConsumerRecord<byte[], byte[]> r) {
    if (r.value() == null) {
      return null;
    }
    try {
      return ArticleView.of(CODEC.decode(r.value()));
    } catch (AvroDecodingException e) {
      LOG.warn("monitor: skipping {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
      return null;
    }
  }

  @Override
  public void close() {
    running = false;
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    try {
      thread.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
