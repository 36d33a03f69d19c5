package dev.newsflow.ingest.extract;

/** A page that cannot be handled as an article; the message says why. */
public final class ExtractionException extends Exception {
  private static final long serialVersionUID = 1L;

  public ExtractionException(String message) {
    super(message);
  }
}
