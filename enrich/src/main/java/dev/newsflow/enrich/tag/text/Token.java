package dev.newsflow.enrich.tag.text;

/**
 * A word or punctuation mark of a text, e.g. {@code Token("Korea's"→"korea", 10, 15)}.
 *
 * @param text  the token as written (quotes and apostrophes normalised to ASCII)
 * @param norm  lower-cased form used for matching
 * @param start character offset of the first character in the source text
 * @param end   character offset after the last character
 */
public record Token(String text, String norm, int start, int end) {

    /** True when the token starts with an upper-case letter. */
    public boolean capitalised() {
        return !text.isEmpty() && Character.isUpperCase(text.charAt(0));
    }

    /** True when the token is a single punctuation character. */
    public boolean punctuation() {
        return text.length() == 1 && !Character.isLetterOrDigit(text.charAt(0));
    }
}
