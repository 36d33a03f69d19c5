package dev.newsflow.enrich.tag.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into paragraphs (at line breaks) and paragraphs into sentences.
 *
 * <p>Example: {@code "Seoul protested. Tokyo agreed.\nNew paragraph."} gives three sentences.
 * A sentence ends at ".", "!" or "?" (closing quotes and brackets stay with it) when the next
 * token starts with a capital, a digit or a quote. Abbreviations ("U.S.", "Mr.") keep their period
 * inside the token, so they never end a sentence.
 */
public final class SentenceSplitter {


    private SentenceSplitter() {
    }

    /** Sentences of {@code text} in order. */
    public static List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            paragraph(text, lineStart, lineEnd, out);
            if (nl < 0) {
                break;
            }
            lineStart = nl + 1;
        }
        return out;
    }

    private static void paragraph(String text, int from, int to, List<Sentence> out) {
        List<Token> tokens = Tokenizer.tokenize(text.substring(from, to), from);
        int start = 0;
        boolean first = true;
        for (int i = 0; i < tokens.size(); i++) {
            if (!isEnd(tokens.get(i).text())) {
                continue;
            }
            int end = i + 1;
            while (end < tokens.size() && isCloser(tokens.get(end).text())) {
                end++;
            }
            if (end == tokens.size() || opensSentence(tokens.get(end))) {
                out.add(sentence(text, tokens.subList(start, end), first));
                first = false;
                start = end;
                i = end - 1;
            }
        }
        if (start < tokens.size()) {
            out.add(sentence(text, tokens.subList(start, tokens.size()), first));
        }
    }

    /** One of ".", "!", "?". */
    private static boolean isEnd(String t) {
        if (t.length() != 1) {
            return false;
        }
        char c = t.charAt(0);
        return c == '.' || c == '!' || c == '?';
    }

    /** One of the closing quotes and brackets: {@code " ' ) ]}. */
    private static boolean isCloser(String t) {
        if (t.length() != 1) {
            return false;
        }
        char c = t.charAt(0);
        return c == '"' || c == '\'' || c == ')' || c == ']';
    }

    private static boolean opensSentence(Token t) {
        char c = t.text().charAt(0);
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '\'' || c == '(';
    }

    private static Sentence sentence(String text, List<Token> tokens, boolean paragraphStart) {
        int s = tokens.get(0).start();
        int e = tokens.get(tokens.size() - 1).end();
        return new Sentence(text.substring(s, e), s, tokens, paragraphStart);
    }
}
