package dev.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoilerplateFilterTest {

  private final BoilerplateFilter filter = BoilerplateFilter.bundled();

  @Test
  void removesFurnitureAroundTheStory() {
    List<String> lines =
        List.of(
            "By Anna Price | Reuters",
            "LONDON, March 3 (Reuters) - Shares fell sharply.",
            "Advertisement",
            "Analysts were surprised.",
            "Related posts:",
            "- Another story entirely",
            "- And one more",
            "(Reporting by Anna Price; Editing by Tom Lee)",
            "Share on Facebook Share on Twitter Share via Email",
            "Sign up for our daily newsletter to get the latest headlines delivered to your inbox.",
            "Read more: Oil prices climb",
            "245 comments",
            "© 2025 The Daily Example. All rights reserved.");
    assertThat(filter.contentLines(lines))
        .containsExactly("Shares fell sharply.", "Analysts were surprised.");
  }

  @Test
  void keepsContentThatLooksLikeFurnitureOnlyAtFirstSight() {
    List<String> lines =
        List.of(
            "By contrast, the central bank raised rates by half a point.",
            "- The first measure takes effect in May.",
            "Copyright lawyers said the ruling was narrow, and several firms plan to appeal it in"
                + " the coming months before the court of appeal, which has yet to set a date for"
                + " hearings on the matter of the licence fees owed by the broadcasters to the"
                + " music labels.");
    assertThat(filter.contentLines(lines)).containsExactlyElementsOf(lines);
  }

  @Test
  void cutsTrailingWireSignOff() {
    assertThat(filter.contentLines(List.of("The plant will close in June. REUTER")))
        .containsExactly("The plant will close in June.");
  }

  @Test
  void reportsBadRuleLines() {
    assertThatThrownBy(() -> BoilerplateFilter.parse(List.of("line\t(unclosed")))
        .hasMessageContaining("rule line 1: invalid regex");
    assertThatThrownBy(() -> BoilerplateFilter.parse(List.of("# c", "word\tx")))
        .hasMessageContaining("rule line 2: unknown kind");
    assertThatThrownBy(() -> BoilerplateFilter.parse(List.of("no tab here")))
        .hasMessageContaining("KIND<TAB>REGEX");
  }
}
