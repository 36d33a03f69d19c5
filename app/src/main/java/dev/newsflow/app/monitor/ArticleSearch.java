package dev.newsflow.app.monitor;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Full-text search over the PostgreSQL sink's {@code articles} table (its {@code search} tsvector,
 * title weighted above text), with web-search syntax: words, "quoted phrases", OR, -excluded.
 * Snippets mark matches between {@link #MARK_START} and {@link #MARK_END}, so that a page can
 * escape the text and then highlight.
 */
final class ArticleSearch {
  static final String MARK_START = "\u0002";
  static final String MARK_END = "\u0003";
  private static final String SQL = """
      SELECT id, title, source, url, published, fetched_at, actor_codes, event_types, dedup_verdict,
          ts_rank(search, q) AS rank,
          ts_headline('english', body, q, ?) AS snippet
      FROM articles, websearch_to_tsquery('english', ?) q
      WHERE search @@ q
      ORDER BY rank DESC, published DESC NULLS LAST
      LIMIT ?
      """;

  /** One matching article. */
  record Hit(String id, String title, String source, String url, String published, String fetchedAt,
      List<String> actorCodes, List<String> eventTypes, String verdict, double rank, String snippet) {}

  private final String jdbcUrl;

  /** Searches the database at {@code jdbcUrl}; blank: search is not configured. */
  ArticleSearch(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl == null ? "" : jdbcUrl.strip();
  }

  boolean configured() {
    return !jdbcUrl.isEmpty();
  }

  List<Hit> search(String query, int limit) throws SQLException {
    Properties p = new Properties();
    p.setProperty("connectTimeout", "5");
    p.setProperty("socketTimeout", "20");
    p.setProperty("ApplicationName", "newsflow-monitor");
    try (Connection c = DriverManager.getConnection(jdbcUrl, p); PreparedStatement st = c.prepareStatement(SQL)) {
      c.setReadOnly(true);
      st.setQueryTimeout(15);
      st.setString(1, "MaxFragments=2, MaxWords=25, MinWords=10, FragmentDelimiter=\" … \", StartSel=" + MARK_START + ", StopSel=" + MARK_END);
      st.setString(2, query);
      st.setInt(3, limit);
      List<Hit> hits = new ArrayList<>();
      try (ResultSet r = st.executeQuery()) {
        while (r.next()) {
          hits.add(new Hit(r.getString("id"), r.getString("title"), r.getString("source"), r.getString("url"),
              iso(r.getTimestamp("published")), iso(r.getTimestamp("fetched_at")), strings(r.getArray("actor_codes")),
              strings(r.getArray("event_types")), r.getString("dedup_verdict"), r.getDouble("rank"), r.getString("snippet")));
        }
      }
      return hits;
    }
  }

  private static String iso(Timestamp t) {
    return t == null ? null : t.toInstant().toString();
  }

  private static List<String> strings(Array a) throws SQLException {
    return a == null ? List.of() : List.of((String[]) a.getArray());
  }
}
