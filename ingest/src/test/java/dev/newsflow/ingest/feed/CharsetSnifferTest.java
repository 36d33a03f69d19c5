package dev.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetSnifferTest {

  private static final String DOC = "<rss><channel><title>Ça coûte 5 €</title></channel></rss>";

  @Test
  void bomWinsOverDeclaration() {
    byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        ("<?xml version='1.0' encoding='iso-8859-1'?>" + DOC).getBytes(StandardCharsets.UTF_8));

    CharsetSniffer.Decoded d = CharsetSniffer.decode(body, null);

    assertThat(d.source()).isEqualTo("bom");
    assertThat(d.text()).contains("Ça coûte 5 €");
  }

  @Test
  void declarationWinsOverHttpHeaderWhenBytesFit() {
    Charset cp1252 = Charset.forName("windows-1252");
    byte[] body = ("<?xml version=\"1.0\" encoding=\"windows-1252\"?>" + DOC).getBytes(cp1252);

    CharsetSniffer.Decoded d = CharsetSniffer.decode(body, "text/xml; charset=koi8-r");

    assertThat(d.charset()).isEqualTo(cp1252);
    assertThat(d.text()).contains("Ça coûte 5 €");
  }

  @Test
  void wrongDeclarationFallsThroughToHttpCharset() {
    byte[] body = ("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + DOC)
        .getBytes(Charset.forName("windows-1252"));

    CharsetSniffer.Decoded d = CharsetSniffer.decode(body, "application/rss+xml; charset=\"windows-1252\"");

    assertThat(d.source()).isEqualTo("http-header");
    assertThat(d.text()).contains("Ça coûte 5 €");
  }

  @Test
  void unknownDeclaredCharsetIsIgnored() {
    byte[] body = ("<?xml version=\"1.0\" encoding=\"no-such-charset\"?>" + DOC)
        .getBytes(StandardCharsets.UTF_8);

    assertThat(CharsetSniffer.decode(body, null).text()).contains("Ça coûte 5 €");
  }

  @Test
  void utf8LabelledLatin1IsReadAsUtf8() {
    byte[] body = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + DOC).getBytes(StandardCharsets.UTF_8);

    CharsetSniffer.Decoded d = CharsetSniffer.decode(body, null);

    assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(d.text()).contains("Ça coûte 5 €");
  }

  @Test
  void readsDeclaredEucKrAsItsWindows949Superset() {
    byte[] body = ("<?xml version=\"1.0\" encoding=\"euc-kr\"?><rss><title>똠방각하</title></rss>")
        .getBytes(Charset.forName("x-windows-949"));

    assertThat(CharsetSniffer.decode(body, null).text()).contains("똠방각하");
  }

  @Test
  void utf16WithoutBomIsRecognised() {
    byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + DOC).getBytes(StandardCharsets.UTF_16BE);

    assertThat(CharsetSniffer.decode(body, null).text()).contains("Ça coûte 5 €");
  }

  @Test
  void detectsUndeclaredLegacyEncoding() {
    CharsetSniffer.Decoded d = CharsetSniffer.decode(Fixtures.bytes("enc-koi8-r-undeclared.xml"), null);

    assertThat(d.source()).isEqualTo("detected");
    assertThat(d.charset().name()).isEqualTo("KOI8-R");
  }

  @Test
  void keepsUtf8WithAFewStrayBytes() {
    byte[] good = ("<rss><title>Ünïcödé ✓ Ünïcödé ✓ Ünïcödé ✓</title>").getBytes(StandardCharsets.UTF_8);
    byte[] body = concat(good, new byte[] {(byte) 0xE9, '<', '/', 'r', 's', 's', '>'});

    CharsetSniffer.Decoded d = CharsetSniffer.decode(body, null);

    assertThat(d.source()).isEqualTo("utf8-mostly");
    assertThat(d.text()).contains("Ünïcödé ✓");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
