package dev.newsflow.enrich.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the size of a running topology's state: entries per key-value store (exact, through
 * interactive queries over every local task), bytes of the Streams state directory per store, and
 * bytes of topics in the broker's log directory.
 *
 * <p>Example: {@code StateProbe.entries(streams, "dedup-sketches")} counts the sketches kept.
 */
final class StateProbe {
  private StateProbe() {}

  /** The names of every state store of {@code topology}, sorted. */
  static TreeSet<String> storeNames(Topology topology) {
    TreeSet<String> names = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Processor p) {
          names.addAll(p.stores());
        }
      }
    }
    return names;
  }

  /** Exact number of entries of a key-value store over all the instance's tasks. */
  static long entries(KafkaStreams streams, String store) {
    ReadOnlyKeyValueStore<Object, Object> kv =
        streams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()));
    long n = 0;
    try (KeyValueIterator<Object, Object> it = kv.all()) {
      while (it.hasNext()) {
        it.next();
        n++;
      }
    }
    return n;
  }

  /** Bytes on disk of each store under a Streams state directory (all tasks), by store name. */
  static Map<String, Long> storeBytes(Path stateDir, Iterable<String> stores) {
    Map<String, Long> out = new TreeMap<>();
    for (String store : stores) {
      out.put(store, 0L);
    }
    if (!Files.exists(stateDir)) {
      return out;
    }
    try (Stream<Path> dirs = Files.walk(stateDir)) {
      dirs.filter(Files::isDirectory)
          .filter(d -> out.containsKey(d.getFileName().toString()) && d.getParent().getFileName().toString().equals("rocksdb"))
          .forEach(d -> out.merge(d.getFileName().toString(), bytes(d), Long::sum));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Bytes of the log segments ({@code .log} files) of every partition of {@code topic} in the
   * broker's log directory; indexes are left out (the active segment's are preallocated sparse files).
   */
  static long topicBytes(Path logDir, String topic) {
    try (Stream<Path> dirs = Files.list(logDir)) {
      return dirs.filter(d -> d.getFileName().toString().matches(Pattern.quote(topic) + "-\\d+"))
          .mapToLong(StateProbe::logBytes).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long logBytes(Path partitionDir) {
    try (Stream<Path> files = Files.list(partitionDir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".log")).mapToLong(f -> f.toFile().length()).sum();
    } catch (IOException e) {
      return 0; // deleted while listing
    }
  }

  /** Bytes of all regular files under {@code dir}. */
  static long bytes(Path dir) {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          return 0; // a RocksDB file compacted away while walking
        }
      }).sum();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }
}
