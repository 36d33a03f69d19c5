package dev.newsflow.app.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feeds that publish: {@code feeds} RSS feeds {@code http://news-H.example/feed-F.xml} on {@code hosts}
 * hosts, served through one loopback port that the fetcher uses as its HTTP proxy. {@link #publish()}
 * adds article number N (0, 1, 2...) to feed {@code N mod feeds} and records the publication time
 * (epoch ms) of N; a feed lists its last {@value #LISTED} articles, newest first, with an ETag that
 * changes with each one (a conditional poll of an unchanged feed gets 304). Article N's page is
 * {@code http://news-H.example/a/N}: an article of a few hundred words that differ between articles.
 */
final class LoadFeeds implements AutoCloseable {
  static final int LISTED = 10;
  private static final Pattern ARTICLE = Pattern.compile("/a/(\\d+)");
  private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  private static final String[] SUBJECTS = {"The finance minister", "The city council", "A court in Lyon", "The central bank",
      "Protesters in the capital", "The health agency", "The opposition leader", "A regional governor", "The navy",
      "Striking rail workers"};
  private static final String[] ACTIONS = {"announced new measures on", "rejected the plan for", "called for talks about",
      "warned about the cost of", "approved a budget for", "opened an inquiry into", "signed an agreement on",
      "postponed the vote on"};
  private static final String[] OBJECTS = {"housing", "the energy transition", "public transport", "water supplies",
      "hospital staffing", "the border crossing", "farm subsidies", "the new stadium", "school meals", "pension reform"};

  /** Plain English words, so that the fetcher's language check on the body sees English as declared. */
  private static final String[] WORDS = {
      "agreement", "airport", "announced", "appeal", "approved", "army", "asked", "attack", "autumn", "bank",
      "benefit", "bid", "border", "bought", "bridge", "budget", "building", "built", "bus", "busy", "called",
      "campaign", "car", "child", "church", "city", "closed", "coast", "company", "contract", "cost", "council",
      "country", "court", "crop", "cut", "data", "deal", "debt", "decline", "defence", "delayed", "demand",
      "dispute", "doctor", "doubled", "driver", "drought", "early", "election", "energy", "engine", "evening",
      "export", "factory", "fall", "family", "fare", "farmer", "figure", "finished", "fire", "flight", "flood",
      "forest", "found", "fund", "garden", "government", "grant", "grid", "group", "growth", "halved", "harbour",
      "harvest", "health", "hired", "hospital", "import", "income", "inquiry", "island", "large", "late", "launched",
      "law", "leader", "level", "library", "licence", "loan", "local", "loss", "major", "man", "market", "meeting",
      "minister", "month", "morning", "mountain", "moved", "museum", "national", "navy", "network", "new", "night",
      "northern", "nurse", "offer", "office", "officer", "old", "opened", "party", "pension", "people", "permit",
      "plan", "plane", "plant", "police", "power", "price", "prison", "private", "profit", "program", "project",
      "promised", "protest", "public", "quiet", "raised", "rate", "reached", "record", "reform", "region",
      "rejected", "release", "repaired", "report", "result", "rise", "risk", "river", "road", "route", "rule",
      "rural", "safety", "said", "sale", "school", "sentence", "service", "share", "ship", "signal", "signed",
      "small", "sold", "southern", "spring", "started", "station", "storm", "street", "strike", "student", "study",
      "subsidy", "summer", "supply", "survey", "talks", "tax", "teacher", "tender", "theatre", "ticket", "told",
      "trade", "train", "trial", "truck", "union", "urban", "verdict", "village", "visited", "vote", "wage",
      "warned", "water", "week", "winter", "woman", "worker", "year"};

  private final int feeds;
  private final int hosts;
  private final HttpServer server;
  /**
   * Platform threads of its own (not virtual ones), so that the benchmark can tell the feed server's
   * CPU from the fetcher's, whose polls run on the virtual threads' carriers.
   */
  private final ExecutorService executor = Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon().name("load-feeds-", 0).factory());
  /** Publication times by article number; grown by the single publishing thread, read by others. */
  private volatile long[] published = new long[1 << 16];
  private final AtomicInteger count = new AtomicInteger();
  /** Per feed, its article numbers, newest last (ring of LISTED), and its version for the ETag. */
  private final int[][] latest;
  private final int[] versions;
  private final AtomicLong feedRequests = new AtomicLong();
  private final AtomicLong notModified = new AtomicLong();
  private final AtomicLong pageRequests = new AtomicLong();

  LoadFeeds(int feeds, int hosts) {
    this.feeds = feeds;
    this.hosts = hosts;
    this.latest = new int[feeds][LISTED];
    this.versions = new int[feeds];
    for (int[] ring : latest) {
      Arrays.fill(ring, -1);
    }
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  String proxy() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  String feedUrl(int feed) {
    return "http://news-" + (feed % hosts) + ".example/feed-" + feed + ".xml";
  }

  /** Publishes the next article; returns its number. Called from one thread. */
  int publish() {
    int n = count.get();
    if (n == published.length) {
      published = Arrays.copyOf(published, n * 2);
    }
    int feed = n % feeds;
    synchronized (latest[feed]) {
      latest[feed][versions[feed] % LISTED] = n;
      versions[feed]++;
      published[n] = System.currentTimeMillis();
    }
    count.set(n + 1);
    return n;
  }

  int count() {
    return count.get();
  }

  /** When article {@code n} appeared in its feed (epoch ms). */
  long publishedAt(int n) {
    return published[n];
  }

  /** The article number in a page URL, or -1. */
  static int articleNumber(String url) {
    Matcher m = ARTICLE.matcher(url);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  long feedRequests() {
    return feedRequests.get();
  }

  long notModified() {
    return notModified.get();
  }

  long pageRequests() {
    return pageRequests.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      URI uri = ex.getRequestURI();
      String path = uri.getPath();
      if (path.startsWith("/feed-")) {
        feedRequests.incrementAndGet();
        feed(ex, Integer.parseInt(path.substring(6, path.indexOf('.'))));
      } else if (path.startsWith("/a/")) {
        pageRequests.incrementAndGet();
        int n = Integer.parseInt(path.substring(3));
        send(ex, 200, "text/html; charset=utf-8", page(n, uri.getHost()));
      } else {
        send(ex, 404, "text/plain", "no such resource".getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private void feed(HttpExchange ex, int feed) throws IOException {
    int[] items = new int[LISTED];
    int version;
    synchronized (latest[feed]) {
      version = versions[feed];
      for (int i = 0; i < LISTED; i++) {
        items[i] = latest[feed][Math.floorMod(version - 1 - i, LISTED)];
      }
    }
    String etag = "\"v" + version + "\"";
    ex.getResponseHeaders().set("ETag", etag);
    if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
      notModified.incrementAndGet();
      ex.sendResponseHeaders(304, -1);
      return;
    }
    String host = "news-" + (feed % hosts) + ".example";
    StringBuilder rss = new StringBuilder(2048).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Feed ")
        .append(feed).append("</title><link>http://").append(host).append("/</link><description>load</description>");
    for (int n : items) {
      if (n < 0) {
        continue;
      }
      rss.append("<item><title>").append(title(n)).append("</title><link>http://").append(host).append("/a/").append(n)
          .append("</link><guid>http://").append(host).append("/a/").append(n).append("</guid><pubDate>")
          .append(RFC_1123.format(Instant.ofEpochMilli(publishedAt(n)))).append("</pubDate></item>");
    }
    send(ex, 200, "application/rss+xml; charset=utf-8", rss.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Appends {@code count} words drawn at random from {@link #WORDS}. Without them articles
   * shared all but their numbers, so LSH filed each under the same bands as hundreds of earlier ones
   * (1,400 candidates per article after 6,000 articles), which no real feed does: enrich then spent
   * its time comparing every article with all the others, and the benchmark measured that.
   */
  private static void words(StringBuilder out, SplittableRandom random, int count) {
    for (int i = 0; i < count; i++) {
      out.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
    }
  }

  private static String title(int n) {
    StringBuilder title = new StringBuilder(SUBJECTS[n % SUBJECTS.length]).append(' ').append(ACTIONS[(n / 10) % ACTIONS.length]);
    words(title, new SplittableRandom(-1 - n), 3);
    return title.append(" (").append(n).append(')').toString();
  }

  private byte[] page(int n, String host) {
    StringBuilder html = new StringBuilder(4096).append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(title(n)).append("</title><meta property=\"article:published_time\" content=\"")
        .append(Instant.ofEpochMilli(publishedAt(n))).append("\"></head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>")
        .append("<article><h1>").append(title(n)).append("</h1>");
    for (int p = 0; p < 8; p++) {
      html.append("<p>");
      for (int s = 0; s < 4; s++) {
        int k = n * 31 + p * 7 + s;
        html.append(SUBJECTS[k % SUBJECTS.length]);
        words(html, new SplittableRandom(k), 12);
        html.append(" on day ").append(n % 365).append(", report ").append(n).append('-').append(p).append('-').append(s).append(". ");
      }
      html.append("</p>");
    }
    return html.append("</article><footer>© ").append(host).append("</footer></body></html>").toString()
        .getBytes(StandardCharsets.UTF_8);
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
