package dev.newsflow.ingest.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * The versioned rule lists of the extractor, loaded once from {@code src/main/resources}: class/id hints of
 * furniture and of article bodies, furniture and dropped tags, and boilerplate paragraphs.
 *
 * <p>Example: an element {@code <div class="share-tools">} is {@link #isFurniture furniture};
 * {@code <div class="article-body share-tools">} is not, because a positive hint wins.
 */
final class Hints {

    private static final int MAX_CACHED_TOKENS = 100_000;
    private static final Pattern HIDDEN_STYLE =
            Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");

    private final Pattern negative;
    private final Pattern positive;
    private final Set<String> furnitureTags;
    private final Set<String> droppedTags;
    private final Set<String> plainInlineTags;
    private final Pattern boilerplateLine;
    private final Map<String, Boolean> negativeCache = new ConcurrentHashMap<>();
    private final Map<String, Boolean> positiveCache = new ConcurrentHashMap<>();

    private Hints(Pattern negative, Pattern positive, Set<String> furnitureTags, Set<String> droppedTags,
            Set<String> plainInlineTags, Pattern boilerplateLine) {
        this.negative = negative;
        this.positive = positive;
        this.furnitureTags = furnitureTags;
        this.droppedTags = droppedTags;
        this.plainInlineTags = plainInlineTags;
        this.boilerplateLine = boilerplateLine;
    }

    /** Loads the rule files shipped with this package. */
    static Hints load() {
        return new Hints(
                alternation(lines("negative-hints.txt")),
                alternation(lines("positive-hints.txt")),
                Set.copyOf(lines("furniture-tags.txt")),
                Set.copyOf(lines("dropped-tags.txt")),
                Set.copyOf(lines("plain-inline-tags.txt")),
                Pattern.compile("(?:" + String.join("|", lines("boilerplate-lines.txt")) + ")",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** Whether the element is removed with its content before reading, e.g. {@code script} or {@code iframe}. */
    boolean isDropped(Element el) {
        return droppedTags.contains(el.normalName());
    }

    /** Whether markup hides the element: {@code hidden}, {@code aria-hidden="true"}, {@code display:none}. */
    boolean isHidden(Element el) {
        if (el.attributesSize() == 0) {
            return false;
        }
        if (el.hasAttr("hidden") || "true".equals(el.attr("aria-hidden"))) {
            return true;
        }
        String style = el.attr("style");
        return !style.isEmpty() && HIDDEN_STYLE.matcher(style).find();
    }

    /** Whether the tag is plain inline formatting, whose class names are not worth checking, e.g. {@code b}. */
    boolean isPlainInline(String tag) {
        return plainInlineTags.contains(tag);
    }

    /** Whether the element is page furniture by tag or by class/id, and not marked as body. */
    boolean isFurniture(Element el) {
        if (furnitureTags.contains(el.normalName())) {
            return !matchesAttributes(el, positive);
        }
        return matchesAttributes(el, negative) && !matchesAttributes(el, positive);
    }

    /** Whether the tag alone makes an element furniture, e.g. {@code nav}. */
    boolean isFurnitureTag(String tag) {
        return furnitureTags.contains(tag);
    }

    /** Whether the element's class or id names it as the article body, or it is microdata {@code articleBody}. */
    boolean isBodyHint(Element el) {
        return "articleBody".equals(el.attr("itemprop")) || matchesAttributes(el, positive);
    }

    /** Whether a whole paragraph is boilerplate such as {@code Advertisement} or {@code Read more: ...}. */
    boolean isBoilerplateLine(String paragraph) {
        return paragraph.length() <= 320 && boilerplateLine.matcher(paragraph).matches();
    }

    private boolean matchesAttributes(Element el, Pattern pattern) {
        if (el.attributesSize() == 0) {
            return false;
        }
        String id = el.id();
        if (!id.isEmpty() && matches(id.toLowerCase(Locale.ROOT), pattern)) {
            return true;
        }
        String cls = el.className().toLowerCase(Locale.ROOT);
        int start = 0;
        for (int i = 0; i <= cls.length(); i++) {
            if (i == cls.length() || Character.isWhitespace(cls.charAt(i))) {
                if (i > start && matches(cls.substring(start, i), pattern)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    /** Whether the pattern is found in the token; answers are cached, as class names repeat across pages. */
    private boolean matches(String token, Pattern pattern) {
        Map<String, Boolean> cache = pattern == negative ? negativeCache : positiveCache;
        Boolean known = cache.get(token);
        if (known == null) {
            if (cache.size() > MAX_CACHED_TOKENS) {
                cache.clear();
            }
            known = pattern.matcher(token).find();
            cache.put(token, known);
        }
        return known;
    }

    private static Pattern alternation(List<String> regexes) {
        return Pattern.compile("(?:" + String.join(")|(?:", regexes) + ")");
    }

    static List<String> lines(String resource) {
        InputStream in = Hints.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing rule file " + resource);
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    out.add(trimmed);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file " + resource, e);
        }
        return out;
    }
}
