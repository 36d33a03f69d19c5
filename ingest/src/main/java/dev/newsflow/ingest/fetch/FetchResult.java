package dev.newsflow.ingest.fetch;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Objects;

/** What one fetch produced: a body, a not-modified answer, or a failure with its reason. */
public sealed interface FetchResult {

  /** The URL that was asked for. */
  URI requested();

  /** How long the fetch took. */
  Duration duration();

  /**
   * A 2xx body.
   *
   * @param finalUri the URL after redirects
   * @param permanentRedirect true when a 301/308 led from requested to finalUri
   */
  record Fetched(
      URI requested,
      URI finalUri,
      int httpCode,
      HttpHeaders headers,
      byte[] body,
      Duration duration,
      boolean permanentRedirect)
      implements FetchResult {
    public Fetched {
      Objects.requireNonNull(finalUri, "finalUri");
      Objects.requireNonNull(body, "body");
    }

    /** The first value of a response header, or null. */
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  /** A 304 answer to a conditional request. */
  record NotModified(URI requested, HttpHeaders headers, Duration duration) implements FetchResult {}

  /**
   * No usable body.
   *
   * @param httpCode the HTTP status when the server answered, else 0
   * @param message a specific, human-readable reason
   */
  record Failed(
      URI requested, FetchStatus status, int httpCode, String message, Duration duration, HttpHeaders headers)
      implements FetchResult {
    public Failed {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(message, "message");
    }
  }
}
