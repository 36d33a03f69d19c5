package dev.newsflow.ingest.schedule;

import dev.newsflow.ingest.fetch.FetchStatus;

/**
 * How bad a failed poll is, in the manner of Media Cloud's rss-fetcher: a temporary failure
 * (timeouts, 5xx, 429) weighs 1, a soft one (unparseable feed, 403, oversized body) 3, a hard one
 * (404, refused address) 10; some failures (410 Gone, a URL that is not http(s)) disable the feed
 * at once.
 */
public enum FailureKind {
  TEMPORARY(1),
  SOFT(3),
  HARD(10),
  FATAL(Double.POSITIVE_INFINITY);

  private final double weight;

  FailureKind(double weight) {
    this.weight = weight;
  }

  public double weight() {
    return weight;
  }

  /** The kind of a failed fetch or parse. */
  public static FailureKind of(FetchStatus status, int httpCode) {
    return switch (status) {
      case TIMEOUT, IO_ERROR -> TEMPORARY;
      case PARSE_ERROR, TOO_LARGE, TOO_MANY_REDIRECTS, UNRESOLVABLE_HOST -> SOFT;
      case REFUSED_ADDRESS -> HARD;
      case REFUSED_SCHEME, BAD_URL -> FATAL;
      case HTTP_ERROR -> ofHttp(httpCode);
      case OK, NOT_MODIFIED -> throw new IllegalArgumentException(status + " is not a failure");
    };
  }

  private static FailureKind ofHttp(int code) {
    if (code == 410) {
      return FATAL;
    }
    if (code == 429 || code == 408 || code >= 500) {
      return TEMPORARY;
    }
    if (code == 404 || code == 401) {
      return HARD;
    }
    return SOFT;
  }
}
