package dev.newsflow.app.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.newsflow.app.monitor.data.ArticleFilter;
import dev.newsflow.app.monitor.data.ArticleView;
import dev.newsflow.app.monitor.data.RecentArticles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server-sent events of new articles ({@code event: article}, data = the article as JSON). Each
 * client has a bounded queue filled without blocking by the thread that follows the topic; a client
 * too slow to keep up gets {@code event: overflow} and is closed (the browser reconnects and
 * reloads). At most {@code maxClients} at once; idle connections get a comment every 15 s.
 */
final class ArticleStream {
  private static final int QUEUE = 256;
  private static final long KEEPALIVE_SECONDS = 15;

  private final RecentArticles recent;
  private final ObjectMapper json;
  private final int maxClients;
  private final AtomicInteger clients = new AtomicInteger();

  ArticleStream(RecentArticles recent, ObjectMapper json, int maxClients) {
    this.recent = recent;
    this.json = json;
    this.maxClients = maxClients;
  }

  int clients() {
    return clients.get();
  }

  /** Streams to {@code ex} until the client leaves; returns false (sending nothing) when full. */
  boolean serve(HttpExchange ex, ArticleFilter filter) throws IOException {
    if (clients.incrementAndGet() > maxClients) {
      clients.decrementAndGet();
      return false;
    }
    BlockingQueue<ArticleView> queue = new ArrayBlockingQueue<>(QUEUE);
    AtomicBoolean overflow = new AtomicBoolean();
    Runnable unsubscribe = recent.subscribe(a -> {
      if (filter.matches(a) && !queue.offer(a)) {
        overflow.set(true);
      }
    });
    try (OutputStream out = ex.getResponseBody()) {
      ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      ex.getResponseHeaders().set("Cache-Control", "no-cache");
      ex.sendResponseHeaders(200, 0);
      write(out, "retry: 2000\n: connected\n\n");
      while (!overflow.get()) {
        ArticleView a = queue.poll(KEEPALIVE_SECONDS, TimeUnit.SECONDS);
        write(out, a == null ? ": keepalive\n\n"
            : "event: article\nid: " + a.id() + "\ndata: " + json.writeValueAsString(a) + "\n\n");
      }
      write(out, "event: overflow\ndata: {}\n\n");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException clientLeft) {
      // the browser closed the page or the connection
    } finally {
      unsubscribe.run();
      clients.decrementAndGet();
    }
    return true;
  }

  private static void write(OutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
