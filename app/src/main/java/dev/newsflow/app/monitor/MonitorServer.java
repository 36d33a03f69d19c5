package dev.newsflow.app.monitor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsflow.app.pipeline.Pipeline;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The pipeline's HTTP endpoints: {@code /health} (liveness and readiness of each stage, 200 or
 * 503) and {@code /metrics} (Prometheus; our series are prefixed {@code newsflow_}, plus the JVM's
 * and Kafka Streams'). Served on its own threads, never on the processing threads.
 */
public final class MonitorServer implements AutoCloseable {
  private final HttpServer server;
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Pipeline pipeline;
  private final KafkaStreamsMetrics streamsMetrics;

  private MonitorServer(Pipeline pipeline, InetSocketAddress address) throws IOException {
    this.pipeline = pipeline;
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    streamsMetrics = new KafkaStreamsMetrics(pipeline.enrich().kafkaStreams());
    streamsMetrics.bindTo(registry);
    FunctionCounter.builder("newsflow_ingest_polls", pipeline.ingest(), f -> f.committedPolls())
        .description("Feed polls committed by this fetcher").register(registry);
    FunctionCounter.builder("newsflow_ingest_articles", pipeline.ingest(), f -> f.committedArticles())
        .description("Articles produced by this fetcher").register(registry);
    FunctionCounter.builder("newsflow_sink_written", pipeline.sink(), s -> s.written())
        .description("Articles made durable by this sink").register(registry);
    FunctionCounter.builder("newsflow_sink_dead_letters", pipeline.sink(), s -> s.deadLettered())
        .description("Records this sink sent to the dead-letter topic").register(registry);
    Gauge.builder("newsflow_enrich_running", pipeline.enrich(), e -> e.state() == KafkaStreams.State.RUNNING ? 1 : 0)
        .description("1 when the enrich Streams instance is RUNNING").register(registry);
    server = HttpServer.create(address, 0);
    server.setExecutor(Executors.newFixedThreadPool(2, r -> Thread.ofPlatform().daemon().name("monitor").unstarted(r)));
    server.createContext("/metrics", this::metrics);
    server.createContext("/health", this::health);
    server.start();
  }

  /** Serves the monitor on {@code port} (0: a free port) of every interface. */
  public static MonitorServer start(Pipeline pipeline, int port) {
    try {
      return new MonitorServer(pipeline, new InetSocketAddress(port));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve the monitor on port " + port + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void metrics(HttpExchange ex) throws IOException {
    if (!"GET".equals(ex.getRequestMethod())) {
      send(ex, 405, "text/plain", "use GET\n");
      return;
    }
    send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
  }

  private void health(HttpExchange ex) throws IOException {
    KafkaStreams.State enrich = pipeline.enrich().state();
    boolean enrichUp = enrich == KafkaStreams.State.RUNNING || enrich == KafkaStreams.State.REBALANCING;
    boolean ingestUp = pipeline.ingest().running();
    boolean up = enrichUp && ingestUp;
    String body = String.format("{\"status\":\"%s\",\"stages\":{\"ingest\":\"%s\",\"enrich\":\"%s\",\"sink\":\"UP\"}}%n",
        up ? "UP" : "DOWN", ingestUp ? "UP" : "DOWN", enrich);
    send(ex, up ? 200 : 503, "application/json", body);
  }

  private static void send(HttpExchange ex, int code, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    streamsMetrics.close();
    registry.close();
  }
}
