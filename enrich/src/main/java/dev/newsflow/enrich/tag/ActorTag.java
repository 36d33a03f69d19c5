package dev.newsflow.enrich.tag;

import java.util.Objects;

/**
 * One actor taking part in the events of an article.
 *
 * <p>Example: {@code ActorTag("USAGOV", "United States", "GOV", 4, 0.62)}: the US government, four
 * mentions. {@code code} is an ISO 3166-1 alpha-3 country code or an organisation code
 * ({@code UNO}, {@code EUR}, {@code NAT}...), followed by the role suffix when there is one.
 *
 * @param code     CAMEO-style actor code, e.g. {@code PRK}, {@code PRKGOV}, {@code UNO}
 * @param name     readable name of the country or organisation
 * @param role     role suffix ({@code GOV}, {@code MIL}, {@code MED}...) or null
 * @param mentions number of mentions in the article (participating, not as places)
 * @param salience 0..1, how central the actor is to the article
 */
public record ActorTag(String code, String name, String role, int mentions, double salience) {

    public ActorTag {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        if (code.length() < 3) {
            throw new IllegalArgumentException("actor code too short: " + code);
        }
        if (mentions < 0 || salience < 0 || salience > 1) {
            throw new IllegalArgumentException("bad mentions/salience for " + code);
        }
    }

    /** The country or organisation part of the code, e.g. {@code USA} for {@code USAGOV}. */
    public String base() {
        return code.substring(0, 3);
    }
}
