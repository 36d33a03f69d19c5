package dev.newsflow.enrich.tag;

import java.util.Objects;

/**
 * One PLOVER event reported by an article: who did what to whom, and the sentence that says so.
 *
 * <p>Example: {@code EventTag("MOBILIZE", "PRKGOV", null, "Pyongyang launched two ballistic
 * missiles.", 120, 0.8)}.
 *
 * @param type       PLOVER 2.0 event type, e.g. {@code SANCTION}
 * @param source     actor code of who did it, or null when the sentence does not name it
 * @param target     actor code of whom it was done to, or null
 * @param sentence   the sentence that reports the event
 * @param offset     character offset of the sentence in the article text, -1 for the headline
 * @param confidence 0..1, how sure the rule is
 */
public record EventTag(String type, String source, String target, String sentence, int offset,
                       double confidence) {

    public EventTag {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sentence, "sentence");
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence out of 0..1: " + confidence);
        }
        if (offset < -1) {
            throw new IllegalArgumentException("offset below -1: " + offset);
        }
    }
}
