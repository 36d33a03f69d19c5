package dev.newsflow.sink.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.schemas.Actor;
import dev.newsflow.schemas.Dedup;
import dev.newsflow.schemas.DedupVerdict;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.EventTag;
import dev.newsflow.sink.store.StoreException;
import dev.newsflow.sink.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresStoreIT {
  private TestDatabase db;

  @BeforeEach
  void create() throws Exception {
    db = TestDatabase.create();
  }

  @AfterEach
  void drop() throws Exception {
    if (db != null) { // null when the test was skipped: no PostgreSQL here
      db.close();
    }
  }

  static EnrichedArticle article(String id, String title, String text, Instant enrichedAt) {
    return EnrichedArticle.newBuilder()
        .setId(id).setUrl("https://news.example.com/" + id).setFeedUrl("https://news.example.com/feed")
        .setTitle(title).setText(text).setPublished(Instant.parse("2022-12-13T05:15:00Z"))
        .setFetchedAt(Instant.parse("2026-11-23T05:00:00Z")).setEnrichedAt(enrichedAt).setSource("news.example.com")
        .setActors(List.of(Actor.newBuilder().setCode("PRKGOV").setName("North Korea").setRole("GOV").setMentions(2).setSalience(0.8).build(),
            Actor.newBuilder().setCode("USAGOV").setName("United States").setRole("GOV").setMentions(1).setSalience(0.5).build()))
        .setEvents(List.of(EventTag.newBuilder().setType("SANCTION").setSource("USAGOV").setTarget("PRKGOV")
            .setSentence("The US imposed new sanctions on North Korea.").setOffset(0).setConfidence(0.9).build()))
        .setActorCodes(List.of("PRKGOV", "USAGOV")).setEventTypes(List.of("SANCTION"))
        .setDedup(Dedup.newBuilder().setVerdict(DedupVerdict.UNIQUE).setClusterId(id).build())
        .build();
  }

  private long count(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private List<String> strings(String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }

  @Test
  void theSameBatchTwiceGivesTheSameRows() throws Exception {
    Instant t = Instant.parse("2026-11-23T05:00:01Z");
    List<EnrichedArticle> batch = List.of(article("a", "Sanctions on North Korea", "The US imposed new sanctions.", t),
        article("b", "Missile launch", "Pyongyang launched a missile.", t));
    try (PostgresStore store = new PostgresStore(db.url())) {
      store.write(batch);
      store.write(batch);
    }
    assertThat(count("SELECT count(*) FROM articles")).isEqualTo(2);
    assertThat(strings("SELECT title FROM articles ORDER BY id")).containsExactly("Sanctions on North Korea", "Missile launch");
  }

  @Test
  void aNewerVersionReplacesTheRowAndAnOlderReplayDoesNot() throws Exception {
    try (PostgresStore store = new PostgresStore(db.url())) {
      store.write(List.of(article("a", "First", "First text.", Instant.parse("2026-11-23T05:00:01Z"))));
      store.write(List.of(article("a", "Corrected", "Corrected text.", Instant.parse("2026-11-23T06:00:00Z"))));
      store.write(List.of(article("a", "First", "First text.", Instant.parse("2026-11-23T05:00:01Z"))));
    }
    assertThat(strings("SELECT title FROM articles")).containsExactly("Corrected");
  }

  @Test
  void supportsTheQueriesOfANewsMonitor() throws Exception {
    try (PostgresStore store = new PostgresStore(db.url())) {
      store.write(List.of(article("a", "US sanctions North Korea", "Washington imposed sanctions on Pyongyang over missile tests.", Instant.now())));
    }
    assertThat(count("SELECT count(*) FROM articles WHERE search @@ websearch_to_tsquery('english', 'missile sanctions')")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM articles WHERE search @@ websearch_to_tsquery('english', 'earthquake')")).isZero();
    assertThat(count("""
        SELECT count(*) FROM articles a WHERE a.fetched_at > now() - interval '10 years' AND EXISTS (
          SELECT 1 FROM jsonb_array_elements(a.events) e WHERE e->>'type' = 'SANCTION'
            AND (left(e->>'source', 3) = 'PRK' OR left(e->>'target', 3) = 'PRK'))""")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM articles WHERE actor_codes && ARRAY['PRKGOV'] AND 'SANCTION' = ANY(event_types)")).isEqualTo(1);
  }

  @Test
  void migratesAnEmptyDatabaseAndOneAtThePreviousVersion() throws Exception {
    PostgresStore.migrate(db.url(), "1");
    try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement()) {
      s.execute("""
          INSERT INTO articles (id, url, feed_url, source, title, body, fetched_at, enriched_at, actors, events,
            dedup_verdict, cluster_id, similarity)
          VALUES ('old', 'https://x.example/old', 'f', 'x.example', 'Old sanctions story', 'Sanctions were imposed.',
            now(), now(), '[{"code":"PRK"}]', '[{"type":"SANCTION"}]', 'UNIQUE', 'old', 1.0)""");
    }
    try (PostgresStore store = new PostgresStore(db.url())) {
      store.write(List.of(article("new", "New", "New text.", Instant.now())));
    }
    assertThat(strings("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")).containsExactly("1", "2");
    assertThat(strings("SELECT array_to_string(actor_codes, ',') || '/' || array_to_string(event_types, ',') FROM articles WHERE id = 'old'"))
        .containsExactly("PRK/SANCTION");
    assertThat(count("SELECT count(*) FROM articles WHERE search @@ to_tsquery('english', 'sanction')")).isEqualTo(1);
  }

  @Test
  void refusedDataIsAPermanentFailureAndAnUnreachableServerATransientOne() throws Exception {
    try (PostgresStore store = new PostgresStore(db.url())) {
      assertThatThrownBy(() -> store.write(List.of(article("nul", "Bad \u0000 title", "text", Instant.now()))))
          .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isTransient()).isFalse());
    }
    assertThatThrownBy(() -> new PostgresStore(TestDatabase.withDatabase("jdbc:postgresql://127.0.0.1:1/x?user=postgres", "x")))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isTransient()).isTrue());
  }
}
