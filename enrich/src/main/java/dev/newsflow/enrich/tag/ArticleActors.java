package dev.newsflow.enrich.tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.newsflow.enrich.tag.dict.Mention;

/**
 * Article-level actor summary. Counts the non-place mentions of each actor code and keeps the
 * participants: actors that are the source or target of an event, actors named in the headline,
 * and actors whose country or organisation is named at least {@value #MANY} times. A text without
 * any event keeps every actor it names (other than places).
 *
 * <p>Salience: (mentions + 2 × event roles + 2 if in the headline) / the article's maximum.
 */
final class ArticleActors {

    private static final int MANY = 2;

    private final Map<String, Stat> stats = new LinkedHashMap<>();
    private final Map<String, Integer> perBase = new HashMap<>();

    private static final class Stat {
        private final Mention first;
        private int mentions;
        private boolean headline;
        private int roles;

        private Stat(Mention first) {
            this.first = first;
        }

        double score() {
            return mentions + 2.0 * roles + (headline ? 2 : 0);
        }
    }

    void add(List<Mention> mentions, boolean headline) {
        for (Mention m : mentions) {
            if (m.place()) {
                continue;
            }
            Stat st = stats.computeIfAbsent(m.code(), k -> new Stat(m));
            st.mentions++;
            st.headline |= headline;
            perBase.merge(m.base(), 1, Integer::sum);
        }
    }

    List<ActorTag> participants(List<EventTag> events) {
        Set<String> inEvents = new HashSet<>();
        for (EventTag e : events) {
            count(e.source(), inEvents);
            count(e.target(), inEvents);
        }
        List<Map.Entry<String, Stat>> kept = new ArrayList<>();
        for (Map.Entry<String, Stat> en : stats.entrySet()) {
            Stat st = en.getValue();
            if (events.isEmpty() || inEvents.contains(en.getKey()) || st.headline
                    || perBase.get(st.first.base()) >= MANY) {
                kept.add(en);
            }
        }
        double max = kept.stream().mapToDouble(e -> e.getValue().score()).max().orElse(1);
        return kept.stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, Stat> e) -> -e.getValue().score())
                        .thenComparing(Map.Entry::getKey))
                .map(e -> tag(e.getKey(), e.getValue(), max))
                .toList();
    }

    private void count(String code, Set<String> inEvents) {
        if (code == null) {
            return;
        }
        inEvents.add(code);
        Stat st = stats.get(code);
        if (st != null) {
            st.roles++;
        }
    }

    private static ActorTag tag(String code, Stat st, double max) {
        double salience = Math.round(st.score() / max * 1000) / 1000.0;
        return new ActorTag(code, st.first.name(), st.first.role(), st.mentions, Math.min(1.0, salience));
    }
}
