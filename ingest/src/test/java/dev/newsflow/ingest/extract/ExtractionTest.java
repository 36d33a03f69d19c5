package dev.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractionTest {

    @Test
    void defaultsNullTitleAndAuthorsAndCopiesAuthors() {
        List<String> authors = new ArrayList<>(List.of("Ann Lee"));
        Extraction e = new Extraction(null, "text", null, null, authors, null, null, "en", null, null);
        authors.add("Bo Kim");

        assertThat(e.title()).isEmpty();
        assertThat(e.authors()).containsExactly("Ann Lee");
        assertThat(new Extraction("t", "", null, null, null, null, null, null, null, null).authors()).isEmpty();
    }

    @Test
    void rejectsNullTextAndNonIsoLanguage() {
        assertThatThrownBy(() -> new Extraction("t", null, null, null, List.of(), null, null, null, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Extraction("t", "x", null, null, List.of(), null, null, "eng", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO 639-1");
    }
}
