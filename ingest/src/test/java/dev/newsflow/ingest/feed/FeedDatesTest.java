package dev.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDatesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "Tue, 10 Jun 2003 04:00:00 GMT        | 2003-06-10T04:00:00Z",
    "Tue, 10 Jun 2003 04:00:00 -0000      | 2003-06-10T04:00:00Z",
    "Sun, 28 Feb 2004 18:14:55 PST        | 2004-02-29T02:14:55Z",
    "Thursday, 01-Jan-04 10:00:00 EST     | 2004-01-01T15:00:00Z",
    "28 February 2004 18:14 +0100         | 2004-02-28T17:14:00Z",
    "Mon, 5 Jan 2004 7:05:00 UT           | 2004-01-05T07:05:00Z",
    "Mon, 05 jan 2004 07:05:00 GMT+2      | 2004-01-05T05:05:00Z",
    "2004-02-28T18:14:55Z                 | 2004-02-28T18:14:55Z",
    "2004-02-28T18:14:55.123+05:30        | 2004-02-28T12:44:55.123Z",
    "2004-02-28T18:14-08:00               | 2004-02-29T02:14:00Z",
    "2004-02-28 18:14:55                  | 2004-02-28T18:14:55Z",
    "2004-02-28                           | 2004-02-28T00:00:00Z",
    "2004-02                              | 2004-02-01T00:00:00Z",
    "20040228T181455Z                     | 2004-02-28T18:14:55Z",
    "Feb 28, 2004 6:14 PM                 | 2004-02-28T18:14:00Z",
    "2004/02/28 18:14:55                  | 2004-02-28T18:14:55Z",
    "Sept 3 2021                          | 2021-09-03T00:00:00Z",
  })
  void normalisesToUtc(String raw, String expected) {
    assertThat(FeedDates.parse(raw)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "yesterday", "32 Foo 2004", "2004-13-45"})
  void returnsNullForNonDates(String raw) {
    assertThat(FeedDates.parse(raw)).isNull();
  }
}
