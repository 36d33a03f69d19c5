package dev.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class BodySelectorTest {

    private static final Hints HINTS = Hints.load();
    private static final String PROSE = "This sentence is long enough to count as prose in the article body, surely.";

    private static String select(String bodyHtml) {
        return BodySelector.select(BlockSegmenter.segment(Jsoup.parse(bodyHtml).body(), HINTS), HINTS);
    }

    @Test
    void picksTheArticleOverNavigationAndTeasers() {
        String page = "<nav><a>Home</a><a>World</a></nav><div class=teasers><p><a>Other story one, with a long"
                + " linked headline that goes on</a></p></div><div><p>" + PROSE + "</p><p>" + PROSE + "</p></div>";
        assertThat(select(page)).isEqualTo(PROSE + "\n\n" + PROSE);
    }

    @Test
    void keepsArticleWrappedWholeInFurniture() {
        String page = "<form><div class=has-sidebar><article><p>" + PROSE + "</p><p>" + PROSE
                + "</p></article></div></form>";
        assertThat(select(page)).isEqualTo(PROSE + "\n\n" + PROSE);
    }

    @Test
    void dropsFurnitureBoilerplateAndLinkListsInsideTheBody() {
        String page = "<article><p class=byline>By Ann Lee</p><p>" + PROSE + "</p><p>Advertisement</p>"
                + "<div class=share-tools><p>Share this article with your friends on every network you use.</p></div>"
                + "<h2>A subheading</h2><p>" + PROSE + "</p><ul><li><a>Related story</a></li></ul>"
                + "<p>Tags: <a>world</a> <a>asia</a></p></article>";
        assertThat(select(page)).isEqualTo(PROSE + "\n\nA subheading\n\n" + PROSE);
    }

    @Test
    void keepsSubscriberOnlyPartOfTheBody() {
        String page = "<div class=article-body><p>" + PROSE + "</p><div class=subscriber-content><p>" + PROSE
                + "</p></div><div class=subscribe-box><p>Subscribe today to read every story on every device.</p>"
                + "</div></div>";
        assertThat(select(page)).isEqualTo(PROSE + "\n\n" + PROSE);
    }

    @Test
    void splitsParagraphsAtDoubleLineBreaks() {
        assertThat(select("<div>" + PROSE + "<br><br>" + PROSE + "<br>second line.</div>"))
                .isEqualTo(PROSE + "\n\n" + PROSE + "\nsecond line.");
    }

    @Test
    void fallsBackToLongestPlainBlockWithoutProse() {
        assertThat(select("<div><a>Menu</a></div><div>Only a caption-like line here</div>"))
                .isEqualTo("Only a caption-like line here");
    }
}
