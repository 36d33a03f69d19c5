package dev.newsflow.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesTheRegistryAndTheJvmInPrometheusFormatAtMetricsOnly() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Counter.builder("newsflow.dlq").tags("stage", "sink", "reason", "SINK_REJECTED").register(registry).increment(2);
    try (MetricsServer server = MetricsServer.start(registry, 0)) {
      URI base = URI.create("http://127.0.0.1:" + server.port());
      HttpResponse<String> metrics = get(HttpRequest.newBuilder(base.resolve("/metrics")).build());
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
      assertThat(metrics.body()).contains("newsflow_dlq_total{reason=\"SINK_REJECTED\",stage=\"sink\"} 2.0", "jvm_memory_used_bytes");
      assertThat(get(HttpRequest.newBuilder(base.resolve("/metrics/x")).build()).statusCode()).isEqualTo(404);
      assertThat(get(HttpRequest.newBuilder(base.resolve("/metrics")).POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode())
          .isEqualTo(405);
    }
  }

  private HttpResponse<String> get(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
