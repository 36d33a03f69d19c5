package dev.newsflow.enrich.tag.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.newsflow.enrich.tag.dict.DataSource;
import dev.newsflow.enrich.tag.text.Sentence;

/**
 * The event lexicon: rules from {@code triggers.tsv}, compiled once into a map from anchor word
 * form to rules, and matched against sentences.
 *
 * <p>Row format: {@code TYPE	pattern	confidence	flags}. Pattern words: {@code word+} a verb in all
 * its forms, {@code word~} a noun (singular, plural), {@code a|b} alternatives, {@code ?word}
 * optional, {@code ...} a gap of up to five tokens within the clause, {@code martial_law} a
 * several-word alternative. Type {@code NONE} marks a blocking rule: a phrase that contains a
 * trigger but reports no event ("refused to comment"). Example: {@code CONSULT	hold+ ... talk~|meeting~|summit~	0.9}.
 */
public final class Lexicon {

    private static final Set<String> TYPES = Set.of("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE",
            "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
            "COERCE", "ASSAULT", Trigger.NONE);
    private static final Set<String> GAP_STOPS = Set.of(".", ";", ":", "?", "!", "\"", "(", ")");

    private final Map<String, List<Trigger>> byAnchor = new HashMap<>();
    private int size;

    private Lexicon() {
    }

    /** Loads {@code irregular-verbs.tsv} and {@code triggers.tsv} from {@code source}. */
    public static Lexicon load(DataSource source) {
        Map<String, Set<String>> irregular = new HashMap<>();
        for (String[] r : source.rows("irregular-verbs.tsv")) {
            irregular.computeIfAbsent(r[0], k -> new LinkedHashSet<>())
                    .addAll(Arrays.asList(r[1].split("\\|")));
        }
        Inflector inflector = new Inflector(irregular);
        Lexicon lex = new Lexicon();
        for (String[] r : source.rows("triggers.tsv")) {
            compile(r, inflector).forEach(lex::add);
        }
        return lex;
    }

    /** Number of rules. */
    public int size() {
        return size;
    }

    /** All rule matches in {@code s}: rule, first and end token. */
    List<Hit> match(Sentence s) {
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            List<Trigger> rules = byAnchor.get(s.norm(i));
            if (rules == null) {
                continue;
            }
            for (Trigger t : rules) {
                int end = matchFrom(s, t.elements(), 1, i + 1);
                if (end > 0) {
                    hits.add(new Hit(t, i, end));
                }
            }
        }
        return hits;
    }

    /** A rule matched over tokens {@code [start, end)}. */
    record Hit(Trigger trigger, int start, int end) {
        int length() {
            return end - start;
        }
    }

    private static int matchFrom(Sentence s, List<Trigger.Element> els, int k, int pos) {
        if (k == els.size()) {
            return pos;
        }
        Trigger.Element e = els.get(k);
        if (e.gap()) {
            for (int skip = 0; skip <= Trigger.Element.GAP && pos + skip <= s.size(); skip++) {
                if (skip > 0 && GAP_STOPS.contains(s.norm(pos + skip - 1))) {
                    break;
                }
                int end = matchFrom(s, els, k + 1, pos + skip);
                if (end > 0) {
                    return end;
                }
            }
            return -1;
        }
        if (pos < s.size() && e.forms().contains(s.norm(pos))) {
            int end = matchFrom(s, els, k + 1, pos + 1);
            if (end > 0) {
                return end;
            }
        }
        return e.optional() ? matchFrom(s, els, k + 1, pos) : -1;
    }

    private void add(Trigger t) {
        for (String form : t.elements().get(0).forms()) {
            byAnchor.computeIfAbsent(form, k -> new ArrayList<>()).add(t);
        }
        size++;
    }

    private static List<Trigger> compile(String[] r, Inflector inflector) {
        String line = String.join("\t", r);
        if (r.length < 2 || !TYPES.contains(r[0])) {
            throw new IllegalArgumentException("triggers.tsv: bad row (type, pattern): " + line);
        }
        double conf = r.length > 2 && !r[2].isEmpty() ? Double.parseDouble(r[2]) : 0.7;
        Set<String> flags = r.length > 3 && !r[3].isEmpty() ? Set.of(r[3].split(",")) : Set.of();
        List<Trigger> out = new ArrayList<>();
        for (List<String> words : expand(List.of(r[1].toLowerCase(Locale.ROOT).split(" +")))) {
            List<Trigger.Element> els = new ArrayList<>();
            for (String word : words) {
                els.add(element(word, inflector));
            }
            out.add(new Trigger(r[0], els, conf, flags, line, words.get(0).contains("+")));
        }
        return out;
    }

    /**
     * Several-word alternatives ({@code ban~|martial_law}) become patterns of their own: the
     * one-word alternatives stay in place, each several-word one gives a copy with its words.
     */
    private static List<List<String>> expand(List<String> words) {
        List<List<String>> out = new ArrayList<>();
        out.add(new ArrayList<>());
        for (String word : words) {
            List<String> single = new ArrayList<>();
            List<String> multi = new ArrayList<>();
            for (String alt : word.split("\\|")) {
                (alt.contains("_") ? multi : single).add(alt);
            }
            boolean optional = word.startsWith("?");
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : out) {
                if (!single.isEmpty()) {
                    List<String> p = new ArrayList<>(prefix);
                    String joined = String.join("|", single);
                    p.add(optional && !joined.startsWith("?") ? "?" + joined : joined);
                    next.add(p);
                }
                for (String m : multi) {
                    List<String> p = new ArrayList<>(prefix);
                    p.addAll(List.of(m.replace("?", "").split("_")));
                    next.add(p);
                }
            }
            out = next;
        }
        return out;
    }

    private static Trigger.Element element(String word, Inflector inflector) {
        if (word.equals("...")) {
            return new Trigger.Element(Set.of(), false, true);
        }
        boolean optional = word.startsWith("?");
        Set<String> forms = new HashSet<>();
        for (String alt : (optional ? word.substring(1) : word).split("\\|")) {
            if (alt.endsWith("+")) {
                forms.addAll(inflector.verbForms(alt.substring(0, alt.length() - 1)));
            } else if (alt.endsWith("~")) {
                forms.addAll(Inflector.nounForms(alt.substring(0, alt.length() - 1)));
            } else {
                forms.add(alt);
            }
        }
        return new Trigger.Element(forms, optional, false);
    }
}
