package dev.newsflow.enrich.tag.dict;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newsflow.enrich.tag.text.Sentence;
import dev.newsflow.enrich.tag.text.SentenceSplitter;

class ActorFinderTest {

    private static final DataSource DATA = DataSource.bundled();
    private static final ActorFinder FINDER = new ActorFinder(ActorDictionary.load(DATA), Cues.load(DATA));

    private static List<String> codes(String text, String day) {
        List<Sentence> sentences = SentenceSplitter.split(text);
        LocalDate d = day == null ? null : LocalDate.parse(day);
        return sentences.stream()
                .flatMap(s -> FINDER.find(s, d, FINDER.personsNamed(sentences)).stream())
                .filter(m -> !m.place())
                .map(Mention::code)
                .toList();
    }

    @Test
    void resolvesNamesShortFormsDemonymsAndCapitals() {
        assertThat(codes("North Korea, N. Korea, the DPRK and N Korea", null)).containsExactly("PRK", "PRK", "PRK", "PRK");
        assertThat(codes("North Korean officials met Pyongyang's envoy", null)).containsExactly("PRKGOV", "PRKGOV");
        assertThat(codes("Washington and Seoul and Beijing agreed", null)).containsExactly("USAGOV", "KORGOV", "CHNGOV");
    }

    @Test
    void resolvesOrganisationsAndStateMedia() {
        assertThat(codes("The UN Security Council and ASEAN and NATO met, KCNA said", null))
                .containsExactly("UNO", "ASN", "NAT", "PRKMED");
    }

    @Test
    void resolvesPeopleByTheirOfficeOnTheArticleDate() {
        assertThat(codes("Obama met Park Geun-hye", "2016-09-06")).containsExactly("USAGOV", "KORGOV");
        assertThat(codes("Obama met Park Geun-hye", "2022-12-13")).containsExactly("USA", "KOR");
        assertThat(codes("Kim Jong Un and Kim Jong-un", "2022-12-13")).containsExactly("PRKGOV", "PRKGOV");
    }

    @Test
    void countsASurnameOnlyAfterATitleOrTheFullName() {
        assertThat(codes("Park spoke in the park.", "2016-09-06")).isEmpty();
        assertThat(codes("President Park spoke.", "2016-09-06")).containsExactly("KORGOV");
        assertThat(codes("Park Geun-hye arrived. Later Park spoke.", "2016-09-06")).containsExactly("KORGOV", "KORGOV");
    }

    @Test
    void readsRoleWordsAroundACountry() {
        assertThat(codes("Chinese troops and Japan's foreign minister and the government of Sudan", null))
                .containsExactly("CHNMIL", "JPNGOV", "SDNGOV");
        assertThat(codes("Security forces in Somalia struck back", null)).containsExactly("SOMMIL");
    }

    @Test
    void marksPlacesThatOnlyLocateAnEvent() {
        assertThat(codes("Leaders met at a summit in Laos and later in northern Thailand and Cambodia.", null)).isEmpty();
        assertThat(codes("SEOUL (Reuters) - The Bangkok talks ended on the Thai border.", null)).isEmpty();
    }

    @Test
    void ignoresPhrasesThatOnlyContainAName() {
        assertThat(codes("Tension on the Korean Peninsula rose; the Washington Post said", null)).isEmpty();
    }

    @Test
    void skipsANameThatIsPartOfALongerHyphenatedName() {
        assertThat(codes("She leads Guinea-Lanta, a charity, and attended the US-China talks.", null))
                .containsExactly("USA", "CHN");
    }

    @Test
    void needsCapitalsForUpperCaseAbbreviations() {
        assertThat(codes("He told us about the US plan", null)).containsExactly("USA");
    }
}
