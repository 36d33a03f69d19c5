package dev.newsflow.enrich.dedup;

/**
 * The de-duplication verdict of one article.
 *
 * <p>Example: a Reuters story republished by another outlet with a new headline and a promo line is
 * {@code NEAR_DUPLICATE}; the same page reached again through a {@code ?utm_source=} link is {@code
 * DUPLICATE}.
 */
public enum Verdict {
  /** First of its cluster within the window. */
  UNIQUE,
  /** Exact copy: same canonical URL, or same normalised body text, as an earlier article. */
  DUPLICATE,
  /** Similar enough to an earlier article to be the same story (see {@link NearDuplicateRule}). */
  NEAR_DUPLICATE
}
