package dev.newsflow.ingest.extract;

import java.time.Instant;
import java.util.List;

/**
 * Metadata read from a page's head, JSON-LD and markup, before any body extraction.
 *
 * @param declaredLanguage the language the page declares (ISO 639-1) or null
 * @param articleBody      JSON-LD {@code articleBody}, line breaks kept, or null
 */
record PageMetadata(
        String title,
        Instant published,
        Instant modified,
        List<String> authors,
        String canonicalUrl,
        String siteName,
        String declaredLanguage,
        String description,
        String imageUrl,
        String articleBody) {

    PageMetadata {
        authors = List.copyOf(authors);
    }
}
