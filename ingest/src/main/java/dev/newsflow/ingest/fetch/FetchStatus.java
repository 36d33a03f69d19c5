package dev.newsflow.ingest.fetch;

/** Outcome of one HTTP fetch; the name is what a {@code FetchEvent} carries as its status. */
public enum FetchStatus {
  /** A body was received with a 2xx status. */
  OK,
  /** The server answered 304 to a conditional request, or the body hash did not change. */
  NOT_MODIFIED,
  /** The server answered with a status other than 2xx/304. */
  HTTP_ERROR,
  /** Connecting, waiting for headers or reading the body took longer than allowed. */
  TIMEOUT,
  /** The connection failed or broke. */
  IO_ERROR,
  /** The host name does not resolve. */
  UNRESOLVABLE_HOST,
  /** The body, decompressed, exceeded the size cap. */
  TOO_LARGE,
  /** The host resolves to a loopback, private, link-local or multicast address (SSRF guard). */
  REFUSED_ADDRESS,
  /** The URL's scheme is not http or https. */
  REFUSED_SCHEME,
  /** More redirects than allowed, or a redirect loop. */
  TOO_MANY_REDIRECTS,
  /** The URL is malformed. */
  BAD_URL,
  /** A body was received but could not be parsed as a feed or page. */
  PARSE_ERROR
}
