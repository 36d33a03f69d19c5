package dev.newsflow.ingest.extract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads the schema.org article object of a page's JSON-LD scripts ({@code @graph}s and arrays included).
 *
 * <p>Example: {@code <script type="application/ld+json">{"@type":"NewsArticle","headline":"Rain due",
 * "author":{"@type":"Person","name":"Ann Lee"}}</script>} gives headline {@code Rain due} and author
 * {@code Ann Lee}. Broken JSON is skipped, never fatal.
 */
final class JsonLd {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .build();
    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "blogposting",
            "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
            "backgroundnewsarticle", "liveblogposting", "report", "scholarlyarticle",
            "techarticle", "socialmediaposting", "posting", "review");
    private static final Set<String> PAGE_TYPES = Set.of("webpage", "itempage", "medicalwebpage");
    private static final int MAX_NODES = 5000;

    private final JsonNode article;

    private JsonLd(JsonNode article) {
        this.article = article;
    }

    /** The best article-like node of the page's JSON-LD, or an empty reader when there is none. */
    static JsonLd read(Document doc) {
        JsonNode best = null;
        int bestRank = 0;
        for (Element script : doc.getElementsByTag("script")) {
            if (!script.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
                continue;
            }
            JsonNode root = parse(script.data());
            if (root == null) {
                continue;
            }
            for (JsonNode node : objects(root)) {
                int rank = rank(node);
                if (rank > bestRank) {
                    best = node;
                    bestRank = rank;
                }
            }
        }
        return new JsonLd(best);
    }

    boolean present() {
        return article != null;
    }

    String text(String field) {
        return article == null ? null : flatText(article.get(field));
    }

    /** {@code articleBody} with its line breaks kept, or null. */
    String articleBody() {
        JsonNode body = article == null ? null : article.get("articleBody");
        return body == null || !body.isTextual() || body.asText().isBlank() ? null : body.asText();
    }

    /** Names of {@code author} (or {@code creator}) entries: strings or objects with {@code name}. */
    List<String> authors() {
        List<String> names = new ArrayList<>();
        if (article == null) {
            return names;
        }
        JsonNode author = article.has("author") ? article.get("author") : article.get("creator");
        for (JsonNode a : author == null ? List.<JsonNode>of() : asList(author)) {
            String name = a.isTextual() ? a.asText() : flatText(a.get("name"));
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    /** {@code publisher.name}, or null. */
    String publisherName() {
        JsonNode publisher = article == null ? null : article.get("publisher");
        if (publisher == null) {
            return null;
        }
        JsonNode first = asList(publisher).isEmpty() ? null : asList(publisher).get(0);
        return first == null ? null : first.isTextual() ? first.asText() : flatText(first.get("name"));
    }

    /** {@code image} as a URL: a string, an {@code ImageObject.url}, or the first of a list. */
    String imageUrl() {
        JsonNode image = article == null ? null : article.get("image");
        if (image == null) {
            return null;
        }
        List<JsonNode> images = asList(image);
        if (images.isEmpty()) {
            return null;
        }
        JsonNode first = images.get(0);
        return first.isTextual() ? first.asText() : flatText(first.get("url"));
    }

    /** {@code mainEntityOfPage} as a URL, or the node's {@code url}, or null. */
    String pageUrl() {
        if (article == null) {
            return null;
        }
        JsonNode main = article.get("mainEntityOfPage");
        if (main != null && main.isTextual()) {
            return main.asText();
        }
        if (main != null && main.isObject()) {
            String id = flatText(main.get("@id"));
            return id != null ? id : flatText(main.get("url"));
        }
        return flatText(article.get("url"));
    }

    private static JsonNode parse(String json) {
        String trimmed = json.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        try {
            return MAPPER.readTree(trimmed);
        } catch (IOException e) {
            return null;
        }
    }

    /** Every JSON object reachable from the root, breadth first, bounded. */
    private static List<JsonNode> objects(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        Deque<JsonNode> queue = new ArrayDeque<>();
        queue.add(root);
        while (!queue.isEmpty() && out.size() < MAX_NODES) {
            JsonNode node = queue.poll();
            if (node.isObject()) {
                out.add(node);
                node.forEach(child -> {
                    if (child.isContainerNode()) {
                        queue.add(child);
                    }
                });
            } else if (node.isArray()) {
                node.forEach(queue::add);
            }
        }
        return out;
    }

    private static int rank(JsonNode node) {
        int best = 0;
        for (JsonNode type : asList(node.path("@type"))) {
            String t = type.asText("").toLowerCase(Locale.ROOT);
            int r = ARTICLE_TYPES.contains(t) ? 3 : PAGE_TYPES.contains(t) && node.has("headline") ? 1 : 0;
            best = Math.max(best, r);
        }
        if (best == 3 && node.has("articleBody")) {
            best = 4;
        }
        return best;
    }

    private static List<JsonNode> asList(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        if (node == null || node.isMissingNode() || node.isNull()) {
            return list;
        }
        if (node.isArray()) {
            node.forEach(list::add);
        } else {
            list.add(node);
        }
        return list;
    }

    private static String flatText(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : flatText(node.get(0));
        }
        if (node.isObject()) {
            return null;
        }
        return TextShape.clean(node.asText());
    }
}
