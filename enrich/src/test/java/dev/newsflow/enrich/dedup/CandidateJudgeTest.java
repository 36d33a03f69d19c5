package dev.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.dedup.CandidateJudge.Candidate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CandidateJudgeTest {

  private final Sketcher sketcher = Sketcher.withDefaults();
  private final CandidateJudge judge = new CandidateJudge(sketcher, NearDuplicateRule.defaults());

  private Sketch sketch(String resource) {
    return sketcher.sketch(Fixtures.title(resource), Fixtures.body(resource));
  }

  @Test
  void joinsTheClusterOfTheBestMatchingCandidate() {
    List<Candidate> candidates =
        List.of(
            new Candidate("s0", "s0", 1, sketch("seeds/seed-000.txt")),
            new Candidate("s2", "root", 2, sketch("seeds/seed-002.txt")),
            new Candidate("s3", "s3", 3, sketch("seeds/seed-003.txt")));
    Decision d = judge.decide("new", sketch("seeds/seed-002-syndicated.txt"), candidates);
    assertThat(d.verdict()).isEqualTo(Verdict.NEAR_DUPLICATE);
    assertThat(d.duplicateOf()).isEqualTo("root");
    assertThat(d.clusterId()).isEqualTo("root");
  }

  @Test
  void isUniqueWhenNoCandidatePassesTheRuleAndReportsBestSimilarity() {
    List<Candidate> candidates =
        List.of(
            new Candidate("s0", "s0", 1, sketch("seeds/seed-000.txt")),
            new Candidate("s3", "s3", 2, sketch("seeds/seed-003.txt")));
    Decision d = judge.decide("s4", sketch("seeds/seed-004.txt"), candidates);
    assertThat(d.verdict()).isEqualTo(Verdict.UNIQUE);
    assertThat(d.clusterId()).isEqualTo("s4");
    assertThat(d.similarity()).isBetween(0.0, 0.2);
  }

  @Test
  void decisionDoesNotDependOnCandidateOrderAndTiesGoToTheEarliest() {
    Sketch copy = sketch("seeds/seed-002.txt");
    List<Candidate> candidates =
        new ArrayList<>(
            List.of(
                new Candidate("late", "late", 9, copy),
                new Candidate("early", "early", 4, copy),
                new Candidate("s0", "s0", 1, sketch("seeds/seed-000.txt"))));
    Random random = new Random(7);
    for (int i = 0; i < 6; i++) {
      Collections.shuffle(candidates, random);
      Decision d = judge.decide("n", copy, candidates);
      assertThat(d.duplicateOf()).isEqualTo("early");
      assertThat(d.similarity()).isEqualTo(1.0);
    }
  }
}
