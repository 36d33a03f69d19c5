package dev.newsflow.enrich.dedup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Removes page furniture and wire credits (share lines, newsletter prompts, copyright lines,
 * bylines, related-links lists, datelines) from article lines, using the rules of a versioned data
 * file.
 *
 * <p>Example: the lines {@code ["By Anna Price | Reuters", "LONDON (Reuters) - Shares fell.",
 * "Related posts:", "- Other story", "Share on Facebook"]} become {@code ["Shares fell."]}.
 *
 * <p>Rules live in {@code boilerplate-rules.tsv}; see its header for the format. Immutable and
 * thread-safe.
 */
public final class BoilerplateFilter {

  private static final String BUNDLED = "boilerplate-rules.tsv";
  private static final Pattern LIST_ITEM = Pattern.compile("^[-*•·–—]\\s.*");

  private final List<Rule> dropLines;
  private final List<Rule> dropBlocks;
  private final List<Rule> prefixes;
  private final List<Rule> suffixes;

  /** A rule's regex, with the text every match contains when that can be read off it (or null). */
  private record Rule(Pattern pattern, RequiredLiteral required) {
    static List<Rule> of(List<Pattern> patterns) {
      return patterns.stream().map(p -> new Rule(p, RequiredLiteral.of(p.pattern()))).toList();
    }

    /** False when the line cannot match: it lacks the required text. */
    boolean mayMatch(String line, String lowered) {
      return required == null || required.mayMatch(line, lowered);
    }
  }

  private BoilerplateFilter(
      List<Pattern> lines, List<Pattern> blocks, List<Pattern> prefixes, List<Pattern> suffixes) {
    this.dropLines = Rule.of(lines);
    this.dropBlocks = Rule.of(blocks);
    this.prefixes = Rule.of(prefixes);
    this.suffixes = Rule.of(suffixes);
  }

  /**
   * The rules shipped in {@code
   * src/main/resources/dev/newsflow/enrich/dedup/boilerplate-rules.tsv}.
   */
  public static BoilerplateFilter bundled() {
    try (InputStream in = BoilerplateFilter.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BUNDLED);
      }
      return parse(
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BUNDLED, e);
    }
  }

  /**
   * Parses rule lines ({@code KIND<TAB>REGEX}).
   *
   * @throws IllegalArgumentException naming the line of an unknown kind or an invalid regex
   */
  public static BoilerplateFilter parse(List<String> ruleLines) {
    List<Pattern> lines = new ArrayList<>();
    List<Pattern> blocks = new ArrayList<>();
    List<Pattern> prefixes = new ArrayList<>();
    List<Pattern> suffixes = new ArrayList<>();
    int number = 0;
    for (String raw : ruleLines) {
      number++;
      if (raw.isBlank() || raw.startsWith("#")) {
        continue;
      }
      int tab = raw.indexOf('\t');
      if (tab < 0) {
        throw new IllegalArgumentException("rule line " + number + ": expected KIND<TAB>REGEX");
      }
      Pattern pattern = compile(raw.substring(tab + 1), number);
      switch (raw.substring(0, tab).strip()) {
        case "line" -> lines.add(pattern);
        case "block" -> blocks.add(pattern);
        case "prefix" -> prefixes.add(pattern);
        case "suffix" -> suffixes.add(pattern);
        default ->
            throw new IllegalArgumentException(
                "rule line " + number + ": unknown kind " + raw.substring(0, tab));
      }
    }
    return new BoilerplateFilter(lines, blocks, prefixes, suffixes);
  }

  /** Returns the content lines: furniture lines dropped, datelines and sign-offs cut. */
  public List<String> contentLines(List<String> lines) {
    // One matcher per rule for the whole call, reset for each line (a matcher is not thread-safe,
    // so it lives no longer than the call).
    Matcher listItem = LIST_ITEM.matcher("");
    Matcher[] blocks = matchers(dropBlocks);
    Matcher[] drops = matchers(dropLines);
    Matcher[] prefixMatchers = matchers(prefixes);
    Matcher[] suffixMatchers = matchers(suffixes);
    List<String> out = new ArrayList<>(lines.size());
    boolean inList = false;
    for (String line : lines) {
      if (inList && listItem.reset(line).matches()) {
        continue;
      }
      String lowered = RequiredLiteral.asciiLower(line);
      inList = matchesAny(dropBlocks, blocks, line, lowered);
      if (inList || matchesAny(dropLines, drops, line, lowered)) {
        continue;
      }
      String trimmed = trim(line, lowered, prefixMatchers, suffixMatchers);
      if (!trimmed.isEmpty()) {
        out.add(trimmed);
      }
    }
    return out;
  }

  /**
   * Cuts prefixes and suffixes. A prefix is matched at the start of the line only ({@code
   * lookingAt}), as the rules file defines it; with the {@code ^}-anchored rules that is where
   * {@code find} would find it too, without trying every other start position first.
   */
  private String trim(String line, String lowered, Matcher[] prefixMatchers, Matcher[] suffixMatchers) {
    String out = line;
    String outLowered = lowered;
    for (int i = 0; i < prefixMatchers.length; i++) {
      Matcher m = prefixMatchers[i];
      if (prefixes.get(i).mayMatch(out, outLowered) && m.reset(out).lookingAt()) {
        out = out.substring(m.end());
        outLowered = RequiredLiteral.asciiLower(out);
      }
    }
    for (int i = 0; i < suffixMatchers.length; i++) {
      Matcher m = suffixMatchers[i];
      if (suffixes.get(i).mayMatch(out, outLowered) && m.reset(out).find()) {
        out = out.substring(0, m.start()) + out.substring(m.end());
        outLowered = RequiredLiteral.asciiLower(out);
      }
    }
    return out.strip();
  }

  private static Matcher[] matchers(List<Rule> rules) {
    Matcher[] out = new Matcher[rules.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = rules.get(i).pattern().matcher("");
    }
    return out;
  }

  private static boolean matchesAny(List<Rule> rules, Matcher[] matchers, String line, String lowered) {
    for (int i = 0; i < matchers.length; i++) {
      if (rules.get(i).mayMatch(line, lowered) && matchers[i].reset(line).lookingAt()) {
        return true;
      }
    }
    return false;
  }

  private static Pattern compile(String regex, int number) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "rule line " + number + ": invalid regex: " + e.getDescription(), e);
    }
  }
}
