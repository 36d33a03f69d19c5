package dev.newsflow.ingest.extract;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Takes an article page and returns its title, text and metadata. This first version keeps the
 * {@code <title>} and the paragraphs of the page's {@code <article>} (or body); issue #4 replaces
 * it with a scoring extractor. Thread-safe.
 */
public final class ArticleExtractor {
  private final int maxBytes;

  public ArticleExtractor() {
    this(5 * 1024 * 1024);
  }

  public ArticleExtractor(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  public Extraction extract(byte[] body, String url, Map<String, List<String>> headers)
      throws ExtractionException {
    if (body == null || body.length == 0) {
      throw new ExtractionException("empty page");
    }
    if (body.length > maxBytes) {
      throw new ExtractionException("page of " + body.length + " bytes exceeds the cap of " + maxBytes);
    }
    Document doc = Jsoup.parse(new String(body, StandardCharsets.UTF_8), url == null ? "" : url);
    Element root = doc.selectFirst("article");
    if (root == null) {
      root = doc.body();
    }
    List<String> paragraphs = new ArrayList<>();
    for (Element p : root.select("p")) {
      String t = p.text().strip();
      if (!t.isEmpty()) {
        paragraphs.add(t);
      }
    }
    String text = String.join("\n\n", paragraphs);
    if (text.isBlank()) {
      throw new ExtractionException("no text found in the page");
    }
    Element h1 = root.selectFirst("h1");
    String title = h1 != null ? h1.text() : doc.title();
    Element canonical = doc.selectFirst("link[rel=canonical][href]");
    return new Extraction(
        title,
        text,
        date(doc.selectFirst("meta[property=article:published_time]")),
        null,
        authors(doc),
        canonical == null ? null : canonical.absUrl("href"),
        content(doc.selectFirst("meta[property=og:site_name]")),
        doc.selectFirst("html[lang]") == null ? null : doc.selectFirst("html[lang]").attr("lang"),
        content(doc.selectFirst("meta[name=description]")),
        content(doc.selectFirst("meta[property=og:image]")));
  }

  private static List<String> authors(Document doc) {
    String a = content(doc.selectFirst("meta[name=author]"));
    return a == null ? List.of() : List.of(a);
  }

  private static String content(Element meta) {
    return meta == null || meta.attr("content").isBlank() ? null : meta.attr("content").strip();
  }

  private static Instant date(Element meta) {
    String v = content(meta);
    try {
      return v == null ? null : java.time.OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
