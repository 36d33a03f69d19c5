package dev.newsflow.enrich.dedup;

import java.util.List;
import java.util.Objects;

/**
 * Picks, among earlier articles that share an LSH band key with a new article, the one it copies,
 * if any. This is the step a partitioned topology runs once the candidates of an article are
 * gathered back under its id.
 *
 * <p>Example: for a new article {@code n} and candidates {@code [a (cluster a), b (cluster a), x
 * (cluster x)]} with similarities 0.55, 0.81 and 0.30 (x failing the rule), the decision is {@code
 * NEAR_DUPLICATE} of cluster {@code a}, similarity 0.81: the best-matching candidate wins and its
 * cluster is joined.
 *
 * <p>Deterministic: the result depends only on the new sketch and the set of candidates, not on the
 * order in which they arrive, because ties on similarity go to the candidate with the smallest
 * {@link Candidate#order()}.
 */
public final class CandidateJudge {

  /**
   * An earlier article that shares a band key.
   *
   * @param id its id
   * @param clusterId its cluster (id of the cluster's first article)
   * @param order its position in the stream's total order (arrival sequence offline; event time
   *     then id in Streams)
   * @param sketch its sketch
   */
  public record Candidate(String id, String clusterId, long order, Sketch sketch) {
    public Candidate {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(clusterId, "clusterId");
      Objects.requireNonNull(sketch, "sketch");
    }
  }

  private final Sketcher sketcher;
  private final NearDuplicateRule rule;

  public CandidateJudge(Sketcher sketcher, NearDuplicateRule rule) {
    this.sketcher = Objects.requireNonNull(sketcher, "sketcher");
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  /**
   * {@code NEAR_DUPLICATE} of the best matching candidate's cluster, or {@code UNIQUE} with the
   * best similarity seen.
   */
  public Decision decide(String id, Sketch sketch, List<Candidate> candidates) {
    Candidate best = null;
    double bestSimilarity = -1;
    double bestSeen = 0;
    for (Candidate c : candidates) {
      double similarity = sketcher.similarity(sketch, c.sketch());
      bestSeen = Math.max(bestSeen, similarity);
      Verdict verdict =
          rule.decide(
              similarity,
              Sketcher.leadOverlap(sketch, c.sketch()),
              Sketcher.leadNumberAgreement(sketch, c.sketch()));
      if (verdict != Verdict.NEAR_DUPLICATE) {
        continue;
      }
      if (similarity > bestSimilarity
          || (similarity == bestSimilarity && c.order() < best.order())) {
        best = c;
        bestSimilarity = similarity;
      }
    }
    if (best == null) {
      return Decision.unique(id, bestSeen);
    }
    return new Decision(
        id,
        Verdict.NEAR_DUPLICATE,
        best.clusterId(),
        best.clusterId(),
        bestSimilarity,
        false,
        false);
  }
}
