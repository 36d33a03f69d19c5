package dev.newsflow.enrich.tag.dict;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Integrity of the bundled dictionary files. */
class DataFilesTest {

    private static final DataSource DATA = DataSource.bundled();
    private static final Set<String> ISO3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);
    /** Codes political event data uses outside ISO 3166-1 (PLOVER: Kosovo). */
    private static final Set<String> EXTRA = Set.of("KOS");

    @Test
    void countriesHaveValidUniqueCodesAndAllColumns() {
        List<String[]> rows = DATA.rows("countries.tsv");
        Set<String> seen = new HashSet<>();
        for (String[] r : rows) {
            assertThat(r).as("row %s", r[0]).hasSize(6);
            assertThat(ISO3.contains(r[0]) || EXTRA.contains(r[0])).as("ISO alpha-3 %s", r[0]).isTrue();
            assertThat(seen.add(r[0])).as("duplicate %s", r[0]).isTrue();
            assertThat(r[1]).isNotBlank();
        }
        assertThat(rows).hasSize(199);
        assertThat(seen).contains("PRK", "KOR", "USA", "PSE", "VAT", "SSD", "TLS", "MNE");
    }

    @Test
    void leadersHaveKnownCodesAndOrderedDates() {
        Set<String> codes = new HashSet<>();
        DATA.rows("countries.tsv").forEach(r -> codes.add(r[0]));
        DATA.rows("organisations.tsv").forEach(r -> codes.add(r[0]));
        for (String[] r : DATA.rows("leaders.tsv")) {
            assertThat(r).as("row %s", String.join("|", r)).hasSize(7);
            assertThat(codes).as("code of %s", r[5]).contains(r[0]);
            LocalDate from = LocalDate.parse(r[3]);
            if (!r[4].isEmpty()) {
                assertThat(LocalDate.parse(r[4])).as("term of %s", r[5]).isAfterOrEqualTo(from);
            }
            assertThat(r[5]).isNotBlank();
        }
    }

    @Test
    void everyRoleAndTriggerRowIsWellFormed() {
        Set<String> roles = Set.of("GOV", "MIL", "LEG", "JUD", "COP", "SPY", "REB", "OPP", "CVL", "BUS", "MED",
                "EDU", "LAB", "REF", "");
        for (String[] r : DATA.rows("roles.tsv")) {
            assertThat(roles).as("role of %s", r[0]).contains(r.length > 1 ? r[1] : "");
        }
        assertThat(ActorDictionary.load(DATA).size()).isGreaterThan(2000);
    }
}
