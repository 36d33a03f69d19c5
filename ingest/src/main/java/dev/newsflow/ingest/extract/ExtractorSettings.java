package dev.newsflow.ingest.extract;

/**
 * Tuning knobs of {@link ArticleExtractor}.
 *
 * <p>Example: {@code new ExtractorSettings(2 * 1024 * 1024, false)} caps pages at 2 MiB and skips language
 * detection from the text (the page's declared language is still reported).
 *
 * @param maxInputBytes  pages larger than this are cut to this many bytes before parsing (must be positive)
 * @param detectLanguage whether to detect the language from the extracted text (Lingua)
 */
public record ExtractorSettings(int maxInputBytes, boolean detectLanguage) {

    /** Default cap on input size: 5 MiB. */
    public static final int DEFAULT_MAX_INPUT_BYTES = 5 * 1024 * 1024;

    public ExtractorSettings {
        if (maxInputBytes <= 0) {
            throw new IllegalArgumentException("maxInputBytes must be positive: " + maxInputBytes);
        }
    }

    /** 5 MiB cap, language detection on. */
    public static ExtractorSettings defaults() {
        return new ExtractorSettings(DEFAULT_MAX_INPUT_BYTES, true);
    }
}
