package dev.newsflow.schemas.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {

  private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer();

  @Test
  void removesTrackingParameters() {
    assertThat(
            canonicalizer.canonicalize(
                "https://example.com/news/a?utm_source=rss&utm_medium=feed&fbclid=IwAR1&gclid=x&mc_cid=1&mc_eid=2"))
        .isEqualTo("https://example.com/news/a");
  }

  @Test
  void matchesTrackingParametersCaseInsensitively() {
    assertThat(
            canonicalizer.canonicalize(
                "https://example.com/a?CMP=share_btn&UTM_Campaign=x&ref=rss"))
        .isEqualTo("https://example.com/a");
  }

  @Test
  void keepsMeaningfulParametersSortedByName() {
    assertThat(
            canonicalizer.canonicalize(
                "https://news.example/article.php?page=2&utm_source=x&id=77"))
        .isEqualTo("https://news.example/article.php?id=77&page=2");
  }

  @Test
  void keepsOrderOfRepeatedParameterNames() {
    assertThat(canonicalizer.canonicalize("https://example.com/s?tag=b&q=x&tag=a"))
        .isEqualTo("https://example.com/s?q=x&tag=b&tag=a");
  }

  @Test
  void dropsFragmentAndEmptyQuery() {
    assertThat(canonicalizer.canonicalize("https://example.com/a?#comments"))
        .isEqualTo("https://example.com/a");
    assertThat(canonicalizer.canonicalize("https://example.com/a#top"))
        .isEqualTo("https://example.com/a");
  }

  @Test
  void lowerCasesSchemeAndHostButNotPath() {
    assertThat(canonicalizer.canonicalize("HTTPS://News.Example.COM/World/Story-1"))
        .isEqualTo("https://news.example.com/World/Story-1");
  }

  @Test
  void treatsHttpAndHttpsAndWwwAsTheSameArticle() {
    String expected = "https://example.com/a";
    assertThat(
            List.of(
                "http://example.com/a", "https://www.example.com/a", "http://WWW.example.com/a"))
        .allSatisfy(url -> assertThat(canonicalizer.canonicalize(url)).isEqualTo(expected));
  }

  @Test
  void dropsDefaultPortsAndKeepsOthers() {
    assertThat(canonicalizer.canonicalize("http://example.com:80/a"))
        .isEqualTo("https://example.com/a");
    assertThat(canonicalizer.canonicalize("https://example.com:443/a"))
        .isEqualTo("https://example.com/a");
    assertThat(canonicalizer.canonicalize("https://example.com:8443/a"))
        .isEqualTo("https://example.com:8443/a");
  }

  @Test
  void convertsInternationalHostNamesToPunycode() {
    assertThat(canonicalizer.canonicalize("https://Bücher.example/ä"))
        .isEqualTo("https://xn--bcher-kva.example/%C3%A4");
    assertThat(canonicalizer.canonicalize("https://xn--bcher-kva.example/%c3%a4"))
        .isEqualTo("https://xn--bcher-kva.example/%C3%A4");
  }

  @Test
  void normalisesPathEscapesAndDotSegments() {
    assertThat(canonicalizer.canonicalize("https://example.com/a/./b/../c%2dd%7Ee"))
        .isEqualTo("https://example.com/a/c-d~e");
    assertThat(canonicalizer.canonicalize("https://example.com")).isEqualTo("https://example.com/");
    assertThat(canonicalizer.canonicalize("https://example.com/a b"))
        .isEqualTo("https://example.com/a%20b");
  }

  @Test
  void keepsIpv6HostsTrailingSlashAndEmptyPort() {
    assertThat(canonicalizer.canonicalize("http://[2001:DB8::1]:8080/a/"))
        .isEqualTo("https://[2001:db8::1]:8080/a/");
    assertThat(canonicalizer.canonicalize("https://example.com:/a"))
        .isEqualTo("https://example.com/a");
  }

  @Test
  void dropsUserInfoAndTrailingHostDot() {
    assertThat(canonicalizer.canonicalize("https://user:pw@example.com./a"))
        .isEqualTo("https://example.com/a");
  }

  @Test
  void rejectsWhatIsNotAnAbsoluteHttpUrl() {
    assertThatThrownBy(() -> canonicalizer.canonicalize("  ")).hasMessageContaining("blank");
    assertThatThrownBy(() -> canonicalizer.canonicalize("/news/a"))
        .hasMessageContaining("not an absolute URL");
    assertThatThrownBy(() -> canonicalizer.canonicalize("ftp://example.com/a"))
        .hasMessageContaining("scheme 'ftp'");
    assertThatThrownBy(() -> canonicalizer.canonicalize("https://exa mple.com/a"))
        .hasMessageContaining("invalid host");
    assertThatThrownBy(() -> canonicalizer.canonicalize("https://example.com:99999/a"))
        .hasMessageContaining("port");
  }

  @Test
  void articleIdIsHexOfFirstSixteenBytesOfSha256() {
    assertThat(UrlCanonicalizer.articleId("https://example.com/a"))
        .isEqualTo("2dce0a4c50441bfccfa9caf4b58c3cba");
  }

  @Test
  void trackingVariantsOfOneUrlGetOneArticleId() {
    String a = canonicalizer.canonicalize("http://WWW.example.com/a?utm_source=x#c");
    String b = canonicalizer.canonicalize("https://example.com/a?fbclid=y");
    assertThat(UrlCanonicalizer.articleId(a)).isEqualTo(UrlCanonicalizer.articleId(b));
  }

  @Test
  void customTrackingListSupportsPrefixesAndComments() {
    TrackingParams params = TrackingParams.parse(List.of("# comment", "foo_*", "bar  # trailing"));
    UrlCanonicalizer custom = new UrlCanonicalizer(params);
    assertThat(custom.canonicalize("https://example.com/?foo_x=1&bar=2&utm_source=3"))
        .isEqualTo("https://example.com/?utm_source=3");
  }
}
