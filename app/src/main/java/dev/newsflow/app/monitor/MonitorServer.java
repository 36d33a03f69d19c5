package dev.newsflow.app.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsflow.app.monitor.data.ArticleTail;
import dev.newsflow.app.monitor.data.MonitorAggregates;
import dev.newsflow.app.monitor.data.MonitorConfig;
import dev.newsflow.app.monitor.data.NotReadyException;
import dev.newsflow.app.monitor.data.RecentArticles;
import dev.newsflow.app.pipeline.Pipeline;
import dev.newsflow.schemas.config.Settings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor over HTTP: the pages (Live, Trends, Stories, Feeds, Search, served from the jar), the
 * JSON API of {@link MonitorApi}, {@code /health} and Prometheus {@code /metrics} (our series
 * prefixed {@code newsflow_}, plus the JVM's and Kafka Streams'). It runs with the pipeline (demo,
 * run) or alone against any cluster (monitor); its work is on its own threads (one Streams thread,
 * one consumer thread, a virtual thread per request), never on the pipeline's.
 */
public final class MonitorServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MonitorServer.class);
  private static final Map<String, String> PAGES = Map.of(
      "/", "live.html", "/live", "live.html", "/trends", "trends.html", "/stories", "stories.html",
      "/feeds", "feeds.html", "/search", "search.html");
  private static final Pattern ASSET = Pattern.compile("/static/([a-z][a-z-]*\\.(css|js|svg))");

  private final PrometheusMeterRegistry registry;
  private final KafkaStreamsMetrics streamsMetrics;
  private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  private final Pipeline pipeline;
  private final MonitorAggregates aggregates;
  private final RecentArticles recent;
  private final ArticleTail tail;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpServer server;
  private final MonitorApi api;

  private MonitorServer(Settings settings, Pipeline pipeline, InetSocketAddress address) throws IOException {
    this.pipeline = pipeline;
    registry = pipeline != null ? pipeline.registry() : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MonitorConfig config = MonitorConfig.from(settings);
    recent = new RecentArticles(config.recentSize());
    aggregates = new MonitorAggregates(config);
    streamsMetrics = new KafkaStreamsMetrics(aggregates.kafkaStreams(), Tags.of("stage", "monitor"));
    ArticleStream stream = new ArticleStream(recent, json, config.maxStreamClients());
    api = new MonitorApi(aggregates, recent, new ArticleSearch(config.jdbcUrl()), stream, this::health, registry::scrape,
        Clock.systemUTC(), json);
    bindMetrics(stream);
    server = HttpServer.create(address, 0);
    server.setExecutor(executor);
    for (Route route : api.routes()) {
      server.createContext(route.path(), ex -> serve(route, ex));
    }
    server.createContext("/", this::page);
    aggregates.start();
    tail = ArticleTail.start(config, recent);
    server.start();
  }

  /**
   * Serves the monitor on {@code port} (0: a free port) of every interface; {@code pipeline} is the
   * pipeline running in this JVM, or null when the monitor runs alone.
   */
  public static MonitorServer start(Settings settings, Pipeline pipeline, int port) {
    try {
      return new MonitorServer(settings, pipeline, new InetSocketAddress(port));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve the monitor on port " + port + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * The JVM's, the monitor's own and its Kafka Streams' meters. The stages of a pipeline count in
   * its registry themselves (fetches, articles, verdicts, tags, lag, dead letters, Kafka clients).
   */
  private void bindMetrics(ArticleStream stream) {
    MetricsServer.bindJvm(registry);
    streamsMetrics.bindTo(registry);
    Gauge.builder("newsflow_monitor_recent_articles", recent, RecentArticles::size)
        .description("Articles the monitor holds for the Live page").register(registry);
    Gauge.builder("newsflow_monitor_stream_clients", stream, ArticleStream::clients)
        .description("Clients following /api/stream").register(registry);
    if (pipeline != null) {
      Gauge.builder("newsflow_enrich_running", pipeline.enrich(), e -> e.state() == KafkaStreams.State.RUNNING ? 1 : 0)
          .description("1 when the enrich Streams instance is RUNNING").register(registry);
    }
  }

  /**
   * Live: no component has stopped or failed (a restart would help). Ready: every component is
   * serving (the Streams instances RUNNING, so queries and processing proceed; not while they
   * start or rebalance).
   */
  private MonitorApi.Health health() {
    Map<String, String> components = new LinkedHashMap<>();
    KafkaStreams.State monitor = aggregates.state();
    components.put("monitor", monitor.name());
    boolean live = !failed(monitor);
    boolean ready = monitor == KafkaStreams.State.RUNNING;
    if (pipeline != null) {
      KafkaStreams.State enrich = pipeline.enrich().state();
      boolean ingest = pipeline.ingest().running();
      boolean sink = pipeline.sink().running();
      components.put("ingest", ingest ? "UP" : "DOWN");
      components.put("enrich", enrich.name());
      components.put("sink", sink ? "UP" : "DOWN");
      live &= !failed(enrich) && ingest && sink;
      ready &= enrich == KafkaStreams.State.RUNNING;
    }
    return new MonitorApi.Health(live, live && ready, components);
  }

  private static boolean failed(KafkaStreams.State s) {
    return switch (s) {
      case CREATED, REBALANCING, RUNNING -> false;
      case PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR, ERROR -> true;
    };
  }

  private void serve(Route route, HttpExchange ex) throws IOException {
    try {
      if (!ex.getRequestURI().getPath().equals(route.path())) {
        api.error(ex, 404, null, "no such endpoint: " + ex.getRequestURI().getPath() + " (see /api/openapi.yaml)");
      } else if (!"GET".equals(ex.getRequestMethod())) {
        ex.getResponseHeaders().set("Allow", "GET");
        api.error(ex, 405, null, "use GET, not " + ex.getRequestMethod());
      } else {
        route.handler().handle(Params.parse(ex.getRequestURI().getRawQuery(), route.params()), ex);
      }
    } catch (BadRequest e) {
      api.error(ex, 400, e.parameter(), e.getMessage());
    } catch (NotReadyException e) {
      api.error(ex, 503, null, e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("monitor: {} failed", ex.getRequestURI(), e);
      api.error(ex, 500, null, "internal error: " + e);
    } finally {
      ex.close();
    }
  }

  private void page(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String page = PAGES.get(path);
      var asset = ASSET.matcher(path);
      String resource = page != null ? page : asset.matches() ? asset.group(1) : null;
      try (InputStream in = resource == null ? null : MonitorServer.class.getResourceAsStream("/monitor/" + resource)) {
        if (in == null) {
          MonitorApi.send(ex, 404, "text/plain; charset=utf-8", "not found: " + path + "\n");
          return;
        }
        String type = resource.endsWith(".html") ? "text/html" : resource.endsWith(".css") ? "text/css"
            : resource.endsWith(".js") ? "text/javascript" : "image/svg+xml";
        MonitorApi.send(ex, 200, type + "; charset=utf-8", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    tail.close();
    aggregates.close();
    streamsMetrics.close();
    if (pipeline == null) {
      registry.close();
    }
  }
}
