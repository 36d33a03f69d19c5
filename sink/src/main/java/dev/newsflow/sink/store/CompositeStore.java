package dev.newsflow.sink.store;

import dev.newsflow.schemas.EnrichedArticle;
import java.util.List;

/** Several stores written in turn; a batch is durable once every store has it. */
public final class CompositeStore implements ArticleStore {
  private final List<ArticleStore> stores;

  public CompositeStore(List<ArticleStore> stores) {
    if (stores.isEmpty()) {
      throw new IllegalArgumentException("no store to write to");
    }
    this.stores = List.copyOf(stores);
  }

  @Override
  public String name() {
    return String.join(",", stores.stream().map(ArticleStore::name).toList());
  }

  @Override
  public void write(List<EnrichedArticle> batch) throws StoreException {
    for (ArticleStore s : stores) {
      s.write(batch);
    }
  }

  @Override
  public void close() throws StoreException {
    StoreException first = null;
    for (ArticleStore s : stores) {
      try {
        s.close();
      } catch (StoreException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
