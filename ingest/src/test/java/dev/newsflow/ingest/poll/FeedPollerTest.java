package dev.newsflow.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.ingest.extract.ArticleExtractor;
import dev.newsflow.ingest.feed.FeedParser;
import dev.newsflow.ingest.fetch.FetchConfig;
import dev.newsflow.ingest.fetch.HttpFetcher;
import dev.newsflow.ingest.testing.TestServer;
import dev.newsflow.ingest.url.UrlCanonicalizer;
import dev.newsflow.schemas.FetchEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeedPollerTest {
  private final TestServer server = new TestServer();
  private final HttpFetcher fetcher = new HttpFetcher(new FetchConfig(Duration.ofSeconds(2), Duration.ofSeconds(2),
      Duration.ofSeconds(5), 1 << 20, 3, "newsflow-test (+https://example.org)", true, null));
  private final RecordingOutput output = new RecordingOutput();
  private final FeedPoller poller = new FeedPoller(fetcher, new FeedParser(), new ArticleExtractor(), output, 1000, 4, Clock.systemUTC());

  @AfterEach
  void stop() {
    fetcher.close();
    server.close();
  }

  static String resource(String name) throws IOException {
    try (InputStream in = FeedPollerTest.class.getResourceAsStream("/seeds/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private String feed(String... items) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test feed</title>");
    for (String path : items) {
      sb.append("<item><title>Item ").append(path).append("</title><link>").append(server.uri(path))
          .append("?utm_source=rss&amp;utm_medium=feed</link><guid>").append(path).append("</guid></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  @Test
  void producesOneArticlePerNewItemWithTitleTextAndCanonicalId() throws Exception {
    server.serve("/feed.xml", "application/rss+xml", feed("/a", "/b"));
    server.serve("/a", "text/html; charset=utf-8", resource("seed-000.html"));
    server.serve("/b", "text/html; charset=utf-8", resource("seed-002.html"));

    int fresh = poller.poll(server.uri("/feed.xml").toString());

    assertThat(fresh).isEqualTo(2);
    assertThat(output.articles).hasSize(2);
    var a = output.articles.stream().filter(x -> x.getSourceUrl().contains("/a?")).findFirst().orElseThrow();
    assertThat(a.getTitle()).isEqualTo("Obama vows to work with UN to tighten North Korea sanctions");
    assertThat(a.getText()).contains("US President Barack Obama has vowed to work with the UN");
    // The page is served from 127.0.0.1, so its rel=canonical on another host is not trusted.
    String expectedUrl = UrlCanonicalizer.canonicalize(server.uri("/a").toString());
    assertThat(a.getUrl()).isEqualTo(expectedUrl);
    assertThat(a.getId()).isEqualTo(UrlCanonicalizer.articleId(expectedUrl)).hasSize(32);
    assertThat(output.events).extracting(FetchEvent::getKind).containsExactlyInAnyOrder("PAGE", "PAGE", "FEED");
    FetchEvent feedEvent = output.events.stream().filter(e -> e.getKind().equals("FEED")).findFirst().orElseThrow();
    assertThat(feedEvent.getStatus()).isEqualTo("OK");
    assertThat(feedEvent.getItemsSeen()).isEqualTo(2);
    assertThat(feedEvent.getItemsNew()).isEqualTo(2);
  }

  @Test
  void doesNotFetchAnItemTwice() throws Exception {
    server.serve("/feed.xml", "application/rss+xml", feed("/a"));
    server.serve("/a", "text/html", resource("seed-000.html"));

    poller.poll(server.uri("/feed.xml").toString());
    int second = poller.poll(server.uri("/feed.xml").toString());

    assertThat(second).isZero();
    assertThat(server.hits("/a")).isEqualTo(1);
    assertThat(output.articles).hasSize(1);
  }

  @Test
  void sendsAPageWithoutTextToTheDeadLetterTopicWithItsReason() throws Exception {
    server.serve("/feed.xml", "application/rss+xml", feed("/empty"));
    server.serve("/empty", "text/html", "<html><body><nav><a href=/>Home</a></nav></body></html>");

    poller.poll(server.uri("/feed.xml").toString());

    assertThat(output.articles).isEmpty();
    assertThat(output.letters).singleElement().satisfies(l -> {
      assertThat(l.getStage()).isEqualTo("ingest");
      assertThat(l.getReason()).isEqualTo("UNPARSEABLE_PAGE");
      assertThat(l.getSourceUrl()).contains("/empty");
      assertThat(StandardCharsets.UTF_8.decode(l.getValue()).toString()).contains("<nav>");
    });
    assertThat(output.events).anySatisfy(e -> assertThat(e.getStatus()).isEqualTo("PARSE_ERROR"));
  }

  @Test
  void reportsAFeedThatIsNotAFeedWithoutThrowing() throws Exception {
    server.serve("/feed.xml", "text/html", "<html><body>Not a feed</body></html>");

    assertThat(poller.poll(server.uri("/feed.xml").toString())).isZero();

    assertThat(output.events).singleElement().satisfies(e -> {
      assertThat(e.getStatus()).isEqualTo("PARSE_ERROR");
      assertThat(e.getError()).isNotBlank();
    });
  }

  @Test
  void retriesAnItemWhosePageFailedTemporarily() throws Exception {
    int[] calls = {0};
    server.serve("/feed.xml", "application/rss+xml", feed("/flaky"));
    String page = resource("seed-000.html");
    server.on("/flaky", ex -> {
      if (calls[0]++ == 0) {
        TestServer.send(ex, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
      } else {
        TestServer.send(ex, 200, "text/html", page.getBytes(StandardCharsets.UTF_8));
      }
    });

    poller.poll(server.uri("/feed.xml").toString());
    poller.poll(server.uri("/feed.xml").toString());

    assertThat(output.articles).hasSize(1);
  }

  @Test
  void trustsRelCanonicalOnlyOnTheSameHost() {
    URI served = URI.create("https://news.example.com/a?x=1");
    assertThat(FeedPoller.chooseCanonical("https://news.example.com/a?x=1", served, "https://www.news.example.com/story"))
        .isEqualTo("https://www.news.example.com/story");
    assertThat(FeedPoller.chooseCanonical("https://news.example.com/a?x=1", served, "https://other.example.org/story"))
        .isEqualTo("https://news.example.com/a?x=1");
    assertThat(FeedPoller.chooseCanonical("https://news.example.com/a", served, "not a url at all"))
        .isEqualTo("https://news.example.com/a");
  }
}
