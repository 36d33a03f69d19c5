package dev.newsflow.ingest.extract;

/**
 * An element that may hold the article body, with the text it holds: {@code good} characters of prose and
 * {@code other} characters of anything else (links, furniture, short lines). Blocks {@code [firstBlock, endBlock)}
 * of the page lie inside it.
 */
record Candidate(int depth, int firstBlock, int endBlock, int good, int other, boolean bodyHint) {

    /** What a body hint ({@code class="article-body"}, {@code <article>}...) is worth, in characters of prose. */
    static final int BODY_HINT_BONUS = 300;

    /** Prose minus a share of the rest, plus a bonus for body hints. */
    double score(double otherWeight) {
        double base = good - otherWeight * other;
        return bodyHint && base > 0 ? base + BODY_HINT_BONUS : base;
    }
}
