package dev.newsflow.sink.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.schemas.Actor;
import dev.newsflow.schemas.Dedup;
import dev.newsflow.schemas.DedupVerdict;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.EventTag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesStoreTest {
  @TempDir Path dir;

  static EnrichedArticle article(String id) {
    return EnrichedArticle.newBuilder()
        .setId(id).setUrl("https://news.example.com/" + id).setFeedUrl("https://news.example.com/feed")
        .setTitle("Title " + id).setText("Para one.\n\nPara two.").setPublished(Instant.parse("2022-12-13T05:15:00Z"))
        .setFetchedAt(Instant.parse("2026-11-23T05:00:00Z")).setEnrichedAt(Instant.parse("2026-11-23T05:00:01Z"))
        .setSource("news.example.com")
        .setActors(List.of(Actor.newBuilder().setCode("PRKGOV").setName("North Korea (government)").setRole("GOV").setMentions(3).setSalience(0.8).build()))
        .setEvents(List.of(EventTag.newBuilder().setType("SANCTION").setSource("USAGOV").setTarget("PRKGOV").setSentence("The US imposed sanctions.").setOffset(10).setConfidence(0.9).build()))
        .setDedup(Dedup.newBuilder().setVerdict(DedupVerdict.UNIQUE).setClusterId(id).build())
        .build();
  }

  private static final long BIG = 1L << 30;

  private List<String> lines(String name) throws Exception {
    return Files.readAllLines(dir.resolve(name));
  }

  private List<String> files() throws Exception {
    try (var list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesOneReadableJsonObjectPerLineWithIsoTimes() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    try (JsonLinesStore store = new JsonLinesStore(dir, "host-1", BIG, clock)) {
      store.write(List.of(article("a"), article("b")));
    }
    List<String> lines = lines("articles-2026-11-23-host-1-0001.jsonl");
    assertThat(lines).hasSize(2);
    JsonNode a = new ObjectMapper().readTree(lines.get(0));
    assertThat(a.path("id").asText()).isEqualTo("a");
    assertThat(a.path("published").asText()).isEqualTo("2022-12-13T05:15:00Z");
    assertThat(a.path("text").asText()).isEqualTo("Para one.\n\nPara two.");
    for (String field : List.of("id", "url", "title", "text", "published", "source", "fetchedAt", "actors", "events", "dedup")) {
      assertThat(a.has(field)).as(field).isTrue();
    }
    assertThat(a.path("actors").get(0).path("code").asText()).isEqualTo("PRKGOV");
    assertThat(a.path("events").get(0).path("type").asText()).isEqualTo("SANCTION");
    assertThat(a.path("dedup").path("verdict").asText()).isEqualTo("UNIQUE");
    assertThat(a.path("dedup").path("duplicateOf").isNull()).isTrue();
  }

  @Test
  void writesUnderATemporaryNameAndRenamesWhenClosed() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    JsonLinesStore store = new JsonLinesStore(dir, "host-1", BIG, clock);
    store.write(List.of(article("a")));
    assertThat(files()).containsExactly("articles-2026-11-23-host-1-0001.jsonl.part");
    assertThat(lines("articles-2026-11-23-host-1-0001.jsonl.part")).as("durable before the rename").hasSize(1);
    store.close();
    assertThat(files()).containsExactly("articles-2026-11-23-host-1-0001.jsonl");
  }

  @Test
  void rollsToANewFileWhenTheSizeIsReached() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    try (JsonLinesStore store = new JsonLinesStore(dir, "host-1", 1500, clock)) {
      for (int i = 0; i < 5; i++) {
        store.write(List.of(article("a" + i)));
      }
    }
    assertThat(files()).hasSizeGreaterThan(1).allMatch(f -> f.endsWith(".jsonl"));
    int total = 0;
    for (String f : files()) {
      total += lines(f).size();
    }
    assertThat(total).isEqualTo(5);
  }

  @Test
  void startsANewFileWhenTheUtcDayChanges() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T23:59:59Z"));
    try (JsonLinesStore store = new JsonLinesStore(dir, "host-1", BIG, clock)) {
      store.write(List.of(article("a")));
      clock.now = Instant.parse("2026-11-24T00:00:01Z");
      store.write(List.of(article("b")));
    }
    assertThat(files()).containsExactly("articles-2026-11-23-host-1-0001.jsonl", "articles-2026-11-24-host-1-0001.jsonl");
  }

  @Test
  void aRestartContinuesTheSequenceAndFinishesAFileLeftByACrash() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    JsonLinesStore crashed = new JsonLinesStore(dir, "host-1", BIG, clock);
    crashed.write(List.of(article("a")));
    // No close: the process died with the file still named .part.
    try (JsonLinesStore store = new JsonLinesStore(dir, "host-1", BIG, clock)) {
      store.write(List.of(article("b")));
    }
    assertThat(files()).containsExactly("articles-2026-11-23-host-1-0001.jsonl", "articles-2026-11-23-host-1-0002.jsonl");
  }

  @Test
  void instancesWriteTheirOwnFiles() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    try (JsonLinesStore one = new JsonLinesStore(dir, "host-1", BIG, clock);
        JsonLinesStore two = new JsonLinesStore(dir, "host-2", BIG, clock)) {
      one.write(List.of(article("a")));
      two.write(List.of(article("b")));
    }
    assertThat(files()).containsExactly("articles-2026-11-23-host-1-0001.jsonl", "articles-2026-11-23-host-2-0001.jsonl");
  }

  static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
