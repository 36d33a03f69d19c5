package dev.newsflow.enrich.tag;

import java.time.Instant;
import java.util.Objects;

/**
 * An article to tag: its id, headline, body text and publication time.
 *
 * <p>Example: {@code new Article("a1", "Obama vows to work with UN", "US President Barack Obama ...",
 * Instant.parse("2016-09-06T14:20:00Z"))}. The date decides which office holders a person's name
 * resolves to ("Park Geun-hye" is {@code KORGOV} in 2016, not in 2022); {@code published} may be null.
 *
 * @param id        article id, not blank
 * @param title     headline, null read as empty
 * @param text      body text (paragraphs separated by newlines), null read as empty
 * @param published publication time, or null when unknown
 */
public record Article(String id, String title, String text, Instant published) {

    public Article {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("article id is blank");
        }
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }
}
