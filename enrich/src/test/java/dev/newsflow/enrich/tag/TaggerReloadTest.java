package dev.newsflow.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dictionaries load from a directory, so an edited copy changes tagging without a rebuild. */
class TaggerReloadTest {

    private static final List<String> FILES = List.of("countries.tsv", "organisations.tsv", "leaders.tsv",
            "roles.tsv", "not-actors.tsv", "cues.tsv", "triggers.tsv", "irregular-verbs.tsv");

    private static void copyBundled(Path dir) throws IOException {
        for (String f : FILES) {
            try (InputStream in = Tagger.class.getResourceAsStream("/dev/newsflow/enrich/tag/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
    }

    @Test
    void picksUpANewOfficeHolderFromAnEditedDirectory(@TempDir Path dir) throws IOException {
        copyBundled(dir);
        Article a = new Article("r", "", "Jane Placeholder criticized Norway.", Instant.parse("2031-02-01T00:00:00Z"));
        assertThat(Tagger.load(dir).tag(a).actorCodes()).containsExactly("NOR");

        Files.writeString(dir.resolve("leaders.tsv"),
                "SWE\tGOV\tPrime Minister\t2030-10-01\t\tJane Placeholder\tPlaceholder\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Tags tags = Tagger.load(dir).tag(a);
        assertThat(tags.actorCodes()).containsExactly("NOR", "SWEGOV");
        assertThat(tags.events()).extracting(EventTag::source).containsExactly("SWEGOV");
    }

    @Test
    void failsClearlyWhenAFileIsMissing(@TempDir Path dir) {
        assertThatThrownBy(() -> Tagger.load(dir)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cues.tsv");
    }

    @Test
    void failsClearlyOnABadRule(@TempDir Path dir) throws IOException {
        copyBundled(dir);
        Files.writeString(dir.resolve("triggers.tsv"), "EXPLODE\tboom+\t0.9\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        assertThatThrownBy(() -> Tagger.load(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EXPLODE");
    }
}
