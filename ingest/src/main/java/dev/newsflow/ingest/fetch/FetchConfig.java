package dev.newsflow.ingest.fetch;

import dev.newsflow.schemas.config.Settings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits and identity of the HTTP fetcher, read from the {@code fetch.*} keys of {@code
 * ingest-defaults.properties}.
 *
 * @param connectTimeout time allowed to open a connection
 * @param requestTimeout time allowed from sending the request to receiving the response headers
 * @param totalTimeout time allowed for the whole fetch, body and redirects included
 * @param maxBodyBytes cap on the (decompressed) body; longer bodies are cut and refused
 * @param maxRedirects redirects followed before giving up
 * @param userAgent the User-Agent header: names the project and a contact URL
 * @param allowPrivateAddresses whether loopback and private addresses may be fetched
 * @param proxy an HTTP proxy that every request goes through, or null for direct connections
 * @param maxInFlight HTTP exchanges in progress at once (waiting for a host's turn does not count)
 */
public record FetchConfig(
    Duration connectTimeout,
    Duration requestTimeout,
    Duration totalTimeout,
    long maxBodyBytes,
    int maxRedirects,
    String userAgent,
    boolean allowPrivateAddresses,
    InetSocketAddress proxy,
    int maxInFlight) {

  public FetchConfig {
    Objects.requireNonNull(userAgent, "userAgent");
    if (maxBodyBytes < 1 || maxRedirects < 0 || maxInFlight < 1) {
      throw new IllegalArgumentException("fetch.max-body-bytes and fetch.max-in-flight must be >= 1, fetch.max-redirects >= 0");
    }
  }

  /** Reads the {@code fetch.*} keys. */
  public static FetchConfig from(Settings s) {
    String agent =
        s.getString("fetch.user-agent") + " (+" + s.getString("fetch.contact-url") + ")";
    return new FetchConfig(
        s.getMillis("fetch.connect-timeout.ms"),
        s.getMillis("fetch.request-timeout.ms"),
        s.getMillis("fetch.total-timeout.ms"),
        s.getLong("fetch.max-body-bytes"),
        s.getInt("fetch.max-redirects"),
        agent,
        s.getBoolean("fetch.allow-private-addresses"),
        proxy(s.getString("fetch.proxy", "")),
        s.getInt("fetch.max-in-flight"));
  }

  /** Limits without a proxy and with 256 exchanges in flight. */
  public FetchConfig(Duration connectTimeout, Duration requestTimeout, Duration totalTimeout, long maxBodyBytes,
      int maxRedirects, String userAgent, boolean allowPrivateAddresses, InetSocketAddress proxy) {
    this(connectTimeout, requestTimeout, totalTimeout, maxBodyBytes, maxRedirects, userAgent, allowPrivateAddresses, proxy, 256);
  }

  private static InetSocketAddress proxy(String hostPort) {
    if (hostPort.isBlank()) {
      return null;
    }
    int colon = hostPort.lastIndexOf(':');
    if (colon < 1) {
      throw new IllegalArgumentException("fetch.proxy must be host:port, not '" + hostPort + "'");
    }
    try {
      return InetSocketAddress.createUnresolved(
          hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("fetch.proxy must be host:port, not '" + hostPort + "'", e);
    }
  }
}
