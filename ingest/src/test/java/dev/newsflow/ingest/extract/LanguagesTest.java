package dev.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguagesTest {

    private static final String PORTUGUESE = "O governo anunciou nesta segunda-feira um novo pacote de medidas para "
            + "conter a alta dos preços dos alimentos, que deve entrar em vigor no próximo mês.";

    @Test
    void normalisesLanguageTags() {
        assertThat(Languages.normalise("en-US")).isEqualTo("en");
        assertThat(Languages.normalise("pt_BR")).isEqualTo("pt");
        assertThat(Languages.normalise(" DE ")).isEqualTo("de");
        assertThat(Languages.normalise("eng")).isNull();
        assertThat(Languages.normalise(null)).isNull();
    }

    @Test
    void detectsWhenUndeclaredAndOverrulesAWrongDeclaration() {
        Languages languages = Languages.lingua();
        assertThat(languages.decide(null, PORTUGUESE)).isEqualTo("pt");
        assertThat(languages.decide("en", PORTUGUESE)).isEqualTo("pt");
        assertThat(languages.decide("pt", PORTUGUESE)).isEqualTo("pt");
    }

    @Test
    void trustsDeclarationForTooShortText() {
        assertThat(Languages.lingua().decide("fr", "OK")).isEqualTo("fr");
        assertThat(Languages.declaredOnly().decide("en", PORTUGUESE)).isEqualTo("en");
    }
}
