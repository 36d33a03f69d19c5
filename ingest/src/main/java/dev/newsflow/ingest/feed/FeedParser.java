package dev.newsflow.ingest.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lenient, XXE-safe feed parser: RSS 0.9x/1.0/2.0, RDF, Atom 0.3/1.0 (through Rome 2.1.0) and JSON
 * Feed (through Jackson). Thread-safe and stateless: build one and share it.
 *
 * <p>Pipeline: sniff the charset ({@link CharsetSniffer}), repair the text ({@link XmlRepair}),
 * parse strictly with DTDs refused, else with jsoup's forgiving XML builder ({@link
 * XmlDocuments}), let Rome map the document, then fill Rome's gaps from the XML ({@link
 * EntryReader}). It never throws for bad input and never prints: a feed that cannot be read gives
 * {@link ParsedFeed#failure(String)} with a specific message.
 *
 * <p>Example: {@code new FeedParser().parse(bytes, "https://example.org/rss", "text/xml;
 * charset=utf-8")}.
 */
public final class FeedParser {

  private static final Logger LOG = LoggerFactory.getLogger(FeedParser.class);

  /** Parses one document. {@code feedUrl} and {@code contentTypeHeader} may be null. */
  public ParsedFeed parse(byte[] body, String feedUrl, String contentTypeHeader) {
    try {
      return parseOrFail(body, feedUrl, contentTypeHeader);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.warn("feed parser failed unexpectedly on {}: {}", feedUrl, e.toString());
      return ParsedFeed.failure("internal parser error: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  private ParsedFeed parseOrFail(byte[] body, String feedUrl, String contentType) {
    if (body == null || body.length == 0) {
      return ParsedFeed.failure("empty document");
    }
    CharsetSniffer.Decoded decoded = CharsetSniffer.decode(body, contentType);
    LOG.debug("{}: decoded as {} ({})", feedUrl, decoded.charset(), decoded.source());
    if (JsonFeedReader.looksLikeJson(decoded.text())) {
      return JsonFeedReader.read(decoded.text(), feedUrl);
    }
    String xml;
    try {
      xml = XmlRepair.repair(decoded.text());
    } catch (XmlRepair.EntityBombException e) {
      return ParsedFeed.failure("refused DTD entities: " + e.getMessage());
    }
    if (xml.indexOf('<') < 0) {
      return ParsedFeed.failure("not XML: no markup found (" + decoded.charset() + ")");
    }
    if (XmlDepth.exceeds(xml, XmlDepth.LIMIT)) {
      return ParsedFeed.failure("refused: elements nested more than " + XmlDepth.LIMIT + " deep");
    }
    Document doc;
    try {
      doc = XmlDocuments.strict(xml);
    } catch (JDOMException | IOException | IllegalArgumentException e) {
      // IllegalArgumentException: JDOM's IllegalNameException for names the SAX parser accepted.
      LOG.debug("{}: strict XML parse failed ({}), using lenient parser", feedUrl, e.getMessage());
      doc = XmlDocuments.lenient(xml);
      if (doc == null || !doc.hasRootElement()) {
        return ParsedFeed.failure("not XML: " + oneLine(e.getMessage()));
      }
    }
    return fromDocument(doc, feedUrl);
  }

  private static String oneLine(String message) {
    return message == null ? "unreadable markup" : message.replaceAll("\\s+", " ").strip();
  }

  private static ParsedFeed fromDocument(Document doc, String feedUrl) {
    Element root = doc.getRootElement();
    String rootName = root.getQualifiedName();
    WireFeed wire;
    try {
      wire = wireFeed(doc);
    } catch (IllegalArgumentException e) {
      return ParsedFeed.failure(
          "not a feed: root element <" + rootName + "> is not RSS, RDF or Atom");
    } catch (FeedException e) {
      return ParsedFeed.failure("unreadable feed: " + oneLine(e.getMessage()));
    } catch (RuntimeException e) {
      LOG.debug("Rome could not map <{}>: {}", rootName, e.toString());
      return ParsedFeed.failure("unreadable feed: <" + rootName + "> lacks the structure Rome needs ("
          + e.getClass().getSimpleName() + ")");
    }
    SyndFeed feed = new SyndFeedImpl(wire, false);
    return new ParsedFeed(
        FeedText.plain(feed.getTitle()),
        entries(feed.getEntries(), FeedXml.entryElements(root), feedUrl),
        null,
        ttl(wire),
        syndication(root, "updatePeriod"),
        integer(syndication(root, "updateFrequency")));
  }

  private static WireFeed wireFeed(Document doc) throws FeedException {
    try {
      return new WireFeedInput().build(doc);
    } catch (IllegalArgumentException notRecognised) {
      if (!RootRepair.repair(doc.getRootElement())) {
        throw notRecognised;
      }
      return new WireFeedInput().build(doc);
    }
  }

  private static List<FeedEntry> entries(List<SyndEntry> rome, List<Element> xml, String feedUrl) {
    boolean paired = rome.size() == xml.size();
    List<FeedEntry> out = new ArrayList<>(rome.size());
    for (int i = 0; i < rome.size(); i++) {
      out.add(EntryReader.read(rome.get(i), paired ? xml.get(i) : null, feedUrl));
    }
    return out;
  }

  private static Integer ttl(WireFeed wire) {
    return wire instanceof Channel c && c.getTtl() > 0 ? c.getTtl() : null;
  }

  private static String syndication(Element root, String name) {
    Element sy = FeedXml.child(FeedXml.channel(root), name, FeedXml.SY);
    return sy == null ? null : FeedText.blankToNull(sy.getTextNormalize());
  }

  private static Integer integer(String s) {
    try {
      return s == null ? null : Integer.valueOf(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
