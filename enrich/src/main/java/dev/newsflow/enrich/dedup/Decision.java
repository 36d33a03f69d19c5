package dev.newsflow.enrich.dedup;

import java.util.Objects;

/**
 * The de-duplication decision for one article.
 *
 * <p>Example: {@code Decision[id=d7, verdict=NEAR_DUPLICATE, duplicateOf=d2, clusterId=d2,
 * similarity=0.71, repeat=false]}: d7 joins the cluster first seen as d2.
 *
 * @param id the article's own id
 * @param verdict the verdict
 * @param duplicateOf first-seen article of the cluster joined, {@code null} for {@link
 *     Verdict#UNIQUE}
 * @param clusterId id of the cluster's first article ({@code id} itself when unique)
 * @param similarity estimated Jaccard similarity to the best-matching earlier article: 1.0 for an
 *     exact copy; for a unique article the best similarity among the candidates compared (0.0 when
 *     none)
 * @param repeat whether the article has the canonical URL of an earlier one (a repeat of the same
 *     article id)
 * @param updated for a repeat, whether its normalised text differs from the earlier one's
 */
public record Decision(
    String id,
    Verdict verdict,
    String duplicateOf,
    String clusterId,
    double similarity,
    boolean repeat,
    boolean updated) {

  public Decision {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(clusterId, "clusterId");
    if ((verdict == Verdict.UNIQUE) != (duplicateOf == null)) {
      throw new IllegalArgumentException(
          "duplicateOf must be null exactly for UNIQUE: " + verdict + " " + duplicateOf);
    }
    if (verdict == Verdict.UNIQUE && !clusterId.equals(id)) {
      throw new IllegalArgumentException("a unique article is its own cluster");
    }
    if (!(similarity >= 0 && similarity <= 1)) {
      throw new IllegalArgumentException("similarity must be in [0, 1]: " + similarity);
    }
    if (updated && !repeat) {
      throw new IllegalArgumentException("only a repeat can be an update");
    }
  }

  public static Decision unique(String id, double bestSimilarity) {
    return new Decision(id, Verdict.UNIQUE, null, id, bestSimilarity, false, false);
  }
}
