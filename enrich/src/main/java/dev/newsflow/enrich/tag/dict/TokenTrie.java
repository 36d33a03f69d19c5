package dev.newsflow.enrich.tag.dict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trie over lower-cased tokens that finds the longest dictionary phrase starting at a token.
 *
 * <p>Example: with "north korea" and "north korean leader" stored, the tokens {@code north korean
 * leader kim} match "north korean leader" (3 tokens) at 0. Scanning every start position with a
 * longest match is linear in the text for phrases of bounded length (a few tokens), which is what
 * dictionary names are; no library offers a token-level trie with this small footprint.
 *
 * @param <V> value stored with each phrase
 */
public final class TokenTrie<V> {

    private final Node<V> root = new Node<>();

    /** Adds {@code value} under the phrase {@code tokens} (already lower-cased). */
    public void put(List<String> tokens, V value) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("empty phrase");
        }
        Node<V> node = root;
        for (String t : tokens) {
            node = node.children.computeIfAbsent(t, k -> new Node<>());
        }
        node.values.add(value);
    }

    /**
     * Longest phrase starting at {@code from} in {@code norms}.
     *
     * @return the match, or null when no phrase starts there
     */
    public Match<V> longest(List<String> norms, int from) {
        Node<V> node = root;
        Match<V> best = null;
        for (int i = from; i < norms.size(); i++) {
            node = node.children.get(norms.get(i));
            if (node == null) {
                break;
            }
            if (!node.values.isEmpty()) {
                best = new Match<>(from, i + 1, node.values);
            }
        }
        return best;
    }

    /** A phrase found over tokens {@code [start, end)} with its values. */
    public record Match<V>(int start, int end, List<V> values) {
    }

    private static final class Node<V> {
        private final Map<String, Node<V>> children = new HashMap<>(4);
        private final List<V> values = new ArrayList<>(1);
    }
}
