package dev.newsflow.enrich.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Normalises article text so that copies differing only in encoding details compare equal.
 *
 * <p>Example: {@code "Seoul&#8217;s envoy\u00a0said\u200b: \u201cNO\u201d"} and {@code "Seoul's
 * envoy said: "no""} both normalise to {@code "seoul s envoy said no"}.
 *
 * <p>Steps: HTML entities decoded (jsoup), Unicode NFKC (composes NFD accents, maps NBSP and
 * full-width forms), invisible format characters (zero-width space, BOM, soft hyphen) removed, case
 * folded, every punctuation mark and symbol replaced by a space, whitespace collapsed.
 */
public final class TextNormalizer {

  private static final Pattern FORMAT_CHARS = Pattern.compile("[\\p{Cf}\\u00AD]");
  private static final Pattern LINE_SPACE = Pattern.compile("[\\s\\p{Z}]+");
  private static final int HASH_BYTES = 16;

  private TextNormalizer() {}

  /**
   * Decodes entities, applies NFKC and removes invisible characters; keeps case, punctuation and
   * line breaks.
   */
  public static String clean(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String decoded = text.indexOf('&') >= 0 ? Parser.unescapeEntities(text, false) : text;
    if (isAscii(decoded)) {
      return decoded; // ASCII is NFKC-invariant and has no format characters
    }
    String nfkc = Normalizer.normalize(decoded, Normalizer.Form.NFKC);
    return FORMAT_CHARS.matcher(nfkc).replaceAll("");
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Splits cleaned text into lines with collapsed inner whitespace, dropping empty lines. */
  public static List<String> lines(String cleanedText) {
    List<String> out = new ArrayList<>();
    for (String line : cleanedText.split("\\R")) {
      String collapsed = LINE_SPACE.matcher(line).replaceAll(" ").strip();
      if (!collapsed.isEmpty()) {
        out.add(collapsed);
      }
    }
    return out;
  }

  /**
   * Full normalisation: {@link #clean}, case folding, punctuation and whitespace collapsed to
   * single spaces.
   */
  public static String normalize(String text) {
    return fold(clean(text));
  }

  /** Case-folds and strips punctuation from already cleaned text. */
  static String fold(String cleaned) {
    StringBuilder out = new StringBuilder(cleaned.length());
    boolean pendingSpace = false;
    for (int i = 0; i < cleaned.length(); ) {
      int cp = cleaned.codePointAt(i);
      i += Character.charCount(cp);
      if (isWordChar(cp)) {
        if (pendingSpace && !out.isEmpty()) {
          out.append(' ');
        }
        pendingSpace = false;
        appendFolded(out, cp);
      } else {
        pendingSpace = true;
      }
    }
    return out.toString();
  }

  /**
   * Letters, digits and combining marks are word characters; punctuation, symbols and spaces
   * separate words.
   */
  private static boolean isWordChar(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    int type = Character.getType(cp);
    return Character.isLetterOrDigit(cp)
        || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  /**
   * Simple case folding: upper then lower case, per code point (maps e.g. final sigma and Kelvin
   * sign alike).
   */
  private static void appendFolded(StringBuilder out, int cp) {
    if (cp < 0x80) {
      out.append((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    } else if (cp == 0x00DF) {
      out.append("ss");
    } else {
      out.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp)));
    }
  }

  /** The words of normalised text. */
  public static List<String> words(String normalized) {
    return normalized.isEmpty() ? List.of() : List.of(normalized.split(" "));
  }

  /**
   * Hash of the normalised text for exact-copy detection: lower-case hex of the first 16 bytes of
   * SHA-256, or {@code null} when the normalised text has fewer than {@code minWords} words (too
   * short to call two articles copies of each other).
   */
  public static String contentHash(String text, int minWords) {
    return contentHashOfCleaned(clean(text), minWords);
  }

  /** {@link #contentHash} of text already passed through {@link #clean}. */
  public static String contentHashOfCleaned(String cleaned, int minWords) {
    String normalized = fold(cleaned);
    if (words(normalized).size() < Math.max(1, minWords)) {
      return null;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, HASH_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
