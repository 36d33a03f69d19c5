package dev.newsflow.enrich.tag.rules;

import java.time.LocalDate;

import dev.newsflow.enrich.tag.dict.Cues;
import dev.newsflow.enrich.tag.text.Sentence;

/**
 * Whether a trigger reports an event that happened ({@code REAL}), one an actor says it will carry
 * out ({@code INTENT}: "will impose sanctions", "vowed to tighten sanctions"), or none at all
 * ({@code NONE}: negated, possible, conditional, or old background).
 *
 * <p>Example: in "Seoul did not impose sanctions", "impose" is {@code NONE}; in "Seoul may
 * launch", "launch" is {@code NONE}; in "Seoul threatened to impose sanctions", "impose" is
 * {@code NONE} because the threat itself is the event. A negated future ("will not negotiate") is a
 * {@code REFUSAL}: a cooperative action refused is a REJECT.
 */
enum Mood {
    REAL, INTENT, REFUSAL, NONE;

    private static final int BACK = 4;
    private static final int CLAUSE = 10;

    static Mood of(Sentence s, int start, int end, LocalDate day, Cues cues) {
        if (conditional(s, start, cues) || background(s, start, end, day)) {
            return NONE;
        }
        if (negated(s, start, cues)) {
            return modal(s, start, cues) == INTENT ? REFUSAL : NONE;
        }
        Mood infinitive = infinitive(s, start, cues);
        if (infinitive != null) {
            return infinitive;
        }
        return modal(s, start, cues);
    }

    private static boolean negated(Sentence s, int start, Cues cues) {
        for (int i = start - 1; i >= 0 && i >= start - BACK; i--) {
            String w = s.norm(i);
            if (cues.has("clause-break", w)) {
                return false;
            }
            if (cues.has("negation", w)) {
                return true;
            }
        }
        return false;
    }

    /** "if Pyongyang detonates", "a possibility that North Korea will launch". */
    private static boolean conditional(Sentence s, int start, Cues cues) {
        for (int i = start - 1; i >= 0 && i >= start - CLAUSE; i--) {
            String w = s.norm(i);
            if (cues.has("conditional", w)
                    || s.norm(i + 1).equals("that") && cues.has("epistemic-noun", w)) {
                return true;
            }
            if (w.equals(",") || w.equals(";") || w.equals("\"")) {
                return false;
            }
        }
        return false;
    }

    /** "sanctions adopted in 2006" in an article of 2016: background, not news. */
    private static boolean background(Sentence s, int start, int end, LocalDate day) {
        if (day == null) {
            return false;
        }
        for (int i = Math.max(1, start - 5); i < Math.min(s.size(), end + 6); i++) {
            String w = s.norm(i);
            String before = s.norm(i - 1);
            if (w.length() == 4 && w.chars().allMatch(Character::isDigit)
                    && (before.equals("in") || before.equals("since"))) {
                int year = Integer.parseInt(w);
                if (year > 1800 && year < day.getYear() - 1) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A verb after "to": kept after "began to" and after a causative ("prompting Pakistan to
     * downgrade ties"), an intent after "vowed to", else not an event ("urged Iran to release").
     * An aspectual verb in between counts through ("pledged to keep supplying weapons").
     */
    private static Mood infinitive(Sentence s, int start, Cues cues) {
        if (cues.has("aspectual", s.norm(start - 1))) {
            start--;
        }
        int to = start - 1;
        boolean passive = s.norm(to).equals("be") && s.norm(to - 1).equals("to");
        if (passive || s.norm(to).endsWith("ly") || cues.has("modal-adverb", s.norm(to))) {
            to--;
        }
        if (!s.norm(to).equals("to") || !passive && !baseForm(s.norm(start))) {
            return null;
        }
        String gov = s.norm(to - 1);
        if (cues.has("realis-governor", gov) || cues.has("causative", s.norm(to - 2))
                || cues.has("causative", s.norm(to - 3))) {
            return REAL;
        }
        return cues.has("intent-governor", gov) ? INTENT : NONE;
    }

    private static Mood modal(Sentence s, int start, Cues cues) {
        for (int i = start - 1; i >= 0 && i >= start - BACK; i--) {
            String w = s.norm(i);
            if (cues.has("clause-break", w)) {
                return REAL;
            }
            if (cues.has("modal-possible", w)) {
                return NONE;
            }
            if (cues.has("modal-future", w)) {
                return INTENT;
            }
        }
        return REAL;
    }

    private static boolean baseForm(String w) {
        return !(w.endsWith("s") || w.endsWith("ed") || w.endsWith("ing"));
    }
}
