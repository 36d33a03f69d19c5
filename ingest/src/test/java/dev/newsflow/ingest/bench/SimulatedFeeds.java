package dev.newsflow.ingest.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many feeds on many hosts behind one loopback port: the fetcher is told to use this server as its
 * HTTP proxy ({@code fetch.proxy}), so it receives absolute request URIs such as {@code
 * http://feeds-7.example/feed-1207.xml} and answers for any host. Each feed has a fixed ETag: a
 * request whose {@code If-None-Match} matches gets {@code 304}, any other a small RSS document.
 * The arrival time of every feed request is recorded (epoch milliseconds) for the lateness figures.
 *
 * <p>Requests with a relative URI are the benchmark's own control calls: {@code /__bench/stats}
 * (counters and this JVM's CPU time) and {@code /__bench/arrivals} (one line per feed: URL, then
 * its arrival times).
 */
final class SimulatedFeeds implements AutoCloseable {
  private static final int SMALL = 8;

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final int items;
  private final Map<String, Arrivals> arrivals = new ConcurrentHashMap<>();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong notModified = new AtomicLong();
  private final AtomicLong full = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();

  /** Times one feed was asked for; a feed is asked one request at a time, the lock is uncontended. */
  private static final class Arrivals {
    private long[] times = new long[SMALL];
    private int size;

    synchronized void add(long t) {
      if (size == times.length) {
        times = Arrays.copyOf(times, size * 2);
      }
      times[size++] = t;
    }

    synchronized long[] snapshot() {
      return Arrays.copyOf(times, size);
    }
  }

  /** Starts on a free loopback port; every feed lists {@code items} items (links never fetched: 0 is the default). */
  SimulatedFeeds(int items) {
    this.items = items;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The {@code host:port} to give as {@code fetch.proxy}. */
  String proxy() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** The ETag of a feed URL: stable, so every poll after the first is conditional and answered 304. */
  static String etag(String feedUrl) {
    return "\"" + Integer.toHexString(feedUrl.hashCode()) + "-1\"";
  }

  long requests() {
    return requests.get();
  }

  long notModified() {
    return notModified.get();
  }

  /** Arrival times (epoch ms) per feed URL. */
  Map<String, long[]> arrivals() {
    Map<String, long[]> copy = new ConcurrentHashMap<>();
    arrivals.forEach((url, a) -> copy.put(url, a.snapshot()));
    return copy;
  }

  private void handle(HttpExchange ex) throws IOException {
    long arrived = System.currentTimeMillis();
    try (ex) {
      URI uri = ex.getRequestURI();
      if (uri.getHost() == null) {
        control(ex, uri.getPath());
        return;
      }
      requests.incrementAndGet();
      String url = "http://" + uri.getHost() + uri.getPath();
      if (!uri.getPath().startsWith("/feed-")) {
        errors.incrementAndGet();
        send(ex, 404, "text/plain", "no such feed".getBytes(StandardCharsets.UTF_8));
        return;
      }
      arrivals.computeIfAbsent(url, u -> new Arrivals()).add(arrived);
      String etag = etag(url);
      ex.getResponseHeaders().set("ETag", etag);
      if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        notModified.incrementAndGet();
        ex.sendResponseHeaders(304, -1);
        return;
      }
      full.incrementAndGet();
      send(ex, 200, "application/rss+xml; charset=utf-8", rss(url));
    }
  }

  private byte[] rss(String url) {
    StringBuilder b = new StringBuilder(256).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>")
        .append(url).append("</title><link>").append(url).append("</link><description>simulated</description>");
    for (int i = 0; i < items; i++) {
      b.append("<item><title>Item ").append(i).append("</title><guid isPermaLink=\"false\">").append(url).append('#').append(i)
          .append("</guid></item>");
    }
    return b.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private void control(HttpExchange ex, String path) throws IOException {
    StringBuilder out = new StringBuilder();
    switch (path) {
      case "/__bench/stats" -> out.append("requests=").append(requests.get()).append('\n')
          .append("notModified=").append(notModified.get()).append('\n')
          .append("full=").append(full.get()).append('\n')
          .append("errors=").append(errors.get()).append('\n')
          .append("cpuNanos=").append(JvmGauges.processCpuNanos()).append('\n')
          .append("heapUsed=").append(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()).append('\n');
      case "/__bench/arrivals" -> arrivals().forEach((url, times) -> {
        out.append(url);
        for (long t : times) {
          out.append('\t').append(t);
        }
        out.append('\n');
      });
      default -> {
        send(ex, 404, "text/plain", new byte[0]);
        return;
      }
    }
    send(ex, 200, "text/plain; charset=utf-8", out.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int code, String contentType, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
