package dev.newsflow.enrich.tag.dict;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.newsflow.enrich.tag.text.Token;
import dev.newsflow.enrich.tag.text.Tokenizer;

/**
 * All actor names and role words, compiled into token tries once.
 *
 * <p>Reads {@code countries.tsv} (code, name, other names, demonyms, capitals, institutions as
 * {@code name=ROLE}), {@code organisations.tsv} (code, role, name, other names),
 * {@code leaders.tsv} (code, role, office, from, to, names, short form) and {@code roles.tsv}
 * (phrase, role) and {@code not-actors.tsv} (phrases such as "Korean Peninsula" that contain a
 * name but are no actor). Example country row: {@code PRK	North Korea	DPRK|N. Korea	North Korean
 * Pyongyang	KCNA=MED}.
 */
public final class ActorDictionary {

    private final TokenTrie<ActorEntry> names = new TokenTrie<>();
    private final TokenTrie<String> roles = new TokenTrie<>();
    private int size;

    private ActorDictionary() {
    }

    /** Loads and compiles the dictionary files of {@code source}. */
    public static ActorDictionary load(DataSource source) {
        ActorDictionary d = new ActorDictionary();
        source.rows("countries.tsv").forEach(d::country);
        source.rows("organisations.tsv").forEach(d::organisation);
        source.rows("leaders.tsv").forEach(d::leader);
        for (String[] r : source.rows("not-actors.tsv")) {
            d.add(col(r, 0), new ActorEntry("---", null, col(r, 0), ActorEntry.Kind.NOT_ACTOR, null, null,
                    false, false, null));
        }
        for (String[] r : source.rows("roles.tsv")) {
            d.roles.put(tokens(col(r, 0)), col(r, 1).isEmpty() ? "" : col(r, 1));
        }
        return d;
    }

    public TokenTrie<ActorEntry> names() {
        return names;
    }

    public TokenTrie<String> roles() {
        return roles;
    }

    /** Number of names stored. */
    public int size() {
        return size;
    }

    private void country(String[] r) {
        String code = col(r, 0);
        String name = col(r, 1);
        add(name, new ActorEntry(code, null, name, ActorEntry.Kind.COUNTRY, null, null, false, false, null));
        for (String alias : split(col(r, 2))) {
            add(alias, new ActorEntry(code, null, name, ActorEntry.Kind.COUNTRY, null, null, false,
                    exactCase(alias), null));
        }
        for (String demonym : split(col(r, 3))) {
            add(demonym, new ActorEntry(code, null, name, ActorEntry.Kind.DEMONYM, null, null, false, false, null));
        }
        for (String capital : split(col(r, 4))) {
            add(capital, new ActorEntry(code, "GOV", name, ActorEntry.Kind.CAPITAL, null, null, false, false, null));
        }
        for (String inst : split(col(r, 5))) {
            String[] kv = inst.split("=", 2);
            String role = kv.length > 1 && !kv[1].isBlank() ? kv[1].strip() : null;
            add(kv[0].strip(), new ActorEntry(code, role, name, ActorEntry.Kind.INSTITUTION, null, null,
                    false, exactCase(kv[0].strip()), null));
        }
    }

    private void organisation(String[] r) {
        String code = col(r, 0);
        String role = col(r, 1).isEmpty() ? null : col(r, 1);
        String name = col(r, 2);
        add(name, new ActorEntry(code, role, name, ActorEntry.Kind.ORGANISATION, null, null, false,
                exactCase(name), null));
        for (String alias : split(col(r, 3))) {
            add(alias, new ActorEntry(code, role, name, ActorEntry.Kind.ORGANISATION, null, null, false,
                    exactCase(alias), null));
        }
    }

    private void leader(String[] r) {
        String code = col(r, 0);
        String role = col(r, 1).isEmpty() ? null : col(r, 1);
        LocalDate from = date(col(r, 3));
        LocalDate to = date(col(r, 4));
        List<String> all = split(col(r, 5));
        if (all.isEmpty()) {
            throw new IllegalArgumentException("leaders.tsv row without a name: " + String.join("\t", r));
        }
        String person = all.get(0);
        for (String n : all) {
            add(n, new ActorEntry(code, role, person, ActorEntry.Kind.PERSON, from, to, false, false, person));
        }
        for (String s : split(col(r, 6))) {
            add(s, new ActorEntry(code, role, person, ActorEntry.Kind.PERSON, from, to, true, false, person));
        }
    }

    private void add(String phrase, ActorEntry entry) {
        List<String> t = tokens(phrase);
        if (!t.isEmpty()) {
            names.put(t, entry);
            size++;
        }
    }

    /** Lower-cased tokens of a dictionary phrase, split exactly as article text is. */
    public static List<String> tokens(String phrase) {
        List<String> out = new ArrayList<>();
        for (Token t : Tokenizer.tokenize(phrase, 0)) {
            out.add(t.norm());
        }
        return out;
    }

    private static boolean exactCase(String alias) {
        String letters = alias.replace(".", "");
        return letters.length() <= 4 && letters.equals(letters.toUpperCase(Locale.ROOT));
    }

    private static LocalDate date(String s) {
        return s.isEmpty() ? null : LocalDate.parse(s);
    }

    private static List<String> split(String s) {
        return s.isEmpty() ? List.of() : Arrays.stream(s.split("\\|")).map(String::strip)
                .filter(x -> !x.isEmpty()).toList();
    }

    private static String col(String[] r, int i) {
        return i < r.length ? r[i] : "";
    }
}
