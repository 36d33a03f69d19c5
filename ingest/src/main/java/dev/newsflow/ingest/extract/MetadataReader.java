package dev.newsflow.ingest.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads a page's metadata from, best first: JSON-LD, meta tags (keys in {@code meta-keys.properties}), markup
 * ({@code rel=author}, bylines, {@code h1}, {@code <title>}, {@code html[lang]}); dates via {@link PublishedDate}.
 *
 * <p>Example: a page with only {@code <meta property="article:published_time" content="2022-12-13T10:15:00+05:00">}
 * and URL {@code /2022/12/12/x} is published {@code 2022-12-13T05:15:00Z} (meta beats the URL).
 */
final class MetadataReader {

    private static final Properties KEYS = loadKeys();
    private static final String BYLINE = "[rel=author], [itemprop=author], "
            + "[class~=(?i)(^|\\s)(byline|by-line|author|author-name|authors|meta|post-meta|article-meta)(\\s|$)]";
    private static final int MAX_BYLINE = 100;

    private MetadataReader() {
    }

    static PageMetadata read(Document doc, String url) {
        JsonLd ld = JsonLd.read(doc);
        MetaTags meta = MetaTags.read(doc);
        String canonical = canonical(doc, ld, meta, url);
        String siteName = firstNonNull(meta.first(keys("site")), ld.publisherName());
        List<String> outlets = outletNames(siteName, ld.publisherName(), canonical);
        String h1 = firstH1(doc);
        String rawTitle = firstNonNull(ld.text("headline"), meta.first(keys("title")),
                TextShape.clean(doc.title()), h1);
        String title = Titles.headline(unescape(rawTitle), outlets, h1);
        return new PageMetadata(
                title == null ? "" : title,
                PublishedDate.find(doc, firstDate(ld.text("datePublished"), ld.text("dateCreated"),
                        meta.first(keys("published"))), url, canonical),
                firstDate(ld.text("dateModified"), meta.first(keys("modified"))),
                Authors.clean(rawAuthors(doc, ld, meta), outlets),
                canonical,
                siteName,
                Languages.normalise(firstNonNull(ld.text("inLanguage"), doc.selectFirst("html") == null ? null
                        : TextShape.clean(doc.selectFirst("html").attr("lang")), meta.first(keys("language")))),
                unescape(firstNonNull(meta.first(keys("description")), ld.text("description"))),
                absolute(doc, firstNonNull(meta.first(keys("image")), ld.imageUrl())),
                ld.articleBody());
    }

    private static List<String> rawAuthors(Document doc, JsonLd ld, MetaTags meta) {
        List<String> raw = new ArrayList<>(ld.authors());
        if (raw.isEmpty()) {
            raw.addAll(meta.all(keys("authors")));
        }
        if (raw.isEmpty()) {
            for (Element el : doc.select(BYLINE)) {
                String name = el.hasAttr("content") ? el.attr("content") : el.text();
                if (!name.isBlank() && name.length() <= MAX_BYLINE) {
                    raw.add(name);
                    break;
                }
            }
        }
        return raw;
    }

    private static String canonical(Document doc, JsonLd ld, MetaTags meta, String url) {
        Element link = doc.selectFirst("link[rel~=(?i)^canonical$][href]");
        String href = link == null ? null : TextShape.clean(link.attr("href"));
        String found = firstNonNull(href, meta.first(keys("url")), ld.pageUrl());
        String abs = absolute(doc, found);
        return abs != null && abs.startsWith("http") ? abs : url;
    }

    private static String absolute(Document doc, String href) {
        if (href == null) {
            return null;
        }
        try {
            String base = doc.location();
            return base == null || base.isEmpty() ? href
                    : URI.create(base).resolve(href.replace(" ", "%20")).toString();
        } catch (IllegalArgumentException e) {
            return href;
        }
    }

    private static List<String> outletNames(String siteName, String publisher, String canonical) {
        List<String> names = new ArrayList<>();
        names.add(siteName);
        names.add(publisher);
        try {
            String host = canonical == null ? null : URI.create(canonical).getHost();
            if (host != null) {
                String bare = host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
                names.add(bare);
                names.add(bare.contains(".") ? bare.substring(0, bare.indexOf('.')) : bare);
            }
        } catch (IllegalArgumentException e) {
            // a broken canonical URL only loses the host as an outlet name
        }
        return names;
    }

    private static String firstH1(Document doc) {
        Element h1 = doc.selectFirst("h1");
        return h1 == null ? null : TextShape.clean(h1.text());
    }

    /** Decodes entities left in metadata values, e.g. a double-escaped {@code &#8211;} in {@code og:title}. */
    private static String unescape(String value) {
        return value == null || value.indexOf('&') < 0 ? value : Parser.unescapeEntities(value, false);
    }

    static Instant firstDate(String... values) {
        for (String v : values) {
            Instant instant = Dates.parse(v);
            if (instant != null) {
                return instant;
            }
        }
        return null;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String[] keys(String field) {
        return KEYS.getProperty(field, "").split("\\s*,\\s*");
    }

    private static Properties loadKeys() {
        Properties p = new Properties();
        try (InputStream in = MetadataReader.class.getResourceAsStream("meta-keys.properties")) {
            if (in == null) {
                throw new IllegalStateException("missing rule file meta-keys.properties");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
