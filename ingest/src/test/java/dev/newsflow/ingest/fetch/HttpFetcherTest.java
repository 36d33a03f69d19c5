package dev.newsflow.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.ingest.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
  private final TestServer server = new TestServer();
  private final HttpFetcher fetcher = new HttpFetcher(config(true));

  static FetchConfig config(boolean allowPrivate) {
    return new FetchConfig(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(3), 64 * 1024, 3,
        "newsflow-test (+https://example.org/contact)", allowPrivate, null);
  }

  @AfterEach
  void stop() {
    fetcher.close();
    server.close();
  }

  @Test
  void fetchesABodyAndSendsAnHonestUserAgent() {
    String[] agent = new String[1];
    server.on("/feed", ex -> {
      agent[0] = ex.getRequestHeaders().getFirst("User-Agent");
      TestServer.send(ex, 200, "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
    });
    FetchResult r = fetcher.fetch(server.uri("/feed"));
    assertThat(r).isInstanceOfSatisfying(FetchResult.Fetched.class, f -> {
      assertThat(new String(f.body(), StandardCharsets.UTF_8)).isEqualTo("<rss/>");
      assertThat(f.header("content-type")).isEqualTo("application/rss+xml");
    });
    assertThat(agent[0]).isEqualTo("newsflow-test (+https://example.org/contact)");
  }

  @Test
  void refusesLoopbackUnlessAllowed() {
    server.serve("/feed", "text/xml", "<rss/>");
    try (HttpFetcher strict = new HttpFetcher(config(false))) {
      FetchResult r = strict.fetch(server.uri("/feed"));
      assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class, f -> assertThat(f.status()).isEqualTo(FetchStatus.REFUSED_ADDRESS));
    }
    assertThat(server.hits("/feed")).isZero();
  }

  @Test
  void followsRedirectsAndReportsPermanentOnes() {
    server.on("/old", ex -> {
      ex.getResponseHeaders().set("Location", "/new");
      TestServer.send(ex, 301, null, new byte[0]);
    });
    server.serve("/new", "text/xml", "<rss/>");
    FetchResult r = fetcher.fetch(server.uri("/old"));
    assertThat(r).isInstanceOfSatisfying(FetchResult.Fetched.class, f -> {
      assertThat(f.finalUri().getPath()).isEqualTo("/new");
      assertThat(f.permanentRedirect()).isTrue();
    });
  }

  @Test
  void stopsARedirectLoop() {
    server.on("/a", ex -> {
      ex.getResponseHeaders().set("Location", "/b");
      TestServer.send(ex, 302, null, new byte[0]);
    });
    server.on("/b", ex -> {
      ex.getResponseHeaders().set("Location", "/a");
      TestServer.send(ex, 302, null, new byte[0]);
    });
    FetchResult r = fetcher.fetch(server.uri("/a"));
    assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
      assertThat(f.status()).isEqualTo(FetchStatus.TOO_MANY_REDIRECTS);
      assertThat(f.message()).contains("loop");
    });
  }

  @Test
  void checksEveryRedirectHopAgainstTheAddressPolicy() {
    server.on("/to-file", ex -> {
      ex.getResponseHeaders().set("Location", "file:///etc/passwd");
      TestServer.send(ex, 302, null, new byte[0]);
    });
    FetchResult r = fetcher.fetch(server.uri("/to-file"));
    assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class, f -> assertThat(f.status()).isEqualTo(FetchStatus.REFUSED_SCHEME));
  }

  @Test
  void cutsABodyLargerThanTheCap() {
    server.on("/huge", ex -> TestServer.send(ex, 200, "text/html", new byte[200 * 1024]));
    FetchResult r = fetcher.fetch(server.uri("/huge"));
    assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class, f -> assertThat(f.status()).isEqualTo(FetchStatus.TOO_LARGE));
  }

  @Test
  void decodesGzipAndCutsAGzipBombAtTheCap() throws Exception {
    byte[] small = gzip(new byte[1000]);
    byte[] bomb = gzip(new byte[50 * 1024 * 1024]);
    assertThat(bomb.length).isLessThan(100 * 1024);
    server.on("/small", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      TestServer.send(ex, 200, "text/xml", small);
    });
    server.on("/bomb", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      TestServer.send(ex, 200, "text/xml", bomb);
    });
    assertThat(fetcher.fetch(server.uri("/small"))).isInstanceOfSatisfying(FetchResult.Fetched.class,
        f -> assertThat(f.body()).hasSize(1000));
    assertThat(fetcher.fetch(server.uri("/bomb"))).isInstanceOfSatisfying(FetchResult.Failed.class,
        f -> assertThat(f.status()).isEqualTo(FetchStatus.TOO_LARGE));
  }

  @Test
  void givesUpOnAServerThatNeverAnswers() {
    server.on("/slow", ex -> {
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    FetchResult r = fetcher.fetch(server.uri("/slow"));
    assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class, f -> assertThat(f.status()).isEqualTo(FetchStatus.TIMEOUT));
  }

  @Test
  void cutsABodyThatTrickles() {
    server.on("/trickle", ex -> {
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        for (int i = 0; i < 100; i++) {
          out.write('x');
          out.flush();
          Thread.sleep(200);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.io.IOException e) {
        // the client hung up, as it should
      }
    });
    FetchResult r = fetcher.fetch(server.uri("/trickle"));
    assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
      assertThat(f.status()).isEqualTo(FetchStatus.TIMEOUT);
      assertThat(f.message()).contains("total timeout");
    });
  }

  @Test
  void reportsNotModifiedAndHttpErrors() {
    server.on("/same", ex -> TestServer.send(ex, 304, null, new byte[0]));
    server.on("/gone", ex -> TestServer.send(ex, 410, "text/plain", "gone".getBytes(StandardCharsets.UTF_8)));
    assertThat(fetcher.fetch(server.uri("/same"), Map.of("If-None-Match", "\"v1\""))).isInstanceOf(FetchResult.NotModified.class);
    assertThat(fetcher.fetch(server.uri("/gone"))).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
      assertThat(f.status()).isEqualTo(FetchStatus.HTTP_ERROR);
      assertThat(f.httpCode()).isEqualTo(410);
    });
  }

  private static byte[] gzip(byte[] data) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(data);
    }
    return bytes.toByteArray();
  }
}
