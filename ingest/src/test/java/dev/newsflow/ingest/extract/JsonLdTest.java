package dev.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class JsonLdTest {

    private static JsonLd read(String... scripts) {
        StringBuilder html = new StringBuilder("<html><head>");
        for (String s : scripts) {
            html.append("<script type=\"application/ld+json\">").append(s).append("</script>");
        }
        return JsonLd.read(Jsoup.parse(html.append("</head><body></body></html>").toString()));
    }

    @Test
    void findsArticleInsideGraphAndReadsItsFields() {
        JsonLd ld = read("{\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"X\"},{\"@type\":[\"NewsArticle\"],"
                + "\"headline\":\" Rain  due \",\"author\":[\"Ann Lee\",{\"@type\":\"Person\",\"name\":\"Bo Kim\"}],"
                + "\"publisher\":{\"name\":\"Daily\"},\"image\":[\"https://x.example/a.jpg\"],"
                + "\"mainEntityOfPage\":\"https://x.example/rain\",\"articleBody\":\"Line one.\\nLine two.\"}]}");

        assertThat(ld.present()).isTrue();
        assertThat(ld.text("headline")).isEqualTo("Rain due");
        assertThat(ld.authors()).containsExactly("Ann Lee", "Bo Kim");
        assertThat(ld.publisherName()).isEqualTo("Daily");
        assertThat(ld.imageUrl()).isEqualTo("https://x.example/a.jpg");
        assertThat(ld.pageUrl()).isEqualTo("https://x.example/rain");
        assertThat(ld.articleBody()).isEqualTo("Line one.\nLine two.");
    }

    @Test
    void prefersArticleWithBodyOverPlainWebPage() {
        JsonLd ld = read("{\"@type\":\"WebPage\",\"headline\":\"Page\"}",
                "[{\"@type\":\"BlogPosting\",\"headline\":\"Post\",\"articleBody\":\"Text.\"}]");

        assertThat(ld.text("headline")).isEqualTo("Post");
    }

    @Test
    void skipsBrokenJsonAndToleratesTrailingCommas() {
        JsonLd ld = read("{\"@type\": \"NewsArticle\", \"headline\": ", "{\"@type\":\"Article\",\"headline\":\"Ok\",}");

        assertThat(ld.text("headline")).isEqualTo("Ok");
        assertThat(read("not json at all").present()).isFalse();
    }
}
