package dev.newsflow.enrich.tag.rules;

import java.util.List;
import java.util.Set;

/**
 * One compiled lexicon rule: a token pattern that reports an event of {@code type}.
 *
 * <p>Example source line: {@code SANCTION	impose+ ... sanction~|embargo~	0.9}: a form of "impose",
 * up to four tokens, then "sanction(s)" or "embargo(s)".
 *
 * @param type       PLOVER type
 * @param elements   pattern elements, the first one is the anchor
 * @param confidence base confidence of the rule
 * @param flags      options: {@code reverse} (the subject is the target: "received aid from X")
 * @param source     the rule as written, for error messages and debugging
 * @param verbal     true when the rule starts with a verb ({@code word+}), false for a noun phrase
 */
record Trigger(String type, List<Element> elements, double confidence, Set<String> flags, String source,
               boolean verbal) {

    /** Type of a blocking rule: its phrase shadows shorter rules and reports nothing. */
    static final String NONE = "NONE";

    Trigger {
        elements = List.copyOf(elements);
        flags = Set.copyOf(flags);
        if (elements.isEmpty() || elements.get(0).gap() || elements.get(0).optional()) {
            throw new IllegalArgumentException("a rule must start with a word: " + source);
        }
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    /**
     * A pattern element: a set of accepted word forms, optional or not, or a gap.
     *
     * @param forms    accepted lower-cased tokens (empty for a gap)
     * @param optional may be absent
     * @param gap      up to {@link #GAP} tokens of anything within the clause
     */
    record Element(Set<String> forms, boolean optional, boolean gap) {
        static final int GAP = 5;
    }
}
