package dev.newsflow.enrich.tag.dict;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One way of naming an actor in the dictionary.
 *
 * <p>Example: {@code ActorEntry("KOR", "GOV", "South Korea", PERSON, 2013-02-25, 2017-03-10,
 * false, false)} for "Park Geun-hye"; a short form "Park" has {@code shortForm} true and counts
 * only after a title ("President Park") or after the full name in the same article.
 *
 * @param base      country or organisation code ({@code KOR}, {@code UNO})
 * @param role      role suffix ({@code GOV}, {@code MED}...) or null
 * @param name      readable name of the country or organisation
 * @param kind      what kind of name this is
 * @param from      first day in office (persons), or null
 * @param to        last day in office (persons), or null when still in office
 * @param shortForm a surname that needs a title or the full name nearby
 * @param exactCase an upper-case abbreviation ("US", "UN") that must be written in capitals
 * @param person    the full name of the person this entry stands for, or null
 */
public record ActorEntry(String base, String role, String name, Kind kind, LocalDate from,
                         LocalDate to, boolean shortForm, boolean exactCase, String person) {

    /** Kinds of names, which decide how a mention is read; NOT_ACTOR shadows a name ("Korean Peninsula"). */
    public enum Kind { COUNTRY, DEMONYM, CAPITAL, INSTITUTION, ORGANISATION, PERSON, NOT_ACTOR }

    public ActorEntry {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (base.length() != 3) {
            throw new IllegalArgumentException("actor base code must have 3 letters: " + base);
        }
    }

    /** True when the office (if any) covers {@code day}; undated entries always hold. */
    public boolean holdsOn(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }
}
