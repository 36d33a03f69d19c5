package dev.newsflow.enrich.tag.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static List<String> norms(String text) {
        return Tokenizer.tokenize(text, 0).stream().map(Token::norm).toList();
    }

    @Test
    void splitsPossessivesAndNegationClitics() {
        assertThat(norms("Korea's envoy didn't go")).containsExactly("korea", "'s", "envoy", "did", "n't", "go");
    }

    @Test
    void normalisesCurlyApostrophesAndQuotes() {
        assertThat(norms("Pyongyang\u2019s \u201cthreat\u201d")).containsExactly("pyongyang", "'s", "\"", "threat", "\"");
    }

    @Test
    void keepsAbbreviationPeriodsInsideTheToken() {
        assertThat(norms("the U.S. and N. Korea met Mr. Kim.")).containsExactly(
                "the", "u.s.", "and", "n.", "korea", "met", "mr.", "kim", ".");
    }

    @Test
    void splitsHyphenatedWordsIntoParts() {
        assertThat(norms("Kim Jong-un, US-led")).containsExactly("kim", "jong", "un", ",", "us", "led");
    }

    @Test
    void keepsNumbersWithSeparatorsWhole() {
        assertThat(norms("500,000 barrels, 5.1 million")).containsExactly("500,000", "barrels", ",", "5.1", "million");
    }

    @Test
    void recordsOffsetsFromTheBase() {
        Token t = Tokenizer.tokenize("Seoul said", 100).get(1);
        assertThat(t.start()).isEqualTo(106);
        assertThat(t.end()).isEqualTo(110);
        assertThat(t.text()).isEqualTo("said");
    }
}
