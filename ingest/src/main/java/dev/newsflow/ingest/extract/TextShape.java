package dev.newsflow.ingest.extract;

/**
 * Small text helpers shared by the extraction steps, e.g. {@code tidy(" a \n  b ")} is {@code "a\nb"}.
 */
final class TextShape {

    private TextShape() {
    }

    /** Trims every line, drops empty lines at the ends, keeps at most one empty line in a row. */
    static String tidy(CharSequence raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int blankRun = 0;
        int start = 0;
        for (int i = 0; i <= raw.length(); i++) {
            if (i == raw.length() || raw.charAt(i) == '\n') {
                String line = raw.subSequence(start, i).toString().strip();
                start = i + 1;
                if (line.isEmpty()) {
                    blankRun++;
                    continue;
                }
                if (out.length() > 0) {
                    out.append(blankRun > 0 ? "\n\n" : "\n");
                }
                out.append(line);
                blankRun = 0;
            }
        }
        return out.toString();
    }

    /** Whether the text ends like a sentence: a full stop, question or exclamation mark, maybe in quotes. */
    static boolean endsLikeSentence(String text) {
        for (int i = text.length() - 1; i >= 0 && i >= text.length() - 4; i--) {
            char c = text.charAt(i);
            switch (c) {
                case '.', '!', '?', '。', '！', '？', '…', ':', ';' -> {
                    return true;
                }
                case '"', '\'', '”', '’', '»', ')', ']', ' ' -> {
                }
                default -> {
                    return false;
                }
            }
        }
        return false;
    }

    /** Whitespace-collapsed, trimmed form of a string, or null for null or blank input. */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.length() == 0 ? null : out.toString();
    }
}
