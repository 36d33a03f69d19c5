package dev.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SketcherTest {

  private static final List<String> SEEDS =
      List.of(
          "seeds/seed-000.txt", "seeds/seed-002.txt", "seeds/seed-003.txt", "seeds/seed-004.txt");

  private final Sketcher sketcher = Sketcher.withDefaults();
  private final NearDuplicateRule rule = NearDuplicateRule.defaults();

  private Sketch sketch(String resource) {
    return sketcher.sketch(Fixtures.title(resource), Fixtures.body(resource));
  }

  @Test
  void syndicatedSeedIsNearDuplicateOfItsSource() {
    Sketch source = sketch("seeds/seed-002.txt");
    Sketch copy = sketch("seeds/seed-002-syndicated.txt");
    assertThat(sketcher.similarity(source, copy)).isGreaterThan(0.6);
    assertThat(rule.decide(sketcher, copy, source)).isEqualTo(Verdict.NEAR_DUPLICATE);
    assertThat(sharedKeys(source, copy)).isNotEmpty();
  }

  @Test
  void seedsOnOneTopicAreDistinct() {
    for (String a : SEEDS) {
      for (String b : SEEDS) {
        if (a.compareTo(b) < 0) {
          assertThat(rule.decide(sketcher, sketch(a), sketch(b)))
              .as(a + " vs " + b)
              .isEqualTo(Verdict.UNIQUE);
          assertThat(sketcher.similarity(sketch(a), sketch(b))).as(a + " vs " + b).isLessThan(0.1);
        }
      }
    }
  }

  @Test
  void furnitureDoesNotChangeTheSketchOfAStory() {
    Sketch original = sketch("dedup/wire-original.txt");
    Sketch copy = sketch("dedup/wire-syndicated.txt");
    assertThat(sketcher.similarity(original, copy)).isGreaterThan(0.7);
    assertThat(Sketcher.leadOverlap(original, copy)).isEqualTo(1.0);
  }

  @Test
  void sameTopicArticleSharesNoLead() {
    Sketch original = sketch("dedup/wire-original.txt");
    Sketch other = sketch("dedup/same-topic.txt");
    assertThat(Sketcher.leadOverlap(original, other)).isLessThan(0.2);
    assertThat(rule.decide(sketcher, other, original)).isEqualTo(Verdict.UNIQUE);
  }

  @Test
  void identicalTextsAreSimilarOneAndShareAllKeys() {
    Sketch a =
        sketcher.sketch(
            "T", "The quick brown fox jumps over the lazy dog near the river bank today.");
    Sketch b =
        sketcher.sketch(
            "T", "The quick brown fox jumps over the lazy dog near the river bank today.");
    assertThat(sketcher.similarity(a, b)).isEqualTo(1.0);
    assertThat(sketcher.bandKeys(a)).isEqualTo(sketcher.bandKeys(b)).hasSize(16 + 8);
  }

  @Test
  void shortBodyIsSketchedWithItsTitle() {
    Sketch a = sketcher.sketch("Stocks close higher in Tokyo", "More details to follow.");
    Sketch b = sketcher.sketch("Bonds close lower in London", "More details to follow.");
    assertThat(a.isEmpty()).isFalse();
    assertThat(sketcher.similarity(a, b)).isLessThan(0.5);
  }

  @Test
  void emptyTextHasNoKeysAndNoSimilarity() {
    Sketch empty = sketcher.sketch("", "Advertisement\n\nShare on Facebook");
    assertThat(empty.isEmpty()).isTrue();
    assertThat(sketcher.bandKeys(empty)).isEmpty();
    assertThat(sketcher.similarity(empty, sketch("seeds/seed-000.txt"))).isZero();
  }

  @Test
  void refusesSketchesOfAnotherConfiguration() {
    Sketcher small =
        new Sketcher(new SketchConfig(5, 32, 16, 20, 25, 8, 2, 4, 1), BoilerplateFilter.bundled());
    Sketch other = small.sketch("t", Fixtures.body("seeds/seed-000.txt"));
    assertThatThrownBy(() -> sketcher.similarity(other, sketch("seeds/seed-000.txt")))
        .hasMessageContaining("signature");
  }

  private Set<String> sharedKeys(Sketch a, Sketch b) {
    Set<String> shared = new HashSet<>(sketcher.bandKeys(a));
    shared.retainAll(sketcher.bandKeys(b));
    return shared;
  }
}
