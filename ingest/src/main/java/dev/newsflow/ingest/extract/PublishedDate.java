package dev.newsflow.ingest.extract;

import java.time.Instant;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds a page's publication time when neither JSON-LD nor meta tags give it.
 *
 * <p>Example: {@code <p class="meta">Reuters | Tue 13 Dec 2022 06:02 GMT</p>} on a page without date metadata or a
 * dated URL gives {@code 2022-12-13T06:02:00Z}.
 */
final class PublishedDate {

    private static final String DATE_TEXT = "[class~=(?i)(date|time|publish|meta|byline)]";
    private static final int MAX_DATE_TEXT = 120;

    private PublishedDate() {
    }

    /**
     * The publication time: {@code fromData} (JSON-LD or meta tags) when present, else a {@code <time datetime>} or
     * {@code itemprop=datePublished}, else a date in the URL or canonical URL, else a short date text in an element
     * whose class names a date, time, meta line or byline.
     */
    static Instant find(Document doc, Instant fromData, String url, String canonical) {
        if (fromData != null) {
            return fromData;
        }
        for (Element time : doc.select("time[datetime], [itemprop=datePublished]")) {
            String value = time.hasAttr("datetime") ? time.attr("datetime")
                    : time.hasAttr("content") ? time.attr("content") : time.text();
            Instant instant = Dates.parse(value);
            if (instant != null) {
                return instant;
            }
        }
        Instant fromUrl = Dates.fromUrl(url) != null ? Dates.fromUrl(url) : Dates.fromUrl(canonical);
        if (fromUrl != null) {
            return fromUrl;
        }
        for (Element el : doc.select(DATE_TEXT)) {
            String value = el.hasAttr("value") ? el.attr("value") : el.hasAttr("content") ? el.attr("content")
                    : shortText(el);
            Instant instant = value == null ? null : dateInText(value);
            if (instant != null) {
                return instant;
            }
        }
        return null;
    }

    /** The element's text if it is at most {@value #MAX_DATE_TEXT} characters, else null; stops reading early. */
    private static String shortText(Element el) {
        StringBuilder text = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    text.append(t.text()).append(' ');
                }
                return text.length() > MAX_DATE_TEXT ? FilterResult.STOP : FilterResult.CONTINUE;
            }
        }, el);
        return text.length() > MAX_DATE_TEXT ? null : text.toString().strip();
    }

    /** A date in a short text such as {@code "Reuters | Tue 13 Dec 2022 06:02 GMT"}, tried whole then by parts. */
    private static Instant dateInText(String text) {
        if (text.length() > MAX_DATE_TEXT) {
            return null;
        }
        Instant whole = Dates.parse(text);
        if (whole != null) {
            return whole;
        }
        for (String part : text.split("[|·•]")) {
            Instant instant = Dates.parse(part);
            if (instant != null) {
                return instant;
            }
        }
        return null;
    }
}
