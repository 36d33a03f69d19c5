package dev.newsflow.schemas.url;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Regression tests for inputs found by {@link UrlCanonicalizerFuzzTest}, minimised by hand. Each
 * was fixed in {@link UrlCanonicalizer} (hosts are labels separated by single dots).
 */
class UrlCanonicalizerFuzzFindingsTest {

  private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer();

  /**
   * Found by Jazzer as {@code http://../F}: the host {@code ..} lost one trailing dot and came out
   * as {@code https://./F}, which the canonicaliser itself then refuses (not idempotent).
   */
  @Test
  void refusesAHostMadeOnlyOfDots() {
    assertThatThrownBy(() -> canonicalizer.canonicalize("http://../F"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid host");
    assertThatThrownBy(() -> canonicalizer.canonicalize("https://./"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid host");
  }

  /**
   * Found by Jazzer as {@code http://ue../c...}: two trailing dots lose one per pass, so {@code
   * https://ue./c} then {@code https://ue/c}: two ids for one input.
   */
  @Test
  void refusesAHostEndingInTwoDots() {
    assertThatThrownBy(() -> canonicalizer.canonicalize("http://ue../c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid host");
  }

  @Test
  void refusesAHostWithAnEmptyLabel() {
    assertThatThrownBy(() -> canonicalizer.canonicalize("https://news..example/a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid host");
  }
}
