package dev.newsflow.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Holds the tagger to the floors of {@code seeds/expected-tags.json}: every must_* code found, no
 * must_not_* code found, one type of each any_of group found (country-level actor codes).
 *
 * <p>A syndicated copy ({@code same_as}) lacks its original's last paragraph, which alone names
 * China and Russia and reports the veto (REJECT): it is held to the original's must_not lists, to
 * finding nothing its original does not, and to every must_* tag that the original finds in a
 * sentence the copy also has.
 */
class SeedTagsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Tagger TAGGER = Tagger.load();

    static Stream<String> seeds() throws IOException {
        List<String> ids = new ArrayList<>();
        expected().fieldNames().forEachRemaining(k -> {
            if (k.startsWith("seed-")) {
                ids.add(k);
            }
        });
        return ids.stream();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void seedArticleMeetsItsExpectedTags(String id) throws IOException {
        JsonNode exp = expected().get(id);
        Tags tags = TAGGER.tag(article(id));
        Set<String> actors = bases(tags);
        Set<String> events = new TreeSet<>(tags.eventTypes());
        if (exp.has("same_as")) {
            String original = exp.get("same_as").asText();
            exp = expected().get(original);
            assertLikeOriginal(id, tags, TAGGER.tag(article(original)), exp);
        } else {
            assertThat(actors).as("actors of %s", id).containsAll(strings(exp.path("must_actors")));
            assertThat(events).as("events of %s", id).containsAll(strings(exp.path("must_events")));
            for (JsonNode group : exp.path("any_of_events")) {
                assertThat(events).as("events of %s, one of %s", id, group).containsAnyElementsOf(strings(group));
            }
        }
        for (String code : strings(exp.path("must_not_actors"))) {
            assertThat(actors).as("actors of %s", id).doesNotContain(code);
        }
        for (String type : strings(exp.path("must_not_events"))) {
            assertThat(events).as("events of %s", id).doesNotContain(type);
        }
    }

    private static void assertLikeOriginal(String id, Tags copy, Tags original, JsonNode exp) throws IOException {
        String text = resource("seeds/" + id + ".txt").replace('\u2019', '\'');
        assertThat(bases(copy)).as("actors of %s", id).isSubsetOf(bases(original));
        assertThat(copy.eventTypes()).as("events of %s", id).isSubsetOf(original.eventTypes());
        List<String> mustEvents = strings(exp.path("must_events"));
        List<String> mustActors = strings(exp.path("must_actors"));
        for (EventTag e : original.events()) {
            if (!text.contains(e.sentence().replace('\u2019', '\''))) {
                continue;
            }
            if (mustEvents.contains(e.type())) {
                assertThat(copy.eventTypes()).as("events of %s", id).contains(e.type());
            }
            for (String code : new String[] {e.source(), e.target()}) {
                if (code != null && mustActors.contains(code.substring(0, 3))) {
                    assertThat(bases(copy)).as("actors of %s", id).contains(code.substring(0, 3));
                }
            }
        }
    }

    private static Set<String> bases(Tags tags) {
        Set<String> out = new TreeSet<>();
        tags.actors().forEach(a -> out.add(a.base()));
        return out;
    }

    @org.junit.jupiter.api.Test
    void oneTaggerGivesTheSameTagsFromManyThreads() throws Exception {
        List<Article> articles = new ArrayList<>();
        for (String id : seeds().toList()) {
            articles.add(article(id));
        }
        List<Tags> expected = articles.stream().map(TAGGER::tag).toList();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<List<Tags>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> articles.stream().map(TAGGER::tag).toList()));
            }
            for (var run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        }
    }

    static Article article(String id) throws IOException {
        String text = resource("seeds/" + id + ".txt");
        int nl = text.indexOf('\n');
        String title = text.substring(0, nl).strip();
        String body = text.substring(nl + 1).strip();
        String date = null;
        for (JsonNode a : JSON.readTree(resource("seeds/articles.json"))) {
            if (a.path("id").asText().equals(id)) {
                date = a.path("date").asText();
            }
        }
        return new Article(id, title, body, date == null ? null : OffsetDateTime.parse(date).toInstant());
    }

    private static JsonNode expected() throws IOException {
        return JSON.readTree(resource("seeds/expected-tags.json"));
    }

    private static List<String> strings(JsonNode array) {

        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static String resource(String name) throws IOException {
        try (InputStream in = SeedTagsTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
