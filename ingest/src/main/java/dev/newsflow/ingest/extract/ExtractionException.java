package dev.newsflow.ingest.extract;

/**
 * A page that cannot be handled: empty, too large, not HTML, or without any readable text.
 * The message says which, e.g. {@code "not HTML: content type application/pdf"}.
 */
public final class ExtractionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExtractionException(String message) {
        super(message);
    }
}
