package dev.newsflow.ingest.extract;

/**
 * One paragraph-like run of text between two block boundaries of a page, e.g. the text of one {@code <p>}.
 *
 * @param text            whitespace-normalised text; line breaks from {@code <br>} kept as {@code \n}
 * @param linkChars       how many of its characters are inside links
 * @param tag             normal name of the innermost block element holding it, e.g. {@code p} or {@code h2}
 * @param furnitureDepth  depth of its innermost furniture ancestor (nav, share box...), or -1 if none
 * @param good            whether it reads like body prose (long enough, few links, not boilerplate)
 */
record Block(String text, int linkChars, String tag, int furnitureDepth, boolean good) {

    int length() {
        return text.length();
    }

    double linkDensity() {
        return text.isEmpty() ? 0 : (double) linkChars / text.length();
    }

    boolean isHeading() {
        return tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1));
    }
}
