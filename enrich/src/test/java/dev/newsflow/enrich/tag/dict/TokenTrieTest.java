package dev.newsflow.enrich.tag.dict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TokenTrieTest {

    @Test
    void findsTheLongestPhraseAtAPosition() {
        TokenTrie<String> trie = new TokenTrie<>();
        trie.put(List.of("north", "korea"), "PRK");
        trie.put(List.of("north", "korean", "leader"), "PRKGOV");
        trie.put(List.of("korea"), "KOR");
        List<String> text = List.of("the", "north", "korean", "leader", "and", "north", "korea");
        assertThat(trie.longest(text, 1)).satisfies(m -> {
            assertThat(m.end()).isEqualTo(4);
            assertThat(m.values()).containsExactly("PRKGOV");
        });
        assertThat(trie.longest(text, 5).values()).containsExactly("PRK");
        assertThat(trie.longest(text, 6).values()).containsExactly("KOR");
        assertThat(trie.longest(text, 0)).isNull();
    }
}
