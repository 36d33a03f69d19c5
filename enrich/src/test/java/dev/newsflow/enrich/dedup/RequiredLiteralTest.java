package dev.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RequiredLiteralTest {

  @Test
  void readsTheLongestLiteralOfTheTopLevelSequence() {
    assertThat(RequiredLiteral.of("(?i)^.{0,100}\\ball rights reserved\\.?$").literal())
        .isEqualTo("all rights reserved");
    assertThat(RequiredLiteral.of("(?i)\\s+REUTER$").literal()).isEqualTo("reuter");
    assertThat(RequiredLiteral.of("\\s*\\(Reuters\\)\\s*").literal()).isEqualTo("(Reuters)");
  }

  @Test
  void leavesOutOptionalCharactersGroupsAndClasses() {
    assertThat(RequiredLiteral.of(".colou?r").literal()).isEqualTo("colo");
    assertThat(RequiredLiteral.of(".ab+cd").literal()).isEqualTo("cd");
    assertThat(RequiredLiteral.of(".x(long group)[long class]{2}yz").literal()).isEqualTo("yz");
    assertThat(RequiredLiteral.of(".\\p{L}{2}ab\\d{1,3}").literal()).isEqualTo("ab");
  }

  @Test
  void givesNoneWhenItCannotVouchForOne() {
    assertThat(RequiredLiteral.of("(?i)^(advertisement|ad)$")).isNull();
    assertThat(RequiredLiteral.of("abc|xyz")).as("top-level alternation").isNull();
    assertThat(RequiredLiteral.of("(?iu).kelvin")).as("other flags").isNull();
    assertThat(RequiredLiteral.of(".(?=abc)x")).as("look-ahead").isNull();
    assertThat(RequiredLiteral.of(".\\Qabc\\E")).as("quoting").isNull();
    assertThat(RequiredLiteral.of(".(a)\\1bc")).as("back-reference").isNull();
    assertThat(RequiredLiteral.of("(?i)^share (this|on)")).as("the regex fails at once anyway").isNull();
  }

  @Test
  void foldsAsciiCaseOnlyAsTheRegexDoes() {
    String regex = "(?i).kelvin";
    RequiredLiteral kelvin = RequiredLiteral.of(regex);
    assertThat(kelvin.mayMatch("a KeLvIn")).isTrue();
    String kelvinSign = "a \u212Aelvin";
    assertThat(Pattern.compile(regex).matcher(kelvinSign).find()).isFalse();
    assertThat(kelvin.mayMatch(kelvinSign)).isFalse();
    assertThat(RequiredLiteral.of(".Kelvin").mayMatch("a kelvin")).isFalse();
  }

  @Test
  void neverRulesOutALineTheBundledRulesMatch() throws Exception {
    List<String> regexes = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        BoilerplateFilter.class.getResourceAsStream("boilerplate-rules.tsv"), StandardCharsets.UTF_8))) {
      for (String line : in.lines().toList()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          regexes.add(line.substring(line.indexOf('\t') + 1));
        }
      }
    }
    List<String> lines = new ArrayList<>(BoilerplateFilterTest.furnitureLines());
    Random random = new Random(5);
    for (String l : List.copyOf(lines)) {
      lines.add(l.toUpperCase(java.util.Locale.ROOT));
      lines.add(l.toLowerCase(java.util.Locale.ROOT));
      lines.add(BoilerplateFilterTest.mutate(l, random));
    }
    int matched = 0;
    for (String regex : regexes) {
      Pattern p = Pattern.compile(regex);
      RequiredLiteral required = RequiredLiteral.of(regex);
      for (String line : lines) {
        if (p.matcher(line).find()) {
          matched++;
          assertThat(required == null || required.mayMatch(line)).as("%s on %s", regex, line).isTrue();
        }
      }
    }
    assertThat(matched).as("lines the rules match").isGreaterThan(lines.size() / 4);
  }
}
