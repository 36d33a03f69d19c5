package dev.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class PublishedDateTest {

    private static final Instant META = Instant.parse("2021-01-01T00:00:00Z");

    @Test
    void metadataDateWins() {
        Document doc = Jsoup.parse("<time datetime=\"2020-05-05T10:00:00Z\">May 5</time>");
        assertThat(PublishedDate.find(doc, META, "https://x.example/2019/01/01/a", null)).isEqualTo(META);
    }

    @Test
    void timeElementBeatsUrlAndUrlBeatsText() {
        Document withTime = Jsoup.parse("<time datetime=\"2020-05-05T10:00:00+02:00\">May 5</time>");
        assertThat(PublishedDate.find(withTime, null, "https://x.example/2019/01/01/a", null))
                .isEqualTo(Instant.parse("2020-05-05T08:00:00Z"));

        Document withText = Jsoup.parse("<p class=\"post-date\">March 3, 2018</p>");
        assertThat(PublishedDate.find(withText, null, "https://x.example/2019/01/01/a", null))
                .isEqualTo(Instant.parse("2019-01-01T00:00:00Z"));
        assertThat(PublishedDate.find(withText, null, "https://x.example/a", "https://x.example/a"))
                .isEqualTo(Instant.parse("2018-03-03T00:00:00Z"));
    }

    @Test
    void readsHiddenInputValuesAndIgnoresLongTexts() {
        Document hidden = Jsoup.parse("<input class=\"published_date\" type=\"hidden\" value=\"2019-11-18 23:41:18\">");
        assertThat(PublishedDate.find(hidden, null, null, null)).isEqualTo(Instant.parse("2019-11-18T23:41:18Z"));

        Document long_ = Jsoup.parse("<div class=\"meta\">" + "word ".repeat(40) + "March 3, 2018</div>");
        assertThat(PublishedDate.find(long_, null, null, null)).isNull();
    }
}
