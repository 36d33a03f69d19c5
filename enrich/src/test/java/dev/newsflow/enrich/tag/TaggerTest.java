package dev.newsflow.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Event typing and participants on sentences written for these tests. */
class TaggerTest {

    private static final Tagger TAGGER = Tagger.load();
    private static final Instant Y2016 = Instant.parse("2016-03-01T00:00:00Z");

    private static Tags tag(String text) {
        return TAGGER.tag(new Article("t", "", text, Y2016));
    }

    private static List<String> types(String text) {
        return tag(text).eventTypes();
    }

    @Test
    void typesPlainStatementsByTheirDefinition() {
        assertThat(types("North Korea launched two ballistic missiles into the sea on Sunday.")).containsExactly("MOBILIZE");
        assertThat(types("Japan imposed fresh sanctions on Iran.")).containsExactly("SANCTION");
        assertThat(types("An air strike killed 12 civilians near the border, Syrian officials said.")).containsExactly("ASSAULT");
        assertThat(types("Germany condemned the decision.")).containsExactly("ACCUSE");
        assertThat(types("The Indian prime minister met his Pakistani counterpart on Friday.")).containsExactly("CONSULT");
        assertThat(types("Thousands of workers staged a protest outside parliament.")).containsExactly("PROTEST");
        assertThat(types("Police arrested 40 opposition activists in Nairobi.")).containsExactly("COERCE");
        assertThat(types("Brazil rejected the proposal.")).containsExactly("REJECT");
        assertThat(types("Canada urged Venezuela to free the detained journalists.")).containsExactly("REQUEST");
    }

    @Test
    void dropsNegatedPossibleAndConditionalEvents() {
        assertThat(types("Japan did not impose sanctions on Iran.")).isEmpty();
        assertThat(types("North Korea may launch another missile soon, analysts said.")).isEmpty();
        assertThat(types("Seoul will respond if Pyongyang launches a missile.")).doesNotContain("MOBILIZE");
    }

    @Test
    void turnsStatedIntentIntoThreatOrAgreement() {
        assertThat(types("Washington threatened to impose sanctions on Caracas.")).containsExactly("THREATEN");
        assertThat(types("France vowed to impose new sanctions on Moscow.")).containsExactly("THREATEN");
        assertThat(types("Kenya agreed to withdraw its troops from Somalia.")).containsExactly("AGREE");
        assertThat(types("Turkey said it will not negotiate with the rebels.")).containsExactly("REJECT");
    }

    @Test
    void letsBlockingRulesShadowMisleadingTriggers() {
        assertThat(types("The French foreign ministry refused to comment on the report.")).isEmpty();
        assertThat(types("Mexico struck a deal with Canada on steel quotas.")).containsExactly("AGREE");
    }

    @Test
    void ignoresOldBackground() {
        assertThat(types("The council recalled the sanctions imposed in 2006 on the country.")).isEmpty();
    }

    @Test
    void doesNotCountTheObjectOfAnotherEventAsAnEvent() {
        assertThat(types("Egypt condemned the bombing of the embassy.")).containsExactly("ACCUSE");
        assertThat(types("Israel rejected a call for talks with Hamas.")).containsExactly("REJECT");
    }

    @Test
    void findsSourceBeforeAndTargetAfterTheTrigger() {
        assertThat(tag("Russia accused Ukraine of shelling civilians.").events())
                .extracting(EventTag::type, EventTag::source, EventTag::target)
                .containsExactly(tuple("ACCUSE", "RUS", "UKR"));
        assertThat(tag("Washington and Seoul denounced the test.").events())
                .extracting(EventTag::source).containsExactlyInAnyOrder("USAGOV", "KORGOV");
    }

    @Test
    void takesTheAgentOfAPassiveAsSource() {
        assertThat(tag("The launch was condemned by Japan.").events())
                .extracting(EventTag::type, EventTag::source).containsExactly(tuple("ACCUSE", "JPN"));
    }

    @Test
    void keepsParticipantsAndLeavesOutPlaces() {
        Tags tags = tag("Obama met South Korean President Park Geun-hye at a summit in Laos on Tuesday.");
        assertThat(tags.actorCodes()).containsExactly("KORGOV", "USAGOV");
        assertThat(tags.events()).extracting(EventTag::type, EventTag::source, EventTag::target)
                .containsExactly(tuple("CONSULT", "USAGOV", "KORGOV"));
    }

    @Test
    void storesTheSentenceAndItsOffset() {
        String text = "Talks stalled. Iran detained a British tanker.";
        EventTag e = tag(text).events().get(0);
        assertThat(e.sentence()).isEqualTo("Iran detained a British tanker.");
        assertThat(e.offset()).isEqualTo(text.indexOf("Iran"));
        assertThat(e.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void tagsTheHeadlineWithOffsetMinusOne() {
        Tags tags = TAGGER.tag(new Article("h", "China expels Canadian diplomats", "", Y2016));
        assertThat(tags.events()).extracting(EventTag::type, EventTag::offset).containsExactly(tuple("SANCTION", -1));
        assertThat(tags.actorCodes()).contains("CHN");
    }

    @Test
    void givesNothingForAnEmptyArticle() {
        Tags tags = TAGGER.tag(new Article("e", null, null, null));
        assertThat(tags.actors()).isEmpty();
        assertThat(tags.events()).isEmpty();
    }

    @Test
    void returnsSortedDistinctSummaries() {
        Tags tags = tag("Japan imposed sanctions on Iran. Iran condemned Japan. Japan imposed more sanctions on Iran.");
        assertThat(tags.eventTypes()).containsExactly("ACCUSE", "SANCTION");
        assertThat(tags.actorCodes()).containsExactly("IRN", "JPN");
    }
}
