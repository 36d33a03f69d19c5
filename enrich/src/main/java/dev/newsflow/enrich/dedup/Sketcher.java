package dev.newsflow.enrich.dedup;

import com.dynatrace.hash4j.hashing.HashStream64;
import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Computes similarity sketches of articles, their LSH band keys, and estimated similarities.
 *
 * <p>Example: {@code sketcher.similarity(sketcher.sketch(title, wireStory),
 * sketcher.sketch(otherTitle, sameStoryWithOtherFurniture))} is close to 1, and {@code bandKeys} of
 * the two sketches share at least one key with probability above 0.99 once their Jaccard similarity
 * exceeds 0.5.
 *
 * <p>The body is cleaned ({@link TextNormalizer#clean}), furniture removed ({@link
 * BoilerplateFilter}), normalised and cut into overlapping word shingles; the distinct shingle
 * hashes feed a SuperMinHash signature (hash4j), whose share of equal components estimates the
 * Jaccard similarity with lower variance than classic MinHash on small sets. Band keys are of two
 * kinds: {@code b<i>:<hex>} hashes of body-signature bands (find copies with a similar body),
 * {@code l<i>:<hex>} min-hashes of the lead (find copies that keep the lead but change much of the
 * rest). Thread-safe.
 */
public final class Sketcher {

  private static final long LEAD_SEED = 0x6c656164L;

  private final SketchConfig config;
  private final BoilerplateFilter boilerplate;
  private final SimilarityHashPolicy bodyPolicy;
  private final SimilarityHashPolicy leadPolicy;
  private final Hasher64 hasher = Hashing.komihash5_0();

  public Sketcher(SketchConfig config, BoilerplateFilter boilerplate) {
    this.config = Objects.requireNonNull(config, "config");
    this.boilerplate = Objects.requireNonNull(boilerplate, "boilerplate");
    this.bodyPolicy =
        SimilarityHashing.superMinHash(config.components(), config.bitsPerComponent());
    this.leadPolicy =
        SimilarityHashing.superMinHash(Math.max(1, config.leadBands() * config.leadRows()), 32);
  }

  /** A sketcher with {@link SketchConfig#defaults()} and the bundled boilerplate rules. */
  public static Sketcher withDefaults() {
    return new Sketcher(SketchConfig.defaults(), BoilerplateFilter.bundled());
  }

  public SketchConfig config() {
    return config;
  }

  /**
   * Sketches an article; {@code title} is used only when the cleaned body is shorter than
   * minBodyWords.
   */
  public Sketch sketch(String title, String text) {
    return sketchCleaned(title, TextNormalizer.clean(text));
  }

  /** {@link #sketch} of a body already passed through {@link TextNormalizer#clean}. */
  public Sketch sketchCleaned(String title, String cleanedText) {
    List<String> words = sketchedWords(title, cleanedText);
    long[] body = distinctShingles(words);
    List<String> leadWords = words.subList(0, Math.min(words.size(), config.leadWords()));
    long[] lead = distinctShingles(leadWords);
    byte[] signature =
        body.length == 0
            ? new byte[0]
            : bodyPolicy.createHasher().compute(ElementHashProvider.ofValues(body));
    return new Sketch(body.length, signature, toSortedInts(lead), numberHashes(leadWords));
  }

  /**
   * The sorted distinct 64-bit shingle hashes a sketch summarises (for measurements and exact
   * comparison).
   */
  public long[] shingleHashes(String title, String text) {
    return distinctShingles(sketchedWords(title, TextNormalizer.clean(text)));
  }

  private List<String> sketchedWords(String title, String cleanedText) {
    List<String> words = contentWords(cleanedText);
    if (words.size() >= config.minBodyWords()) {
      return words;
    }
    List<String> withTitle = new ArrayList<>(TextNormalizer.words(TextNormalizer.normalize(title)));
    withTitle.addAll(words);
    return withTitle;
  }

  /** The normalised words of a cleaned body with furniture removed. */
  private List<String> contentWords(String cleanedText) {
    // The words of fold(String.join("\n", lines)), line by line: a line break separates words.
    List<String> words = new ArrayList<>(cleanedText.length() / 5 + 1);
    for (String line : boilerplate.contentLines(TextNormalizer.lines(cleanedText))) {
      TextNormalizer.addFoldedWords(line, words);
    }
    return words;
  }

  /**
   * LSH keys to re-key a sketch by: two articles are compared only when they share a key. Empty for
   * an empty sketch. Keys are stable across processes and versions of this class with the same
   * {@link SketchConfig}.
   */
  public List<String> bandKeys(Sketch sketch) {
    if (sketch.isEmpty()) {
      return List.of();
    }
    requireCompatible(sketch);
    List<String> keys = new ArrayList<>(config.bodyBands() + config.leadBands());
    addBandKeys(
        keys, 'b', bodyPolicy, sketch.signatureView(), config.bodyBands(), config.bodyRows());
    int[] lead = sketch.leadView();
    if (lead.length > 0 && config.leadBands() > 0) {
      byte[] leadSignature =
          leadPolicy
              .createHasher()
              .compute(ElementHashProvider.ofFunction(i -> mix(lead[i]), lead.length));
      addBandKeys(keys, 'l', leadPolicy, leadSignature, config.leadBands(), config.leadRows());
    }
    return keys;
  }

