package dev.newsflow.enrich.tag.rules;

import java.util.List;

import dev.newsflow.enrich.tag.dict.Cues;
import dev.newsflow.enrich.tag.text.Sentence;

/**
 * Tells triggers that do not report an event of their own: a participle used as an adjective ("the
 * occupied territory"), a passive relative clause ("a helicopter that was captured"), and, after an
 * earlier trigger in the sentence, its object ("rejected a call for talks", "condemned the
 * attack"), a participle adjunct ("protested, demanding ...", "rallied on Sunday calling for ...") or a clause hanging from it
 * ("demanded that the EU refuse ...", "a resolution that aims to ...").
 */
final class Dependents {

    private static final int NOUN_REACH = 4;

    private Dependents() {
    }

    static boolean dependent(Sentence s, Lexicon.Hit hit, List<Lexicon.Hit> earlier, Cues cues) {
        int a = hit.start();
        String w = s.norm(a);
        String before = s.norm(a - 1);
        if (w.endsWith("ed") && (cues.has("determiner", before) || betweenNames(s, a))) {
            return true;
        }
        if (passiveRelative(s, a, cues)) {
            return true;
        }
        if (earlier.isEmpty()) {
            return false;
        }
        if (objectMarked(s, hit, cues)) {
            return true;
        }
        if (w.endsWith("ing") && (before.equals(",") || s.token(a - 1).capitalised())) {
            return true;
        }
        Lexicon.Hit last = earlier.get(earlier.size() - 1);
        for (int i = last.end(); i < a; i++) {
            if (cues.has("relative", s.norm(i))) {
                return true;
            }
        }
        return false;
    }

    /** "condemned the launch", and for noun phrases "denounced it as a cover for an ICBM test". */
    private static boolean objectMarked(Sentence s, Lexicon.Hit hit, Cues cues) {
        String anchor = s.norm(hit.start());
        boolean nounForm = !hit.trigger().verbal() || anchor.endsWith("s") && !anchor.endsWith("ss");
        int reach = nounForm ? NOUN_REACH : adjectiveBefore(s, hit.start()) ? 2 : 1;
        for (int i = hit.start() - 1; i >= 0 && i >= hit.start() - reach; i--) {
            String w = s.norm(i);
            if (cues.has("determiner", w) || cues.has("object-preposition", w)) {
                return true;
            }
            if (cues.has("clause-break", w) || cues.has("location-prep", w)) {
                return false;
            }
        }
        return false;
    }

    /** "the Israeli-occupied West Bank", "US-led": a participle hyphenated to a name is an adjective. */
    private static boolean betweenNames(Sentence s, int a) {
        if (a < 1 || !s.token(a - 1).capitalised()) {
            return false;
        }
        int gap = s.token(a - 1).end() - s.offset();
        return s.token(a).start() - s.token(a - 1).end() == 1 && s.text().charAt(gap) == '-';
    }

    /** "a fresh offer": a lower-case word before a verb-form anchor may be an adjective. */
    private static boolean adjectiveBefore(Sentence s, int a) {
        if (a < 1) {
            return false;
        }
        String w = s.token(a - 1).text();
        return !w.isEmpty() && Character.isLowerCase(w.charAt(0)) && !w.endsWith("ly");
    }

    /** "that was imposed", "which had been adopted". */
    private static boolean passiveRelative(Sentence s, int a, Cues cues) {
        for (int i = a - 1; i >= 0 && i >= a - 3; i--) {
            String w = s.norm(i);
            if (cues.has("relative", w)) {
                return i < a - 1;
            }
            if (!cues.has("passive-aux", w) && !cues.has("perfect-aux", w)) {
                return false;
            }
        }
        return false;
    }
}
