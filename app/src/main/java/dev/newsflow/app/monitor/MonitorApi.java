package dev.newsflow.app.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.newsflow.app.monitor.data.ArticleFilter;
import dev.newsflow.app.monitor.data.FoldedArticle;
import dev.newsflow.app.monitor.data.MonitorAggregates;
import dev.newsflow.app.monitor.data.RecentArticles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The monitor's JSON API (documented in {@code monitor/openapi.yaml}, which {@link #routes()} must
 * match), {@code /health} and {@code /metrics}. Aggregates come from the Streams state and recent
 * articles from memory; nothing here reads a topic.
 */
final class MonitorApi {
  static final String OPENAPI = "/monitor/openapi.yaml";
  static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /**
   * Liveness and readiness of the monitor and, when it runs with them, of the pipeline's stages,
   * with the state of each component.
   */
  record Health(boolean live, boolean ready, Map<String, String> components) {}

  private final MonitorAggregates aggregates;
  private final RecentArticles recent;
  private final ArticleSearch search;
  private final ArticleStream stream;
  private final Supplier<Health> health;
  private final Supplier<String> metrics;
  private final Clock clock;
  private final ObjectMapper json;

  MonitorApi(MonitorAggregates aggregates, RecentArticles recent, ArticleSearch search, ArticleStream stream,
      Supplier<Health> health, Supplier<String> metrics, Clock clock, ObjectMapper json) {
    this.aggregates = aggregates;
    this.recent = recent;
    this.search = search;
    this.stream = stream;
    this.health = health;
    this.metrics = metrics;
    this.clock = clock;
    this.json = json;
  }

  List<Route> routes() {
    return List.of(
        new Route("/api/articles", Set.of("actor", "event", "outlet", "lang", "since", "limit"), json(this::articles)),
        new Route("/api/stream", Set.of("actor", "event", "outlet", "lang"), this::stream),
        new Route("/api/trends", Set.of("hours", "by", "top"), json(this::trends)),
        new Route("/api/trends/pairs", Set.of("actor", "hours"), json(this::pairs)),
        new Route("/api/stories", Set.of("limit", "minCopies"), json(this::stories)),
        new Route("/api/feeds", Set.of(), json(p -> Map.of("feeds", aggregates.feeds()))),
        new Route("/api/search", Set.of("q", "limit"), this::search),
        new Route("/api/openapi.yaml", Set.of(), this::openapi),
        new Route("/health", Set.of(), (p, ex) -> health(ex, Health::ready)),
        new Route("/health/live", Set.of(), (p, ex) -> health(ex, Health::live)),
        new Route("/health/ready", Set.of(), (p, ex) -> health(ex, Health::ready)),
        new Route("/metrics", Set.of(), (p, ex) -> send(ex, 200, PROMETHEUS_TYPE, metrics.get())));
  }

  private static ArticleFilter filter(Params p) {
    String outlet = p.text("outlet", 200);
    return new ArticleFilter(p.actor("actor"), p.eventType("event"), outlet, p.language("lang"),
        p.instant("since"));
  }

  private Object articles(Params p) {
    ArticleFilter filter = filter(p);
    int limit = p.integer("limit", 1, 500, 100);
    ArrayNode articles = json.createArrayNode();
    for (FoldedArticle f : recent.query(filter, limit)) {
      ObjectNode a = json.valueToTree(f.article());
      a.put("copyCount", f.copies().size());
      a.set("copies", json.valueToTree(f.copies()));
      articles.add(a);
    }
    ObjectNode body = json.createObjectNode();
    body.set("articles", articles);
    body.put("buffered", recent.size());
    return body;
  }

  private void stream(Params p, HttpExchange ex) throws IOException {
    if (!stream.serve(ex, filter(p))) {
      error(ex, 503, null, "too many clients on /api/stream; try again later");
    }
  }

  private Object trends(Params p) {
    int hours = Integer.parseInt(p.oneOf("hours", Set.of("24", "168"), "24"));
    return aggregates.trend(p.oneOf("by", Set.of("event", "actor"), "event"), hours, p.integer("top", 1, 50, 8), clock.instant());
  }

  private Object pairs(Params p) {
    String actor = p.actor("actor");
    if (actor == null) {
      throw new BadRequest("actor", "parameter 'actor' is required: the actor whose pairs to show, e.g. USA");
    }
    return aggregates.pairs(actor, Integer.parseInt(p.oneOf("hours", Set.of("24", "168"), "24")), clock.instant());
  }

  private Object stories(Params p) {
    return Map.of("stories", aggregates.stories(p.integer("limit", 1, 500, 50), p.integer("minCopies", 0, 1000, 1)));
  }

  private void search(Params p, HttpExchange ex) throws IOException {
    String q = p.text("q", 500);
    if (q == null) {
      throw new BadRequest("q", "parameter 'q' is required: the words to search for, e.g. q=sanctions");
    }
    int limit = p.integer("limit", 1, 200, 50);
    if (!search.configured()) {
      error(ex, 503, null, "search needs the PostgreSQL sink: start with --sink postgres --jdbc-url URL (or set monitor.jdbc-url)");
      return;
    }
    try {
      sendJson(ex, 200, Map.of("query", q, "hits", search.search(q, limit)));
    } catch (SQLException e) {
      error(ex, 503, null, "search database unavailable: " + e.getMessage());
    }
  }

  private void openapi(Params p, HttpExchange ex) throws IOException {
    try (InputStream in = MonitorApi.class.getResourceAsStream(OPENAPI)) {
      send(ex, 200, "application/yaml; charset=utf-8", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** The health, with 200 when what the probe asks ({@code probe}: live or ready) holds, else 503. */
  private void health(HttpExchange ex, Predicate<Health> probe) throws IOException {
    Health h = health.get();
    boolean up = probe.test(h);
    sendJson(ex, up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN", "live", h.live(), "ready", h.ready(),
        "components", h.components()));
  }

  private Route.Handler json(Function<Params, Object> body) {
    return (p, ex) -> sendJson(ex, 200, body.apply(p));
  }

  void sendJson(HttpExchange ex, int code, Object body) throws IOException {
    send(ex, code, "application/json; charset=utf-8", json.writeValueAsString(body));
  }

  void error(HttpExchange ex, int code, String parameter, String message) throws IOException {
    ObjectNode body = json.createObjectNode().put("error", message);
    if (parameter != null) {
      body.put("parameter", parameter);
    }
    sendJson(ex, code, body);
  }

  static void send(HttpExchange ex, int code, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
