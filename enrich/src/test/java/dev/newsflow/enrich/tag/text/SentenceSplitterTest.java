package dev.newsflow.enrich.tag.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    @Test
    void splitsAtSentenceEndsAndLineBreaks() {
        String text = "Seoul protested. Tokyo agreed!\nA new paragraph starts here.";
        List<Sentence> s = SentenceSplitter.split(text);
        assertThat(s).extracting(Sentence::text)
                .containsExactly("Seoul protested.", "Tokyo agreed!", "A new paragraph starts here.");
        assertThat(s).extracting(Sentence::paragraphStart).containsExactly(true, false, true);
        assertThat(s.get(2).offset()).isEqualTo(text.indexOf("A new"));
    }

    @Test
    void doesNotSplitAfterAbbreviations() {
        List<Sentence> s = SentenceSplitter.split("The U.S. envoy met Mr. Lee in Seoul. He left.");
        assertThat(s).extracting(Sentence::text).containsExactly("The U.S. envoy met Mr. Lee in Seoul.", "He left.");
    }

    @Test
    void keepsClosingQuotesWithTheirSentence() {
        List<Sentence> s = SentenceSplitter.split("\u201cWe condemn it.\u201d Japan said so.");
        assertThat(s).extracting(Sentence::text).containsExactly("\u201cWe condemn it.\u201d", "Japan said so.");
    }

    @Test
    void givesNothingForBlankText() {
        assertThat(SentenceSplitter.split("  \n\n ")).isEmpty();
    }
}
