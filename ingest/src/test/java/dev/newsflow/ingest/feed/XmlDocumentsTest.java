package dev.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.junit.jupiter.api.Test;

class XmlDocumentsTest {

  @Test
  void strictParserRefusesAnyDoctype() {
    assertThatThrownBy(() -> XmlDocuments.strict("<!DOCTYPE rss><rss/>"))
        .isInstanceOf(JDOMException.class)
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void lenientParserRecoversUnclosedMarkupWithNamespaces() {
    Document d = XmlDocuments.lenient(
        "<rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><item><dc:creator>Ann"
            + "<title>T</title>");

    assertThat(d.getRootElement().getName()).isEqualTo("rss");
    assertThat(FeedXml.entryElements(d.getRootElement())).hasSize(1);
    assertThat(d.getRootElement().getChild("channel").getChild("item")
        .getChild("creator", org.jdom2.Namespace.getNamespace(FeedXml.DC)).getTextTrim()).isEqualTo("Ann");
  }

  @Test
  void lenientParserPrefersFeedRootOverLeadingJunkElement() {
    Document d = XmlDocuments.lenient("<b>oops</b><feed><entry><title>x</title></entry></feed>");

    assertThat(d.getRootElement().getName()).isEqualTo("feed");
  }

  @Test
  void lenientParserGivesNullWithoutAnyElement() {
    assertThat(XmlDocuments.lenient("<!-- only a comment")).isNull();
  }
}
