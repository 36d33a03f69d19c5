package dev.newsflow.enrich.tag.dict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.newsflow.enrich.tag.text.Sentence;

/**
 * Marks the mentions that only locate something: after a location preposition ("a summit in
 * Laos", "talks in northern Iraq") unless a role word stands before it ("security forces in
 * Somalia" are Somali forces), a capital that names a venue ("the Bangkok talks"), a name
 * that qualifies a place ("the Thai border", "the US mainland"), a
 * dateline ("JAKARTA (Reuters) -"), and the rest of a list that starts as a place ("in Laos,
 * Cambodia and Thailand").
 */
final class Places {

    private static final Set<String> LIST_GLUE = Set.of(",", "and", "or", "the", "&", "(", ")");

    private Places() {
    }

    static List<Mention> mark(Sentence s, List<Mention> mentions, Cues cues, TokenTrie<String> roles) {
        List<Mention> out = new ArrayList<>(mentions.size());
        Mention prev = null;
        for (Mention m : mentions) {
            int prep = preposition(s, m.start(), cues);
            String role = prep > 0 ? roleBefore(s, prep, roles) : null;
            boolean place = prep >= 0 && role == null || venue(s, m, cues) || dateline(s, m)
                    || (prev != null && prev.place() && listed(s, prev.end(), m.start()));
            Mention r = place ? m.asPlace() : role != null && m.role() == null ? m.withRole(role) : m;
            out.add(r);
            prev = r;
        }
        return out;
    }

    /** Index of the location preposition before the name ("in northern Iraq"), or -1. */
    private static int preposition(Sentence s, int start, Cues cues) {
        int i = start - 1;
        int skipped = 0;
        while (i >= 0 && skipped < 3 && cues.has("place-skip", s.norm(i))) {
            i--;
            skipped++;
        }
        return i >= 0 && cues.has("location-prep", s.norm(i)) ? i : -1;
    }

    /** "forces in Somalia", "demonstrators in Baghdad": the role word before "in" makes an actor. */
    private static String roleBefore(Sentence s, int prep, TokenTrie<String> roles) {
        for (int from = Math.max(0, prep - 2); from < prep; from++) {
            TokenTrie.Match<String> r = roles.longest(s.norms(), from);
            if (r != null && r.end() == prep && !r.values().get(0).isEmpty()) {
                return r.values().get(0);
            }
        }
        return null;
    }

    private static boolean venue(Sentence s, Mention m, Cues cues) {
        if (m.kind() == ActorEntry.Kind.CAPITAL) {
            return cues.has("venue-noun", s.norm(m.end()));
        }
        String before = s.norm(m.start() - 1);
        return m.role() == null && (m.kind() == ActorEntry.Kind.DEMONYM || m.kind() == ActorEntry.Kind.COUNTRY)
                && cues.has("place-noun", s.norm(m.end()))
                && (cues.has("determiner", before) || cues.has("location-prep", before));
    }

    private static boolean dateline(Sentence s, Mention m) {
        if (!s.paragraphStart() || m.start() != 0) {
            return false;
        }
        String next = s.norm(m.end());
        boolean caps = s.token(0).text().equals(s.token(0).text().toUpperCase(Locale.ROOT));
        return next.equals("(") || caps && (next.equals(",") || next.equals("-"));
    }

    private static boolean listed(Sentence s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!LIST_GLUE.contains(s.norm(i))) {
                return false;
            }
        }
        return true;
    }
}
