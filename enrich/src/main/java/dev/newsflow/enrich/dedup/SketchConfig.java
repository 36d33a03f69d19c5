package dev.newsflow.enrich.dedup;

/**
 * Parameters of the similarity sketch and of its LSH band keys.
 *
 * <p>Example: {@code SketchConfig.defaults()} = 5-word shingles, 128 SuperMinHash components of 16
 * bits, bodies of fewer than 20 words sketched with their title, a lead of 25 words, 16 body bands
 * of 2 components and 8 lead bands of 1 lead min-hash each.
 *
 * @param shingleWords words per shingle
 * @param components SuperMinHash components
 * @param bitsPerComponent bits kept per component (16 makes accidental collisions negligible:
 *     2^-16)
 * @param minBodyWords bodies shorter than this are sketched together with the title
 * @param leadWords words of the lead (start of the cleaned body)
 * @param bodyBands LSH bands over the body signature
 * @param bodyRows components per body band
 * @param leadBands LSH bands over the lead
 * @param leadRows lead min-hashes per lead band
 */
public record SketchConfig(
    int shingleWords,
    int components,
    int bitsPerComponent,
    int minBodyWords,
    int leadWords,
    int bodyBands,
    int bodyRows,
    int leadBands,
    int leadRows) {

  public SketchConfig {
    positive("shingleWords", shingleWords);
    positive("components", components);
    positive("leadWords", leadWords);
    positive("bodyRows", bodyRows);
    positive("leadRows", leadRows);
    if (bitsPerComponent < 1 || bitsPerComponent > 64) {
      throw new IllegalArgumentException("bitsPerComponent must be in 1..64: " + bitsPerComponent);
    }
    if (minBodyWords < 0 || bodyBands < 0 || leadBands < 0) {
      throw new IllegalArgumentException("minBodyWords, bodyBands and leadBands must be >= 0");
    }
    if (bodyBands * bodyRows > components) {
      throw new IllegalArgumentException(
          "bodyBands * bodyRows exceeds components: " + bodyBands * bodyRows);
    }
  }

  /** The measured defaults (see REPORT.md). */
  public static SketchConfig defaults() {
    return new SketchConfig(5, 128, 16, 20, 25, 16, 2, 8, 1);
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1: " + value);
    }
  }
}
