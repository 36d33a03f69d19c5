package dev.newsflow.enrich.dedup;

import dev.newsflow.schemas.url.UrlCanonicalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Offline, single-threaded deduplicator over an arrival-ordered stream of articles, with a time
 * window.
 *
 * <p>Example: feeding {@code a} (a wire story), {@code b} (the same URL with {@code
 * ?utm_source=rss}), {@code c} (the story under another outlet's headline and furniture) and {@code
 * d} (another story on the same topic) yields {@code UNIQUE a}, {@code DUPLICATE b of a}, {@code
 * NEAR_DUPLICATE c of a}, {@code UNIQUE d}.
 *
 * <p>Order of checks for each article: (1) same canonical URL as an earlier article: a repeat,
 * {@code DUPLICATE}; (2) same normalised-text hash: {@code DUPLICATE}; (3) LSH candidates sharing a
 * band key and passing the {@link NearDuplicateRule}: {@code NEAR_DUPLICATE}; else {@code UNIQUE}.
 * Only articles within {@code window} of event time ({@code published}) are compared.
 *
 * <p>Cluster rule: an article joins the cluster of its best-matching earlier article (highest
 * estimated similarity, ties to the earliest), and {@code duplicateOf} is that cluster's first
 * article. So if B copies A and C copies B but not A, all three form A's cluster. A cluster's id
 * never changes after it is assigned.
 */
public final class Deduplicator {

  /**
   * Fewer normalised words than this and the text is too short to call two articles exact copies.
   */
  public static final int MIN_EXACT_WORDS = 8;

  public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

  private final UrlCanonicalizer canonicalizer;
  private final Sketcher sketcher;
  private final CandidateJudge judge;
  private final DedupIndex index;
  private long seq;
  private long comparisons;

  public Deduplicator(
      UrlCanonicalizer canonicalizer,
      Sketcher sketcher,
      NearDuplicateRule rule,
      Duration window,
      int shards) {
    this.canonicalizer = Objects.requireNonNull(canonicalizer, "canonicalizer");
    this.sketcher = Objects.requireNonNull(sketcher, "sketcher");
    this.judge = new CandidateJudge(sketcher, rule);
    this.index = new DedupIndex(Objects.requireNonNull(window, "window"), shards);
  }

  /**
   * Defaults: bundled tracking list and boilerplate rules, default sketch and rule, 7-day window,
   * one shard.
   */
  public static Deduplicator withDefaults() {
    return new Deduplicator(
        new UrlCanonicalizer(),
        Sketcher.withDefaults(),
        NearDuplicateRule.defaults(),
        DEFAULT_WINDOW,
        1);
  }

  /**
   * Decides on the next article of the stream and remembers it.
   *
   * @throws IllegalArgumentException when its URL cannot be canonicalised
   */
  public Decision accept(DedupArticle article) {
    String url =
        article.url() == null || article.url().isBlank()
            ? null
            : canonicalizer.canonicalize(article.url());
    Instant time = index.advance(article.published());
    String cleaned = TextNormalizer.clean(article.text());
    String hash = TextNormalizer.contentHashOfCleaned(cleaned, MIN_EXACT_WORDS);
    Sketch sketch = sketcher.sketchCleaned(article.title(), cleaned);

    DedupIndex.Entry sameUrl = index.byUrl(url);
    if (sameUrl != null) {
      return repeat(article.id(), sameUrl, hash, sketch);
    }
    DedupIndex.Entry sameText = index.byHash(hash);
    if (sameText != null) {
      remember(article.id(), sameText.clusterId(), time, url, hash, sketch, List.of());
      return new Decision(
          article.id(),
          Verdict.DUPLICATE,
          sameText.clusterId(),
          sameText.clusterId(),
          1.0,
          false,
          false);
    }
    List<String> keys = sketcher.bandKeys(sketch);
    List<CandidateJudge.Candidate> candidates = new ArrayList<>();
    for (DedupIndex.Entry e : index.candidates(keys, time)) {
      candidates.add(new CandidateJudge.Candidate(e.id(), e.clusterId(), e.seq(), e.sketch()));
    }
    comparisons += candidates.size();
    Decision decision = judge.decide(article.id(), sketch, candidates);
    remember(article.id(), decision.clusterId(), time, url, hash, sketch, keys);
    return decision;
  }

  /** Articles currently remembered (within the window). */
  public int stateSize() {
    return index.size();
  }

  /** Candidate sketches compared so far (the near-linear cost: about a constant per article). */
  public long comparisons() {
    return comparisons;
  }

  /** Most articles currently remembered under one band key (a hot key makes comparisons grow). */
  public int stateLargestBandBucket() {
    return index.largestBandBucket();
  }

  /** Distinct band keys currently remembered. */
  public int stateBandKeys() {
    return index.bandKeys();
  }

  private Decision repeat(String id, DedupIndex.Entry earlier, String hash, Sketch sketch) {
    boolean sameText =
        Objects.equals(hash, earlier.hash()) && (hash != null || sketch.equals(earlier.sketch()));
    double similarity = sameText ? 1.0 : sketcher.similarity(sketch, earlier.sketch());
    return new Decision(
        id,
        Verdict.DUPLICATE,
        earlier.clusterId(),
        earlier.clusterId(),
        similarity,
        true,
        !sameText);
  }

  private void remember(
      String id,
      String cluster,
      Instant time,
      String url,
      String hash,
      Sketch sketch,
      List<String> keys) {
    index.add(new DedupIndex.Entry(id, cluster, seq++, time, url, hash, sketch, keys));
  }
}
