package dev.newsflow.ingest.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The SSRF guard: which URLs the fetcher may connect to. Only http and https; and, unless private
 * addresses are allowed by configuration, only hosts whose every resolved address is public (not
 * loopback, private, link-local such as the 169.254.169.254 metadata service, unique-local,
 * carrier-grade NAT, multicast or unspecified).
 *
 * <p>The check resolves the host before the connection is made; a DNS answer that changes between
 * the check and the connection (rebinding) is not covered.
 */
public final class AddressPolicy {
  private final boolean allowPrivate;

  public AddressPolicy(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** Whether loopback and private addresses are allowed (tests and the demo). */
  public boolean allowsPrivate() {
    return allowPrivate;
  }

  /** Empty when {@code uri} may be fetched, else the refusal with its reason. */
  public Optional<FetchResult.Failed> check(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return refuse(uri, FetchStatus.REFUSED_SCHEME, "scheme '" + scheme + "' is not http or https");
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      return refuse(uri, FetchStatus.BAD_URL, "URL has no host");
    }
    if (allowPrivate) {
      return Optional.empty();
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        String kind = nonPublicKind(address);
        if (kind != null) {
          return refuse(
              uri,
              FetchStatus.REFUSED_ADDRESS,
              "host " + host + " resolves to " + kind + " address " + address.getHostAddress()
                  + " (set fetch.allow-private-addresses=true to allow)");
        }
      }
      return Optional.empty();
    } catch (UnknownHostException e) {
      return refuse(uri, FetchStatus.UNRESOLVABLE_HOST, "host " + host + " does not resolve");
    }
  }

  /** Null for a public unicast address, else the kind of non-public address it is. */
  static String nonPublicKind(InetAddress a) {
    if (a.isLoopbackAddress()) {
      return "loopback";
    }
    if (a.isAnyLocalAddress()) {
      return "unspecified";
    }
    if (a.isLinkLocalAddress()) {
      return "link-local";
    }
    if (a.isSiteLocalAddress()) {
      return "private";
    }
    if (a.isMulticastAddress()) {
      return "multicast";
    }
    byte[] b = a.getAddress();
    if (b.length == 4) {
      int first = b[0] & 0xFF;
      int second = b[1] & 0xFF;
      if (first == 100 && second >= 64 && second < 128) {
        return "carrier-grade NAT";
      }
      if (first == 0 || first >= 240 || (first == 192 && second == 0 && (b[2] & 0xFF) == 0)) {
        return "reserved";
      }
    } else if (a instanceof Inet6Address) {
      if ((b[0] & 0xFE) == 0xFC) {
        return "unique-local";
      }
      if (isMappedV4(b)) {
        try {
          byte[] v4 = {b[12], b[13], b[14], b[15]};
          return nonPublicKind(InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
          return "malformed";
        }
      }
    }
    return null;
  }

  private static boolean isMappedV4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
  }

  private static Optional<FetchResult.Failed> refuse(URI uri, FetchStatus status, String message) {
    return Optional.of(
        new FetchResult.Failed(uri, status, 0, message, java.time.Duration.ZERO, null));
  }
}
