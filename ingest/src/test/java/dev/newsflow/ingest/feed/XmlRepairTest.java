package dev.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class XmlRepairTest {

  @Test
  void escapesStrayAmpersandsAndMapsHtmlEntities() throws Exception {
    assertThat(XmlRepair.repair("<t>AT&T &eacute; &nbsp;&amp; &#233; &#x20AC; &bogus;</t>"))
        .isEqualTo("<t>AT&amp;T &#233; &#160;&amp; &#233; &#x20AC; &amp;bogus;</t>");
  }

  @Test
  void leavesCdataCommentsAndInstructionsAlone() throws Exception {
    String xml = "<t><![CDATA[a & b &nbsp;]]><!-- x & y --><?pi a&b?></t>";

    assertThat(XmlRepair.repair(xml)).isEqualTo(xml);
  }

  @Test
  void dropsJunkDeclarationAndDoctype() throws Exception {
    String xml = "\n junk <?xml version=\"1.0\" encoding=\"koi8-r\"?>\n"
        + "<!DOCTYPE rss SYSTEM \"http://example.org/rss.dtd\">\n<rss/>";

    assertThat(XmlRepair.repair(xml).strip()).isEqualTo("<rss/>");
  }

  @Test
  void dropsServerWarningPrintedBeforeRoot() throws Exception {
    String xml = "<b>Warning</b>: session_start() failed in <i>index.php</i>\n<rss version=\"2.0\"/>";

    assertThat(XmlRepair.repair(xml)).isEqualTo("<rss version=\"2.0\"/>");
  }

  @Test
  void keepsStylesheetInstructionWhenThereIsNoDeclaration() throws Exception {
    String xml = "<?xml-stylesheet type=\"text/xsl\" href=\"s.xsl\"?><rss/>";

    assertThat(XmlRepair.repair(xml)).isEqualTo(xml);
  }

  @Test
  void removesCharactersXmlForbids() throws Exception {
    assertThat(XmlRepair.repair("<t>a\u0001b\u000Bc&#1;\uFFFEd\uD800e</t>")).isEqualTo("<t>abcde</t>");
  }

  @Test
  void keepsValidSurrogatePairs() throws Exception {
    assertThat(XmlRepair.repair("<t>\uD83D\uDE00</t>")).isEqualTo("<t>\uD83D\uDE00</t>");
  }

  @Test
  void doesNotExpandExternalEntities() throws Exception {
    String xml = "<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><r>&e;</r>";

    assertThat(XmlRepair.repair(xml)).isEqualTo("<r>&amp;e;</r>");
  }

  @Test
  void refusesDeeplyNestedEntities() {
    String xml = "<!DOCTYPE r [<!ENTITY a \"x\"><!ENTITY b \"&a;&a;\"><!ENTITY c \"&b;&b;\">"
        + "<!ENTITY d \"&c;&c;\"><!ENTITY e \"&d;&d;\">]><r>&e;</r>";

    assertThatThrownBy(() -> XmlRepair.repair(xml))
        .isInstanceOf(XmlRepair.EntityBombException.class)
        .hasMessageContaining("nests deeper");
  }
}
