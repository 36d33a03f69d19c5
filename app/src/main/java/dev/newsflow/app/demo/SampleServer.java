package dev.newsflow.app.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves the demo sample on a free loopback port, standing in for the sample's outlets: the
 * fetcher is pointed at it as its HTTP proxy ({@code fetch.proxy}), so feeds and pages keep their
 * real-looking URLs and hosts. Requests are routed by host and path.
 */
public final class SampleServer implements AutoCloseable {
  private record Served(byte[] body, String contentType) {}

  private final HttpServer server;
  private final Map<String, Served> files = new HashMap<>();
  private final AtomicInteger requests = new AtomicInteger();

  private SampleServer(SampleManifest manifest) throws IOException {
    for (SampleManifest.Resource r : manifest.feeds()) {
      files.put(r.hostAndPath(), new Served(read(r.file()), r.contentType()));
    }
    for (SampleManifest.Resource r : manifest.articles()) {
      files.put(r.hostAndPath(), new Served(read(r.file()), r.contentType()));
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  /** Starts serving {@code manifest} on a free loopback port. */
  public static SampleServer start(SampleManifest manifest) {
    try {
      return new SampleServer(manifest);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the sample server", e);
    }
  }

  /** {@code host:port} to use as {@code fetch.proxy}. */
  public String proxyAddress() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Requests served so far. */
  public int requests() {
    return requests.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String host = uri.getHost() != null ? uri.getHost() : hostHeader(exchange);
      Served served = files.get(host.toLowerCase(Locale.ROOT) + uri.getRawPath());
      if (served == null || !"GET".equals(exchange.getRequestMethod())) {
        byte[] body = "not in the sample\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(served == null ? 404 : 405, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", served.contentType());
      exchange.sendResponseHeaders(200, served.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(served.body());
      }
    }
  }

  private static String hostHeader(HttpExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null) {
      return "";
    }
    int colon = host.lastIndexOf(':');
    return colon > 0 ? host.substring(0, colon) : host;
  }

  private static byte[] read(String file) throws IOException {
    try (InputStream in = SampleServer.class.getResourceAsStream(SampleManifest.BASE + file)) {
      if (in == null) {
        throw new IOException("sample file missing from the classpath: " + file);
      }
      return in.readAllBytes();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
