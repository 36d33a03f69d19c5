package dev.newsflow.ingest.feed;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.DOMBuilder;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.jsoup.helper.W3CDom;
import org.jsoup.parser.Parser;
import org.w3c.dom.DOMException;
import org.xml.sax.InputSource;

/**
 * Turns repaired feed text into a JDOM document for Rome: first with a strict, hardened SAX parser
 * (DOCTYPE rejected, external entities and DTD loading off, JAXP secure processing on), and when
 * that fails, with jsoup's forgiving XML tree builder, which never fetches anything and never
 * expands entities beyond HTML's named ones.
 *
 * <p>Example: {@code strict("<rss><channel/></rss>")} gives a document with root {@code rss};
 * {@code lenient("<rss><channel><item><title>a < b</title></item>")} still gives one.
 */
final class XmlDocuments {

  private XmlDocuments() {}

  static Document strict(String xml) throws JDOMException, IOException {
    return hardenedBuilder().build(new StringReader(xml));
  }

  /** The recovered document, or null when not even one element could be recovered. */
  static Document lenient(String xml) {
    org.jsoup.nodes.Document soup = Parser.xmlParser().parseInput(xml, "");
    org.jsoup.nodes.Element root = pickRoot(soup);
    if (root == null) {
      return null;
    }
    try {
      // Namespace-unaware conversion: JDOM's DOMBuilder then resolves xmlns attributes itself,
      // whereas jsoup's namespace-aware mode puts unprefixed elements in the XML namespace.
      org.jsoup.nodes.Document only = new org.jsoup.nodes.Document("");
      only.appendChild(root);
      org.w3c.dom.Document dom = new W3CDom().namespaceAware(false).fromJsoup(only);
      return new DOMBuilder().build(dom);
    } catch (IllegalArgumentException | IllegalStateException | DOMException badNameOrStructure) {
      // JDOM refuses names or namespace bindings that jsoup let through (IllegalNameException).
      return null;
    }
  }

  /** The first top-level rss/feed/RDF element (junk elements may precede it), else the first. */
  private static org.jsoup.nodes.Element pickRoot(org.jsoup.nodes.Document soup) {
    for (org.jsoup.nodes.Element e : soup.children()) {
      String local = e.tagName().substring(e.tagName().indexOf(':') + 1);
      if (local.equals("rss") || local.equals("feed") || local.equals("RDF")) {
        return e;
      }
    }
    return soup.children().isEmpty() ? null : soup.child(0);
  }

  private static SAXBuilder hardenedBuilder() {
    SAXBuilder b = new SAXBuilder(XMLReaders.NONVALIDATING);
    b.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    b.setFeature("http://xml.org/sax/features/external-general-entities", false);
    b.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    b.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    b.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    b.setExpandEntities(false);
    b.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
    return b;
  }
}
