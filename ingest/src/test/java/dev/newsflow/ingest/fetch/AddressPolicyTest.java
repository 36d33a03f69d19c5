package dev.newsflow.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {
  private final AddressPolicy guard = new AddressPolicy(false);

  @ParameterizedTest
  @ValueSource(strings = {
    "http://127.0.0.1/feed", "http://localhost:8080/", "http://10.1.2.3/", "http://172.16.0.1/",
    "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://0.0.0.0/",
    "http://100.64.0.1/", "http://[fd00::1]/", "http://[::ffff:127.0.0.1]/", "http://224.0.0.1/"
  })
  void refusesNonPublicAddresses(String url) {
    var refusal = guard.check(URI.create(url));
    assertThat(refusal).isPresent();
    assertThat(refusal.get().status()).isEqualTo(FetchStatus.REFUSED_ADDRESS);
    assertThat(refusal.get().message()).contains("resolves to").contains("fetch.allow-private-addresses");
  }

  @ParameterizedTest
  @ValueSource(strings = {"file:///etc/passwd", "ftp://example.com/feed", "gopher://x/", "jar:file:/x.jar!/a"})
  void refusesSchemesOtherThanHttpAndHttps(String url) {
    var refusal = guard.check(URI.create(url));
    assertThat(refusal).isPresent();
    assertThat(refusal.get().status()).isEqualTo(FetchStatus.REFUSED_SCHEME);
  }

  @Test
  void allowsPublicAddresses() throws Exception {
    assertThat(AddressPolicy.nonPublicKind(InetAddress.getByName("93.184.216.34"))).isNull();
    assertThat(AddressPolicy.nonPublicKind(InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946"))).isNull();
  }

  @Test
  void allowsLoopbackOnlyWhenConfiguredButStillRefusesOtherSchemes() {
    AddressPolicy open = new AddressPolicy(true);
    assertThat(open.check(URI.create("http://127.0.0.1:9/"))).isEmpty();
    assertThat(open.check(URI.create("file:///etc/passwd"))).get()
        .extracting(FetchResult.Failed::status).isEqualTo(FetchStatus.REFUSED_SCHEME);
  }
}
