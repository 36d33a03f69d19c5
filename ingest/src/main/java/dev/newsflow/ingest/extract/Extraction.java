package dev.newsflow.ingest.extract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ArticleExtractor} found on one article page.
 *
 * <p>Example: for {@code <html lang="en"><head><title>Rain due | Daily</title>...<article><p>Rain is due...</p>}
 * the extraction has {@code title = "Rain due"}, {@code text = "Rain is due..."}, {@code language = "en"}.
 *
 * @param title        the headline, without the site-name suffix; empty when the page has none
 * @param text         the main body as plain text, paragraphs separated by one blank line; never null
 * @param published    first publication time (UTC instant) or null
 * @param modified     last modification time or null
 * @param authors      person names of the authors, in page order, no duplicates; never null
 * @param canonicalUrl the page's canonical URL (absolute), else the request URL; may be null when both are absent
 * @param siteName     the outlet's name or null
 * @param language     ISO 639-1 code or null
 * @param description  the page's summary or null
 * @param imageUrl     absolute URL of the lead image or null
 */
public record Extraction(
        String title,
        String text,
        Instant published,
        Instant modified,
        List<String> authors,
        String canonicalUrl,
        String siteName,
        String language,
        String description,
        String imageUrl) {

    public Extraction {
        title = title == null ? "" : title;
        Objects.requireNonNull(text, "text");
        authors = authors == null ? List.of() : List.copyOf(authors);
        if (language != null && !language.matches("[a-z]{2}")) {
            throw new IllegalArgumentException("language must be an ISO 639-1 code: " + language);
        }
    }
}
