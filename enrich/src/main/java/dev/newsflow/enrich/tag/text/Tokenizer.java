package dev.newsflow.enrich.tag.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits English news text into word and punctuation tokens with their offsets.
 *
 * <p>Example: {@code "N. Korea's Kim Jong-un didn't"} gives {@code n. | korea | 's | kim | jong |
 * un | did | n't}. Hyphenated words are split into their parts so that "Kim Jong-un" and
 * "Kim Jong Un", or "US-led" and "US", match the same dictionary entries. Written by hand: the
 * tagger needs only this much, in one linear pass, and OpenNLP's tokenizer would need a model
 * file and be several times slower for no gain on dictionary matching.
 */
public final class Tokenizer {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "rep", "sen", "gov",
            "st", "jr", "sr", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec",
            "no", "vs", "prof", "adm", "rev", "pres", "corp", "inc", "ltd", "co", "etc", "approx");

    private static final Pattern INITIALS = Pattern.compile("(\\p{L}\\.)+\\p{L}");

    private Tokenizer() {
    }

    /** Tokens of {@code text}, offsets counted from {@code base}. */
    public static List<Token> tokenize(String text, int base) {
        List<Token> out = new ArrayList<>(text.length() / 5 + 4); // about one token per 5 chars
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '-' || c == '\u2013' || c == '\u2014') {
                if (c != '-' && !Character.isWhitespace(c)) {
                    add(out, "-", base + i, base + i + 1);
                }
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                i = word(text, i, base, out);
            } else {
                add(out, String.valueOf(normalise(c)), base + i, base + i + 1);
                i++;
            }
        }
        return out;
    }

    private static int word(String text, int from, int base, List<Token> out) {
        int n = text.length();
        int i = from;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                i++;
            } else if ((c == ',' || c == '.') && i + 1 < n && Character.isDigit(text.charAt(i + 1))
                    && Character.isDigit(text.charAt(i - 1))) {
                i++;
            } else if (c == '.' && dotted(text, from, i)) {
                i++;
            } else if (isApostrophe(c) && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                int split = apostropheSplit(text, from, i);
                if (split >= 0) {
                    if (split > from) {
                        add(out, text.substring(from, split), base + from, base + split);
                    }
                    int end = endOfLetters(text, i + 1);
                    add(out, text.substring(split, end), base + split, base + end);
                    return end;
                }
                i++;
            } else {
                break;
            }
        }
        add(out, text.substring(from, i), base + from, base + i);
        return i;
    }

    /** Whether the period at {@code dot} belongs to the word: "U.S.", "N.", "Mr.". */
    private static boolean dotted(String text, int from, int dot) {
        String w = text.substring(from, dot);
        if (w.length() == 1 && Character.isLetter(w.charAt(0))) {
            return true;
        }
        // "U.S", "U.N": odd length, a period second (cheap checks before the regex)
        if (w.length() % 2 == 1 && w.length() >= 3 && w.charAt(1) == '.' && INITIALS.matcher(w).matches()) {
            return true;
        }
        return !w.isEmpty() && Character.isUpperCase(w.charAt(0))
                && ABBREVIATIONS.contains(w.toLowerCase(Locale.ROOT));
    }

    /** Start of the clitic ("'s", "n't") at the apostrophe {@code apo}, or -1 when it is part of the word. */
    private static int apostropheSplit(String text, int from, int apo) {
        int end = endOfLetters(text, apo + 1);
        String after = text.substring(apo + 1, end).toLowerCase(Locale.ROOT);
        if (after.equals("t") && apo - 1 > from && Character.toLowerCase(text.charAt(apo - 1)) == 'n') {
            return apo - 1;
        }
        if (after.equals("s") || after.equals("ll") || after.equals("re") || after.equals("ve")
                || after.equals("d") || after.equals("m")) {
            return apo;
        }
        return -1;
    }

    private static int endOfLetters(String text, int i) {
        while (i < text.length() && Character.isLetter(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018';
    }

    private static char normalise(char c) {
        return switch (c) {
            case '\u2018', '\u2019' -> '\'';
            case '\u201c', '\u201d', '\u00ab', '\u00bb' -> '"';
            default -> c;
        };
    }

    private static void add(List<Token> out, String raw, int start, int end) {
        String t = raw;
        for (int k = 0; k < raw.length(); k++) {
            if (normalise(raw.charAt(k)) != raw.charAt(k)) {
                StringBuilder sb = new StringBuilder(raw.length());
                for (int j = 0; j < raw.length(); j++) {
                    sb.append(normalise(raw.charAt(j)));
                }
                t = sb.toString();
                break;
            }
        }
        out.add(new Token(t, t.toLowerCase(Locale.ROOT), start, end));
    }
}
