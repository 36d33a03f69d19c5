package dev.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TitlesTest {

    private static final List<String> OUTLETS = Arrays.asList("The Courier", null, "courier.example.com", "courier");

    @Test
    void removesSiteNameSuffixOrPrefix() {
        assertThat(Titles.headline("Rain due on Friday | The Courier", OUTLETS, null)).isEqualTo("Rain due on Friday");
        assertThat(Titles.headline("Rain due on Friday - courier.example.com", OUTLETS, null))
                .isEqualTo("Rain due on Friday");
        assertThat(Titles.headline("The Courier :: Rain due on Friday", OUTLETS, null)).isEqualTo("Rain due on Friday");
    }

    @Test
    void picksThePartMatchingTheHeadline() {
        assertThat(Titles.headline("Rain due on Friday — Weather — Local", List.of(), "Rain due on Friday"))
                .isEqualTo("Rain due on Friday");
    }

    @Test
    void keepsSeparatorsThatBelongToTheHeadline() {
        assertThat(Titles.headline("Storm - what we know so far", OUTLETS, null)).isEqualTo("Storm - what we know so far");
        assertThat(Titles.headline("No separators here", OUTLETS, null)).isEqualTo("No separators here");
    }
}
