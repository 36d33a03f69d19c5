package dev.newsflow.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.newsflow.ingest.extract.ArticleExtractor;
import dev.newsflow.ingest.feed.FeedParser;
import dev.newsflow.ingest.fetch.FetchConfig;
import dev.newsflow.ingest.fetch.HttpFetcher;
import dev.newsflow.ingest.schedule.HostGate;
import dev.newsflow.ingest.schedule.PollPlanner;
import dev.newsflow.ingest.testing.TestServer;
import dev.newsflow.schemas.RawArticle;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Feeds and pages written to break parsers, polled end to end (HTTP, feed parser, page extractor):
 * each poll returns a result, never throws, and keeps what can be kept. The bound on each test only
 * keeps a regression (say a parser gone quadratic) from hanging the build.
 */
class HostileContentTest {
  private static final Duration BOUND = Duration.ofSeconds(30);
  private static final byte[] INVALID_UTF8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0,
      (byte) 0x80, (byte) 0xF0, (byte) 0x9F};

  private final TestServer server = new TestServer();
  private final HttpFetcher fetcher = new HttpFetcher(new FetchConfig(Duration.ofSeconds(2), Duration.ofSeconds(5),
      Duration.ofSeconds(10), 8 << 20, 3, "newsflow-test/1 (+https://example.org)", true, null));
  private final FeedPoller poller = new FeedPoller(fetcher, new FeedParser(), new ArticleExtractor(), null,
      new PollPlanner(FeedPollerTest.SCHEDULE, null), new HostGate(Duration.ZERO), 500, Clock.systemUTC());

  @AfterEach
  void stop() {
    fetcher.close();
    server.close();
  }

  private PollResult poll(String path) {
    return assertTimeoutPreemptively(BOUND, () -> poller.poll(server.uri(path).toString(), null));
  }

  private String rss(String... pagePaths) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>T</title>");
    for (String p : pagePaths) {
      sb.append("<item><title>Item</title><link>").append(server.uri(p)).append("</link></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  /** The parts in UTF-8, with invalid UTF-8 sequences between them. */
  private static byte[] withInvalidUtf8(String... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.writeBytes(INVALID_UTF8);
      }
      out.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static String article(String paragraphs) {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Minister resigns over budget row</title></head><body>"
        + "<article><h1>Minister resigns over budget row</h1>" + paragraphs + "</article></body></html>";
  }

  private static String prose(int sentences) {
    return "<p>" + "The finance minister resigned on Tuesday after a long dispute about the budget with the prime minister. ".repeat(sentences)
        + "</p>";
  }

  @Test
  void invalidUtf8InAFeedAndItsPageIsReadWithReplacementCharacters() {
    server.on("/feed.xml", ex -> TestServer.send(ex, 200, "application/rss+xml; charset=utf-8",
        withInvalidUtf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Bad ",
            "bytes</title><item><title>Caf", "</title><link>" + server.uri("/page") + "</link></item></channel></rss>")));
    server.on("/page", ex -> TestServer.send(ex, 200, "text/html; charset=utf-8",
        withInvalidUtf8(article(prose(6) + "<p>Les élèves de Genève et de Zürich ont débattu à Köln.</p>".repeat(3)
            + "<p>Grüße aus Zürich: broken "), " bytes in the middle of the text.</p>" + prose(3))));

    PollResult r = poll("/feed.xml");

    assertThat(r.feedStatus()).isEqualTo("OK");
    assertThat(r.articles()).singleElement().satisfies(a -> {
      assertThat(a.getText()).contains("Les élèves de Genève").contains("Grüße aus Zürich: broken").contains("\uFFFD(").contains("bytes in the middle of the text.");
      assertThat(a.getTitle()).isEqualTo("Minister resigns over budget row");
    });
    var feed = new FeedParser().parse(withInvalidUtf8("<rss version=\"2.0\"><channel><title>Élèves", "</title><item><title>Caf",
        "</title><description>" + "Les élèves de Genève et de Zürich ont débattu à Köln. ".repeat(10)
            + "</description><link>http://example.org/a</link></item></channel></rss>"), "http://example.org/feed", "text/xml; charset=utf-8");
    assertThat(feed.ok()).isTrue();
    assertThat(feed.entries()).singleElement().satisfies(e -> {
      assertThat(e.title()).startsWith("Caf\uFFFD");
      assertThat(e.summary()).startsWith("Les élèves de Genève");
    });
  }

  @Test
  void aPageOfAHundredThousandNestedDivsIsExtractedWithoutStackOverflow() {
    String bomb = "<div>".repeat(100_000) + prose(5) + "</div>".repeat(100_000);
    server.serve("/feed.xml", "application/rss+xml", rss("/nested", "/fine"));
    server.serve("/nested", "text/html; charset=utf-8", article(prose(4) + bomb));
    server.serve("/fine", "text/html; charset=utf-8", article(prose(6)));

    PollResult r = poll("/feed.xml");

    assertThat(r.feedStatus()).isEqualTo("OK");
    assertThat(r.articles()).extracting(RawArticle::getSourceUrl)
        .contains(server.uri("/fine").toString(), server.uri("/nested").toString());
    assertThat(r.letters()).isEmpty();
  }

  @Test
  void aPageOfUnclosedNestedTablesAndInlineTagsIsExtractedOrRejectedNotThrown() {
    String bomb = "<table><tr><td>".repeat(20_000) + "<b><i><a href=x>".repeat(30_000) + prose(3);
    server.serve("/feed.xml", "application/rss+xml", rss("/tables"));
    server.serve("/tables", "text/html; charset=utf-8", article(prose(3) + bomb));

    PollResult r = poll("/feed.xml");

    assertThat(r.feedStatus()).isEqualTo("OK");
    assertThat(r.articles().size() + r.letters().size()).isEqualTo(1);
  }

  @Test
  void aFeedNestedAHundredThousandDeepIsBoundedNotACrash() {
    String deep = "<x>".repeat(100_000) + "</x>".repeat(100_000);
    server.serve("/feed.xml", "application/rss+xml",
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><description>" + deep
            + "</description><item><title>Item</title><link>" + server.uri("/page") + "</link></item></channel></rss>");
    server.serve("/page", "text/html; charset=utf-8", article(prose(6)));

    PollResult r = poll("/feed.xml");

    assertThat(r.feedStatus()).isEqualTo("PARSE_ERROR");
    assertThat(r.events().get(0).getError()).isEqualTo("refused: elements nested more than 500 deep");
    assertThat(server.hits("/page")).isZero();
  }

  @Test
  void aBillionLaughsFeedIsRefusedAndNoEntityIsExpanded() {
    StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    server.serve("/feed.xml", "application/rss+xml", dtd.append("]><rss version=\"2.0\"><channel><title>&lol9;</title>")
        .append("<item><title>&lol9;</title><link>").append(server.uri("/page")).append("</link></item></channel></rss>").toString());
    server.serve("/page", "text/html; charset=utf-8", article(prose(6)));

    PollResult r = poll("/feed.xml");

    assertThat(r.feedStatus()).isEqualTo("PARSE_ERROR");
    assertThat(r.events().get(0).getError()).contains("refused DTD entities");
    assertThat(server.hits("/page")).isZero();
  }

  @Test
  void anExternalEntityInAFeedIsNeverResolved() {
    server.serve("/secret", "text/plain", "TOP-SECRET");
    server.serve("/feed.xml", "application/rss+xml", "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \""
        + server.uri("/secret") + "\">]><rss version=\"2.0\"><channel><title>&x;</title><item><title>&x;</title><link>"
        + server.uri("/page") + "</link></item></channel></rss>");
    server.serve("/page", "text/html; charset=utf-8", article(prose(6)));

    PollResult r = poll("/feed.xml");

    assertThat(server.hits("/secret")).isZero();
    assertThat(r.articles()).allSatisfy(a -> assertThat(a.getTitle() + a.getText()).doesNotContain("TOP-SECRET"));
  }
}
