package dev.newsflow.ingest.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The {@code <meta>} tags of a page keyed by lower-cased {@code property}, {@code name} or {@code itemprop}, all
 * values kept in page order. Example: {@code <meta property="og:title" content="Rain due">} gives
 * {@code first("og:title") = "Rain due"}.
 */
final class MetaTags {

    private final Map<String, List<String>> values = new HashMap<>();

    private MetaTags() {
    }

    static MetaTags read(Document doc) {
        MetaTags tags = new MetaTags();
        for (Element meta : doc.getElementsByTag("meta")) {
            String content = meta.hasAttr("content") ? meta.attr("content") : meta.attr("value");
            if (TextShape.clean(content) == null) {
                continue;
            }
            for (String keyAttr : new String[] {"property", "name", "itemprop", "http-equiv"}) {
                String key = meta.attr(keyAttr).strip().toLowerCase(Locale.ROOT);
                if (!key.isEmpty()) {
                    tags.values.computeIfAbsent(key, k -> new ArrayList<>()).add(content);
                }
            }
        }
        return tags;
    }

    /** The first value among the given keys, in the order of the keys, or null. */
    String first(String... keys) {
        for (String key : keys) {
            List<String> list = values.get(key);
            if (list != null) {
                for (String v : list) {
                    String clean = TextShape.clean(v);
                    if (clean != null) {
                        return clean;
                    }
                }
            }
        }
        return null;
    }

    /** Every value of the given keys. */
    List<String> all(String... keys) {
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            out.addAll(values.getOrDefault(key, List.of()));
        }
        return out;
    }
}
