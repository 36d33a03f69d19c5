package dev.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorsTest {

    private static final List<String> OUTLETS = Arrays.asList("Daily News", null, "dailynews.example.com");

    @Test
    void dropsByPrefixAndSplitsNames() {
        assertThat(Authors.clean(List.of("By Ann Lee and Bo Kim"), OUTLETS)).containsExactly("Ann Lee", "Bo Kim");
        assertThat(Authors.clean(List.of("by: Ann Lee, Bo Kim & Cy Dee"), OUTLETS))
                .containsExactly("Ann Lee", "Bo Kim", "Cy Dee");
    }

    @Test
    void neverReportsTheOutletOrBareByAsAPerson() {
        assertThat(Authors.clean(List.of("Daily News", "DAILY-NEWS", "By", "Ann Lee"), OUTLETS))
                .containsExactly("Ann Lee");
    }

    @Test
    void dropsUrlsEmailsAndDuplicates() {
        assertThat(Authors.clean(List.of("https://www.facebook.com/dailynews", "ann@dailynews.example.com",
                "Ann Lee", "ann lee"), OUTLETS)).containsExactly("Ann Lee");
    }

    @Test
    void dropsJobTitlesDatesAndAnalysisPrefix() {
        assertThat(Authors.clean(List.of("STEVE PEOPLES, AP National Political Writer"), OUTLETS))
                .containsExactly("STEVE PEOPLES");
        assertThat(Authors.clean(List.of("Analysis by Chris Cillizza, CNN Editor-at-large"), OUTLETS))
                .containsExactly("Chris Cillizza");
        assertThat(Authors.clean(List.of("October 9", "Staff November 20"), OUTLETS)).isEmpty();
        assertThat(Authors.clean(List.of("Sarah E. Needleman"), OUTLETS)).containsExactly("Sarah E. Needleman");
        assertThat(Authors.clean(List.of("Staff writer"), OUTLETS)).containsExactly("Staff writer");
    }

    @Test
    void keepsAgenciesThatAreNotTheOutlet() {
        assertThat(Authors.clean(List.of("Reuters"), OUTLETS)).containsExactly("Reuters");
    }
}
