package dev.newsflow.app.monitor.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The last {@code capacity} articles to arrive, listed newest fetch first and folded on demand (copies under the first
 * article of their story), and the listeners told of each new one. Bounded: the oldest article
 * leaves when a new one comes. A record seen again (an update, a replay) replaces the old one.
 * Listeners run on the adding thread and must not block.
 *
 * <pre>{@code
 * RecentArticles recent = new RecentArticles(2000);
 * recent.add(ArticleView.of(article));
 * List<FoldedArticle> page = recent.query(new ArticleFilter("PRK", null, null, null, null), 50);
 * }</pre>
 */
public final class RecentArticles {
  private final int capacity;
  private final LinkedHashMap<String, ArticleView> byId = new LinkedHashMap<>();
  private final List<Consumer<ArticleView>> listeners = new CopyOnWriteArrayList<>();

  public RecentArticles(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
    }
    this.capacity = capacity;
  }

  public void add(ArticleView article) {
    Objects.requireNonNull(article, "article");
    synchronized (this) {
      byId.remove(article.id());
      byId.put(article.id(), article);
      if (byId.size() > capacity) {
        byId.pollFirstEntry();
      }
    }
    for (Consumer<ArticleView> l : listeners) {
      l.accept(article);
    }
  }

  public synchronized int size() {
    return byId.size();
  }

  /**
   * Up to {@code limit} stories, latest fetched first: an article with its copies when one of them
   * matches {@code filter}. A copy whose first article has left memory stands on its own.
   */
  public List<FoldedArticle> query(ArticleFilter filter, int limit) {
    List<ArticleView> newestFirst;
    synchronized (this) {
      newestFirst = new ArrayList<>(byId.sequencedValues().reversed());
    }
    // Partitions interleave on arrival: order by fetch time, ties in arrival order.
    Map<String, Instant> fetched = new HashMap<>();
    newestFirst.forEach(a -> fetched.put(a.id(), Instant.parse(a.fetchedAt())));
    newestFirst.sort(Comparator.comparing((ArticleView a) -> fetched.get(a.id())).reversed());
    Set<String> ids = new HashSet<>();
    newestFirst.forEach(a -> ids.add(a.id()));
    Map<String, List<ArticleView>> copiesOf = new HashMap<>();
    for (ArticleView a : newestFirst) {
      if (a.isCopy() && ids.contains(a.clusterId())) {
        copiesOf.computeIfAbsent(a.clusterId(), k -> new ArrayList<>()).add(a);
      }
    }
    List<FoldedArticle> result = new ArrayList<>();
    for (ArticleView a : newestFirst) {
      if (result.size() >= limit) {
        break;
      }
      if (a.isCopy() && copiesOf.containsKey(a.clusterId())) {
        continue;
      }
      List<ArticleView> copies = copiesOf.getOrDefault(a.id(), List.of());
      if (filter.matches(a) || copies.stream().anyMatch(filter::matches)) {
        result.add(new FoldedArticle(a, copies));
      }
    }
    return result;
  }

  /** Calls {@code listener} with every article added from now on; returns how to stop. */
  public Runnable subscribe(Consumer<ArticleView> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
