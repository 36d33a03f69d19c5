package dev.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2022-12-13T10:15:00+05:00      | 2022-12-13T05:15:00Z",
        "2022-12-13T10:15:00.123Z       | 2022-12-13T10:15:00Z",
        "2019-11-20T09:29:00-0500       | 2019-11-20T14:29:00Z",
        "2019-11-20 09:29:00            | 2019-11-20T09:29:00Z",
        "2016-09-06                     | 2016-09-06T00:00:00Z",
        "'Tue, 13 Dec 2022 06:02:00 GMT' | 2022-12-13T06:02:00Z",
        "Tue 13 Dec 2022 06:02 GMT      | 2022-12-13T06:02:00Z",
        "'November 20, 2019'            | 2019-11-20T00:00:00Z",
        "'Published: Nov 3rd, 2021'     | 2021-11-03T00:00:00Z",
        "1574245740000                  | 2019-11-20T10:29:00Z",
    })
    void parsesCommonFormatsToUtc(String text, String expected) {
        assertThat(Dates.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0001-01-01T00:00:00Z", "not a date", "'  '", "2020-13-45"})
    void rejectsPlaceholdersAndNonDates(String text) {
        assertThat(Dates.parse(text)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://x.example/world/2019/11/20/story-name   | 2019-11-20T00:00:00Z",
        "https://x.example/news/20191120/story           | 2019-11-20T00:00:00Z",
        "https://x.example/2019-11-20-story              | 2019-11-20T00:00:00Z",
    })
    void findsDatesInUrls(String url, String expected) {
        assertThat(Dates.fromUrl(url)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"https://x.example/story-12345678", "https://x.example/2019/13/40/x"})
    void ignoresUrlsWithoutDates(String url) {
        assertThat(Dates.fromUrl(url)).isNull();
    }
}
