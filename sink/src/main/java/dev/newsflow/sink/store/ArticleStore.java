package dev.newsflow.sink.store;

import dev.newsflow.schemas.EnrichedArticle;
import java.util.List;

/**
 * Where the sink lands enriched articles. {@link #write} returns only once the batch is durable
 * (file fsynced, transaction committed), so that the caller may then commit its Kafka offsets.
 * Writing the same batch again must not create new records where the target can avoid it (upsert).
 */
public interface ArticleStore extends AutoCloseable {

  /** A short name for logs and metrics, e.g. "jsonl" or "postgres". */
  String name();

  /** Makes {@code batch} durable, or throws saying whether a retry may succeed. */
  void write(List<EnrichedArticle> batch) throws StoreException;

  @Override
  void close() throws StoreException;
}
