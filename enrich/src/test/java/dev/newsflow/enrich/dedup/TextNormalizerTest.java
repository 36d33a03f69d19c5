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
}
