package dev.newsflow.app.monitor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Prometheus {@code /metrics} of a stage run on its own ({@code newsflow ingest|enrich|sink
 * --metrics-port N}), without the monitor's pages and Streams state: the stage's series and the
 * JVM's, scraped on a virtual thread per request.
 */
public final class MetricsServer implements AutoCloseable {
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpServer server;

  private MetricsServer(PrometheusMeterRegistry registry, InetSocketAddress address) throws IOException {
    bindJvm(registry);
    server = HttpServer.create(address, 0);
    server.setExecutor(executor);
    server.createContext("/metrics", ex -> scrape(registry, ex));
    server.start();
  }

  /** Serves {@code registry} on {@code port} (0: a free port) of every interface. */
  public static MetricsServer start(PrometheusMeterRegistry registry, int port) {
    try {
      return new MetricsServer(registry, new InetSocketAddress(port));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve /metrics on port " + port + ": " + e.getMessage(), e);
    }
  }

  /** The JVM's meters: memory, GC, threads, CPU. */
  static void bindJvm(MeterRegistry registry) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
  }

  private static void scrape(PrometheusMeterRegistry registry, HttpExchange ex) throws IOException {
    try (ex) {
      if (!ex.getRequestURI().getPath().equals("/metrics")) {
        MonitorApi.send(ex, 404, "text/plain; charset=utf-8", "not found: " + ex.getRequestURI().getPath() + " (only /metrics)\n");
      } else if (!"GET".equals(ex.getRequestMethod())) {
        ex.getResponseHeaders().set("Allow", "GET");
        MonitorApi.send(ex, 405, "text/plain; charset=utf-8", "use GET, not " + ex.getRequestMethod() + "\n");
      } else {
        MonitorApi.send(ex, 200, MonitorApi.PROMETHEUS_TYPE, registry.scrape());
      }
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
