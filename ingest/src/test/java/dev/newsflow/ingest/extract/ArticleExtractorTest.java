package dev.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {

    static final ArticleExtractor EXTRACTOR = new ArticleExtractor();
    private static final Map<String, List<String>> HTML = Map.of("Content-Type", List.of("text/html"));

    static byte[] resource(String path) {
        try (InputStream in = ArticleExtractorTest.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String squash(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    static Stream<JsonNode> seeds() throws IOException {
        JsonNode all = new ObjectMapper().readTree(resource("seeds/articles.json"));
        List<JsonNode> list = new ArrayList<>();
        all.forEach(list::add);
        return list.stream().filter(a -> !a.has("duplicate_of"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void extractsSeedArticleExactly(JsonNode seed) {
        Extraction e = EXTRACTOR.extract(resource("seeds/" + seed.get("file").asText()), seed.get("url").asText(), HTML);
        String expected = new String(resource("seeds/" + seed.get("id").asText() + ".txt"), StandardCharsets.UTF_8);
        String[] headlineAndBody = expected.split("\n\n", 2);

        assertThat(squash(e.text())).isEqualTo(squash(headlineAndBody[1]));
        assertThat(e.text()).contains("\n\n").doesNotContain("\n\n\n");
        assertThat(e.title()).isEqualTo(seed.get("title").asText()).isEqualTo(headlineAndBody[0].strip());
        assertThat(e.published()).isEqualTo(OffsetDateTime.parse(seed.get("date").asText()).toInstant());
        assertThat(e.authors()).containsExactly(seed.get("author").asText());
        assertThat(e.canonicalUrl()).isEqualTo(seed.get("url").asText());
        assertThat(e.language()).isEqualTo("en");
    }

    @Test
    void syndicatedSeedKeepsStoryAndDropsPageFurniture() {
        Extraction e = EXTRACTOR.extract(resource("seeds/seed-002-syndicated.html"),
                "https://metro-news.example.org/world/asia/article-48213.html?utm_source=rss", HTML);
        String expected = new String(resource("seeds/seed-002-syndicated.txt"), StandardCharsets.UTF_8);
        List<String> expectedParagraphs = List.of(expected.split("\n\n"));

        // Every story paragraph is there; the promo line "READ MORE: ..." is dropped on purpose (related link).
        for (String paragraph : expectedParagraphs.subList(1, expectedParagraphs.size())) {
            if (!paragraph.startsWith("READ MORE")) {
                assertThat(e.text()).contains(paragraph.strip());
            }
        }
        assertThat(e.text()).doesNotContain("READ MORE", "We use cookies", "Trending", "Editing by", "Copyright");
        assertThat(e.title()).isEqualTo("South Korea, US and Japan to close gaps in North Korea sanctions regime");
        assertThat(e.published()).isEqualTo(Instant.parse("2022-12-13T06:02:00Z"));
        assertThat(e.authors()).containsExactly("Reuters");
        assertThat(e.canonicalUrl()).isEqualTo("https://metro-news.example.org/world/asia/article-48213.html");
    }

    @Test
    void readsJsonLdArticleAndDropsFurnitureInsideAndAroundIt() {
        Extraction e = EXTRACTOR.extract(resource("pages/jsonld-news.html"),
                "https://foerde.example.de/kiel/hafen-123.html?utm_source=x", HTML);

        assertThat(e.title()).isEqualTo("Hafen von Kiel erweitert Fährterminal");
        assertThat(e.published()).isEqualTo(Instant.parse("2023-04-05T06:30:00Z"));
        assertThat(e.modified()).isEqualTo(Instant.parse("2023-04-06T08:00:00Z"));
        assertThat(e.authors()).containsExactly("Anna Schulte", "Jonas Berg");
        assertThat(e.siteName()).isEqualTo("Die Förde-Zeitung");
        assertThat(e.canonicalUrl()).isEqualTo("https://foerde.example.de/kiel/hafen-fährterminal-123.html");
        assertThat(e.imageUrl()).isEqualTo("https://foerde.example.de/img/terminal.jpg");
        assertThat(e.description()).isEqualTo("Der Kieler Hafen baut ein zweites Fährterminal.");
        assertThat(e.language()).isEqualTo("de");
        assertThat(e.text().split("\n\n")).containsExactly(
                "Der Kieler Hafen baut ein zweites Fährterminal am Ostufer. Die Bauarbeiten sollen im Sommer beginnen"
                        + " und rund zwei Jahre dauern, teilte die Hafengesellschaft am Mittwoch mit.",
                "Mit dem neuen Terminal will der Hafen mehr Verbindungen nach Skandinavien und ins Baltikum anbieten."
                        + " Bereits heute fertigt Kiel jährlich mehr als zwei Millionen Passagiere ab.",
                "Kritik von Anwohnern",
                "Anwohner des Ostufers befürchten mehr Lärm und Verkehr. Die Stadt hat eine Bürgerversammlung für den"
                        + " kommenden Monat angekündigt, auf der die Pläne vorgestellt werden sollen.",
                "Die Kosten werden auf 80 Millionen Euro geschätzt. Das Land Schleswig-Holstein beteiligt sich mit"
                        + " einem Zuschuss an der Finanzierung.");
    }

    @Test
    void readsOpenGraphOnlyPage() {
        Extraction e = EXTRACTOR.extract(resource("pages/opengraph-only.html"),
                "https://www.riverside-herald.example.com/news/bike-lanes-main-street?ref=home", HTML);

        assertThat(e.title()).isEqualTo("City council approves new bike lanes on Main Street");
        assertThat(e.published()).isEqualTo(Instant.parse("2021-06-15T02:05:00Z"));
        assertThat(e.modified()).isEqualTo(Instant.parse("2021-06-15T15:00:00Z"));
        assertThat(e.authors()).containsExactly("Maria Lopez", "Tom Chen");
        assertThat(e.siteName()).isEqualTo("Riverside Herald");
        assertThat(e.imageUrl()).isEqualTo("https://www.riverside-herald.example.com/images/bike-lanes.jpg");
        assertThat(e.canonicalUrl()).isEqualTo("https://www.riverside-herald.example.com/news/bike-lanes-main-street");
        assertThat(e.language()).isEqualTo("en");
        assertThat(e.text()).startsWith("The Riverside City Council voted 7 to 2")
                .endsWith("most of it covered by a state grant.")
                .doesNotContain("Advertisement", "Read more", "newsletter", "Most read", "Home");
        assertThat(e.text().split("\n\n")).hasSize(4);
    }

    @Test
    void pageWithoutMetadataFallsBackToMarkupUrlAndDetection() {
        Extraction e = EXTRACTOR.extract(resource("pages/no-metadata.html"),
                "http://gazette.example.fr/2021/12/03/marche-de-noel", Map.of());

        assertThat(e.title()).isEqualTo("Le marché de Noël ouvre ses portes");
        assertThat(e.published()).isEqualTo(Instant.parse("2021-12-03T00:00:00Z"));
        assertThat(e.authors()).isEmpty();
        assertThat(e.language()).isEqualTo("fr");
        assertThat(e.canonicalUrl()).isEqualTo("http://gazette.example.fr/2021/12/03/marche-de-noel");
        assertThat(e.text().split("\n\n")).hasSize(3);
        assertThat(e.text()).doesNotContain("Accueil", "Contact");
    }

    @Test
    void prefersJsonLdDateOverMetaTimeAndUrl() {
        Extraction e = EXTRACTOR.extract(resource("pages/multiple-dates.html"),
                "https://coastal.example.com/2020/01/03/storm", HTML);

        assertThat(e.published()).isEqualTo(Instant.parse("2020-01-05T03:15:00Z"));
        assertThat(e.modified()).isEqualTo(Instant.parse("2020-01-06T09:30:00Z"));
        assertThat(e.authors()).containsExactly("Lee Park");
        assertThat(e.text()).doesNotContain("Updated January");
    }

    @Test
    void findsDateInBylineTextAndDecodesEntitiesInTitle() {
        String page = "<html><head><meta property=\"og:title\" content=\"Review &amp;#8211; a fine game\"></head>"
                + "<body><div class=\"press__date\"> October 12, 2017 </div><article><p>The game is long, pretty and"
                + " sometimes unfair, but it is worth every hour you will spend with it.</p></article></body></html>";
        Extraction e = EXTRACTOR.extract(page.getBytes(StandardCharsets.UTF_8), "https://x.example/review", HTML);

        assertThat(e.title()).isEqualTo("Review – a fine game");
        assertThat(e.published()).isEqualTo(Instant.parse("2017-10-12T00:00:00Z"));
    }

    @Test
    void replacesDeclaredLanguageTheTextContradicts() {
        Extraction e = EXTRACTOR.extract(resource("pages/wrong-language.html"), "https://x.example.com/a", HTML);

        assertThat(e.language()).isEqualTo("de");
    }

    @Test
    void keepsDeclaredLanguageWhenDetectionIsOff() {
        ArticleExtractor declaredOnly = new ArticleExtractor(new ExtractorSettings(1 << 20, false));
        Extraction e = declaredOnly.extract(resource("pages/wrong-language.html"), "https://x.example.com/a", HTML);

        assertThat(e.language()).isEqualTo("en");
    }

    @Test
    void decodesUtf8PageDeclaredAsLatin1() {
        String page = "<html><head><meta charset=\"iso-8859-1\"><title>Café</title></head><body><article>"
                + "<p>Der Bürgermeister eröffnete am Montag das neue Café am Marktplatz, in dem künftig auch Konzerte"
                + " stattfinden sollen.</p></article></body></html>";
        Extraction e = EXTRACTOR.extract(page.getBytes(StandardCharsets.UTF_8), "https://x.example/a",
                Map.of("content-type", List.of("text/html; charset=ISO-8859-1")));

        assertThat(e.title()).isEqualTo("Café");
        assertThat(e.text()).contains("Bürgermeister eröffnete", "Café am Marktplatz");
    }

    @Test
    void decodesLatin1PageDeclaredAsUtf8() {
        String page = "<html><head><meta charset=\"utf-8\"></head><body><p>Le café de la gare a rouvert ses portes"
                + " après des travaux qui ont duré près de deux ans, à la grande joie des habitués.</p></body></html>";
        Extraction e = EXTRACTOR.extract(page.getBytes(StandardCharsets.ISO_8859_1), null, Map.of());

        assertThat(e.text()).contains("Le café de la gare", "après des travaux", "à la grande joie");
    }

    @Test
    void rejectsEmptyPage() {
        assertThatThrownBy(() -> EXTRACTOR.extract(new byte[0], "https://x.example/", HTML))
                .isInstanceOf(ExtractionException.class).hasMessage("empty page");
    }

    @Test
    void rejectsNonHtmlContent() {
        assertThatThrownBy(() -> EXTRACTOR.extract("%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII), null, Map.of()))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("not HTML");
        assertThatThrownBy(() -> EXTRACTOR.extract(new byte[] {1, 2, 3}, null,
                Map.of("Content-Type", List.of("image/png"))))
                .isInstanceOf(ExtractionException.class).hasMessage("not HTML: content type image/png");
        assertThatThrownBy(() -> EXTRACTOR.extract("just words, no markup".getBytes(StandardCharsets.UTF_8), null,
                Map.of()))
                .isInstanceOf(ExtractionException.class).hasMessage("not HTML: no markup");
    }

    @Test
    void survivesDeeplyNestedMarkup() {
        int depth = 30_000;
        String page = "<html><body>" + "<div>".repeat(depth)
                + "<p>A paragraph buried very deep in broken markup, still long enough to count as prose.</p>"
                + "<span><b><i>".repeat(depth) + "</body></html>";
        Extraction e = EXTRACTOR.extract(page.getBytes(StandardCharsets.UTF_8), null, HTML);

        assertThat(e.text()).isEqualTo("A paragraph buried very deep in broken markup, still long enough to count as prose.");
    }

    @Test
    void skipsHugeRunsOfScriptsAndHiddenElements() {
        String page = "<html><body><article>" + "<script>x()</script><div hidden>menu</div><input>".repeat(100_000)
                + "<p>The only visible paragraph of this page, long enough to be read as prose.</p></article></body></html>";
        Extraction e = EXTRACTOR.extract(page.getBytes(StandardCharsets.UTF_8), null, HTML);

        assertThat(e.text()).isEqualTo("The only visible paragraph of this page, long enough to be read as prose.");
    }

    @Test
    void cutsInputAtTheConfiguredSize() {
        String paragraph = "<p>This sentence is repeated to make a page that is far larger than the configured cap.</p>";
        String page = "<html><body><article>" + paragraph.repeat(20_000) + "</article></body></html>";
        ArticleExtractor small = new ArticleExtractor(new ExtractorSettings(10_000, false));

        Extraction e = small.extract(page.getBytes(StandardCharsets.UTF_8), null, HTML);

        assertThat(e.text().length()).isLessThan(10_000).isGreaterThan(5_000);
    }

    @Test
    void prefersJsonLdArticleBodyWhenMarkupHoldsOnlyATeaser() {
        String body = "First paragraph of the full story, which the page only renders with JavaScript.\n"
                + "Second paragraph with many more details about what happened and why it matters.\n"
                + "Third paragraph closing the story with a quote from an official who was there.";
        String page = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"H\","
                + "\"articleBody\":\"" + body.replace("\n", "\\n") + "\"}</script></head><body><article>"
                + "<p>First paragraph of the full story, which the page only renders with JavaScript.</p>"
                + "</article></body></html>";
        Extraction e = EXTRACTOR.extract(page.getBytes(StandardCharsets.UTF_8), null, HTML);

        assertThat(e.text()).isEqualTo(body.replace("\n", "\n\n"));
    }
}
