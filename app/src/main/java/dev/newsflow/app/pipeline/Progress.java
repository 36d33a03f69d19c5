package dev.newsflow.app.pipeline;

import dev.newsflow.schemas.config.Settings;
import dev.newsflow.schemas.topic.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the enrich and sink consumer groups are behind the ends of their input topics, read from
 * the cluster (committed offsets against end offsets), so that a caller can tell when everything
 * produced so far has gone all the way through.
 */
public final class Progress implements AutoCloseable {
  private final Admin admin;
  private final Topics topics;
  private final String enrichGroup;
  private final String sinkGroup;

  public Progress(Settings settings) {
    Map<String, Object> config = new HashMap<>(settings.kafkaProperties());
    this.admin = Admin.create(config);
    this.topics = Topics.from(settings);
    this.enrichGroup = settings.getString("enrich.application-id");
    this.sinkGroup = settings.getString("sink.group-id");
  }

  /** Records of the raw topic not yet committed by enrich plus records of the enriched topic not yet committed by the sink. */
  public long lag() throws InterruptedException {
    try {
      return lag(enrichGroup, topics.raw().name()) + lag(sinkGroup, topics.enriched().name());
    } catch (ExecutionException | TimeoutException e) {
      return Long.MAX_VALUE;
    }
  }

  /** Records of the raw topic the enrich stage has not committed yet ({@code Long.MAX_VALUE}: unknown). */
  public long enrichLag() throws InterruptedException {
    try {
      return lag(enrichGroup, topics.raw().name());
    } catch (ExecutionException | TimeoutException e) {
      return Long.MAX_VALUE;
    }
  }

  /** Records of the enriched topic the sink has not committed yet ({@code Long.MAX_VALUE}: unknown). */
  public long sinkLag() throws InterruptedException {
    try {
      return lag(sinkGroup, topics.enriched().name());
    } catch (ExecutionException | TimeoutException e) {
      return Long.MAX_VALUE;
    }
  }

  private long lag(String group, String topic) throws InterruptedException, ExecutionException, TimeoutException {
    List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
        .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(request).all().get(10, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
    long lag = 0;
    for (TopicPartition tp : partitions) {
      long end = ends.get(tp).offset();
      OffsetAndMetadata c = committed.get(tp);
      lag += Math.max(0, end - (c == null ? 0 : c.offset()));
    }
    return lag;
  }

  @Override
  public void close() {
    admin.close();
  }
}
