package dev.newsflow.sink.kafka;

import dev.newsflow.schemas.DeadLetter;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.config.Settings;
import dev.newsflow.schemas.serde.AvroCodec;
import dev.newsflow.schemas.serde.AvroDecodingException;
import dev.newsflow.schemas.topic.Topics;
import dev.newsflow.sink.store.ArticleStore;
import dev.newsflow.sink.store.StoreException;
import dev.newsflow.sink.store.Stores;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink stage: a consumer group on {@code news.articles.enriched} that appends each polled batch
 * to the JSON Lines store and commits the batch's offsets only once the lines are flushed and
 * fsynced. Records that cannot be decoded go to {@code news.dlq} (acknowledged) before the commit.
 * When the store fails, the consumer rewinds to the batch's first offsets and retries with backoff
 * instead of dropping anything.
 */
public final class SinkService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SinkService.class);
  private static final AvroCodec<EnrichedArticle> CODEC = AvroCodec.of(EnrichedArticle.class);

  private final Topics topics;
  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaProducer<String, byte[]> dlqProducer;
  private final ArticleStore store;
  private final Duration backoff;
  private final Duration maxBackoff;
  /** The offsets this instance last committed, so that an idle poll commits only what moved. */
  private final Map<TopicPartition, Long> committedTo = new HashMap<>();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final SinkMeters meters;
  private volatile boolean running = true;
  private volatile boolean exited;

  public SinkService(Settings settings) throws IOException, StoreException {
    this(settings, new SimpleMeterRegistry());
  }

  /** A sink whose meters (records in, articles out, dead letters, lag, Kafka clients) are in {@code registry}. */
  public SinkService(Settings settings, MeterRegistry registry) throws IOException, StoreException {
    this.topics = Topics.from(settings);
    Map<String, Object> common = new HashMap<>(settings.kafkaProperties());
    Map<String, Object> consumerConfig = new HashMap<>(common);
    consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, settings.getString("sink.group-id"));
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.getInt("sink.max-poll-records"));
    consumerConfig.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerConfig.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-sink");
    this.consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
    Map<String, Object> producerConfig = new HashMap<>(common);
    producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfig.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-sink-dlq");
    this.dlqProducer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
    this.store = Stores.open(settings);
    this.backoff = settings.getMillis("sink.retry.backoff.ms");
    this.maxBackoff = settings.getMillis("sink.retry.max-backoff.ms");
    this.meters = new SinkMeters(registry, consumer, dlqProducer);
  }

  /** Consumes until {@link #close()} is called from another thread. */
  public void run() {
    consumer.subscribe(List.of(topics.enriched().name()));
    Duration wait = backoff;
    try {
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
        meters.measureLag(consumer);
        if (records.isEmpty()) {
          commitSkippedMarkers(records);
          continue;
        }
        try {
          List<String> reasons = handle(records);
          // The next offsets as the consumer has them (KIP-1094): past the commit markers of the
          // enrich stage's transactions too, so that the group's lag can reach 0.
          commit(records.nextOffsets());
          written.addAndGet(records.count() - reasons.size());
          deadLettered.addAndGet(reasons.size());
          meters.committed(records.count(), records.count() - reasons.size());
          reasons.forEach(meters::deadLettered);
          wait = backoff;
        } catch (StoreException | IOException | RuntimeException e) {
          if (e instanceof WakeupException w) {
            throw w;
          }
          LOG.warn("sink: batch of {} not written to {} ({}); pausing {} ms, then retrying", records.count(), store.name(),
              e.getMessage(), wait.toMillis());
          rewind(records);
          pauseFor(wait);
          wait = wait.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : wait.multipliedBy(2);
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } finally {
      exited = true;
      consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(10)));
      meters.close();
    }
  }

  /** Keeps polling (so the group sees the consumer alive) without fetching, while the target is down. */
  private void pauseFor(Duration wait) {
    var assigned = consumer.assignment();
    consumer.pause(assigned);
    long until = System.nanoTime() + wait.toNanos();
    while (running && System.nanoTime() < until) {
      consumer.poll(Duration.ofMillis(Math.min(200, Math.max(1, (until - System.nanoTime()) / 1_000_000))));
    }
    consumer.resume(consumer.assignment());
  }

  /** Writes the batch and sends its unwritable records to the dead-letter topic; returns their reasons. */
  private List<String> handle(ConsumerRecords<String, byte[]> records) throws StoreException, IOException {
    List<EnrichedArticle> batch = new ArrayList<>(records.count());
    List<ConsumerRecord<String, byte[]>> sources = new ArrayList<>(records.count());
    List<java.util.concurrent.Future<?>> letters = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      try {
        batch.add(CODEC.decode(r.value()));
        sources.add(r);
      } catch (AvroDecodingException e) {
        letters.add(deadLetter(r, "UNDECODABLE_RECORD", e.getMessage()));
        reasons.add("UNDECODABLE_RECORD");
      }
    }
    try {
      store.write(batch);
    } catch (StoreException e) {
      if (e.isTransient()) {
        throw e;
      }
      LOG.warn("sink: {} refused the batch ({}); writing its records one by one to find the refused ones", store.name(), e.getMessage());
      for (int i = 0; i < batch.size(); i++) {
        try {
          store.write(List.of(batch.get(i)));
        } catch (StoreException one) {
          if (one.isTransient()) {
            throw one;
          }
          letters.add(deadLetter(sources.get(i), "SINK_REJECTED", store.name() + ": " + one.getMessage()));
          reasons.add("SINK_REJECTED");
        }
      }
    }
    for (var letter : letters) {
      try {
        letter.get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IOException("dead letter not acknowledged: " + e.getMessage(), e);
      }
    }
    return reasons;
  }

  private java.util.concurrent.Future<?> deadLetter(ConsumerRecord<String, byte[]> r, String reason, String detail) {
    LOG.warn("sink: {} at {}-{}@{}: {}", reason, r.topic(), r.partition(), r.offset(), detail);
    DeadLetter letter = DeadLetter.newBuilder()
        .setStage("sink").setReason(reason).setDetail(detail)
        .setSourceTopic(r.topic()).setSourcePartition(r.partition()).setSourceOffset(r.offset())
        .setKey(r.key() == null ? null : ByteBuffer.wrap(r.key().getBytes(StandardCharsets.UTF_8)))
        .setValue(r.value() == null ? null : ByteBuffer.wrap(r.value()))
        .setTime(java.time.Instant.now()).build();
    byte[] bytes = topics.dlq().valueSerde().serializer().serialize(topics.dlq().name(), letter);
    return dlqProducer.send(new ProducerRecord<>(topics.dlq().name(), r.key(), bytes));
  }

  /**
   * Commits the positions a poll without records advanced: under exactly-once enrich, each of its
   * transactions ends with a commit marker that a {@code read_committed} consumer skips, often in a
   * later poll than the transaction's records. Committing only after records would leave the group
   * one offset behind the end of each partition for good, so that lag-based waits (the demo, the
   * benchmarks, {@code sink_lag_records} readers) never saw the sink caught up.
   */
  private void commitSkippedMarkers(ConsumerRecords<String, byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> advanced = new HashMap<>(records.nextOffsets());
    advanced.entrySet().removeIf(e -> Long.valueOf(e.getValue().offset()).equals(committedTo.get(e.getKey())));
    if (!advanced.isEmpty()) {
      commit(advanced);
    }
  }

  private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    consumer.commitSync(offsets);
    offsets.forEach((tp, o) -> committedTo.put(tp, o.offset()));
  }

  private void rewind(ConsumerRecords<String, byte[]> records) {
    for (TopicPartition tp : records.partitions()) {
      consumer.seek(tp, records.records(tp).get(0).offset());
    }
  }

  /** Whether the sink is consuming: not yet stopped, and {@link #run()} has not ended (by a stop or a failure). */
  public boolean running() {
    return running && !exited;
  }

  /** Articles written and committed so far by this instance. */
  public long written() {
    return written.get();
  }

  /** Records sent to the dead-letter topic so far by this instance. */
  public long deadLettered() {
    return deadLettered.get();
  }

  /** Stops {@link #run()} (from another thread) and releases the store. */
  @Override
  public void close() {
    running = false;
    consumer.wakeup();
  }

  /** Releases the producer and the file store; call after {@link #run()} has returned. */
  public void release() throws IOException {
    dlqProducer.close(Duration.ofSeconds(10));
    try {
      store.close();
    } catch (StoreException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
