package dev.newsflow.ingest.poll;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys of feed items already handled, oldest forgotten first once {@code max} is reached. Kept in
 * memory by this first version: a restarted fetcher fetches items again, and the enrich stage drops
 * the repeats by article id.
 */
final class SeenItems {
  private final Map<String, Boolean> keys;

  SeenItems(int max) {
    this.keys =
        new LinkedHashMap<>(1024, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > max;
          }
        };
  }

  /** Records {@code key}; true when it was not seen before. */
  synchronized boolean add(String key) {
    return keys.put(key, Boolean.TRUE) == null;
  }

  /** Forgets {@code key} so that it is tried again at the next poll. */
  synchronized void forget(String key) {
    keys.remove(key);
  }
}
