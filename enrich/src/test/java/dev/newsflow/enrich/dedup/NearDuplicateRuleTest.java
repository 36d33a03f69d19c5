package dev.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NearDuplicateRuleTest {

  private final NearDuplicateRule rule = new NearDuplicateRule(0.5, 0.2, 0.5, 0.5);

  @Test
  void strongBodyMatchStandsAlone() {
    assertThat(rule.decide(0.5, 0.0, 0.0)).isEqualTo(Verdict.NEAR_DUPLICATE);
  }

  @Test
  void weakBodyMatchNeedsTheSameLead() {
    assertThat(rule.decide(0.3, 0.8, 1.0)).isEqualTo(Verdict.NEAR_DUPLICATE);
    assertThat(rule.decide(0.3, 0.4, 1.0)).isEqualTo(Verdict.UNIQUE);
  }

  @Test
  void weakBodyMatchNeedsTheSameFigures() {
    assertThat(rule.decide(0.3, 0.8, 0.2)).isEqualTo(Verdict.UNIQUE);
  }

  @Test
  void sameLeadAloneIsNotEnough() {
    assertThat(rule.decide(0.1, 1.0, 1.0)).isEqualTo(Verdict.UNIQUE);
  }

  @Test
  void recurringReportWithOtherFiguresIsNotACopy() {
    Sketcher sketcher = Sketcher.withDefaults();
    String frame =
        "The central bank said it had given the money market a further %s mln stg assistance in the"
            + " afternoon session. This takes the bank's total help so far today to %s mln stg and"
            + " compares with its forecast of a shortage in the system of around %s mln stg.";
    Sketch monday =
        sketcher.sketch(
            "Money market given help",
            String.format(frame, "152", "497", "700")
                + "\n\n"
                + "It bought bills in band one at 9-7/8 pct and in band two at 9-13/16 pct, dealers"
                + " said, after a morning in which sterling firmed against the dollar on hopes of"
                + " an early cut in base lending rates.");
    Sketch tuesday =
        sketcher.sketch(
            "Money market given help",
            String.format(frame, "183", "561", "550")
                + "\n\n"
                + "The operation followed a round of early help worth 120 mln stg, and traders said"
                + " the shortage was swollen by the unwinding of earlier repurchase agreements and"
                + " by tax payments to the exchequer.");
    assertThat(sketcher.similarity(monday, tuesday)).isBetween(0.2, 0.5);
    assertThat(Sketcher.leadOverlap(monday, tuesday)).isGreaterThan(0.5);
    assertThat(Sketcher.leadNumberAgreement(monday, tuesday)).isZero();
    assertThat(rule.decide(sketcher, tuesday, monday)).isEqualTo(Verdict.UNIQUE);
  }

  @Test
  void rejectsInconsistentThresholds() {
    assertThatThrownBy(() -> new NearDuplicateRule(0.3, 0.5, 0.5, 0.5))
        .hasMessageContaining("weak <= strong");
    assertThatThrownBy(() -> new NearDuplicateRule(0.5, 0.2, 0, 0.5))
        .hasMessageContaining("minLeadOverlap");
    assertThatThrownBy(() -> new NearDuplicateRule(0.5, 0.2, 0.5, 2))
        .hasMessageContaining("minNumberAgreement");
  }
}
