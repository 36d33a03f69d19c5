package dev.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

  @Test
  void decodesEntitiesFoldsCaseAndDropsPunctuation() {
    assertThat(TextNormalizer.normalize("Seoul&#8217;s  envoy said: &quot;NO&quot; &amp; left."))
        .isEqualTo("seoul s envoy said no left");
  }

  @Test
  void treatsEncodingNoiseAsTheSameText() {
    String plain = "Café owners said \"prices rose\" - again.\n\nIt's over.";
    String noisy =
        "CAFE\u0301 owners\u00a0said \u201cprices\u200b rose\u201d \u2014 again.\r\n\r\n"
            + "It\u2019s   over. ";
    assertThat(TextNormalizer.normalize(noisy)).isEqualTo(TextNormalizer.normalize(plain));
    assertThat(TextNormalizer.contentHash(noisy, 1))
        .isEqualTo(TextNormalizer.contentHash(plain, 1));
  }

  @Test
  void appliesNfkcToCompatibilityForms() {
    assertThat(TextNormalizer.normalize("ＡＢＣ ﬁnance ①")).isEqualTo("abc finance 1");
  }

  @Test
  void contentHashDiffersForDifferentWords() {
    assertThat(TextNormalizer.contentHash("Shares rose five pct on Monday in Tokyo trading", 1))
        .isNotEqualTo(
            TextNormalizer.contentHash("Shares fell five pct on Monday in Tokyo trading", 1));
  }

  @Test
  void contentHashIsNullForTooShortText() {
    assertThat(TextNormalizer.contentHash("More to follow.", 8)).isNull();
    assertThat(TextNormalizer.contentHash("", 1)).isNull();
    assertThat(TextNormalizer.contentHash("one two three four five six seven eight", 8))
        .hasSize(32);
  }

  @Test
  void splitsLinesAndCollapsesSpaces() {
    assertThat(TextNormalizer.lines("a  b\r\n\r\n \u00a0\nc\td")).containsExactly("a b", "c d");
  }

  @Test
  void splitsLinesExactlyAsTheRegularExpressionsWould() {
    char[] alphabet = {'a', 'b', ' ', '\t', '\n', '\r', '\u000B', '\f', '\u0085', '\u2028', '\u2029', '\u00A0',
        '\u2003', '\u3000', '\u001F', '\u200B', '.', '\u00E9'};
    java.util.Random random = new java.util.Random(20261123);
    java.util.regex.Pattern lineSpace = java.util.regex.Pattern.compile("[\\s\\p{Z}]+");
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      java.util.List<String> expected = new java.util.ArrayList<>();
      for (String line : text.toString().split("\\R")) {
        String collapsed = lineSpace.matcher(line).replaceAll(" ").strip();
        if (!collapsed.isEmpty()) {
          expected.add(collapsed);
        }
      }
      assertThat(TextNormalizer.lines(text.toString())).as("lines of %s", text.toString().chars()
          .mapToObj(c -> String.format("U+%04X", c)).toList()).isEqualTo(expected);
    }
  }

  @Test
  void foldsAndSplitsWordsAsTheFirstVersionDid() {
    String[] pieces = {"a", "Z", "0", " ", "\n", ".", "-", "'", "\u00df", "\u00c9", "e\u0301", "\u03a3", "\u03c2",
        "\u212a", "\u0130", "\u01c5", "\ud835\udc00", "\ud83d\ude00", "\ud840\udc00", "\u00bd", "\u2164", "\u3000",
        "\u00a0", "\ufb01", "\ud800", "\u0663", "Word", "NEWS"};
    java.util.Random random = new java.util.Random(20261123);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(30); i > 0; i--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String cleaned = text.toString();
      String folded = firstFold(cleaned);
      java.util.List<String> words = new java.util.ArrayList<>();
      TextNormalizer.addFoldedWords(cleaned, words);
      assertThat(TextNormalizer.fold(cleaned)).as("fold of %s", cleaned).isEqualTo(folded);
      assertThat(words).as("words of %s", cleaned).isEqualTo(TextNormalizer.words(folded));
      assertThat(TextNormalizer.wordCount(folded)).isEqualTo(TextNormalizer.words(folded).size());
    }
  }

  @Test
  void cleanRemovesFormatCharactersOnlyWhenThereAreSome() {
    assertThat(TextNormalizer.clean("caf\u00e9 soft\u00adhyphen zero\u200bwidth \ufeffbom"))
        .isEqualTo("caf\u00e9 softhyphen zerowidth bom");
    assertThat(TextNormalizer.clean("caf\u00e9 \u2019quoted\u2019")).isEqualTo("caf\u00e9 \u2019quoted\u2019");
  }

  /** fold as first written: a StringBuilder and a code point at a time. */
  private static String firstFold(String cleaned) {
    StringBuilder out = new StringBuilder();
    boolean pendingSpace = false;
    for (int i = 0; i < cleaned.length(); ) {
      int cp = cleaned.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      boolean word = cp < 0x80
          ? (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
          : Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
              || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK
              || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
      if (!word) {
        pendingSpace = true;
        continue;
      }
      if (pendingSpace && !out.isEmpty()) {
        out.append(' ');
      }
      pendingSpace = false;
      if (cp < 0x80) {
        out.append((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
      } else if (cp == 0x00DF) {
        out.append("ss");
      } else {
        out.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp)));
      }
    }
    return out.toString();
  }
}
