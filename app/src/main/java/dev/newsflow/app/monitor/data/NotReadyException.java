package dev.newsflow.app.monitor.data;

/** The monitor's state cannot be queried yet (Streams is starting or rebalancing); retry shortly. */
public final class NotReadyException extends RuntimeException {
  public NotReadyException(String message, Throwable cause) {
    super(message, cause);
  }
}
