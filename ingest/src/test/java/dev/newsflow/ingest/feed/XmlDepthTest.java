package dev.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlDepthTest {
  @Test
  void countsNestedElements() {
    String xml = "<rss><channel><item><title>t</title></item></channel></rss>";
    assertThat(XmlDepth.exceeds(xml, 4)).isFalse();
    assertThat(XmlDepth.exceeds(xml, 3)).isTrue();
  }

  @Test
  void siblingsAndSelfClosingTagsDoNotNest() {
    String xml = "<rss><channel>" + "<item><link/><guid/></item>".repeat(10_000) + "</channel></rss>";
    assertThat(XmlDepth.exceeds(xml, 3)).isFalse();
  }

  @Test
  void skipsCommentsCdataDeclarationsAndStrayLessThanSigns() {
    String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss><rss><!-- <a><b><c> --><channel><![CDATA[<a><b><c><d>]]>"
        + "<title>1 < 2 <= 3</title></channel></rss>";
    assertThat(XmlDepth.exceeds(xml, 3)).isFalse();
  }

  @Test
  void findsANestingBomb() {
    assertThat(XmlDepth.exceeds("<rss>" + "<x>".repeat(100_000) + "</x>".repeat(100_000) + "</rss>", XmlDepth.LIMIT)).isTrue();
  }
}
