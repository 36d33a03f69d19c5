package dev.newsflow.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.broker.testkit.TestKafka;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.FeedState;
import dev.newsflow.schemas.FetchEvent;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API over records written to the topics: what the pages show, computed by the monitor. */
class MonitorApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dataDir;
  private static MonitorHarness h;

  @BeforeAll
  static void start() throws Exception {
    TestKafka.guardExit();
    h = new MonitorHarness(dataDir, Map.of());
    Instant now = Instant.now();
    h.produce(h.topics.enriched(), EnrichedArticle::getId, MonitorFixture.newsDay(now));
    h.produce(h.topics.fetchEvents(), FetchEvent::getFeedUrl, MonitorFixture.polls(now));
    h.produce(h.topics.feedState(), FeedState::getUrl, MonitorFixture.states(now));
  }

  @AfterAll
  static void stop() {
    if (h != null) {
      h.close();
    }
  }

  private static JsonNode json(String pathAndQuery) throws Exception {
    HttpResponse<String> r = h.get(pathAndQuery);
    assertThat(r.statusCode()).as("%s: %s", pathAndQuery, r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  void foldsCopiesUnderTheFirstArticleAndFilters() throws Exception {
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> json("/api/articles").path("buffered").asInt() == 15);
    JsonNode all = json("/api/articles").path("articles");
    assertThat(all).hasSize(12);
    JsonNode sanctions = all.findParents("id").stream().filter(a -> a.path("id").asText().equals("a01")).findFirst().orElseThrow();
    assertThat(sanctions.path("copyCount").asInt()).isEqualTo(2);
    assertThat(sanctions.path("events").get(0).path("sentence").asText()).contains("US Treasury");

    List<String> prk = ids(json("/api/articles?actor=PRK"));
    assertThat(prk).contains("a01", "a02", "a07", "a10").doesNotContain("a03", "a12");
    assertThat(ids(json("/api/articles?actor=prk&event=SANCTION"))).containsExactlyInAnyOrder("a01", "a09");
    assertThat(ids(json("/api/articles?lang=ko"))).containsExactly("a08");
    assertThat(ids(json("/api/articles?outlet=metro%20news&limit=2"))).hasSize(2);
    assertThat(ids(json("/api/articles?since=" + Instant.now().minus(Duration.ofHours(3))))).containsExactlyInAnyOrder("a01", "a02");
  }

  @Test
  void countsEventsPerHourByTypeAndActorAndPairs() throws Exception {
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> json("/api/trends?by=event&hours=24").path("series").size() > 0
        && total(json("/api/trends?by=event&hours=24&top=50")) == 18);
    JsonNode byEvent = json("/api/trends?by=event&hours=24&top=50");
    assertThat(byEvent.path("buckets")).hasSize(24);
    JsonNode sanction = byEvent.path("series").findParents("key").stream().filter(s -> s.path("key").asText().equals("SANCTION"))
        .findFirst().orElseThrow();
    assertThat(sanction.path("total").asInt()).as("copies do not count").isEqualTo(2);
    assertThat(byEvent.path("series").get(0).path("counts")).hasSize(24);

    JsonNode byActor = json("/api/trends?by=actor&hours=168&top=1");
    assertThat(byActor.path("series")).hasSize(1);
    assertThat(byActor.path("series").get(0).path("key").asText()).isEqualTo("PRK");
    assertThat(byActor.path("buckets")).hasSize(168);

    // The pairs are a store of their own, which can fill after the counts by type were complete.
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
      JsonNode pairs = json("/api/trends/pairs?actor=USAGOV");
      assertThat(pairs.path("actor").asText()).isEqualTo("USA");
      assertThat(pairs.path("outgoing").toString()).contains("{\"actor\":\"PRK\",\"events\":2}", "\"CHN\"", "\"KOR\"");
      assertThat(pairs.path("incoming").toString()).contains("\"CHN\"", "\"KOR\"", "\"PRK\"");
    });
  }

  @Test
  void listsStoriesLargestFirstAndFeedHealth() throws Exception {
    // Both stories, the first with both its copies and its first article's outlet: the monitor's
    // Streams state fills as records arrive, and a copy may be counted before its first article.
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
      JsonNode s = json("/api/stories").path("stories");
      return s.size() == 2 && s.get(0).path("copies").asInt() == 2 && s.get(0).path("outlets").size() == 3;
    });
    JsonNode stories = json("/api/stories").path("stories");
    assertThat(stories.get(0).path("clusterId").asText()).isEqualTo("a01");
    assertThat(stories.get(0).path("copies").asInt()).isEqualTo(2);
    assertThat(stories.get(0).path("outlets").toString()).contains("Korea Monitor", "Metro News", "Pacific Wire");
    assertThat(stories.get(1).path("clusterId").asText()).isEqualTo("a07");

    // The feed health fills as fetch events and feed states arrive: wait until all of it is there.
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
      Map<String, JsonNode> feeds = new java.util.HashMap<>();
      json("/api/feeds").path("feeds").forEach(f -> feeds.put(f.path("url").asText(), f));
      assertThat(feeds).hasSize(5);
      assertThat(feeds.get(MonitorFixture.FAILING).path("status").asText()).isEqualTo("failing");
      assertThat(feeds.get(MonitorFixture.FAILING).path("consecutiveFailures").asInt()).isEqualTo(2);
      assertThat(feeds.get(MonitorFixture.FAILING).path("lastError").asText()).contains("503");
      assertThat(feeds.get(MonitorFixture.GONE).path("status").asText()).isEqualTo("disabled");
      assertThat(feeds.get(MonitorFixture.GONE).path("disabledReason").asText()).contains("404");
      assertThat(feeds.get(MonitorFixture.KOREA).path("status").asText()).isEqualTo("ok");
      assertThat(feeds.get(MonitorFixture.KOREA).path("lastNewItemAt").isTextual()).isTrue();
    });
  }

  @Test
  void refusesBadParametersWithA400NamingThem() throws Exception {
    assertError("/api/articles?since=yesterday", 400, "since", "ISO-8601");
    assertError("/api/articles?limit=0", 400, "limit", "from 1 to 500");
    assertError("/api/articles?actor=P1", 400, "actor", "actor code");
    assertError("/api/articles?colour=red", 400, "colour", "unknown parameter 'colour'");
    assertError("/api/trends?hours=48", 400, "hours", "one of 168, 24");
    assertError("/api/trends?by=outlet", 400, "by", "one of actor, event");
    assertError("/api/trends/pairs", 400, "actor", "required");
    assertError("/api/search", 400, "q", "required");
    assertError("/api/search?q=sanctions", 503, null, "PostgreSQL");
    assertThat(h.get("/api/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void servesThePagesAndTheOpenApiFile() throws Exception {
    for (String page : List.of("/", "/live", "/trends", "/stories", "/feeds", "/search", "/static/monitor.css", "/static/live.js")) {
      assertThat(h.get(page).statusCode()).as(page).isEqualTo(200);
    }
    assertThat(h.get("/static/../openapi.yaml").statusCode()).isEqualTo(404);
    assertThat(h.get("/api/openapi.yaml").body()).startsWith("openapi: 3");
    assertThat(h.get("/metrics").body()).contains("newsflow_monitor_recent_articles");
  }

  private static void assertError(String pathAndQuery, int status, String parameter, String message) throws Exception {
    HttpResponse<String> r = h.get(pathAndQuery);
    assertThat(r.statusCode()).as(pathAndQuery).isEqualTo(status);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.path("error").asText()).as(pathAndQuery).contains(message);
    if (parameter != null) {
      assertThat(body.path("parameter").asText()).as(pathAndQuery).isEqualTo(parameter);
    }
  }

  private static List<String> ids(JsonNode body) {
    List<String> ids = new ArrayList<>();
    body.path("articles").forEach(a -> ids.add(a.path("id").asText()));
    return ids;
  }

  private static long total(JsonNode trend) {
    long t = 0;
    for (JsonNode s : trend.path("series")) {
      t += s.path("total").asLong();
    }
    return t;
  }
}
