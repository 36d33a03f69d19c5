package dev.newsflow.ingest.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * One linear, non-recursive walk over a page body that cuts its text into {@link Block}s and sums, for
 * every element, how much body-like prose it holds ({@link Candidate}). Scripts, embeds, controls and hidden
 * elements are skipped, not removed (removing many siblings from a jsoup tree is quadratic). Text inside furniture
 * (nav, share boxes, figures...) counts as prose for the furniture element itself but as noise for its ancestors,
 * so a page wrapped whole in a {@code <form>} or a {@code class="has-sidebar"} div still yields its article.
 *
 * <p>Written by hand: no library scores DOM blocks this way in one linear pass (readability4j's scoring walks
 * the tree several times and recurses).
 *
 * <p>Example: {@code <div><p>Long sentence, ...</p><nav><a>Home</a></nav></div>} gives two blocks, the first good,
 * and a candidate for the div with {@code good = len(p)} and {@code other = 4}.
 */
final class BlockSegmenter implements NodeFilter {

    private static final int MIN_GOOD_LENGTH = 80;
    private static final int MIN_SENTENCE_LENGTH = 25;
    private static final double MAX_GOOD_LINK_DENSITY = 0.3;

    private static final byte FURNITURE = 1;
    private static final byte BODY = 2;

    private final Hints hints;
    private final Map<String, Byte> hintCache = new HashMap<>();
    private final List<Block> blocks = new ArrayList<>();
    private final List<Candidate> candidates = new ArrayList<>();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final StringBuilder buffer = new StringBuilder();
    private int bufferLinkChars;
    private int anchorDepth;
    private int preDepth;

    private BlockSegmenter(Hints hints) {
        this.hints = hints;
    }

    /** Segments {@code root}; the root itself is always one of the candidates (the last one). */
    static BlockSegmenter segment(Element root, Hints hints) {
        BlockSegmenter segmenter = new BlockSegmenter(hints);
        segmenter.stack.push(new Frame(0, false, false, -1, 0));
        NodeTraversor.filter(segmenter, root);
        segmenter.flush();
        Frame top = segmenter.stack.pop();
        segmenter.candidates.add(new Candidate(0, 0, segmenter.blocks.size(), top.good, top.other, false));
        return segmenter;
    }

    List<Block> blocks() {
        return blocks;
    }

    List<Candidate> candidates() {
        return candidates;
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode text) {
            appendText(text);
        } else if (node instanceof Element el) {
            if (hints.isDropped(el) || hints.isHidden(el)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            String name = el.normalName();
            byte hint = hintOf(el);
            boolean furniture = (hint & FURNITURE) != 0;
            boolean boundary = furniture || (el.tag().isBlock() && !name.equals("br"));
            if (boundary) {
                flush();
            }
            Frame parent = stack.peek();
            int furnitureDepth = furniture ? stack.size() : parent.furnitureDepth;
            boolean bodyHint = (hint & BODY) != 0 || name.equals("article");
            String blockName = boundary ? name : parent.blockName;
            stack.push(new Frame(stack.size(), boundary, furniture, furnitureDepth, blocks.size(), bodyHint,
                    blockName));
            switch (name) {
                case "br" -> buffer.append('\n');
                case "a" -> anchorDepth++;
                case "pre" -> preDepth++;
                default -> { }
            }
        }
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (!(node instanceof Element el)) {
            return FilterResult.CONTINUE;
        }
        Frame frame = stack.peek();
        if (frame.boundary) {
            flush();
        }
        stack.pop();
        switch (el.normalName()) {
            case "a" -> anchorDepth--;
            case "pre" -> preDepth--;
            default -> { }
        }
        if (frame.good > 0) {
            candidates.add(new Candidate(frame.depth, frame.firstBlock, blocks.size(), frame.good, frame.other,
                    frame.bodyHint));
        }
        Frame parent = stack.peek();
        if (frame.furniture) {
            parent.other += frame.good + frame.other;
        } else {
            parent.good += frame.good;
            parent.other += frame.other;
        }
        return FilterResult.CONTINUE;
    }

    /** Furniture and body hints of an element, cached per tag, class and id (pages repeat them a lot). */
    private byte hintOf(Element el) {
        if (el.attributesSize() == 0 || hints.isPlainInline(el.normalName())) {
            return hints.isFurnitureTag(el.normalName()) ? FURNITURE : 0;
        }
        String key = el.normalName() + '\u0000' + el.className() + '\u0000' + el.id() + '\u0000'
                + el.attr("itemprop");
        Byte cached = hintCache.get(key);
        if (cached == null) {
            cached = (byte) ((hints.isFurniture(el) ? FURNITURE : 0) | (hints.isBodyHint(el) ? BODY : 0));
            hintCache.put(key, cached);
        }
        return cached;
    }

    private void appendText(TextNode node) {
        String raw = node.getWholeText();
        int before = buffer.length();
        if (preDepth > 0) {
            buffer.append(raw.replace('\u00a0', ' '));
        } else {
            appendCollapsed(raw);
        }
        if (anchorDepth > 0) {
            bufferLinkChars += buffer.length() - before;
        }
    }

    private void appendCollapsed(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b') {
                if (buffer.length() > 0 && !Character.isWhitespace(buffer.charAt(buffer.length() - 1))) {
                    buffer.append(' ');
                }
            } else {
                buffer.append(c);
            }
        }
    }

    private void flush() {
        String text = TextShape.tidy(buffer);
        int linkChars = Math.min(bufferLinkChars, text.length());
        buffer.setLength(0);
        bufferLinkChars = 0;
        if (text.isEmpty()) {
            return;
        }
        Frame owner = stack.peek();
        boolean good = isProse(text, linkChars);
        blocks.add(new Block(text, linkChars, owner.blockName, owner.furnitureDepth, good));
        if (good) {
            owner.good += text.length();
        } else {
            owner.other += text.length();
        }
    }

    private boolean isProse(String text, int linkChars) {
        if ((double) linkChars / text.length() > MAX_GOOD_LINK_DENSITY || hints.isBoilerplateLine(text)) {
            return false;
        }
        return text.length() >= MIN_GOOD_LENGTH
                || (text.length() >= MIN_SENTENCE_LENGTH && TextShape.endsLikeSentence(text));
    }

    /** Running sums for one open element. */
    private static final class Frame {
        final int depth;
        final boolean boundary;
        final boolean furniture;
        final int furnitureDepth;
        final int firstBlock;
        final boolean bodyHint;
        final String blockName;
        int good;
        int other;

        Frame(int depth, boolean boundary, boolean furniture, int furnitureDepth, int firstBlock) {
            this(depth, boundary, furniture, furnitureDepth, firstBlock, false, "body");
        }

        Frame(int depth, boolean boundary, boolean furniture, int furnitureDepth, int firstBlock, boolean bodyHint,
                String blockName) {
            this.depth = depth;
            this.boundary = boundary;
            this.furniture = furniture;
            this.furnitureDepth = furnitureDepth;
            this.firstBlock = firstBlock;
            this.bodyHint = bodyHint;
            this.blockName = blockName;
        }
    }
}
