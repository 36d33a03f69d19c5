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

  private final List<Pattern> dropLines;
  private final List<Pattern> dropBlocks;
  private final List<Pattern> prefixes;
  private final List<Pattern> suffixes;

  private BoilerplateFilter(
      List<Pattern> lines, List<Pattern> blocks, List<Pattern> prefixes, List<Pattern> suffixes) {
    this.dropLines = List.copyOf(lines);
    this.dropBlocks = List.copyOf(blocks);
    this.prefixes = List.copyOf(prefixes);
    this.suffixes = List.copyOf(suffixes);
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
      inList = matchesAny(blocks, line);
      if (inList || matchesAny(drops, line)) {
        continue;
      }
      String trimmed = trim(line, prefixMatchers, suffixMatchers);
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
  private static String trim(String line, Matcher[] prefixMatchers, Matcher[] suffixMatchers) {
    String out = line;
    for (Matcher m : prefixMatchers) {
      if (m.reset(out).lookingAt()) {
        out = out.substring(m.end());
      }
    }
    for (Matcher m : suffixMatchers) {
      if (m.reset(out).find()) {
        out = out.substring(0, m.start()) + out.substring(m.end());
      }
    }
    return out.strip();
  }

  private static Matcher[] matchers(List<Pattern> patterns) {
    Matcher[] out = new Matcher[patterns.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = patterns.get(i).matcher("");
    }
    return out;
  }

  private static boolean matchesAny(Matcher[] matchers, String line) {
    for (Matcher m : matchers) {
      if (m.reset(line).lookingAt()) {
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
