package dev.newsflow.enrich.tag.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.newsflow.enrich.tag.dict.Cues;
import dev.newsflow.enrich.tag.dict.Mention;
import dev.newsflow.enrich.tag.text.Sentence;

/**
 * Picks who did it and to whom for a trigger over tokens {@code [start, end)}.
 *
 * <p>The source is the nearest actor before the trigger, with the actors coordinated with it
 * ("Washington and Seoul"); when a pronoun stands between ("X pledged ... as they held talks", "X
 * said it would ...") the sentence's subject is taken instead; when a reporting verb stands
 * between without a pronoun ("X said the launch was ...") there is no source; actors in a fronted
 * phrase ("In a reference to China, ...") are never the source. The target is the first actor
 * after the trigger's verb within the clause ("summoned Niger's ambassador"). In the passive ("was condemned by Tokyo"), and after a noun
 * trigger ("a missile test by North Korea"), the agent after "by" is the source. Places are never
 * participants.
 */
final class Participants {

    private static final int TARGET_REACH = 10;
    private static final Set<String> GLUE = Set.of(",", "and", "or", "the", "its", "their", "&");

    private final Cues cues;

    Participants(Cues cues) {
        this.cues = cues;
    }

    /** Source and target codes, each possibly empty. */
    record Pair(List<String> sources, List<String> targets) {
    }

    Pair of(Sentence s, List<Mention> mentions, int start, int end, boolean reverse, boolean verbal) {
        int fronted = frontedEnd(s);
        List<Mention> actors = mentions.stream().filter(m -> !m.place() && m.start() >= fronted).toList();
        List<Mention> all = mentions.stream().filter(m -> !m.place()).toList();
        List<String> before = subject(s, actors, start);
        if (passive(s, start) || !verbal) {
            List<String> agent = agent(s, all, end);
            if (!agent.isEmpty()) {
                return new Pair(agent, passive(s, start) ? before : List.of());
            }
            if (passive(s, start)) {
                return new Pair(List.of(), before);
            }
        }
        List<String> after = groupAfter(s, all, verbal ? start + 1 : end, before);
        return reverse ? new Pair(after, before) : new Pair(before, after);
    }

    /** End of a fronted adverbial phrase ("In January, ..."), or 0. */
    private int frontedEnd(Sentence s) {
        if (!cues.has("fronting-preposition", s.norm(0))) {
            return 0;
        }
        for (int i = 1; i < s.size() && i < 15; i++) {
            if (s.norm(i).equals(",")) {
                return i + 1;
            }
        }
        return 0;
    }

    private List<String> subject(Sentence s, List<Mention> actors, int start) {
        int k = -1;
        for (int i = 0; i < actors.size(); i++) {
            if (actors.get(i).end() <= start) {
                k = i;
            }
        }
        if (k < 0) {
            return new ArrayList<>();
        }
        Between between = between(s, actors.get(k).end(), start);
        if (between == Between.PRONOUN) {
            return group(s, actors, 0);
        }
        return between == Between.REPORTED ? new ArrayList<>() : groupEndingAt(s, actors, k);
    }

    private enum Between { CLEAR, PRONOUN, REPORTED }

    private Between between(Sentence s, int from, int to) {
        boolean reported = false;
        for (int i = from; i < to; i++) {
            String w = s.norm(i);
            if (cues.has("pronoun", w)) {
                return Between.PRONOUN;
            }
            reported |= cues.has("reporting", w) || cues.has("reporting-np", w) && s.norm(i + 1).equals("that");
        }
        return reported ? Between.REPORTED : Between.CLEAR;
    }

    /** The first actor of the sentence and those coordinated with it. */
    private static List<String> group(Sentence s, List<Mention> actors, int first) {
        List<String> out = new ArrayList<>();
        out.add(actors.get(first).code());
        for (int i = first + 1; i < actors.size() && joined(s, actors.get(i - 1).end(), actors.get(i).start()); i++) {
            addCode(out, actors.get(i).code());
        }
        return out;
    }

    private static List<String> groupEndingAt(Sentence s, List<Mention> actors, int k) {
        List<String> out = new ArrayList<>();
        out.add(actors.get(k).code());
        for (int i = k - 1; i >= 0 && joined(s, actors.get(i).end(), actors.get(i + 1).start()); i--) {
            addCode(out, actors.get(i).code());
        }
        return out;
    }

    private List<String> groupAfter(Sentence s, List<Mention> actors, int end, List<String> sources) {
        List<String> out = new ArrayList<>();
        int k = -1;
        for (int i = 0; i < actors.size(); i++) {
            Mention m = actors.get(i);
            if (m.start() >= end && m.start() - end <= TARGET_REACH && !sameBase(m, sources)
                    && !clauseBreak(s, end, m.start())) {
                k = i;
                break;
            }
        }
        if (k < 0) {
            return out;
        }
        out.add(actors.get(k).code());
        for (int i = k + 1; i < actors.size() && joined(s, actors.get(i - 1).end(), actors.get(i).start()); i++) {
            addCode(out, actors.get(i).code());
        }
        return out;
    }

    private boolean clauseBreak(Sentence s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (cues.has("target-stop", s.norm(i))) {
                return true;
            }
        }
        return false;
    }

    boolean passive(Sentence s, int start) {
        for (int i = start - 1; i >= 0 && i >= start - 3; i--) {
            if (cues.has("passive-aux", s.norm(i))) {
                return true;
            }
            if (!s.norm(i).endsWith("ly")) {
                return false;
            }
        }
        return false;
    }

    private static List<String> agent(Sentence s, List<Mention> actors, int end) {
        for (int i = end; i < Math.min(s.size(), end + 4); i++) {
            if (s.norm(i).equals("by")) {
                for (Mention m : actors) {
                    if (m.start() > i && m.start() <= i + 3) {
                        List<String> out = new ArrayList<>();
                        out.add(m.code());
                        return out;
                    }
                }
            }
        }
        return List.of();
    }

    private static boolean sameBase(Mention m, List<String> codes) {
        return codes.stream().anyMatch(c -> c.startsWith(m.base()));
    }

    private static boolean joined(Sentence s, int from, int to) {
        if (to - from > 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!GLUE.contains(s.norm(i))) {
                return false;
            }
        }
        return true;
    }

    private static void addCode(List<String> out, String code) {
        if (!out.contains(code)) {
            out.add(code);
        }
    }
}
