package dev.newsflow.ingest.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Fetches URLs that strangers wrote, safely: every hop checked by the {@link AddressPolicy},
 * redirects followed by hand (at most N, loops detected), gzip/deflate decoded while streaming,
 * the decompressed body cut at a size cap, and a deadline on the whole fetch that closes a stalled
 * body stream. Thread-safe; made to be called from many virtual threads.
 *
 * <p>The JDK client leaves the connection open when a response's status line or headers cannot be
 * parsed (a non-HTTP server, endless headers): after such a failure the client is replaced and the
 * old one shut down once its other exchanges are over, which closes the abandoned connection.
 */
public final class HttpFetcher implements AutoCloseable {
  private final FetchConfig config;
  private final AddressPolicy policy;
  private final AtomicReference<HttpClient> client;
  private final ScheduledExecutorService deadlines;
  private final java.util.concurrent.Semaphore inFlight;

  public HttpFetcher(FetchConfig config) {
    this.config = config;
    this.policy = new AddressPolicy(config.allowPrivateAddresses());
    this.inFlight = new java.util.concurrent.Semaphore(config.maxInFlight(), true);
    this.client = new AtomicReference<>(newClient(config));
    this.deadlines =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("fetch-deadlines").unstarted(r));
  }

  private static HttpClient newClient(FetchConfig config) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(Executors.newVirtualThreadPerTaskExecutor());
    if (config.proxy() != null) {
      builder.proxy(ProxySelector.of(config.proxy()));
    }
    return builder.build();
  }

  /**
   * Replaces {@code broken} (unless another thread already did) and shuts it down in the background:
   * its other exchanges get the total timeout to finish, then whatever is left is closed.
   */
  private void retire(HttpClient broken) {
    if (client.get() != broken) {
      return;
    }
    HttpClient fresh = newClient(config);
    if (!client.compareAndSet(broken, fresh)) {
      fresh.close();
      return;
    }
    Thread.ofVirtual().name("fetch-retire-client").start(() -> {
      broken.shutdown();
      try {
        if (!broken.awaitTermination(config.totalTimeout().plusSeconds(1))) {
          broken.shutdownNow();
        }
      } catch (InterruptedException e) {
        broken.shutdownNow();
      }
    });
  }

  /** Fetches {@code url} with no conditional headers. */
  public FetchResult fetch(URI url) {
    return fetch(url, Map.of());
  }

  /**
   * Fetches {@code url}, sending {@code extraHeaders} (e.g. {@code If-None-Match}) on the first
   * request only.
   */
  public FetchResult fetch(URI url, Map<String, String> extraHeaders) {
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new FetchResult.Failed(url, FetchStatus.IO_ERROR, 0, "interrupted", Duration.ZERO, null);
    }
    try {
      return exchange(url, extraHeaders);
    } finally {
      inFlight.release();
    }
  }

  private FetchResult exchange(URI url, Map<String, String> extraHeaders) {
    long start = System.nanoTime();
    Set<URI> visited = new HashSet<>();
    URI current = url;
    boolean permanent = true;
    boolean redirected = false;
    for (int hop = 0; hop <= config.maxRedirects(); hop++) {
      Optional<FetchResult.Failed> refusal = policy.check(current);
      if (refusal.isPresent()) {
        FetchResult.Failed f = refusal.get();
        return new FetchResult.Failed(url, f.status(), 0, f.message(), since(start), null);
      }
      if (!visited.add(current)) {
        return failed(url, FetchStatus.TOO_MANY_REDIRECTS, 0, "redirect loop back to " + current, start, null);
      }
      Duration left = config.totalTimeout().minus(since(start));
      if (left.isNegative() || left.isZero()) {
        return failed(url, FetchStatus.TIMEOUT, 0, "total timeout of " + config.totalTimeout().toMillis() + " ms exceeded", start, null);
      }
      HttpResponse<InputStream> response;
      HttpClient http = client.get();
      try {
        response = http.send(request(current, hop == 0 ? extraHeaders : Map.of(), left), HttpResponse.BodyHandlers.ofInputStream());
      } catch (HttpConnectTimeoutException e) {
        return failed(url, FetchStatus.TIMEOUT, 0, "connect timeout after " + config.connectTimeout().toMillis() + " ms to " + current.getHost(), start, null);
      } catch (HttpTimeoutException e) {
        return failed(url, FetchStatus.TIMEOUT, 0, "no response headers within " + Math.min(config.requestTimeout().toMillis(), left.toMillis()) + " ms", start, null);
      } catch (ConnectException e) {
        return failed(url, FetchStatus.IO_ERROR, 0, "connection refused by " + current.getHost() + ":" + port(current), start, null);
      } catch (ProtocolException e) {
        retire(http);
        return failed(url, FetchStatus.IO_ERROR, 0, "not an HTTP response from " + current.getHost() + ": " + e.getMessage(), start, null);
      } catch (IOException e) {
        return failed(url, FetchStatus.IO_ERROR, 0, e.getClass().getSimpleName() + ": " + e.getMessage(), start, null);
      } catch (IllegalArgumentException e) {
        return failed(url, FetchStatus.BAD_URL, 0, "cannot request " + current + ": " + e.getMessage(), start, null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return failed(url, FetchStatus.IO_ERROR, 0, "interrupted", start, null);
      }
      int code = response.statusCode();
      HttpHeaders headers = response.headers();
      if (isRedirect(code)) {
        closeQuietly(response.body());
        Optional<String> location = headers.firstValue("location");
        if (location.isEmpty()) {
          return failed(url, FetchStatus.HTTP_ERROR, code, "redirect " + code + " without a Location header", start, headers);
        }
        try {
          current = current.resolve(location.get().strip().replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
          return failed(url, FetchStatus.BAD_URL, code, "redirect to a malformed Location: " + location.get(), start, headers);
        }
        permanent &= code == 301 || code == 308;
        redirected = true;
        continue;
      }
      if (code == 304) {
        closeQuietly(response.body());
        return new FetchResult.NotModified(url, headers, since(start));
      }
      if (code < 200 || code > 299) {
        closeQuietly(response.body());
        return failed(url, FetchStatus.HTTP_ERROR, code, "HTTP " + code + " from " + current, start, headers);
      }
      return readBody(url, current, response, start, redirected && permanent);
    }
    return failed(url, FetchStatus.TOO_MANY_REDIRECTS, 0, "more than " + config.maxRedirects() + " redirects", start, null);
  }

  private FetchResult readBody(URI url, URI finalUri, HttpResponse<InputStream> response, long start, boolean permanent) {
    Duration left = config.totalTimeout().minus(since(start));
    AtomicBoolean timedOut = new AtomicBoolean();
    InputStream raw = response.body();
    ScheduledFuture<?> deadline =
        deadlines.schedule(
            () -> {
              timedOut.set(true);
              closeQuietly(raw);
            },
            Math.max(1, left.toMillis()),
            TimeUnit.MILLISECONDS);
    try (InputStream in = decode(raw, response.headers())) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.maxBodyBytes() + 1));
      if (body.length > config.maxBodyBytes()) {
        return failed(url, FetchStatus.TOO_LARGE, response.statusCode(),
            "body larger than the cap of " + config.maxBodyBytes() + " bytes (after decompression)", start, response.headers());
      }
      return new FetchResult.Fetched(url, finalUri, response.statusCode(), response.headers(), body, since(start), permanent);
    } catch (IOException e) {
      if (timedOut.get()) {
        return failed(url, FetchStatus.TIMEOUT, response.statusCode(),
            "body not received within the total timeout of " + config.totalTimeout().toMillis() + " ms", start, response.headers());
      }
      return failed(url, FetchStatus.IO_ERROR, response.statusCode(),
          "reading body: " + e.getClass().getSimpleName() + ": " + e.getMessage(), start, response.headers());
    } finally {
      deadline.cancel(false);
      closeQuietly(raw);
    }
  }

  private static InputStream decode(InputStream raw, HttpHeaders headers) throws IOException {
    String encoding = headers.firstValue("content-encoding").orElse("").strip().toLowerCase(Locale.ROOT);
    return switch (encoding) {
      case "gzip", "x-gzip" -> new GZIPInputStream(raw, 8192);
      case "deflate" -> new InflaterInputStream(raw);
      default -> raw;
    };
  }

  private HttpRequest request(URI uri, Map<String, String> extraHeaders, Duration left) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .GET()
            .timeout(config.requestTimeout().compareTo(left) < 0 ? config.requestTimeout() : left)
            .header("User-Agent", config.userAgent())
            .header("Accept-Encoding", "gzip, deflate");
    extraHeaders.forEach(b::header);
    return b.build();
  }

  private static boolean isRedirect(int code) {
    return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
  }

  private static int port(URI uri) {
    return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static FetchResult.Failed failed(URI url, FetchStatus status, int code, String message, long start, HttpHeaders headers) {
    return new FetchResult.Failed(url, status, code, message, since(start), headers);
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException | RuntimeException e) {
      // Nothing to do: the stream is being abandoned.
    }
  }

  @Override
  public void close() {
    deadlines.shutdownNow();
    client.get().close();
  }
}
