package dev.newsflow.enrich.dedup;

import static dev.newsflow.enrich.dedup.Fixtures.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.schemas.url.UrlCanonicalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

  private static final String T0 = "2025-01-06T10:00:00Z";

  private final Deduplicator dedup = Deduplicator.withDefaults();

  @Test
  void wireStoryWithOtherHeadlinePromoAndDroppedParagraphIsNearDuplicate() {
    dedup.accept(article("a", "https://wire.example/port", "dedup/wire-original.txt", T0));
    Decision d =
        dedup.accept(article("b", "https://observer.example/p1", "dedup/wire-syndicated.txt", T0));
    assertThat(d.verdict()).isEqualTo(Verdict.NEAR_DUPLICATE);
    assertThat(d.duplicateOf()).isEqualTo("a");
    assertThat(d.clusterId()).isEqualTo("a");
    assertThat(d.similarity()).isBetween(0.7, 1.0);
  }

  @Test
  void differentArticlesOnOneTopicAreUnique() {
    assertThat(
            dedup
                .accept(article("a", "https://wire.example/port", "dedup/wire-original.txt", T0))
                .verdict())
        .isEqualTo(Verdict.UNIQUE);
    Decision d =
        dedup.accept(article("b", "https://wire.example/fish", "dedup/same-topic.txt", T0));
    assertThat(d).isEqualTo(Decision.unique("b", d.similarity()));
  }

  @Test
  void realSyndicatedSeedIsNearDuplicateAndOtherSeedsAreUnique() {
    List<Decision> out = new ArrayList<>();
    out.add(dedup.accept(article("s0", "https://a.example/0", "seeds/seed-000.txt", T0)));
    out.add(dedup.accept(article("s2", "https://b.example/2", "seeds/seed-002.txt", T0)));
    out.add(dedup.accept(article("s3", "https://c.example/3", "seeds/seed-003.txt", T0)));
    out.add(
        dedup.accept(article("s2c", "https://d.example/2", "seeds/seed-002-syndicated.txt", T0)));
    out.add(dedup.accept(article("s4", "https://e.example/4", "seeds/seed-004.txt", T0)));
    assertThat(out)
        .extracting(Decision::verdict)
        .containsExactly(
            Verdict.UNIQUE, Verdict.UNIQUE, Verdict.UNIQUE, Verdict.NEAR_DUPLICATE, Verdict.UNIQUE);
    assertThat(out.get(3).duplicateOf()).isEqualTo("s2");
  }

  @Test
  void sameCanonicalUrlIsARepeatAndChangedTextIsAnUpdate() {
    dedup.accept(article("a", "https://www.wire.example/port", "dedup/wire-original.txt", T0));
    Decision same =
        dedup.accept(
            article(
                "b", "http://wire.example/port?utm_source=rss#x", "dedup/wire-original.txt", T0));
    assertThat(same).isEqualTo(new Decision("b", Verdict.DUPLICATE, "a", "a", 1.0, true, false));
    Decision changed =
        dedup.accept(article("c", "https://wire.example/port", "seeds/seed-000.txt", T0));
    assertThat(changed.verdict()).isEqualTo(Verdict.DUPLICATE);
    assertThat(changed.updated()).isTrue();
    assertThat(changed.similarity()).isLessThan(0.1);
  }

  @Test
  void sameNormalisedTextUnderAnotherUrlIsExactDuplicate() {
    dedup.accept(
        new DedupArticle(
            "a",
            "https://a.example/1",
            "T",
            Fixtures.body("seeds/seed-003.txt"),
            Instant.parse(T0)));
    String noisy =
        Fixtures.body("seeds/seed-003.txt")
            .replace("'", "\u2019")
            .replace("\n", "\r\n")
            .toUpperCase();
    Decision d =
        dedup.accept(
            new DedupArticle("b", "https://b.example/9", "Other", noisy, Instant.parse(T0)));
    assertThat(d).isEqualTo(new Decision("b", Verdict.DUPLICATE, "a", "a", 1.0, false, false));
  }

  @Test
  void copyOfACopyJoinsTheFirstArticlesCluster() {
    String lead =
        "The Northport harbour authority on Monday approved a 1.2 billion euro expansion of its"
            + " container terminal, ending a two-year environmental review that had pitted shippers"
            + " against fishing groups.";
    String p2 =
        "The plan adds four deep-water berths and a rail link to the inland freight hub, which the"
            + " authority said would raise annual capacity by 3.5 million containers by 2029.";
    String p3 =
        "Fishing associations had argued that dredging the outer channel would destroy spawning"
            + " grounds for sole and plaice, and said they would consider a court challenge.";
    String p4 =
        "Local councillors are expected to vote on the rail link route next month, and construction"
            + " of the first berth could start in the spring, officials said.";
    String p5 =
        "Shipping lines welcomed the decision and said congestion had cost operators an average of"
            + " two days per vessel last winter, the worst delays in a decade.";
    Instant t = Instant.parse(T0);
    dedup.accept(
        new DedupArticle("a", "https://a.example/1", "A", String.join("\n\n", lead, p2, p3), t));
    Decision b =
        dedup.accept(
            new DedupArticle(
                "b", "https://b.example/1", "B", String.join("\n\n", lead, p2, p3, p4), t));
    Decision c =
        dedup.accept(
            new DedupArticle(
                "c", "https://c.example/1", "C", String.join("\n\n", p2, p3, p4, p5), t));
    Sketcher sketcher = Sketcher.withDefaults();
    Sketch sa = sketcher.sketch("A", String.join("\n\n", lead, p2, p3));
    Sketch sc = sketcher.sketch("C", String.join("\n\n", p2, p3, p4, p5));
    assertThat(NearDuplicateRule.defaults().decide(sketcher, sc, sa)).isEqualTo(Verdict.UNIQUE);
    assertThat(b.duplicateOf()).isEqualTo("a");
    assertThat(c.verdict()).isEqualTo(Verdict.NEAR_DUPLICATE);
    assertThat(c.duplicateOf()).isEqualTo("a");
    assertThat(c.clusterId()).isEqualTo("a");
  }

  @Test
  void copiesOutsideTheWindowAreNotMatched() {
    dedup.accept(article("a", "https://wire.example/port", "dedup/wire-original.txt", T0));
    Decision late =
        dedup.accept(
            article(
                "b", "https://o.example/p", "dedup/wire-syndicated.txt", "2025-01-13T10:00:01Z"));
    assertThat(late.verdict()).isEqualTo(Verdict.UNIQUE);
    assertThat(dedup.stateSize()).isEqualTo(1);
  }

  @Test
  void resultDoesNotDependOnTheNumberOfShards() {
    List<DedupArticle> stream =
        List.of(
            article("s0", "https://a.example/0", "seeds/seed-000.txt", T0),
            article("w", "https://wire.example/port", "dedup/wire-original.txt", T0),
            article("s2", "https://b.example/2", "seeds/seed-002.txt", T0),
            article("f", "https://wire.example/fish", "dedup/same-topic.txt", T0),
            article("s2c", "https://d.example/2", "seeds/seed-002-syndicated.txt", T0),
            article("wc", "https://o.example/p", "dedup/wire-syndicated.txt", T0),
            article("s2r", "https://b.example/2?utm_medium=email", "seeds/seed-002.txt", T0));
    assertThat(run(stream, 4)).isEqualTo(run(stream, 1));
    assertThat(run(stream, 1))
        .extracting(Decision::clusterId)
        .containsExactly("s0", "w", "s2", "f", "s2", "w", "s2");
  }

  @Test
  void rejectsUrlsThatCannotBeCanonicalised() {
    assertThatThrownBy(
            () -> dedup.accept(new DedupArticle("x", "mailto:a@b.example", "t", "text", null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Decision> run(List<DedupArticle> stream, int shards) {
    Deduplicator d =
        new Deduplicator(
            new UrlCanonicalizer(),
            Sketcher.withDefaults(),
            NearDuplicateRule.defaults(),
            Duration.ofDays(7),
            shards);
    return stream.stream().map(d::accept).toList();
  }
}
