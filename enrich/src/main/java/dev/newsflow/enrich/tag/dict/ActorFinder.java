package dev.newsflow.enrich.tag.dict;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.newsflow.enrich.tag.text.Sentence;
import dev.newsflow.enrich.tag.text.Token;

/**
 * Finds the actors named in a sentence: longest dictionary match at each token, the office a
 * person held on the article's date, role words around a country ("South Korean President",
 * "Chinese troops", "the government of Sudan"), and whether the name only locates something.
 *
 * <p>Example: in "Obama met Park Geun-hye in Laos" (2016) it finds {@code USAGOV} (0-1),
 * {@code KORGOV} (2-5) and {@code LAO} (6-7) marked as a place.
 */
public final class ActorFinder {

    private final ActorDictionary dict;
    private final Cues cues;

    public ActorFinder(ActorDictionary dict, Cues cues) {
        this.dict = dict;
        this.cues = cues;
    }

    /** Full names of the persons named in full in {@code sentences}: their short forms count then. */
    public Set<String> personsNamed(List<Sentence> sentences) {
        Set<String> persons = new HashSet<>();
        for (Sentence s : sentences) {
            for (int i = 0; i < s.size(); i++) {
                TokenTrie.Match<ActorEntry> m = dict.names().longest(s.norms(), i);
                if (m == null) {
                    continue;
                }
                if (s.token(i).capitalised()) {
                    for (ActorEntry e : m.values()) {
                        if (e.kind() == ActorEntry.Kind.PERSON && !e.shortForm()) {
                            persons.add(e.person());
                        }
                    }
                }
                i = m.end() - 1;
            }
        }
        return persons;
    }

    /** Actors named in {@code s}, in text order; {@code day} may be null (latest office holders). */
    public List<Mention> find(Sentence s, LocalDate day, Set<String> persons) {
        List<Mention> out = new ArrayList<>();
        int i = 0;
        while (i < s.size()) {
            TokenTrie.Match<ActorEntry> m = dict.names().longest(s.norms(), i);
            ActorEntry e = m == null || partOfLongerName(s, m.end()) ? null : choose(s, m, day, persons);
            if (e == null) {
                i++;
                continue;
            }
            if (e.kind() != ActorEntry.Kind.NOT_ACTOR) {
                addOrMerge(s, out, mention(s, m, e, day));
            }
            i = out.isEmpty() || e.kind() == ActorEntry.Kind.NOT_ACTOR ? m.end() : Math.max(m.end(),
                    out.get(out.size() - 1).end());
        }
        return Places.mark(s, out, cues, dict.roles());
    }

    /** "Guinea-Lanta", "Jordan-Smith": a name hyphen-joined to an unknown capitalised word is another name. */
    private boolean partOfLongerName(Sentence s, int end) {
        if (end >= s.size() || end == 0 || !s.token(end).capitalised()) {
            return false;
        }
        int gap = s.token(end - 1).end() - s.offset();
        boolean hyphen = s.token(end).start() - s.token(end - 1).end() == 1 && s.text().charAt(gap) == '-';
        return hyphen && dict.names().longest(s.norms(), end) == null;
    }

    /** "the Association of Southeast Asian Nations (ASEAN)" is one mention, not two. */
    private static void addOrMerge(Sentence s, List<Mention> out, Mention m) {
        if (!out.isEmpty()) {
            Mention prev = out.get(out.size() - 1);
            if (prev.base().equals(m.base()) && m.start() == prev.end() + 1 && s.norm(prev.end()).equals("(")) {
                out.set(out.size() - 1, new Mention(prev.start(), m.end(), prev.base(),
                        prev.role() != null ? prev.role() : m.role(), prev.name(), prev.kind(), prev.place()));
                return;
            }
        }
        out.add(m);
    }

    private ActorEntry choose(Sentence s, TokenTrie.Match<ActorEntry> m, LocalDate day, Set<String> persons) {
        Token first = s.token(m.start());
        if (!first.capitalised()) {
            return null;
        }
        List<ActorEntry> ok = m.values().stream()
                .filter(e -> !e.exactCase() || allCaps(s, m))
                .filter(e -> !e.shortForm() || titled(s, m.start()) || persons.contains(e.person()))
                .toList();
        if (ok.isEmpty()) {
            return null;
        }
        if (ok.get(0).kind() != ActorEntry.Kind.PERSON) {
            return ok.get(0);
        }
        LocalDate when = day;
        return ok.stream().filter(e -> when == null || e.holdsOn(when))
                .max(Comparator.comparing(e -> e.from() == null ? LocalDate.MIN : e.from()))
                .orElseGet(() -> formerOffice(ok, day));
    }

    /** A person out of office on {@code day}: still of the country, without the role. */
    private static ActorEntry formerOffice(List<ActorEntry> entries, LocalDate day) {
        ActorEntry latest = entries.stream()
                .filter(e -> e.from() == null || !e.from().isAfter(day))
                .max(Comparator.comparing(e -> e.from() == null ? LocalDate.MIN : e.from()))
                .orElse(entries.get(0));
        return new ActorEntry(latest.base(), null, latest.name(), latest.kind(), latest.from(), latest.to(),
                latest.shortForm(), false, latest.person());
    }

    private Mention mention(Sentence s, TokenTrie.Match<ActorEntry> m, ActorEntry e, LocalDate day) {
        String role = e.role();
        int end = m.end();
        if (e.kind() == ActorEntry.Kind.COUNTRY || e.kind() == ActorEntry.Kind.DEMONYM) {
            int after = s.norm(end).equals("'s") ? end + 1 : end;
            if (cues.has("role-modifier", s.norm(after))) {
                after++;
            }
            TokenTrie.Match<String> r = dict.roles().longest(s.norms(), after);
            if (r != null) {
                role = r.values().get(0).isEmpty() ? null : r.values().get(0);
                end = r.end();
            } else {
                role = roleBefore(s, m.start());
            }
        }
        if (role != null && former(s, m.start())) {
            role = null;
        }
        return new Mention(m.start(), end, e.base(), role, e.name(), e.kind(), false);
    }

    /** "the government of Sudan", "President of France". */
    private String roleBefore(Sentence s, int start) {
        if (!s.norm(start - 1).equals("of")) {
            return null;
        }
        for (int from = Math.max(0, start - 4); from < start - 1; from++) {
            TokenTrie.Match<String> r = dict.roles().longest(s.norms(), from);
            if (r != null && r.end() == start - 1 && !r.values().get(0).isEmpty()) {
                return r.values().get(0);
            }
        }
        return null;
    }

    private boolean former(Sentence s, int start) {
        return cues.has("former", s.norm(start - 1)) || cues.has("former", s.norm(start - 2));
    }

    private boolean titled(Sentence s, int start) {
        return cues.has("title", s.norm(start - 1)) || cues.has("title", s.norm(start - 2) + " " + s.norm(start - 1));
    }

    private static boolean allCaps(Sentence s, TokenTrie.Match<ActorEntry> m) {
        for (int i = m.start(); i < m.end(); i++) {
            String t = s.token(i).text();
            for (int k = 0; k < t.length(); k++) {
                if (Character.isLowerCase(t.charAt(k))) {
                    return false;
                }
            }
        }
        return true;
    }
}
