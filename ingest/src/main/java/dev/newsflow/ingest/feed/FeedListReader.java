package dev.newsflow.ingest.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the list of feeds to poll, either plain text (one URL a line; {@code #} comment lines and
 * blank lines ignored) or OPML (every {@code outline} with an {@code xmlUrl}, at any depth). OPML
 * is parsed with DOCTYPEs refused and external entities off (XXE-safe). Invalid or duplicate URLs
 * are reported with their line number and skipped; reading never throws on bad content.
 *
 * <p>Example: {@code read("# news\nhttps://example.org/rss\nnot a url\n")} gives URLs {@code
 * [https://example.org/rss]} and problems {@code ["line 3: not an http(s) URL: not a url"]}.
 */
public final class FeedListReader {

  private FeedListReader() {}

  /** Reads a list given as bytes (UTF-8, BOM allowed); OPML when it starts with markup. */
  public static FeedList read(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    return text.stripLeading().replaceFirst("^\uFEFF", "").startsWith("<") ? readOpml(content) : read(text);
  }

  /** Reads a plain-text list. */
  public static FeedList read(String text) {
    Collector c = new Collector();
    String[] lines = text.replaceFirst("^\uFEFF", "").split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        c.add(line, i + 1);
      }
    }
    return c.result();
  }

  /** Reads an OPML document; URLs found before a syntax error are kept. */
  public static FeedList readOpml(byte[] content) {
    Collector c = new Collector();
    OutlineHandler handler = new OutlineHandler(c);
    try {
      SAXParser parser = hardenedFactory().newSAXParser();
      parser.parse(new InputSource(new ByteArrayInputStream(content)), handler);
      if (!handler.sawOpml) {
        c.problems.add("line 1: not OPML: root element is not <opml>");
      }
    } catch (SAXParseException e) {
      c.problems.add("line " + e.getLineNumber() + ": OPML is not readable: " + e.getMessage());
    } catch (SAXException | IOException | ParserConfigurationException e) {
      c.problems.add("line 1: OPML is not readable: " + e.getMessage());
    }
    return c.result();
  }

  private static SAXParserFactory hardenedFactory()
      throws ParserConfigurationException, SAXException {
    SAXParserFactory f = SAXParserFactory.newInstance();
    f.setNamespaceAware(false);
    f.setValidating(false);
    f.setXIncludeAware(false);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return f;
  }

  /** Collects {@code xmlUrl} of every outline with its line number. */
  private static final class OutlineHandler extends DefaultHandler {
    private final Collector collector;
    private Locator locator;
    private boolean sawOpml;
    private boolean first = true;

    OutlineHandler(Collector collector) {
      this.collector = collector;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
      String name = qName.toLowerCase(Locale.ROOT);
      if (first) {
        sawOpml = name.equals("opml");
        first = false;
      }
      if (name.equals("outline")) {
        String url = attribute(atts, "xmlurl");
        if (url != null && !url.isBlank()) {
          collector.add(url.strip(), locator == null ? 0 : locator.getLineNumber());
        }
      }
    }

    @Override
    public InputSource resolveEntity(String publicId, String systemId) {
      return new InputSource(new StringReader(""));
    }

    private static String attribute(Attributes atts, String lowerName) {
      for (int i = 0; i < atts.getLength(); i++) {
        if (atts.getQName(i).toLowerCase(Locale.ROOT).equals(lowerName)) {
          return atts.getValue(i);
        }
      }
      return null;
    }
  }

  /** Validates and de-duplicates URLs, recording problems. */
  private static final class Collector {
    private final Map<String, Integer> urls = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    void add(String url, int line) {
      String problem = invalidReason(url);
      if (problem != null) {
        problems.add("line " + line + ": " + problem + ": " + url);
      } else if (urls.containsKey(url)) {
        problems.add("line " + line + ": duplicate of line " + urls.get(url) + ": " + url);
      } else {
        urls.put(url, line);
      }
    }

    FeedList result() {
      return new FeedList(new ArrayList<>(urls.keySet()), problems);
    }

    private static String invalidReason(String url) {
      try {
        URI u = new URI(url);
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
          return "not an http(s) URL";
        }
        if (u.getHost() == null || u.getHost().isBlank()) {
          return "URL has no host";
        }
        return null;
      } catch (URISyntaxException e) {
        return "malformed URL (" + e.getReason() + ")";
      }
    }
  }
}
