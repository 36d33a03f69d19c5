package dev.newsflow.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the element that holds the article body among the {@link Candidate}s of a page, then keeps the body's
 * paragraphs: every block inside it except furniture nested in it, headlines ({@code h1}), link lists and
 * boilerplate lines, and short non-prose lines (bylines, dates, tags) at its two ends.
 *
 * <p>The choice maximises {@code prose - OTHER_WEIGHT * rest}: climbing from a paragraph's parent to an ancestor
 * pays off only while the ancestor adds prose faster than it adds navigation, teasers and other noise.
 */
final class BodySelector {

    static final double OTHER_WEIGHT = 0.35;
    private static final double MAX_LINK_DENSITY = 0.5;
    private static final double MAX_URL_SHARE = 0.3;
    private static final int MIN_FALLBACK_LENGTH = 25;
    private static final int MIN_LEAD_LENGTH = 60;
    private static final Pattern URL = Pattern.compile("https?://\\S+|www\\.\\S+");

    private BodySelector() {
    }

    /** The body text, paragraphs separated by a blank line; empty when the page holds no prose. */
    static String select(BlockSegmenter page, Hints hints) {
        Candidate best = best(page.candidates());
        if (best == null) {
            return "";
        }
        List<Block> kept = keep(page.blocks().subList(best.firstBlock(), best.endBlock()), best.depth(), hints);
        String text = join(trimEnds(kept));
        return text.isEmpty() ? longestPlainBlock(page.blocks(), hints) : text;
    }

    /** Fallback for pages without any prose block: the longest block outside furniture that is not a link. */
    private static String longestPlainBlock(List<Block> blocks, Hints hints) {
        Block longest = null;
        for (Block b : blocks) {
            if (b.furnitureDepth() < 0 && b.linkDensity() <= MAX_LINK_DENSITY && !b.tag().equals("h1")
                    && b.length() >= MIN_FALLBACK_LENGTH && !hints.isBoilerplateLine(b.text())
                    && (longest == null || b.length() > longest.length())) {
                longest = b;
            }
        }
        return longest == null ? "" : longest.text();
    }

    private static Candidate best(List<Candidate> candidates) {
        Candidate best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Candidate c : candidates) {
            double score = c.score(OTHER_WEIGHT);
            if (score > bestScore || (score == bestScore && best != null && c.depth() > best.depth())) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    private static List<Block> keep(List<Block> blocks, int containerDepth, Hints hints) {
        List<Block> kept = new ArrayList<>();
        for (Block b : blocks) {
            if (b.furnitureDepth() > containerDepth || b.tag().equals("h1")) {
                continue;
            }
            if (b.linkDensity() > MAX_LINK_DENSITY || hints.isBoilerplateLine(b.text()) || isMostlyUrls(b.text())) {
                continue;
            }
            kept.add(b);
        }
        return kept;
    }

    /**
     * Drops, before the first prose block, short or linked non-prose blocks and headings (bylines, dates, kickers,
     * breadcrumbs) while keeping a longer plain lead such as a standfirst; drops every non-prose block after the last
     * prose block (tags, "more stories" lists) except a closing sentence without links.
     */
    private static List<Block> trimEnds(List<Block> blocks) {
        int firstGood = 0;
        while (firstGood < blocks.size() && !blocks.get(firstGood).good()) {
            firstGood++;
        }
        int end = blocks.size();
        while (end > firstGood && !blocks.get(end - 1).good() && !isClosingSentence(blocks.get(end - 1))) {
            end--;
        }
        List<Block> out = new ArrayList<>(end);
        for (Block b : blocks.subList(0, firstGood)) {
            if (b.length() >= MIN_LEAD_LENGTH && b.linkChars() == 0 && !b.isHeading()) {
                out.add(b);
            }
        }
        out.addAll(blocks.subList(firstGood, end));
        return out;
    }

    private static boolean isClosingSentence(Block b) {
        return b.linkChars() == 0 && TextShape.endsLikeSentence(b.text());
    }

    private static boolean isMostlyUrls(String text) {
        if (text.indexOf("://") < 0 && text.indexOf("www.") < 0) {
            return false;
        }
        Matcher m = URL.matcher(text);
        int urlChars = 0;
        while (m.find()) {
            urlChars += m.end() - m.start();
        }
        return urlChars > MAX_URL_SHARE * text.length();
    }

    private static String join(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        for (Block b : blocks) {
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append(b.text());
        }
        return out.toString();
    }
}
