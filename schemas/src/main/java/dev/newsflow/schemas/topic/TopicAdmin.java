package dev.newsflow.schemas.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates newsflow's topics at start-up; idempotent (existing topics are left as they are). */
public final class TopicAdmin {
  private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

  private TopicAdmin() {}

  /**
   * Creates every topic of {@code topics} that does not exist yet.
   *
   * @return the names of the topics created by this call
   */
  public static List<String> ensure(Admin admin, Topics topics, int partitions, short replication)
      throws InterruptedException {
    if (partitions < 1 || replication < 1) {
      throw new IllegalArgumentException(
          "partitions and replication factor must be >= 1, got " + partitions + "/" + replication);
    }
    try {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (Topic<?, ?> topic : topics.all()) {
        if (!existing.contains(topic.name())) {
          NewTopic t = new NewTopic(topic.name(), partitions, replication);
          if (topic.compacted()) {
            t.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
          }
          missing.add(t);
        }
      }
      List<String> created = new ArrayList<>();
      var result = admin.createTopics(missing);
      for (NewTopic t : missing) {
        try {
          result.values().get(t.name()).get(30, TimeUnit.SECONDS);
          created.add(t.name());
          LOG.info("created topic {} ({} partitions, replication {})", t.name(), partitions, replication);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("cannot create topic " + t.name() + ": " + e.getCause().getMessage(), e.getCause());
          }
        }
      }
      return created;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot list or create topics: " + e.getMessage(), e);
    }
  }
}
