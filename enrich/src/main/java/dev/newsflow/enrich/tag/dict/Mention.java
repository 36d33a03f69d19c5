package dev.newsflow.enrich.tag.dict;

/**
 * An actor named in a sentence, over tokens {@code [start, end)}.
 *
 * <p>Example: "South Korean President Park" gives {@code Mention(0, 5, "KOR", "GOV", ...)}.
 *
 * @param start first token
 * @param end   token after the last one (role words included)
 * @param base  country or organisation code
 * @param role  role suffix or null
 * @param name  readable name of the country or organisation
 * @param kind  what kind of name was matched
 * @param place true when the name only locates something ("a summit in Laos")
 */
public record Mention(int start, int end, String base, String role, String name,
                      ActorEntry.Kind kind, boolean place) {

    /** Full actor code, e.g. {@code KORGOV}. */
    public String code() {
        return role == null ? base : base + role;
    }

    Mention withRole(String newRole) {
        return new Mention(start, end, base, newRole, name, kind, place);
    }

    Mention asPlace() {
        return new Mention(start, end, base, role, name, kind, true);
    }
}
