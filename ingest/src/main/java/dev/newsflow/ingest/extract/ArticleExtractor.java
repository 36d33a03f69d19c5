package dev.newsflow.ingest.extract;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts the main text and metadata of one article page. Construct once and share: instances are immutable and
 * thread-safe.
 *
 * <p>Example:
 * <pre>{@code
 * ArticleExtractor extractor = new ArticleExtractor();
 * Extraction e = extractor.extract(
 *     "<html lang=en><title>Rain due | Daily</title><article><p>Rain is due on Friday, ...</p></article>"
 *         .getBytes(UTF_8),
 *     "https://daily.example/2024/05/01/rain", Map.of("Content-Type", List.of("text/html")));
 * e.title();     // "Rain due"
 * e.published(); // 2024-05-01T00:00:00Z (from the URL, the page has no date)
 * }</pre>
 *
 * <p>Steps: decode ({@link PageDecoder}), parse with jsoup, read metadata ({@link MetadataReader}), cut the body
 * into blocks, skipping scripts and hidden elements, and pick the article container ({@link BlockSegmenter},
 * {@link BodySelector}), prefer a plausible JSON-LD {@code articleBody} when the markup yields clearly less, then
 * decide the language ({@link Languages}). Every pass over the page is linear and non-recursive; input beyond
 * {@link ExtractorSettings#maxInputBytes()} is cut off.
 */
public final class ArticleExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleExtractor.class);
    private static final double LD_BODY_GAIN = 1.5;
    private static final int MIN_LD_BODY = 200;

    private final ExtractorSettings settings;
    private final Hints hints;
    private final Languages languages;

    /** An extractor with {@link ExtractorSettings#defaults()}. */
    public ArticleExtractor() {
        this(ExtractorSettings.defaults());
    }

    public ArticleExtractor(ExtractorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.hints = Hints.load();
        this.languages = settings.detectLanguage() ? Languages.lingua() : Languages.declaredOnly();
    }

    /**
     * Extracts one page.
     *
     * @param body    the page bytes as fetched
     * @param url     the page URL (base for relative links, fallback canonical URL); may be null
     * @param headers HTTP response headers (keys in any case); may be null or empty
     * @throws ExtractionException when the page is empty, not HTML, or holds no text at all
     */
    public Extraction extract(byte[] body, String url, Map<String, List<String>> headers) {
        Objects.requireNonNull(body, "body");
        int length = Math.min(body.length, settings.maxInputBytes());
        if (length < body.length) {
            LOG.debug("page {} cut from {} to {} bytes", url, body.length, length);
        }
        String html = PageDecoder.decode(body, length, headers);
        if (html.indexOf('<') < 0) {
            throw new ExtractionException("not HTML: no markup");
        }
        Document doc = Jsoup.parse(html, url == null ? "" : url, Parser.htmlParser());
        PageMetadata meta = MetadataReader.read(doc, url);
        String text = bodyText(doc, meta);
        if (text.isEmpty() && doc.body().text().isBlank() && meta.title().isEmpty()) {
            throw new ExtractionException("no text on the page");
        }
        return new Extraction(meta.title(), text, meta.published(), meta.modified(), meta.authors(),
                meta.canonicalUrl(), meta.siteName(), languages.decide(meta.declaredLanguage(), text),
                meta.description(), meta.imageUrl());
    }

    private String bodyText(Document doc, PageMetadata meta) {
        Element root = doc.body();
        String fromMarkup = BodySelector.select(BlockSegmenter.segment(root, hints), hints);
        String fromLd = ldBody(meta.articleBody());
        if (fromLd != null && fromLd.length() >= MIN_LD_BODY && fromLd.length() > LD_BODY_GAIN * fromMarkup.length()) {
            return fromLd;
        }
        return fromMarkup;
    }

    private String ldBody(String articleBody) {
        if (articleBody == null) {
            return null;
        }
        if (articleBody.indexOf('<') >= 0) {
            Document fragment = Jsoup.parseBodyFragment(articleBody);
            return BodySelector.select(BlockSegmenter.segment(fragment.body(), hints), hints);
        }
        return TextShape.tidy(articleBody.replace("\r", "").replace("\n", "\n\n"));
    }
}
