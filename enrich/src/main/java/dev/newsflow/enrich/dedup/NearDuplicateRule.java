package dev.newsflow.enrich.dedup;

/**
 * Decides whether two sketched bodies are the same story.
 *
 * <p>Example: with the defaults, a copy with estimated Jaccard 0.62 is a near-duplicate; a copy
 * with Jaccard 0.30 is one only if at least half of its lead shingles are in the other's lead and
 * the leads' figures agree; two articles sharing reused background paragraphs (Jaccard 0.40) but
 * with different leads are not; nor are two daily money-market reports with the same wording and
 * other figures.
 *
 * <p>Why the lead: syndicated copies keep the wire lead (the news) and vary furniture, headline and
 * tail, while a different story that reuses background paragraphs has a new lead, and a recurring
 * report has new figures in it. So a weak body match counts only when the leads agree in words and
 * numbers; only a strong body match stands alone.
 *
 * @param strong estimated Jaccard at or above which two bodies are the same story
 * @param weak estimated Jaccard at or above which the leads are checked
 * @param minLeadOverlap lead overlap coefficient needed for a weak match
 * @param minNumberAgreement agreement of the leads' numbers needed for a weak match
 */
public record NearDuplicateRule(
    double strong, double weak, double minLeadOverlap, double minNumberAgreement) {

  public NearDuplicateRule {
    if (!(0 < weak && weak <= strong && strong <= 1)) {
      throw new IllegalArgumentException(
          "need 0 < weak <= strong <= 1: weak=" + weak + " strong=" + strong);
    }
    if (!(0 < minLeadOverlap && minLeadOverlap <= 1)) {
      throw new IllegalArgumentException("minLeadOverlap must be in (0, 1]: " + minLeadOverlap);
    }
    if (!(0 <= minNumberAgreement && minNumberAgreement <= 1)) {
      throw new IllegalArgumentException(
          "minNumberAgreement must be in [0, 1]: " + minNumberAgreement);
    }
  }

  /**
   * The measured defaults (see REPORT.md): strong 0.5, weak 0.2, lead overlap 0.5, number agreement
   * 0.5.
   */
  public static NearDuplicateRule defaults() {
    return new NearDuplicateRule(0.5, 0.2, 0.5, 0.5);
  }

  /**
   * {@link Verdict#NEAR_DUPLICATE} or {@link Verdict#UNIQUE} from a body similarity and the lead
   * comparisons.
   */
  public Verdict decide(double similarity, double leadOverlap, double numberAgreement) {
    boolean weakMatch =
        similarity >= weak
            && leadOverlap >= minLeadOverlap
            && numberAgreement >= minNumberAgreement;
    return similarity >= strong || weakMatch ? Verdict.NEAR_DUPLICATE : Verdict.UNIQUE;
  }

  /** The verdict for two sketches made by {@code sketcher}. */
  public Verdict decide(Sketcher sketcher, Sketch a, Sketch b) {
    return decide(
        sketcher.similarity(a, b), Sketcher.leadOverlap(a, b), Sketcher.leadNumberAgreement(a, b));
  }
}
