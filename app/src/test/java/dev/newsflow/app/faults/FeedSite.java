package dev.newsflow.app.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsflow.schemas.url.UrlCanonicalizer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A news site on a loopback port for the fault tests: {@code feeds} RSS feeds sharing {@code
 * articles} article pages of generated, distinct text, published one after the other over a given
 * time once {@link #publish} is called, so that articles are still flowing when a test breaks
 * something. A few articles are syndicated near-copies of earlier ones (other URL, one paragraph
 * changed). Knows what it published: each article's id and a hash of its text, as the sink must have
 * them in the end.
 */
final class FeedSite implements AutoCloseable {
  /**
   * One published article: its id as the pipeline computes it, the hash of its text, and the id of
   * the original of its syndication group (its own id when it is neither copied nor a copy).
   */
  record Published(String id, String url, String textHash, String group) {}

  private record Page(String path, String title, List<String> paragraphs, int copyOf) {}

  private static final UrlCanonicalizer URLS = new UrlCanonicalizer();
  private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private final HttpServer server;
  private final int feeds;
  private final List<Page> pages = new ArrayList<>();
  private final AtomicIntegerArray feedRequests;
  private volatile long startNanos = -1;
  private volatile long spreadNanos;
  private volatile Instant startInstant;

  FeedSite(int feeds, int articles, long seed) {
    if (feeds < 1 || articles < feeds) {
      throw new IllegalArgumentException("need at least one feed and one article per feed");
    }
    this.feeds = feeds;
    this.feedRequests = new AtomicIntegerArray(feeds);
    Random random = new Random(seed);
    int syndicated = Math.max(1, articles / 30);
    for (int k = 0; k < articles; k++) {
      String path = String.format("/news/%04d.html", k);
      if (k >= articles - syndicated) {
        int of = random.nextInt(articles - syndicated);
        Page original = pages.get(of);
        List<String> paragraphs = new ArrayList<>(original.paragraphs());
        paragraphs.set(0, paragraph(random));
        pages.add(new Page(path, original.title(), paragraphs, of));
      } else {
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0, n = 4 + random.nextInt(3); p < n; p++) {
          paragraphs.add(paragraph(random));
        }
        pages.add(new Page(path, "Report " + k + ": " + sentence(random, 6), paragraphs, -1));
      }
    }
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the test news site", e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  /** Starts publishing: article k appears in its feed at {@code k / articles} of {@code over}. */
  void publish(Duration over) {
    spreadNanos = over.toNanos();
    startInstant = Instant.now();
    startNanos = System.nanoTime();
  }

  /** The feed URLs to subscribe to. */
  List<String> feedUrls() {
    List<String> urls = new ArrayList<>();
    for (int f = 0; f < feeds; f++) {
      urls.add(base() + "/feeds/" + f + ".xml");
    }
    return urls;
  }

  /** Every article the site publishes, by id. */
  Map<String, Published> articles() {
    Map<String, Published> out = new LinkedHashMap<>();
    for (Page p : pages) {
      String url = base() + p.path();
      String group = idOf(p.copyOf() < 0 ? p : pages.get(p.copyOf()));
      out.put(idOf(p), new Published(idOf(p), url, textHash(String.join(" ", p.paragraphs())), group));
    }
    return out;
  }

  private String idOf(Page p) {
    return UrlCanonicalizer.articleId(URLS.canonicalize(base() + p.path()));
  }

  /** Whether every article is out. */
  boolean allPublished() {
    return released() == pages.size();
  }

  /** Requests for each feed so far. */
  int[] feedRequests() {
    int[] out = new int[feeds];
    for (int f = 0; f < feeds; f++) {
      out[f] = feedRequests.get(f);
    }
    return out;
  }

  /** SHA-256 of the text with every run of white space made one space, as compared with the sink. */
  static String textHash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(text.strip().replaceAll("\\s+", " ").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private int released() {
    long start = startNanos;
    if (start < 0) {
      return 0;
    }
    long elapsed = System.nanoTime() - start;
    if (elapsed >= spreadNanos) {
      return pages.size();
    }
    return (int) Math.min(pages.size(), 1 + elapsed * pages.size() / spreadNanos);
  }

  private Instant releasedAt(int k) {
    return startInstant.plusNanos(spreadNanos * k / pages.size());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      int released = released();
      if (path.startsWith("/feeds/") && path.endsWith(".xml")) {
        int f = Integer.parseInt(path.substring("/feeds/".length(), path.length() - ".xml".length()));
        if (f >= 0 && f < feeds) {
          feedRequests.incrementAndGet(f);
          send(exchange, "application/rss+xml; charset=utf-8", feed(f, released));
          return;
        }
      }
      for (int k = 0; k < released; k++) {
        if (pages.get(k).path().equals(path)) {
          send(exchange, "text/html; charset=utf-8", page(k));
          return;
        }
      }
      byte[] missing = "no such page\n".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(404, missing.length);
      exchange.getResponseBody().write(missing);
    }
  }

  private static void send(HttpExchange exchange, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private String feed(int f, int released) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
        .append("<title>Test wire ").append(f).append("</title><link>").append(base()).append("</link>");
    for (int k = released - 1; k >= 0; k--) {
      if (k % feeds != f) {
        continue;
      }
      Page p = pages.get(k);
      xml.append("<item><title>").append(p.title()).append("</title><link>").append(base()).append(p.path())
          .append("</link><guid>").append(base()).append(p.path()).append("</guid><pubDate>")
          .append(RFC_1123.format(releasedAt(k))).append("</pubDate></item>");
    }
    return xml.append("</channel></rss>\n").toString();
  }

  private String page(int k) {
    Page p = pages.get(k);
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(p.title()).append(" | Test wire</title><meta property=\"og:title\" content=\"").append(p.title())
        .append("\"><meta property=\"article:published_time\" content=\"").append(releasedAt(k))
        .append("\"></head><body><header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav></header>")
        .append("<main><article><h1>").append(p.title()).append("</h1>");
    for (String paragraph : p.paragraphs()) {
      html.append("<p>").append(paragraph).append("</p>");
    }
    return html.append("</article></main><footer><p>Copyright Test wire</p></footer></body></html>\n").toString();
  }

  private static String paragraph(Random random) {
    StringBuilder p = new StringBuilder();
    for (int s = 0, n = 3 + random.nextInt(3); s < n; s++) {
      p.append(s == 0 ? "" : " ").append(sentence(random, 10 + random.nextInt(8))).append('.');
    }
    return p.toString();
  }

  private static String sentence(Random random, int words) {
    StringBuilder s = new StringBuilder();
    for (int w = 0; w < words; w++) {
      String word = word(random);
      s.append(w == 0 ? "" : " ").append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
    }
    return s.toString();
  }

  private static final String[] ONSETS = {"b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "br", "st", "tr"};
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "ou"};

  private static String word(Random random) {
    StringBuilder w = new StringBuilder();
    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
      w.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
    }
    if (random.nextBoolean()) {
      w.append("n");
    }
    return w.toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
