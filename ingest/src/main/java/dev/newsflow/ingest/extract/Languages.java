package dev.newsflow.ingest.extract;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.Map;
import java.util.SortedMap;

/**
 * Decides a page's language: the declared one ({@code html[lang]}, JSON-LD, meta), checked against what Lingua
 * (low-accuracy mode, the languages listed in {@code detected-languages.txt}, models loaded lazily) detects in the
 * first {@value #SAMPLE_CHARS} characters of the body. A declaration the text clearly contradicts is replaced; a
 * declared language the detector does not know is kept as declared.
 *
 * <p>Example: a page declaring {@code lang="en"} whose body is German is reported as {@code de}; a page declaring
 * {@code pt-BR} with a Portuguese body is {@code pt}. Thread-safe.
 */
final class Languages {

    static final int SAMPLE_CHARS = 200;
    static final int VERIFY_CHARS = 80;
    private static final int MIN_TEXT = 40;
    private static final double KEEP_DECLARED_RATIO = 0.9;

    private final LanguageDetector detector;
    private final Set<String> detectable;

    private Languages(LanguageDetector detector, Set<String> detectable) {
        this.detector = detector;
        this.detectable = detectable;
    }

    /** A detector over the languages of {@code detected-languages.txt}, low-accuracy mode (trigram models only). */
    static Languages lingua() {
        Set<String> codes = new LinkedHashSet<>(Hints.lines("detected-languages.txt"));
        IsoCode639_1[] isoCodes = codes.stream()
                .map(code -> IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT)))
                .toArray(IsoCode639_1[]::new);
        return new Languages(LanguageDetectorBuilder.fromIsoCodes639_1(isoCodes).withLowAccuracyMode().build(),
                Set.copyOf(codes));
    }

    /** A decider that trusts declarations and detects nothing. */
    static Languages declaredOnly() {
        return new Languages(null, Set.of());
    }

    /**
     * The ISO 639-1 code for the body {@code text} of a page declaring {@code declared} (may be null). A declaration
     * is first checked on a short sample of {@value #VERIFY_CHARS} characters; only when that sample disagrees does a
     * full detection on {@value #SAMPLE_CHARS} characters decide, so a right declaration costs one cheap call.
     */
    String decide(String declared, String text) {
        if (detector == null || text == null || text.length() < MIN_TEXT
                || (declared != null && !detectable.contains(declared))) {
            return declared;
        }
        if (declared != null && declared.equals(code(detector.detectLanguageOf(sample(text, VERIFY_CHARS))))) {
            return declared;
        }
        SortedMap<Language, Double> confidences = detector.computeLanguageConfidenceValues(sample(text, SAMPLE_CHARS));
        if (confidences.isEmpty()) {
            return declared;
        }
        Map.Entry<Language, Double> top = confidences.entrySet().iterator().next();
        String detected = code(top.getKey());
        if (declared == null || declared.equals(detected) || detected == null) {
            return detected != null ? detected : declared;
        }
        double declaredConfidence = confidenceOf(confidences, declared);
        return declaredConfidence >= KEEP_DECLARED_RATIO * top.getValue() ? declared : detected;
    }

    private static String sample(String text, int chars) {
        if (text.length() <= chars) {
            return text;
        }
        int end = chars;
        while (end < text.length() && end < chars + 20 && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }

    /** {@code "en-US"}, {@code "en_gb"}, {@code "EN"} all give {@code "en"}; anything else gives null. */
    static String normalise(String tag) {
        if (tag == null) {
            return null;
        }
        String t = tag.strip().toLowerCase(Locale.ROOT);
        int cut = t.indexOf('-') >= 0 ? t.indexOf('-') : t.indexOf('_');
        String primary = cut >= 0 ? t.substring(0, cut) : t;
        return primary.matches("[a-z]{2}") ? primary : null;
    }

    private static double confidenceOf(SortedMap<Language, Double> confidences, String iso) {
        for (Map.Entry<Language, Double> e : confidences.entrySet()) {
            if (iso.equals(code(e.getKey()))) {
                return e.getValue();
            }
        }
        return 0;
    }

    private static String code(Language language) {
        IsoCode639_1 iso = language.getIsoCode639_1();
        return iso == null || language == Language.UNKNOWN ? null : iso.name().toLowerCase(Locale.ROOT);
    }
}
