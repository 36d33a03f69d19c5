package dev.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedListReaderTest {

  @Test
  void readsTextListSkippingCommentsAndReportingBadLines() {
    FeedList list = FeedListReader.read(Fixtures.bytes("feeds.txt"));

    assertThat(list.urls()).containsExactly(
        "https://news.example.org/rss.xml", "https://blog.example.com/atom.xml");
    assertThat(list.problems()).containsExactly(
        "line 5: not an http(s) URL: ftp://files.example.com/feed.xml",
        "line 6: malformed URL (Illegal character in path): not a url",
        "line 8: duplicate of line 2: https://news.example.org/rss.xml",
        "line 9: malformed URL (Expected authority): http://");
  }

  @Test
  void readsNestedOpmlOutlines() {
    FeedList list = FeedListReader.read(Fixtures.bytes("feeds.opml"));

    assertThat(list.urls()).containsExactly(
        "https://news.example.org/rss.xml", "https://gadgets.example.com/feed");
    assertThat(list.problems()).containsExactly("line 11: not an http(s) URL: javascript:alert(1)");
  }

  @Test
  void refusesOpmlWithExternalEntity(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "https://secret.example/leak");
    String opml = "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"" + secret.toUri()
        + "\">]><opml><body><outline xmlUrl=\"&x;\"/></body></opml>";

    FeedList list = FeedListReader.read(opml.getBytes(StandardCharsets.UTF_8));

    assertThat(list.urls()).isEmpty();
    assertThat(list.problems()).singleElement().asString().contains("DOCTYPE");
  }

  @Test
  void keepsUrlsReadBeforeOpmlSyntaxError() {
    String opml = "<opml><body>\n<outline xmlUrl=\"https://a.example/feed\"/>\n<outline xmlUrl=\"x\"";

    FeedList list = FeedListReader.read(opml.getBytes(StandardCharsets.UTF_8));

    assertThat(list.urls()).containsExactly("https://a.example/feed");
    assertThat(list.problems()).singleElement().asString().startsWith("line 3: OPML is not readable");
  }

  @Test
  void reportsXmlThatIsNotOpml() {
    FeedList list = FeedListReader.read("<rss/>".getBytes(StandardCharsets.UTF_8));

    assertThat(list.problems()).containsExactly("line 1: not OPML: root element is not <opml>");
  }
}
