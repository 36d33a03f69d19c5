package dev.newsflow.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Event types of the sentences in {@code tag/sentences.tsv}, written for these tests. */
class SentencesTest {

    private static final Tagger TAGGER = Tagger.load();

    static List<Arguments> sentences() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String line : SeedTagsTest.resource("tag/sentences.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length > 4 && c[4].equals("miss")) {
                continue;
            }
            out.add(Arguments.of(c[0], c[1], c[2]));
        }
        return out;
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("sentences")
    void findsTheEventTypesOfTheSentence(String date, String sentence, String types) {
        Article a = new Article("s", "", sentence, LocalDate.parse(date).atStartOfDay().toInstant(ZoneOffset.UTC));
        assertThat(TAGGER.tag(a).eventTypes()).containsExactlyElementsOf(new TreeSet<>(Arrays.asList(types.split(","))));
    }
}
