package dev.newsflow.enrich.tag.rules;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * English inflection of lexicon words, so that rules are written once per lemma.
 *
 * <p>Example: {@code verbForms("ban")} gives ban, bans, banned, banning (and the harmless
 * undoubled forms); irregular past forms come from {@code irregular-verbs.tsv} ("meet" → met).
 * Generating forms for the lexicon instead of lemmatising every token keeps matching a single
 * hash look-up per token.
 */
final class Inflector {

    private final Map<String, Set<String>> irregular;

    Inflector(Map<String, Set<String>> irregular) {
        this.irregular = irregular;
    }

    Set<String> verbForms(String lemma) {
        Set<String> out = new LinkedHashSet<>();
        out.add(lemma);
        out.add(thirdPerson(lemma));
        if (lemma.endsWith("e")) {
            out.add(lemma + "d");
            out.add(lemma.endsWith("ee") ? lemma + "ing" : lemma.substring(0, lemma.length() - 1) + "ing");
        } else if (consonantY(lemma)) {
            out.add(lemma.substring(0, lemma.length() - 1) + "ied");
            out.add(lemma + "ing");
        } else {
            out.add(lemma + "ed");
            out.add(lemma + "ing");
            if (endsCvc(lemma)) {
                String last = lemma.substring(lemma.length() - 1);
                out.add(lemma + last + "ed");
                out.add(lemma + last + "ing");
            }
        }
        out.addAll(irregular.getOrDefault(lemma, Set.of()));
        return out;
    }

    static Set<String> nounForms(String noun) {
        Set<String> out = new LinkedHashSet<>();
        out.add(noun);
        out.add(thirdPerson(noun));
        return out;
    }

    private static String thirdPerson(String w) {
        if (w.endsWith("s") || w.endsWith("sh") || w.endsWith("ch") || w.endsWith("x") || w.endsWith("z")
                || w.endsWith("o")) {
            return w + "es";
        }
        return consonantY(w) ? w.substring(0, w.length() - 1) + "ies" : w + "s";
    }

    private static boolean consonantY(String w) {
        return w.length() > 1 && w.endsWith("y") && !vowel(w.charAt(w.length() - 2));
    }

    private static boolean endsCvc(String w) {
        int n = w.length();
        return n >= 3 && !vowel(w.charAt(n - 1)) && vowel(w.charAt(n - 2)) && !vowel(w.charAt(n - 3))
                && "wxy".indexOf(w.charAt(n - 1)) < 0;
    }

    private static boolean vowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }
}
