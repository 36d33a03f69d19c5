package dev.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
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

  @Test
  void keepsExactlyWhatOneFreshMatcherPerRuleAndLineKeeps() throws Exception {
    OneMatcherPerLine reference = OneMatcherPerLine.bundled();
    List<String> furniture = furnitureLines();
    List<String> content = new ArrayList<>();
    for (String resource : List.of("dedup/wire-original.txt", "dedup/wire-syndicated.txt",
        "dedup/same-topic.txt", "seeds/seed-000.txt", "seeds/seed-002.txt", "seeds/seed-002-syndicated.txt",
        "seeds/seed-003.txt", "seeds/seed-004.txt")) {
      content.addAll(TextNormalizer.lines(TextNormalizer.clean(Fixtures.read(resource))));
    }
    Random random = new Random(20261123);
    int kept = 0;
    for (int round = 0; round < 3_000; round++) {
      List<String> lines = new ArrayList<>();
      for (int i = random.nextInt(12); i > 0; i--) {
        List<String> from = random.nextBoolean() ? furniture : content;
        String line = from.get(random.nextInt(from.size()));
        lines.add(random.nextInt(3) == 0 ? mutate(line, random) : line);
      }
      List<String> expected = reference.contentLines(lines);
      kept += expected.size();
      assertThat(filter.contentLines(lines)).as("content of %s", lines).isEqualTo(expected);
    }
    assertThat(kept).as("lines kept").isPositive();
  }

  /** Lines each of which one bundled rule (or the list-item rule after a block) is about. */
  static List<String> furnitureLines() {
    return List.of("Advertisement", "ADVERTISEMENT - SCROLL TO CONTINUE", "Story continues below advertisement",
        "Continue reading the main story", "Share this article", "Share on Facebook Share on Twitter",
        "Facebook | Twitter | Email", "Sign up for our daily newsletter to get the headlines in your inbox.",
        "Don't miss out: subscribe to our newsletter for alerts", "Join the conversation: 12 comments",
        "245 comments", "Comments are closed.", "© 2025 The Daily Example. All rights reserved.",
        "(c) Reuters 2024", "Copyright 2024 Reuters", "The Daily Example, all rights reserved",
        "Source: Reuters", "This article was originally published by Example News.", "More details to follow.",
        "(Reporting by Anna Price; Editing by Tom Lee)", "(Additional reporting by Bo Li)",
        "(Jane Doe in Paris contributed to this report.)", "By Anna Price | Reuters", "By John O'Neil",
        "Read more: Oil prices climb", "See also: markets", "REUTER", "Reuters", "AFP", "Related posts:",
        "You may also like", "More from Example News:", "Trending now", "- Another story entirely",
        "* One more", "• A third", "LONDON, March 3 (Reuters) - Shares fell sharply.",
        "NEW YORK (AP) — Stocks rose.", "Beijing (Xinhua) -- China said.", "The plant will close in June. REUTER",
        "Prices fell 3 pct in March, the ministry said.\u00a0Reuter", "By contrast, the bank raised rates.",
        "Share prices fell.", "Sourced from (Reuters) reports - and more", "all rights reserved by nobody at all");
  }

  /** The line with a random edit: case changed, a character dropped, doubled or inserted. */
  static String mutate(String line, Random random) {
    if (line.isEmpty()) {
      return "x";
    }
    int at = random.nextInt(line.length());
    String alphabet = " (-.:|'\u2019AaZz0\u00e9\u212a";
    String inserted = String.valueOf(alphabet.charAt(random.nextInt(alphabet.length())));
    return switch (random.nextInt(5)) {
      case 0 -> line.toUpperCase(java.util.Locale.ROOT);
      case 1 -> line.substring(0, at) + line.substring(at + 1);
      case 2 -> line.substring(0, at) + line.charAt(at) + line.substring(at);
      case 3 -> line.substring(0, at) + inserted + line.substring(at);
      default -> line + " " + line;
    };
  }

  /** The filter as it was first written (a new matcher per rule and line, prefixes found with find). */
  private record OneMatcherPerLine(List<Pattern> lines, List<Pattern> blocks, List<Pattern> prefixes,
      List<Pattern> suffixes) {
    private static final Pattern LIST_ITEM = Pattern.compile("^[-*\u2022\u00b7\u2013\u2014]\\s.*");

    static OneMatcherPerLine bundled() throws Exception {
      OneMatcherPerLine r = new OneMatcherPerLine(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
          new ArrayList<>());
      try (BufferedReader in = new BufferedReader(new InputStreamReader(
          BoilerplateFilter.class.getResourceAsStream("boilerplate-rules.tsv"), StandardCharsets.UTF_8))) {
        for (String raw : in.lines().toList()) {
          if (raw.isBlank() || raw.startsWith("#")) {
            continue;
          }
          int tab = raw.indexOf('\t');
          Pattern p = Pattern.compile(raw.substring(tab + 1));
          switch (raw.substring(0, tab).strip()) {
            case "line" -> r.lines.add(p);
            case "block" -> r.blocks.add(p);
            case "prefix" -> r.prefixes.add(p);
            case "suffix" -> r.suffixes.add(p);
            default -> throw new IllegalStateException(raw);
          }
        }
      }
      return r;
    }

    List<String> contentLines(List<String> in) {
      List<String> out = new ArrayList<>();
      boolean inList = false;
      for (String line : in) {
        if (inList && LIST_ITEM.matcher(line).matches()) {
          continue;
        }
        inList = blocks.stream().anyMatch(p -> p.matcher(line).lookingAt());
        if (inList || lines.stream().anyMatch(p -> p.matcher(line).lookingAt())) {
          continue;
        }
        String trimmed = line;
        for (Pattern p : prefixes) {
          trimmed = p.matcher(trimmed).replaceFirst("");
        }
        for (Pattern p : suffixes) {
          trimmed = p.matcher(trimmed).replaceFirst("");
        }
        trimmed = trimmed.strip();
        if (!trimmed.isEmpty()) {
          out.add(trimmed);
        }
      }
      return out;
    }
  }
}
