package dev.newsflow.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.ingest.extract.ArticleExtractor;
import dev.newsflow.ingest.feed.FeedParser;
import dev.newsflow.ingest.fetch.FetchConfig;
import dev.newsflow.ingest.fetch.HttpFetcher;
import dev.newsflow.ingest.fetch.RobotsCache;
import dev.newsflow.ingest.schedule.HostGate;
import dev.newsflow.ingest.schedule.PollPlanner;
import dev.newsflow.ingest.schedule.ScheduleConfig;
import dev.newsflow.ingest.testing.TestServer;
import dev.newsflow.schemas.url.UrlCanonicalizer;
import dev.newsflow.schemas.FeedState;
import dev.newsflow.schemas.FetchEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeedPollerTest {
  static final ScheduleConfig SCHEDULE = new ScheduleConfig(Duration.ofMinutes(15), Duration.ofMinutes(1),
      Duration.ofHours(6), Duration.ofHours(24), 50, 0);
  private final TestServer server = new TestServer();
  private final HttpFetcher fetcher = new HttpFetcher(new FetchConfig(Duration.ofSeconds(2), Duration.ofSeconds(2),
      Duration.ofSeconds(5), 1 << 20, 3, "newsflow-test/1 (+https://example.org)", true, null));
  private final FeedPoller poller = poller(null);

  private FeedPoller poller(RobotsCache robots) {
    return new FeedPoller(fetcher, new FeedParser(), new ArticleExtractor(), robots, new PollPlanner(SCHEDULE, null),
        new HostGate(Duration.ZERO), 500, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    fetcher.close();
    server.close();
  }

  static String seed(String name) throws IOException {
    try (InputStream in = FeedPollerTest.class.getResourceAsStream("/seeds/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private String feed(String extra, String... paths) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test feed</title>" + extra);
    int hour = 0;
    for (String path : paths) {
      sb.append("<item><title>Item ").append(path).append("</title><link>").append(server.uri(path))
          .append("?utm_source=rss&amp;utm_medium=feed</link><guid>").append(path).append("</guid><pubDate>Mon, 06 Jan 2020 0")
          .append(hour++).append(":00:00 GMT</pubDate></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  private String url(String path) {
    return server.uri(path).toString();
  }

  @Test
  void producesOneArticlePerNewItemWithTitleTextAndCanonicalId() throws Exception {
    server.serve("/feed.xml", "application/rss+xml", feed("", "/a", "/b"));
    server.serve("/a", "text/html; charset=utf-8", seed("seed-000.html"));
    server.serve("/b", "text/html; charset=utf-8", seed("seed-002.html"));

    PollResult r = poller.poll(url("/feed.xml"), null);

    assertThat(r.articles()).hasSize(2);
    var a = r.articles().stream().filter(x -> x.getSourceUrl().contains("/a?")).findFirst().orElseThrow();
    assertThat(a.getTitle()).isEqualTo("Obama vows to work with UN to tighten North Korea sanctions");
    assertThat(a.getText()).contains("US President Barack Obama has vowed to work with the UN");
    // Served from 127.0.0.1, so the page's rel=canonical on another host is not trusted.
    String expectedUrl = new UrlCanonicalizer().canonicalize(url("/a"));
    assertThat(a.getUrl()).isEqualTo(expectedUrl);
    assertThat(a.getId()).isEqualTo(UrlCanonicalizer.articleId(expectedUrl)).hasSize(32);
    assertThat(r.events()).extracting(FetchEvent::getKind).containsExactly("PAGE", "PAGE", "FEED");
    FetchEvent feedEvent = r.events().get(2);
    assertThat(feedEvent.getStatus()).isEqualTo("OK");
    assertThat(feedEvent.getItemsSeen()).isEqualTo(2);
    assertThat(feedEvent.getItemsNew()).isEqualTo(2);
    assertThat(r.state().getSeenItems()).hasSize(2);
    assertThat(r.state().getLastNewItemAt()).isNotNull();
  }

  @Test
  void remembersItemsInTheStateAndDoesNotFetchThemTwice() throws Exception {
    AtomicInteger version = new AtomicInteger();
    server.on("/feed.xml", ex -> TestServer.send(ex, 200, "application/rss+xml",
        (feed("<!-- v" + version.get() + " -->", "/a")).getBytes(StandardCharsets.UTF_8)));
    server.serve("/a", "text/html", seed("seed-000.html"));

    PollResult first = poller.poll(url("/feed.xml"), null);
    version.incrementAndGet();
    PollResult second = poller.poll(url("/feed.xml"), first.state());

    assertThat(first.articles()).hasSize(1);
    assertThat(second.articles()).isEmpty();
    assertThat(second.feedStatus()).isEqualTo("OK");
    assertThat(server.hits("/a")).isEqualTo(1);
  }

  @Test
  void sendsConditionalHeadersAndAnUnchangedFeedCostsOne304() throws Exception {
    server.on("/feed.xml", ex -> {
      if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))
          && "Mon, 23 Nov 2026 00:00:00 GMT".equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
        TestServer.send(ex, 304, null, new byte[0]);
        return;
      }
      ex.getResponseHeaders().set("ETag", "\"v1\"");
      ex.getResponseHeaders().set("Last-Modified", "Mon, 23 Nov 2026 00:00:00 GMT");
      TestServer.send(ex, 200, "application/rss+xml", feed("").getBytes(StandardCharsets.UTF_8));
    });

    PollResult first = poller.poll(url("/feed.xml"), null);
    PollResult second = poller.poll(url("/feed.xml"), first.state());

    assertThat(first.state().getEtag()).isEqualTo("\"v1\"");
    assertThat(second.feedStatus()).isEqualTo("NOT_MODIFIED");
    assertThat(second.events()).singleElement().satisfies(e -> assertThat(e.getHttpCode()).isEqualTo(304));
    assertThat(server.hits("/feed.xml")).isEqualTo(2);
  }

  @Test
  void anIdenticalBodyWithoutValidatorsIsNotModifiedByItsHash() throws Exception {
    server.serve("/feed.xml", "application/rss+xml", feed("", "/a"));
    server.serve("/a", "text/html", seed("seed-000.html"));

    PollResult first = poller.poll(url("/feed.xml"), null);
    PollResult second = poller.poll(url("/feed.xml"), first.state());

    assertThat(second.feedStatus()).isEqualTo("NOT_MODIFIED");
    assertThat(second.articles()).isEmpty();
    assertThat(second.state().getBodyHash()).isEqualTo(first.state().getBodyHash());
  }

  @Test
  void aPageThatFailedForNowIsFetchedAtTheNextPollOfTheSameUnchangedFeed() throws Exception {
    server.on("/feed.xml", ex -> {
      ex.getResponseHeaders().set("ETag", "\"v1\"");
      TestServer.send(ex, 200, "application/rss+xml", feed("", "/a").getBytes(StandardCharsets.UTF_8));
    });
    AtomicInteger pageHits = new AtomicInteger();
    String page = seed("seed-000.html");
    server.on("/a", ex -> {
      if (pageHits.incrementAndGet() == 1) {
        TestServer.send(ex, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
      } else {
        TestServer.send(ex, 200, "text/html", page.getBytes(StandardCharsets.UTF_8));
      }
    });

    PollResult first = poller.poll(url("/feed.xml"), null);
    PollResult second = poller.poll(url("/feed.xml"), first.state());

    assertThat(first.articles()).isEmpty();
    assertThat(second.articles()).hasSize(1);
    assertThat(pageHits.get()).isEqualTo(2);
  }

  @Test
  void aPermanentRedirectUpdatesTheStoredFeedUrl() throws Exception {
    server.on("/old.xml", ex -> {
      ex.getResponseHeaders().set("Location", "/new.xml");
      TestServer.send(ex, 301, null, new byte[0]);
    });
    server.serve("/new.xml", "application/rss+xml", feed(""));

    PollResult first = poller.poll(url("/old.xml"), null);
    PollResult second = poller.poll(url("/old.xml"), first.state());

    assertThat(first.state().getFetchUrl()).isEqualTo(url("/new.xml"));
    assertThat(second.state().getUrl()).isEqualTo(url("/old.xml"));
    assertThat(server.hits("/old.xml")).isEqualTo(1);
    assertThat(server.hits("/new.xml")).isEqualTo(2);
  }

  @Test
  void aTemporaryRedirectDoesNotChangeTheStoredUrl() throws Exception {
    server.on("/old.xml", ex -> {
      ex.getResponseHeaders().set("Location", "/new.xml");
      TestServer.send(ex, 302, null, new byte[0]);
    });
    server.serve("/new.xml", "application/rss+xml", feed(""));

    assertThat(poller.poll(url("/old.xml"), null).state().getFetchUrl()).isNull();
  }

  @Test
  void goneDisablesTheFeedAndSaysWhy() throws Exception {
    server.on("/feed.xml", ex -> TestServer.send(ex, 410, "text/plain", "gone".getBytes(StandardCharsets.UTF_8)));

    PollResult r = poller.poll(url("/feed.xml"), null);

    assertThat(r.state().getDisabled()).isTrue();
    assertThat(r.state().getDisabledReason()).contains("410");
    assertThat(r.feedStatus()).isEqualTo("HTTP_ERROR");
  }

  @Test
  void honoursRetryAfterOnTooManyRequests() throws Exception {
    server.on("/feed.xml", ex -> {
      ex.getResponseHeaders().set("Retry-After", "7200");
      TestServer.send(ex, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
    });
    Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

    PollResult r = poller.poll(url("/feed.xml"), null);

    assertThat(r.state().getNextPollAt()).isAfterOrEqualTo(before.plus(Duration.ofHours(2)));
    assertThat(r.state().getDisabled()).isFalse();
    assertThat(r.state().getConsecutiveFailures()).isEqualTo(1);
  }

  @Test
  void backsOffExponentiallyAndDisablesAFeedThatKeepsFailing() throws Exception {
    server.on("/feed.xml", ex -> TestServer.send(ex, 404, "text/plain", "no".getBytes(StandardCharsets.UTF_8)));
    FeedState state = null;
    Duration lastWait = Duration.ZERO;
    for (int i = 0; i < 5; i++) {
      Instant before = Instant.now();
      state = poller.poll(url("/feed.xml"), state).state();
      Duration wait = Duration.between(before, state.getNextPollAt());
      if (i < 4) {
        assertThat(wait).isGreaterThan(lastWait);
        assertThat(state.getDisabled()).isFalse();
      }
      lastWait = wait;
    }
    assertThat(state.getFailureScore()).isEqualTo(50.0);
    assertThat(state.getDisabled()).isTrue();
    assertThat(state.getDisabledReason()).contains("failure score 50").contains("404");
  }

  @Test
  void aSuccessResetsTheFailures() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    String body = feed("");
    server.on("/feed.xml", ex -> {
      if (calls.getAndIncrement() == 0) {
        TestServer.send(ex, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
      } else {
        TestServer.send(ex, 200, "application/rss+xml", body.getBytes(StandardCharsets.UTF_8));
      }
    });
    FeedState failed = poller.poll(url("/feed.xml"), null).state();
    FeedState ok = poller.poll(url("/feed.xml"), failed).state();

    assertThat(failed.getConsecutiveFailures()).isEqualTo(1);
    assertThat(ok.getConsecutiveFailures()).isZero();
    assertThat(ok.getFailureScore()).isZero();
    assertThat(ok.getLastError()).isNull();
  }

  @Test
  void adaptsTheIntervalToHowOftenTheFeedPublishes() throws Exception {
    server.serve("/feed.xml", "application/rss+xml", feed("", "/a", "/b", "/c"));
    for (String p : new String[] {"/a", "/b", "/c"}) {
      server.serve(p, "text/html", seed("seed-000.html"));
    }
    PollResult r = poller.poll(url("/feed.xml"), null);

    // Items an hour apart: poll every half hour.
    assertThat(r.state().getIntervalMs()).isEqualTo(Duration.ofMinutes(30).toMillis());
    PollResult quiet = poller.poll(url("/feed.xml"), r.state());
    assertThat(quiet.state().getIntervalMs()).isEqualTo(Duration.ofMinutes(45).toMillis());
  }

  @Test
  void neverPollsMoreOftenThanTheFeedsTtlAsks() throws Exception {
    server.serve("/feed.xml", "application/rss+xml", feed("<ttl>120</ttl>", "/a", "/b"));
    server.serve("/a", "text/html", seed("seed-000.html"));
    server.serve("/b", "text/html", seed("seed-002.html"));

    PollResult r = poller.poll(url("/feed.xml"), null);

    assertThat(r.state().getIntervalMs()).isEqualTo(Duration.ofMinutes(120).toMillis());
  }

  @Test
  void sendsAPageWithoutTextToTheDeadLetterTopicWithItsReason() throws Exception {
    server.serve("/feed.xml", "application/rss+xml", feed("", "/empty"));
    server.serve("/empty", "text/html", "<html><body><nav><a href=/>Home</a></nav></body></html>");

    PollResult r = poller.poll(url("/feed.xml"), null);

    assertThat(r.articles()).isEmpty();
    assertThat(r.letters()).singleElement().satisfies(l -> {
      assertThat(l.getStage()).isEqualTo("ingest");
      assertThat(l.getReason()).isEqualTo("NO_ARTICLE_TEXT");
      assertThat(l.getSourceUrl()).contains("/empty");
      assertThat(StandardCharsets.UTF_8.decode(l.getValue()).toString()).contains("<nav>");
    });
    assertThat(r.events()).anySatisfy(e -> assertThat(e.getStatus()).isEqualTo("PARSE_ERROR"));
  }

  @Test
  void aFeedThatIsNotAFeedIsASpecificErrorNotAnException() throws Exception {
    server.serve("/feed.xml", "text/html", "<html><body>Not a feed</body></html>");

    PollResult r = poller.poll(url("/feed.xml"), null);

    assertThat(r.events()).singleElement().satisfies(e -> {
      assertThat(e.getStatus()).isEqualTo("PARSE_ERROR");
      assertThat(e.getError()).isNotBlank();
    });
    assertThat(r.state().getFailureScore()).isEqualTo(3.0);
  }

  @Test
  void retriesAnItemWhosePageFailedTemporarily() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger version = new AtomicInteger();
    server.on("/feed.xml", ex -> TestServer.send(ex, 200, "application/rss+xml",
        feed("<!-- v" + version.getAndIncrement() + " -->", "/flaky").getBytes(StandardCharsets.UTF_8)));
    String page = seed("seed-000.html");
    server.on("/flaky", ex -> {
      if (calls.getAndIncrement() == 0) {
        TestServer.send(ex, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
      } else {
        TestServer.send(ex, 200, "text/html", page.getBytes(StandardCharsets.UTF_8));
      }
    });

    PollResult first = poller.poll(url("/feed.xml"), null);
    PollResult second = poller.poll(url("/feed.xml"), first.state());

    assertThat(first.articles()).isEmpty();
    assertThat(second.articles()).hasSize(1);
  }

  @Test
  void honoursRobotsTxtForArticlePages() throws Exception {
    server.serve("/robots.txt", "text/plain", "User-agent: newsflow-test\nDisallow: /private/\n");
    server.serve("/feed.xml", "application/rss+xml", feed("", "/private/a", "/public/b"));
    server.serve("/private/a", "text/html", seed("seed-000.html"));
    server.serve("/public/b", "text/html", seed("seed-002.html"));
    FeedPoller polite = poller(new RobotsCache(fetcher::fetch, "newsflow-test", Clock.systemUTC()));

    PollResult r = polite.poll(url("/feed.xml"), null);

    assertThat(r.articles()).singleElement().satisfies(a -> assertThat(a.getSourceUrl()).contains("/public/b"));
    assertThat(server.hits("/private/a")).isZero();
    assertThat(r.events()).anySatisfy(e -> assertThat(e.getStatus()).isEqualTo("ROBOTS_DISALLOWED"));
  }

  @Test
  void trustsRelCanonicalOnlyOnTheSameHost() {
    URI served = URI.create("https://news.example.com/a?x=1");
    assertThat(PageFetcher.chooseCanonical("https://news.example.com/a?x=1", served, "https://www.news.example.com/story"))
        .isEqualTo("https://news.example.com/story");
    assertThat(PageFetcher.chooseCanonical("https://news.example.com/a?x=1", served, "https://other.example.org/story"))
        .isEqualTo("https://news.example.com/a?x=1");
    assertThat(PageFetcher.chooseCanonical("https://news.example.com/a", served, "not a url at all"))
        .isEqualTo("https://news.example.com/a");
  }
}
