package dev.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HintsTest {

    private static final Hints HINTS = Hints.load();

    private static Element element(String html) {
        return Jsoup.parseBodyFragment(html).body().child(0);
    }

    @Test
    void recognisesFurnitureByTagAndClassTokens() {
        assertThat(HINTS.isFurniture(element("<nav></nav>"))).isTrue();
        assertThat(HINTS.isFurniture(element("<div class='social-share'></div>"))).isTrue();
        assertThat(HINTS.isFurniture(element("<div id='comments'></div>"))).isTrue();
        assertThat(HINTS.isFurniture(element("<div class='ad'></div>"))).isTrue();
        assertThat(HINTS.isFurniture(element("<div class='top-ad-slot'></div>"))).isFalse();
        assertThat(HINTS.isFurniture(element("<div class='ad-slot'></div>"))).isTrue();
    }

    @Test
    void doesNotMistakeWordsContainingFurnitureNames() {
        assertThat(HINTS.isFurniture(element("<div class='header-image read load'></div>"))).isFalse();
        assertThat(HINTS.isFurniture(element("<div class='story'></div>"))).isFalse();
    }

    @Test
    void bodyHintOverridesFurnitureHint() {
        Element el = element("<div class='article-body share-enabled'></div>");
        assertThat(HINTS.isFurniture(el)).isFalse();
        assertThat(HINTS.isBodyHint(el)).isTrue();
        assertThat(HINTS.isBodyHint(element("<div itemprop='articleBody'></div>"))).isTrue();
    }

    @Test
    void matchesWholeBoilerplateParagraphsOnly() {
        assertThat(HINTS.isBoilerplateLine("Advertisement")).isTrue();
        assertThat(HINTS.isBoilerplateLine("READ MORE: Seoul weighs its options")).isTrue();
        assertThat(HINTS.isBoilerplateLine("(Reporting by Ann Lee; Editing by Bo Kim)")).isTrue();
        assertThat(HINTS.isBoilerplateLine("SUBSCRIBE")).isTrue();
        assertThat(HINTS.isBoilerplateLine("Readers who subscribe to the paper read more: about 40 minutes a day."))
                .isFalse();
        assertThat(HINTS.isBoilerplateLine("The ad campaign ran for six weeks.")).isFalse();
    }
}
