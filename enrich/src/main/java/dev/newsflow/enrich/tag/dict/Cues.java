package dev.newsflow.enrich.tag.dict;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Named word lists read from {@code cues.tsv}: location prepositions, negations, modal verbs...
 *
 * <p>Example row: {@code negation	never}. {@code cues.has("negation", "never")} is then true.
 */
public final class Cues {

    private final Map<String, Set<String>> lists;

    private Cues(Map<String, Set<String>> lists) {
        this.lists = lists;
    }

    /** Reads {@code cues.tsv} from {@code source}. */
    public static Cues load(DataSource source) {
        Map<String, Set<String>> lists = source.rows("cues.tsv").stream()
                .filter(r -> r.length >= 2)
                .collect(Collectors.groupingBy(r -> r[0],
                        Collectors.mapping(r -> r[1].toLowerCase(Locale.ROOT), Collectors.toUnmodifiableSet())));
        return new Cues(new HashMap<>(lists));
    }

    /** True when {@code word} (lower-cased) is in the list {@code name}. */
    public boolean has(String name, String word) {
        return lists.getOrDefault(name, Set.of()).contains(word);
    }

    /** The list {@code name}, empty when absent. */
    public Set<String> list(String name) {
        return lists.getOrDefault(name, Set.of());
    }

    /** Multi-word entries of {@code name} split into tokens. */
    public List<List<String>> phrases(String name) {
        return list(name).stream().map(p -> List.of(p.split(" "))).toList();
    }
}
