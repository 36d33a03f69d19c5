package dev.newsflow.ingest.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A local HTTP server for fetch tests: handlers by path, a request counter per path. */
public final class TestServer implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

  public TestServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  /** Serves {@code handler} at {@code path}. */
  public TestServer on(String path, HttpHandler handler) {
    server.createContext(path, exchange -> {
      hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      try (exchange) {
        handler.handle(exchange);
      }
    });
    return this;
  }

  /** Serves a fixed body at {@code path}. */
  public TestServer serve(String path, String contentType, String body) {
    return on(path, ex -> send(ex, 200, contentType, body.getBytes(StandardCharsets.UTF_8)));
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  public int hits(String path) {
    AtomicInteger n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  public static void send(HttpExchange ex, int code, String contentType, byte[] body) throws IOException {
    if (contentType != null) {
      ex.getResponseHeaders().set("Content-Type", contentType);
    }
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
  }
}
