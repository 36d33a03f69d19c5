package dev.newsflow.sink.postgres;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.sink.jsonl.ArticleJson;
import dev.newsflow.sink.store.ArticleStore;
import dev.newsflow.sink.store.StoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lands enriched articles in PostgreSQL: the schema is created and evolved by Flyway migrations
 * ({@code db/migration}); each batch is one transaction of batched upserts keyed by article id, so
 * a replay after a crash writes the same rows again instead of new ones (an older version of an
 * article never overwrites a newer one).
 */
public final class PostgresStore implements ArticleStore {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresStore.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UPSERT = """
      INSERT INTO articles (id, url, feed_url, source, title, body, language, authors, published, fetched_at,
          enriched_at, updated, actors, events, actor_codes, event_types, dedup_verdict, duplicate_of, cluster_id,
          similarity, dedup, written_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::jsonb, now())
      ON CONFLICT (id) DO UPDATE SET url = EXCLUDED.url, feed_url = EXCLUDED.feed_url, source = EXCLUDED.source,
          title = EXCLUDED.title, body = EXCLUDED.body, language = EXCLUDED.language, authors = EXCLUDED.authors,
          published = EXCLUDED.published, fetched_at = EXCLUDED.fetched_at, enriched_at = EXCLUDED.enriched_at,
          updated = EXCLUDED.updated, actors = EXCLUDED.actors, events = EXCLUDED.events,
          actor_codes = EXCLUDED.actor_codes, event_types = EXCLUDED.event_types,
          dedup_verdict = EXCLUDED.dedup_verdict, duplicate_of = EXCLUDED.duplicate_of,
          cluster_id = EXCLUDED.cluster_id, similarity = EXCLUDED.similarity, dedup = EXCLUDED.dedup,
          written_at = now()
      WHERE articles.enriched_at <= EXCLUDED.enriched_at
      """;

  private final String jdbcUrl;
  private final Properties properties;
  private Connection connection;

  /**
   * Connects and migrates the schema to the latest version.
   *
   * @throws StoreException (transient) when the database cannot be reached, or (not transient) when
   *     a migration fails
   */
  public PostgresStore(String jdbcUrl) throws StoreException {
    this.jdbcUrl = jdbcUrl;
    this.properties = new Properties();
    properties.setProperty("reWriteBatchedInserts", "true");
    properties.setProperty("connectTimeout", "10");
    properties.setProperty("socketTimeout", "60");
    properties.setProperty("ApplicationName", "newsflow-sink");
    migrate(jdbcUrl, null);
  }

  /** Migrates the database at {@code jdbcUrl} to {@code target} (null: the latest version). */
  public static void migrate(String jdbcUrl, String target) throws StoreException {
    try {
      var config = Flyway.configure().dataSource(jdbcUrl, null, null).locations("classpath:db/migration")
          .connectRetries(0);
      if (target != null) {
        config.target(target);
      }
      var result = config.load().migrate();
      if (result.migrationsExecuted > 0) {
        LOG.info("sink: PostgreSQL schema migrated to version {} ({} migration(s))", result.targetSchemaVersion, result.migrationsExecuted);
      }
    } catch (FlywayException e) {
      boolean unreachable = e.getCause() instanceof SQLException sql && isTransient(sql);
      throw new StoreException("cannot migrate the PostgreSQL schema at " + redact(jdbcUrl) + ": " + e.getMessage(), unreachable, e);
    }
  }

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public void write(List<EnrichedArticle> batch) throws StoreException {
    if (batch.isEmpty()) {
      return;
    }
    try {
      Connection c = connection();
      try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
        for (EnrichedArticle a : batch) {
          bind(c, ps, a);
          ps.addBatch();
        }
        ps.executeBatch();
        c.commit();
      } catch (SQLException e) {
        rollbackQuietly(c);
        throw e;
      }
    } catch (RuntimeException | AssertionError e) {
      // The driver can fail this way when the connection dies in the middle of a batch.
      closeQuietly();
      throw new StoreException("PostgreSQL connection failed during a batch of " + batch.size() + ": " + e, true, e);
    } catch (SQLException e) {
      SQLException root = e.getNextException() != null ? e.getNextException() : e;
      boolean transientFailure = isTransient(root);
      if (transientFailure) {
        closeQuietly();
      }
      throw new StoreException("PostgreSQL refused a batch of " + batch.size() + " (SQLState " + root.getSQLState() + "): "
          + root.getMessage(), transientFailure, root);
    }
  }

  private void bind(Connection c, PreparedStatement ps, EnrichedArticle a) throws SQLException {
    var node = ArticleJson.toNode(a);
    int i = 1;
    ps.setString(i++, a.getId());
    ps.setString(i++, a.getUrl());
    ps.setString(i++, a.getFeedUrl());
    ps.setString(i++, a.getSource());
    ps.setString(i++, a.getTitle());
    ps.setString(i++, a.getText());
    ps.setString(i++, a.getLanguage());
    ps.setArray(i++, c.createArrayOf("text", a.getAuthors().toArray()));
    setTime(ps, i++, a.getPublished());
    setTime(ps, i++, a.getFetchedAt());
    setTime(ps, i++, a.getEnrichedAt());
    ps.setBoolean(i++, a.getUpdated());
    ps.setString(i++, json((ArrayNode) node.get("actors")));
    ps.setString(i++, json((ArrayNode) node.get("events")));
    ps.setArray(i++, c.createArrayOf("text", a.getActorCodes().toArray()));
    ps.setArray(i++, c.createArrayOf("text", a.getEventTypes().toArray()));
    ps.setString(i++, a.getDedup().getVerdict().name());
    ps.setString(i++, a.getDedup().getDuplicateOf());
    ps.setString(i++, a.getDedup().getClusterId());
    ps.setDouble(i++, a.getDedup().getSimilarity());
    ps.setString(i, json(node.get("dedup")));
  }

  private static String json(Object node) throws SQLException {
    try {
      return JSON.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new SQLException("cannot encode JSON: " + e.getMessage(), "22000", e);
    }
  }

  private static void setTime(PreparedStatement ps, int index, Instant t) throws SQLException {
    if (t == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, java.time.OffsetDateTime.ofInstant(t, java.time.ZoneOffset.UTC));
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null || connection.isClosed()) {
      connection = DriverManager.getConnection(jdbcUrl, properties);
      connection.setAutoCommit(false);
    }
    return connection;
  }

  /**
   * Connection problems (class 08), a server shutting down (57P), resource shortages (53),
   * serialization failures and deadlocks (40) may succeed later; anything else (bad data, 22 or 23)
   * will not.
   */
  static boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    if (state == null) {
      return true;
    }
    return state.startsWith("08") || state.startsWith("57P") || state.startsWith("53") || state.startsWith("40")
        || state.equals("55P03") || state.equals("XX000") && e.getMessage() != null && e.getMessage().contains("connection");
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // The connection is probably gone; it is reopened at the next write.
    }
  }

  private void closeQuietly() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException ignored) {
      // Already broken.
    }
    connection = null;
  }

  /** The JDBC URL without its password, for messages. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  @Override
  public void close() {
    closeQuietly();
  }
}
