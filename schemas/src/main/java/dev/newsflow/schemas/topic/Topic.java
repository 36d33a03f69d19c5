package dev.newsflow.schemas.topic;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic name bundled with the serdes of its keys and values.
 *
 * @param name the topic name
 * @param keySerde serde of keys
 * @param valueSerde serde of values
 * @param compacted whether the topic is log-compacted (latest value per key)
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {
  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
    if (name.isBlank() || !name.matches("[a-zA-Z0-9._-]{1,249}")) {
      throw new IllegalArgumentException("invalid topic name '" + name + "'");
    }
    if (name.contains(".") && name.contains("_")) {
      throw new IllegalArgumentException("topic name mixes '.' and '_' (metrics collide): " + name);
    }
  }
}
