package dev.newsflow.enrich.dedup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Time-windowed in-memory state of the offline deduplicator: earlier articles by canonical URL, by
 * content hash and by LSH band key. The band store is split into shards by key hash, the way a
 * partitioned Streams topology splits it over partitions; a lookup gathers candidates from every
 * shard a key lives in, so results do not depend on the number of shards.
 *
 * <p>Entries older than {@code window} behind stream time (the latest event time seen) are evicted,
 * so state stays bounded by the number of articles in one window. Not thread-safe.
 */
final class DedupIndex {

  /** One remembered article. */
  record Entry(
      String id,
      String clusterId,
      long seq,
      Instant time,
      String url,
      String hash,
      Sketch sketch,
      List<String> keys) {}

  private final Duration window;
  private final List<Map<String, List<Entry>>> shards;
  private final Map<String, Entry> byUrl = new HashMap<>();
  private final Map<String, Entry> byHash = new HashMap<>();
  private final PriorityQueue<Entry> byTime =
      new PriorityQueue<>(
          (a, b) ->
              a.time().compareTo(b.time()) != 0
                  ? a.time().compareTo(b.time())
                  : Long.compare(a.seq(), b.seq()));
  private Instant streamTime = Instant.MIN;

  DedupIndex(Duration window, int shardCount) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive: " + window);
    }
    if (shardCount < 1) {
      throw new IllegalArgumentException("shardCount must be >= 1: " + shardCount);
    }
    this.window = window;
    this.shards = new ArrayList<>(shardCount);
    for (int i = 0; i < shardCount; i++) {
      shards.add(new HashMap<>());
    }
  }

  /**
   * Advances stream time to {@code eventTime} (if later) and evicts what fell out of the window.
   */
  Instant advance(Instant eventTime) {
    Instant time =
        eventTime != null ? eventTime : (streamTime == Instant.MIN ? Instant.EPOCH : streamTime);
    if (time.isAfter(streamTime)) {
      streamTime = time;
      evictBefore(streamTime.minus(window));
    }
    return time;
  }

  Entry byUrl(String canonicalUrl) {
    return canonicalUrl == null ? null : live(byUrl.get(canonicalUrl));
  }

  Entry byHash(String hash) {
    return hash == null ? null : live(byHash.get(hash));
  }

  /** Distinct earlier entries sharing at least one band key, in arrival order. */
  Collection<Entry> candidates(List<String> keys, Instant time) {
    Map<String, Entry> found = new LinkedHashMap<>();
    for (String key : keys) {
      for (Entry e : shardOf(key).getOrDefault(key, List.of())) {
        if (!Duration.between(e.time(), time).abs().minus(window).isPositive()) {
          found.putIfAbsent(e.id(), e);
        }
      }
    }
    List<Entry> sorted = new ArrayList<>(found.values());
    sorted.sort((a, b) -> Long.compare(a.seq(), b.seq()));
    return sorted;
  }

  /** Remembers an article under its URL, its hash and (if it has any) its band keys. */
  void add(Entry entry) {
    if (entry.url() != null) {
      byUrl.putIfAbsent(entry.url(), entry);
    }
    if (entry.hash() != null) {
      byHash.putIfAbsent(entry.hash(), entry);
    }
    for (String key : entry.keys()) {
      shardOf(key).computeIfAbsent(key, k -> new ArrayList<>(2)).add(entry);
    }
    byTime.add(entry);
  }

  int size() {
    return byTime.size();
  }

  int largestBandBucket() {
    return shards.stream().flatMap(m -> m.values().stream()).mapToInt(List::size).max().orElse(0);
  }

  int bandKeys() {
    return shards.stream().mapToInt(Map::size).sum();
  }

  private Entry live(Entry e) {
    return e != null && !e.time().isBefore(streamTime.minus(window)) ? e : null;
  }

  private void evictBefore(Instant limit) {
    while (!byTime.isEmpty() && byTime.peek().time().isBefore(limit)) {
      Entry old = byTime.poll();
      byUrl.remove(old.url(), old);
      byHash.remove(old.hash(), old);
      for (String key : old.keys()) {
        Map<String, List<Entry>> shard = shardOf(key);
        List<Entry> list = shard.get(key);
        if (list != null) {
          list.remove(old);
          if (list.isEmpty()) {
            shard.remove(key);
          }
        }
      }
    }
  }

  private Map<String, List<Entry>> shardOf(String key) {
    return shards.get(Math.floorMod(key.hashCode(), shards.size()));
  }
}
