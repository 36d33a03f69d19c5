package dev.newsflow.app.monitor;

/** A request the API refuses with 400: {@code parameter} names the culprit (null for the request as a whole). */
final class BadRequest extends RuntimeException {
  private final String parameter;

  BadRequest(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  String parameter() {
    return parameter;
  }
}
