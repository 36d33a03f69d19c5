package dev.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedParserTest {

  private final FeedParser parser = new FeedParser();

  private ParsedFeed parse(String fixture) {
    return parser.parse(Fixtures.bytes(fixture), null, null);
  }

  private ParsedFeed parse(String xml, String url) {
    return parser.parse(xml.getBytes(StandardCharsets.UTF_8), url, null);
  }

  // --- security -------------------------------------------------------------------------------

  @Test
  void doesNotReadLocalFileThroughExternalEntity(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-4242");
    String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri()
        + "\">]>\n<rss version=\"2.0\"><channel><title>x</title><item><title>leak &xxe; here</title>"
        + "<description>&xxe;</description><link>https://e.example/1</link></item></channel></rss>";

    ParsedFeed feed = parse(xml, null);

    assertThat(ParseFeedJson.toJson(feed)).doesNotContain("TOP-SECRET-4242");
    assertThat(feed.entries()).hasSize(1);
    assertThat(feed.entries().get(0).title()).isEqualTo("leak &xxe; here");
  }

  @Test
  void doesNotReadLocalFileThroughParameterEntity(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.dtd");
    Files.writeString(secret, "<!ENTITY leaked \"TOP-SECRET-4242\">");
    String xml = "<!DOCTYPE rss [<!ENTITY % ext SYSTEM \"" + secret.toUri() + "\"> %ext;]>"
        + "<rss version=\"2.0\"><channel><title>x</title><item><title>&leaked;</title></item>"
        + "</channel></rss>";

    ParsedFeed feed = parse(xml, null);

    assertThat(ParseFeedJson.toJson(feed)).doesNotContain("TOP-SECRET-4242");
  }

  @Test
  void refusesBillionLaughsWithoutExpanding() {
    ParsedFeed feed = parse("billion-laughs.xml");

    assertThat(feed.entries()).isEmpty();
    assertThat(feed.error()).startsWith("refused DTD entities");
  }

  @Test
  void refusesQuadraticBlowupBeyondBudget() {
    ParsedFeed feed = parse("quadratic-blowup.xml");

    assertThat(feed.error()).contains("expand beyond");
  }

  @Test
  void readsRss091WithNetscapeDoctypeAndHtmlEntities() {
    ParsedFeed feed = parse("rss091-doctype.xml");

    assertThat(feed.error()).isNull();
    assertThat(feed.entries()).hasSize(2);
    assertThat(feed.entries().get(0).title()).isEqualTo("Ferry timetable changes \u2013 summer 2024");
    assertThat(feed.entries().get(0).summary()).contains("7\u00BD");
  }

  @Test
  void expandsSimpleInternalEntities() {
    ParsedFeed feed = parse("entity-dtd.xml");

    assertThat(feed.title()).isEqualTo("Valley Observer headlines");
    assertThat(feed.entries().get(0).title()).isEqualTo("\u00A9 2024 Valley Observer: river levels fall");
  }

  // --- encodings ------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
    "enc-euc-kr-undeclared.xml, 서울 시내 버스 요금 인상 발표",
    "enc-gb2312-undeclared.xml, 北京今日发布暴雨橙色预警",
    "enc-shift_jis-undeclared.xml, 東京で桜の開花を発表しました",
    "enc-koi8-r-undeclared.xml, В Москве открылась новая станция метро",
    "enc-koi8-r-declared.xml, В Москве открылась новая станция метро",
    "enc-windows-1251-declared-utf8.xml, В Москве открылась новая станция метро",
    "enc-utf16le-bom.xml, В Москве открылась новая станция метро",
    "enc-utf8-declared-latin1.xml, Café crème à Genève: l’été arrive",
  })
  void decodesBrokenAndUndeclaredEncodings(String fixture, String title) {
    ParsedFeed feed = parse(fixture);

    assertThat(feed.error()).isNull();
    assertThat(feed.entries()).extracting(FeedEntry::title).containsExactly(title);
  }

  @Test
  void usesHttpCharsetWhenDocumentDeclaresNone() {
    ParsedFeed feed = parser.parse(
        Fixtures.bytes("enc-windows-1252-http-only.xml"), null, "text/xml; charset=windows-1252");

    assertThat(feed.entries().get(0).title()).isEqualTo("Café déjà vu");
  }

  // --- links ----------------------------------------------------------------------------------

  @Test
  void resolvesRelativeLinksAgainstNestedXmlBase() {
    ParsedFeed feed = parse("xml-base.xml");

    assertThat(feed.entries()).extracting(FeedEntry::link).containsExactly(
        "https://blog.example.org/posts/2024/hello.html",
        "https://cdn.example.net/other/page.html",
        "https://blog.example.org/about");
  }

  @Test
  void resolvesRelativeLinksAgainstFeedUrl() {
    ParsedFeed feed = parser.parse(
        Fixtures.bytes("relative-no-base.xml"), "https://site.example.com/feeds/main.xml", null);

    assertThat(feed.entries()).extracting(FeedEntry::link).containsExactly(
        "https://site.example.com/feeds/items/one.html", "https://site.example.com/items/two");
  }

  @Test
  void prefersHtmlAlternateAmongSeveralLinksAndReadsLinkText() {
    ParsedFeed feed = parse("link-choice.xml");

    assertThat(feed.entries()).extracting(FeedEntry::link).containsExactly(
        "https://links.example.com/ep1", "https://links.example.com/ep2");
  }

  // --- titles, dates, fallbacks ----------------------------------------------------------------

  @Test
  void decodesEntitiesAndStraysInTitles() {
    ParsedFeed feed = parse("entities-in-titles.xml");

    assertThat(feed.title()).isEqualTo("Café Society & Friends");
    assertThat(feed.entries()).extracting(FeedEntry::title).containsExactly(
        "Café opens late … again",
        "Ben & Jerry’s new flavour",
        "AT&T & Verizon &unknownentity; merger rumour",
        "Fish & chips tonight");
    assertThat(feed.entries().get(0).link()).isEqualTo("https://cafe.example.com/late?a=1&b=2");
    assertThat(feed.entries().get(3).summary()).isEqualTo("<p>Salt &amp; vinegar &nbsp; only</p>");
  }

  @Test
  void normalisesOddDatesToUtc() {
    ParsedFeed feed = parse("odd-dates.xml");

    assertThat(feed.entries()).extracting(FeedEntry::published).containsExactly(
        Instant.parse("2004-02-29T02:14:55Z"),
        Instant.parse("2004-03-05T08:00:00Z"),
        Instant.parse("2004-02-29T02:14:55Z"),
        Instant.parse("2023-11-05T14:30:00Z"),
        Instant.parse("2022-03-07T15:45:00Z"),
        Instant.parse("2021-12-24T00:00:00Z"),
        null);
  }

  @Test
  void fallsBackToDcTitleAndMediaTitle() {
    ParsedFeed feed = parse("title-fallbacks.xml");

    assertThat(feed.entries()).extracting(FeedEntry::title)
        .containsExactly("Evening bulletin", "Weather at noon", "Sports roundup");
    assertThat(feed.entries().get(2).link()).isEqualTo("https://tv.example.com/sports");
  }

  @Test
  void readsAtom03Base64TitleContentAndLinkWithoutRel() {
    FeedEntry e = parse("atom03.xml").entries().get(0);

    assertThat(e.title()).isEqualTo("Railway station reopens");
    assertThat(e.summary()).isEqualTo("<p>The station is open again.</p>");
    assertThat(e.link()).isEqualTo("https://old.example.com/2004/station");
    assertThat(e.published()).isEqualTo(Instant.parse("2004-01-02T08:00:00Z"));
  }

  // --- broken documents -----------------------------------------------------------------------

  @Test
  void skipsJunkBeforeXmlDeclaration() {
    assertThat(parse("leading-junk.xml").entries()).extracting(FeedEntry::title)
        .containsExactly("Survives junk");
  }

  @Test
  void recoversEntriesFromIllFormedXml() {
    ParsedFeed feed = parse("ill-formed.xml");

    assertThat(feed.error()).isNull();
    assertThat(feed.entries()).extracting(FeedEntry::link)
        .containsExactly("https://broken.example.com/1", "https://broken.example.com/2");
    assertThat(feed.entries().get(0).title()).startsWith("First");
  }

  @Test
  void readsAtomFeedThatForgotItsNamespace() {
    assertThat(parse("atom-no-namespace.xml").entries()).extracting(FeedEntry::title)
        .containsExactly("Still Atom");
  }

  @Test
  void reportsHtmlPageAsNotAFeed() {
    ParsedFeed feed = parse("not-a-feed.html");

    assertThat(feed.entries()).isEmpty();
    assertThat(feed.error()).isEqualTo("not a feed: root element <html> is not RSS, RDF or Atom");
  }

  @Test
  void reportsEmptyAndNonXmlBodies() {
    assertThat(parser.parse(new byte[0], null, null).error()).isEqualTo("empty document");
    assertThat(parser.parse(null, null, null).error()).isEqualTo("empty document");
    assertThat(parse("just some words, no markup", null).error()).startsWith("not XML");
    assertThat(parser.parse(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2}, null, null).error())
        .isNotBlank();
  }

  // --- formats and metadata -------------------------------------------------------------------

  @Test
  void readsRss10WithSyndicationHints() {
    ParsedFeed feed = parse("rss10.rdf");

    assertThat(feed.updatePeriod()).isEqualTo("hourly");
    assertThat(feed.updateFrequency()).isEqualTo(2);
    FeedEntry e = feed.entries().get(0);
    assertThat(e.authors()).containsExactly("Rita");
    assertThat(e.published()).isEqualTo(Instant.parse("2024-06-01T10:00:00Z"));
  }

  @Test
  void readsRss20TtlGuidAndAuthor() {
    ParsedFeed feed = parse("rss20-ttl.xml");

    assertThat(feed.ttlMinutes()).isEqualTo(45);
    FeedEntry e = feed.entries().get(0);
    assertThat(e.id()).isEqualTo("ttl-1");
    assertThat(e.summary()).isEqualTo("Hello");
    assertThat(e.authors()).containsExactly("ed@ttl.example.com (Ed Editor)");
  }

  @Test
  void readsJsonFeed() {
    ParsedFeed feed = parser.parse(Fixtures.bytes("feed.json"), "https://json.example.com/feed.json",
        "application/feed+json");

    assertThat(feed.title()).isEqualTo("JSON & news");
    assertThat(feed.entries()).extracting(FeedEntry::link)
        .containsExactly("https://json.example.com/posts/1", "https://elsewhere.example.net/x");
    assertThat(feed.entries().get(0).published()).isEqualTo(Instant.parse("2024-02-03T03:05:06Z"));
    assertThat(feed.entries().get(1).authors()).containsExactly("Grace");
  }

  @Test
  void reportsBrokenJsonClearly() {
    assertThat(parse("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [", null).error())
        .startsWith("invalid JSON");
  }

  @Test
  void givesSameResultFromManyThreads() {
    byte[] body = Fixtures.bytes("xml-base.xml");
    ParsedFeed expected = parser.parse(body, null, null);

    List<ParsedFeed> results = IntStream.range(0, 64).parallel()
        .mapToObj(i -> parser.parse(body, null, null)).toList();

    assertThat(results).allMatch(expected::equals);
  }
}
