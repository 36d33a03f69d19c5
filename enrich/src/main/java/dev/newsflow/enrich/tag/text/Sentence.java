package dev.newsflow.enrich.tag.text;

import java.util.Arrays;
import java.util.List;

/**
 * One sentence: its text, where it starts in the source, and its tokens.
 *
 * @param text   the sentence as written
 * @param offset character offset of the sentence in the source text
 * @param tokens tokens, offsets relative to the source text
 * @param norms  lower-cased tokens, for dictionary look-ups
 * @param paragraphStart true when the sentence opens a paragraph (where datelines stand)
 */
public record Sentence(String text, int offset, List<Token> tokens, List<String> norms,
                       boolean paragraphStart) {

    public Sentence {
        tokens = List.copyOf(tokens);
        norms = List.copyOf(norms);
        if (norms.size() != tokens.size()) {
            throw new IllegalArgumentException("norms and tokens differ in length");
        }
    }

    /** A sentence whose norms are taken from its tokens. */
    public Sentence(String text, int offset, List<Token> tokens, boolean paragraphStart) {
        this(text, offset, tokens, norms(tokens), paragraphStart);
    }

    private static List<String> norms(List<Token> tokens) {
        String[] norms = new String[tokens.size()];
        for (int i = 0; i < norms.length; i++) {
            norms[i] = tokens.get(i).norm();
        }
        return Arrays.asList(norms);
    }

    public int size() {
        return tokens.size();
    }

    public Token token(int i) {
        return tokens.get(i);
    }

    /** Lower-cased token at {@code i}, or "" outside the sentence. */
    public String norm(int i) {
        return i >= 0 && i < norms.size() ? norms.get(i) : "";
    }
}