  private void addBandKeys(
      List<String> keys,
      char kind,
      SimilarityHashPolicy policy,
      byte[] signature,
      int bands,
      int rows) {
    HashStream64 stream = hasher.hashStream();
    for (int band = 0; band < bands; band++) {
      stream.reset();
      for (int row = band * rows; row < (band + 1) * rows; row++) {
        stream.putLong(policy.getComponent(signature, row));
      }
      keys.add(kind + Integer.toString(band) + ":" + hex(stream.getAsLong()));
    }
  }

  /**
   * Estimated Jaccard similarity of the two bodies' shingle sets, in [0, 1]; 0 when either is
   * empty.
   */
  public double similarity(Sketch a, Sketch b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0.0;
    }
    requireCompatible(a);
    requireCompatible(b);
    return bodyPolicy.getFractionOfEqualComponents(a.signatureView(), b.signatureView());
  }

  /**
   * Share of the shorter lead's shingles found in the other lead (overlap coefficient), in [0, 1].
   */
  public static double leadOverlap(Sketch a, Sketch b) {
    return overlap(a.leadView(), b.leadView(), 0.0);
  }

  /**
   * Share of the numbers of the lead with fewer numbers found in the other lead, in [0, 1]; 1 when
   * either lead has no number (nothing to disagree on). Copies of a story keep its figures;
   * recurring reports (market closes, earnings, money-market operations) share their wording but
   * not their figures.
   */
  public static double leadNumberAgreement(Sketch a, Sketch b) {
    return overlap(a.leadNumbersView(), b.leadNumbersView(), 1.0);
  }

  private static double overlap(int[] x, int[] y, double whenEmpty) {
    if (x.length == 0 || y.length == 0) {
      return whenEmpty;
    }
    int common = 0;
    for (int i = 0, j = 0; i < x.length && j < y.length; ) {
      if (x[i] == y[j]) {
        common++;
        i++;
        j++;
      } else if (x[i] < y[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) common / Math.min(x.length, y.length);
  }

  private long[] distinctShingles(List<String> words) {
    int k = config.shingleWords();
    if (words.isEmpty()) {
      return new long[0];
    }
    long[] wordHashes = new long[words.size()];
    for (int i = 0; i < wordHashes.length; i++) {
      wordHashes[i] = hasher.hashCharsToLong(words.get(i));
    }
    int count = Math.max(1, words.size() - k + 1);
    long[] shingles = new long[count];
    HashStream64 stream = hasher.hashStream();
    for (int i = 0; i < count; i++) {
      stream.reset();
      for (int j = i; j < Math.min(i + k, wordHashes.length); j++) {
        stream.putLong(wordHashes[j]);
      }
      shingles[i] = stream.getAsLong();
    }
    Arrays.sort(shingles);
    return Arrays.copyOf(shingles, distinctPrefix(shingles));
  }

  private int[] numberHashes(List<String> words) {
    long[] hashes = new long[words.size()];
    int count = 0;
    for (String word : words) {
      if (hasDigit(word)) {
        hashes[count++] = hasher.hashCharsToLong(word);
      }
    }
    return toSortedInts(Arrays.copyOf(hashes, count));
  }

  private static boolean hasDigit(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isDigit(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static int[] toSortedInts(long[] hashes) {
    int[] ints = new int[hashes.length];
    for (int i = 0; i < hashes.length; i++) {
      ints[i] = (int) (hashes[i] ^ (hashes[i] >>> 32));
    }
    Arrays.sort(ints);
    int count = 0;
    for (int i = 0; i < ints.length; i++) {
      if (i == 0 || ints[i] != ints[count - 1]) {
        ints[count++] = ints[i];
      }
    }
    return Arrays.copyOf(ints, count);
  }

  /** Moves the distinct values of a sorted array to its front; returns how many there are. */
  private static int distinctPrefix(long[] sorted) {
    int count = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[count - 1]) {
        sorted[count++] = sorted[i];
      }
    }
    return count;
  }

  private static long mix(int value) {
    long z = (value + LEAD_SEED) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private void requireCompatible(Sketch sketch) {
    if (sketch.signatureView().length != bodyPolicy.getSignatureSizeInBytes()) {
      throw new IllegalArgumentException(
          "sketch signature has "
              + sketch.signatureView().length
              + " bytes, this configuration makes "
              + bodyPolicy.getSignatureSizeInBytes());
    }
  }

  private static String hex(long value) {
    return HexFormat.of().toHexDigits(value);
  }
}
