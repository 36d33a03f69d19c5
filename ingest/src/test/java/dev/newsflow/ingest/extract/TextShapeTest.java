package dev.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextShapeTest {

    @Test
    void tidyTrimsLinesAndKeepsOneBlankLineBetweenParagraphs() {
        assertThat(TextShape.tidy("  a  \n\n\n\n b \nc\n\n")).isEqualTo("a\n\nb\nc");
        assertThat(TextShape.tidy(" \n ")).isEmpty();
    }

    @Test
    void recognisesSentenceEndsThroughClosingQuotes() {
        assertThat(TextShape.endsLikeSentence("He said it was “over.”")).isTrue();
        assertThat(TextShape.endsLikeSentence("政府は対策を発表した。")).isTrue();
        assertThat(TextShape.endsLikeSentence("Related stories")).isFalse();
        assertThat(TextShape.endsLikeSentence("")).isFalse();
    }

    @Test
    void cleanCollapsesWhitespaceAndBlankIsNull() {
        assertThat(TextShape.clean("  Rain\u00a0 due\n today ")).isEqualTo("Rain due today");
        assertThat(TextShape.clean(" \t ")).isNull();
        assertThat(TextShape.clean(null)).isNull();
    }
}
