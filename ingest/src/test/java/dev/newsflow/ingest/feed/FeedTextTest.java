package dev.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedTextTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
    "https://e.example/a/b.xml | c.html         | https://e.example/a/c.html",
    "https://e.example         | c.html         | https://e.example/c.html",
    "https://e.example/a/      | ../x y.html    | https://e.example/x%20y.html",
    "https://e.example/a/      | //cdn.example/i | https://cdn.example/i",
    "NULL                      | c.html         | c.html",
    "not a base                | c.html         | c.html",
    "https://e.example/        | http://o.example/p | http://o.example/p",
  })
  void resolvesAgainstBase(String base, String ref, String expected) {
    assertThat(FeedText.resolve(base, ref)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
    "Ben &amp; Jerry&#8217;s                | Ben & Jerry’s",
    "'  <b>Bold</b>\t  move  '             | Bold move",
    "1 < 2                                  | 1 < 2",
    "'   '                                  | NULL",
  })
  void makesPlainText(String in, String expected) {
    assertThat(FeedText.plain(in)).isEqualTo(expected);
  }
}
