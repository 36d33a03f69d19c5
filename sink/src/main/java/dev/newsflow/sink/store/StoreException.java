package dev.newsflow.sink.store;

/**
 * A write that failed. {@link #isTransient()} tells whether trying again later may succeed (target
 * down, connection lost) or whether the data itself is refused (then the batch is split to find the
 * record at fault, which goes to the dead-letter topic).
 */
public final class StoreException extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean transientFailure;

  public StoreException(String message, boolean transientFailure, Throwable cause) {
    super(message, cause);
    this.transientFailure = transientFailure;
  }

  public boolean isTransient() {
    return transientFailure;
  }
}
