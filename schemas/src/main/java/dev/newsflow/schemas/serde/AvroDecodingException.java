package dev.newsflow.schemas.serde;

/** Bytes that are not a readable record of the expected type; the message says why. */
public final class AvroDecodingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AvroDecodingException(String message) {
    super(message);
  }

  public AvroDecodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
