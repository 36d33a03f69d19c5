package dev.newsflow.enrich.dedup;

/**
 * A piece of text that every match of a regex contains, found by reading the regex, so that a line
 * without it can skip the regex: a quick, exact pre-check (it only ever says "cannot match").
 *
 * <p>Example: {@code (?i)^.{0,100}\ball rights reserved\.?$} gives {@code "all rights reserved"}
 * (case-insensitive); {@code (?i)\s+reuter$} gives {@code "reuter"}. Only the literal characters of
 * the top-level sequence count (not those inside a group or a class, nor one made optional by a
 * quantifier); a regex with a top-level alternation, with inline flags other than a leading {@code
 * (?i)}, or with escapes this reader does not know gives none ({@link #of} returns null), and is
 * then always tried. Case-insensitive matching without {@code UNICODE_CASE} folds ASCII letters
 * only, and so does this check.
 */
final class RequiredLiteral {

  private static final String CASE_INSENSITIVE = "(?i)";
  private static final String CLASS_ESCAPES = "sSdDwWbBhHvVRXzZAG";

  private final String literal;
  private final boolean ignoreCase;

  private RequiredLiteral(String literal, boolean ignoreCase) {
    this.literal = ignoreCase ? asciiLower(literal) : literal;
    this.ignoreCase = ignoreCase;
  }

  /** The longest required literal of {@code regex}, or null when there is none this reader can vouch for. */
  static RequiredLiteral of(String regex) {
    boolean ignoreCase = regex.startsWith(CASE_INSENSITIVE);
    String body = ignoreCase ? regex.substring(CASE_INSENSITIVE.length()) : regex;
    String best = "";
    StringBuilder run = new StringBuilder();
    int n = body.length();
    int i = 0;
    while (i < n) {
      char c = body.charAt(i);
      boolean literal = false;
      int next;
      if (c == '\\') {
        if (i + 1 >= n) {
          return null;
        }
        char e = body.charAt(i + 1);
        if (!Character.isLetterOrDigit(e)) {
          literal = true;
          c = e;
          next = i + 2;
        } else if (e == 'p' || e == 'P') {
          int close = i + 2 < n && body.charAt(i + 2) == '{' ? body.indexOf('}', i + 2) : i + 2;
          if (close < 0) {
            return null;
          }
          next = close + 1;
        } else if (CLASS_ESCAPES.indexOf(e) >= 0) {
          next = i + 2;
        } else {
          return null; // quoting, hex or octal escapes, back-references...: not read here
        }
      } else if (c == '[') {
        next = endOfClass(body, i);
      } else if (c == '(') {
        if (body.startsWith("(?", i) && !body.startsWith("(?:", i)) {
          return null; // inline flags, look-arounds, named groups
        }
        next = endOfGroup(body, i);
      } else if (c == '|' || c == ')' || c == ']' || c == '{' || c == '}' || c == '?' || c == '*' || c == '+') {
        return null; // a top-level alternation, or a quantifier this loop did not expect
      } else if (c == '^' || c == '$' || c == '.') {
        next = i + 1;
      } else {
        literal = true;
        next = i + 1;
      }
      if (next < 0) {
        return null;
      }
      int afterQuantifier = skipQuantifier(body, next);
      if (afterQuantifier < 0) {
        return null;
      }
      boolean quantified = afterQuantifier != next;
      if (literal && !quantified) {
        run.append(c);
      } else {
        best = longer(best, run);
        run.setLength(0);
      }
      i = afterQuantifier;
    }
    best = longer(best, run);
    if (best.isEmpty() || (body.startsWith("^") && body.startsWith(best, 1))) {
      return null; // none, or the regex starts with it: the regex fails as fast as a check would
    }
    return new RequiredLiteral(best, ignoreCase);
  }

  /** False when {@code line} cannot match the regex this literal was read from. */
  boolean mayMatch(String line) {
    return (ignoreCase ? asciiLower(line) : line).contains(literal);
  }

  /** {@link #mayMatch} for a line already passed through {@link #asciiLower} when ignoring case. */
  boolean mayMatch(String line, String lowered) {
    return (ignoreCase ? lowered : line).contains(literal);
  }

  String literal() {
    return literal;
  }

  /** Lower-cases ASCII letters only, as case-insensitive regex matching does without UNICODE_CASE. */
  static String asciiLower(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        char[] out = s.toCharArray();
        for (int j = i; j < out.length; j++) {
          if (out[j] >= 'A' && out[j] <= 'Z') {
            out[j] = (char) (out[j] + 32);
          }
        }
        return new String(out);
      }
    }
    return s;
  }

  private static String longer(String best, StringBuilder run) {
    return run.length() > best.length() ? run.toString() : best;
  }

  /** Index after a quantifier at {@code i} (and its lazy or possessive mark), {@code i} if none, -1 if unreadable. */
  private static int skipQuantifier(String s, int i) {
    if (i >= s.length()) {
      return i;
    }
    char c = s.charAt(i);
    int end;
    if (c == '?' || c == '*' || c == '+') {
      end = i + 1;
    } else if (c == '{') {
      int close = s.indexOf('}', i);
      if (close < 0) {
        return -1;
      }
      end = close + 1;
    } else {
      return i;
    }
    if (end < s.length() && (s.charAt(end) == '?' || s.charAt(end) == '+')) {
      end++;
    }
    return end;
  }

  /** Index after the class opening at {@code i}, or -1. */
  private static int endOfClass(String s, int i) {
    int depth = 0;
    int j = i;
    while (j < s.length()) {
      char c = s.charAt(j);
      if (c == '\\') {
        j += 2;
        continue;
      }
      if (c == '[') {
        depth++;
        if (j + 1 < s.length() && s.charAt(j + 1) == ']') {
          j++; // "[]...]": a leading ] is a member
        } else if (j + 2 < s.length() && s.charAt(j + 1) == '^' && s.charAt(j + 2) == ']') {
          j += 2;
        }
      } else if (c == ']') {
        depth--;
        if (depth == 0) {
          return j + 1;
        }
      }
      j++;
    }
    return -1;
  }

  /** Index after the group opening at {@code i}, or -1. */
  private static int endOfGroup(String s, int i) {
    int depth = 0;
    int j = i;
    while (j < s.length()) {
      char c = s.charAt(j);
      if (c == '\\') {
        j += 2;
        continue;
      }
      if (c == '[') {
        int end = endOfClass(s, j);
        if (end < 0) {
          return -1;
        }
        j = end;
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth == 0) {
          return j + 1;
        }
      }
      j++;
    }
    return -1;
  }
}
