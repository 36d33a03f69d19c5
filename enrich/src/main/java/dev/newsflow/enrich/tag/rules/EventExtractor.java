package dev.newsflow.enrich.tag.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.newsflow.enrich.tag.EventTag;
import dev.newsflow.enrich.tag.dict.Cues;
import dev.newsflow.enrich.tag.dict.Mention;
import dev.newsflow.enrich.tag.text.Sentence;

/**
 * Finds the events a sentence reports: lexicon matches, kept or dropped by their {@link Mood},
 * with the source (the actor before the trigger, or after "by" in the passive) and the target
 * (the actor after it).
 *
 * <p>Example: "North Korea launched two missiles, Seoul said." gives {@code MOBILIZE PRK→null};
 * "Washington and Seoul denounced the launch." gives {@code ACCUSE USAGOV} and {@code ACCUSE
 * KORGOV}; "Tokyo may impose sanctions." gives nothing.
 */
public final class EventExtractor {

    private static final Set<String> CONFLICT = Set.of("SANCTION", "MOBILIZE", "COERCE", "ASSAULT");
    /** Types that stand without a named actor ("dozens were killed"); others need one in the sentence. */
    private static final Set<String> ACTORLESS = Set.of("SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "PROTEST");
    private static final Set<String> COOPERATION = Set.of("CONSULT", "SUPPORT", "COOPERATE", "AID",
            "RETREAT", "CONCEDE");

    private static final int NATURAL_REACH = 8;

    private final Lexicon lexicon;
    private final Cues cues;
    private final Participants participants;

    public EventExtractor(Lexicon lexicon, Cues cues) {
        this.lexicon = lexicon;
        this.cues = cues;
        this.participants = new Participants(cues);
    }

    /** Events of {@code s}; {@code offset} is stored in each event (-1 for a headline). */
    public List<EventTag> extract(Sentence s, List<Mention> mentions, LocalDate day, int offset) {
        List<EventTag> out = new ArrayList<>();
        List<Lexicon.Hit> predicates = new ArrayList<>();
        boolean anyActor = mentions.stream().anyMatch(m -> !m.place());
        for (Lexicon.Hit hit : nonOverlapping(lexicon.match(s))) {
            if (hit.trigger().type().equals(Trigger.NONE)
                    || Dependents.dependent(s, hit, predicates, cues) || natural(s, hit)
                    || hit.trigger().has("active") && participants.passive(s, hit.start())
                    || hit.trigger().has("verb") && !verbUse(s, mentions, hit.start())) {
                continue;
            }
            predicates.add(hit);
            Mood mood = Mood.of(s, hit.start(), hit.end(), day, cues);
            String type = typeIn(mood, hit.trigger().type());
            if (type == null || !anyActor && !ACTORLESS.contains(type)) {
                continue;
            }
            double conf = hit.trigger().confidence() * (mood == Mood.REAL ? 1.0 : 0.8);
            Participants.Pair pair = participants.of(s, mentions, hit.start(), hit.end(),
                    hit.trigger().has("reverse"), hit.trigger().verbal());
            emit(out, type, pair, s, offset, conf);
        }
        return out;
    }

    private static void emit(List<EventTag> out, String type, Participants.Pair pair, Sentence s, int offset,
                             double conf) {
        Set<EventTag> events = new LinkedHashSet<>();
        List<String> sources = pair.sources().isEmpty() ? Collections.singletonList(null) : pair.sources();
        List<String> targets = pair.targets().isEmpty() ? Collections.singletonList(null) : pair.targets();
        double c = pair.sources().isEmpty() ? conf * 0.85 : conf;
        for (String src : sources) {
            for (String tgt : targets) {
                events.add(new EventTag(type, src, tgt, s.text(), offset, Math.min(1.0, c)));
            }
        }
        for (EventTag e : events) {
            boolean seen = out.stream().anyMatch(o -> o.type().equals(e.type())
                    && Objects.equals(o.source(), e.source())
                    && Objects.equals(o.target(), e.target()));
            if (!seen) {
                out.add(e);
            }
        }
    }

    /** "the cyclone slammed into", "destroyed by floods": a hazard, not an actor, did it. */
    private boolean natural(Sentence s, Lexicon.Hit hit) {
        String type = hit.trigger().type();
        if (!CONFLICT.contains(type) && !type.equals("ACCUSE")) {
            return false;
        }
        for (int i = Math.max(0, hit.start() - NATURAL_REACH); i < hit.start(); i++) {
            if (cues.has("natural-hazard", s.norm(i))) {
                return true;
            }
        }
        int by = hit.end();
        return s.norm(by).equals("by") && (cues.has("natural-hazard", s.norm(by + 1))
                || cues.has("natural-hazard", s.norm(by + 2)));
    }

    /**
     * For a rule flagged {@code verb} whose word is also a noun ("support", "ban", "fight"): the
     * base and -s forms count only where a verb stands: after an actor, a modal, "to", a negation,
     * a pronoun or an adverb.
     */
    private boolean verbUse(Sentence s, List<Mention> mentions, int start) {
        String w = s.norm(start);
        if (w.endsWith("ed") || w.endsWith("ing") || start == 0) {
            return true;
        }
        String before = s.norm(start - 1);
        return cues.has("verb-before", before) || before.endsWith("ly")
                || mentions.stream().anyMatch(m -> m.end() == start);
    }

    /** The type an event of {@code type} has in {@code mood}, or null when there is no event. */
    private static String typeIn(Mood mood, String type) {
        return switch (mood) {
            case REAL -> type;
            case INTENT -> CONFLICT.contains(type) ? "THREATEN" : COOPERATION.contains(type) ? "AGREE" : type;
            case REFUSAL -> COOPERATION.contains(type) || type.equals("AGREE") ? "REJECT" : null;
            case NONE -> null;
        };
    }

    /** Longest rules first; a rule whose anchor falls inside an accepted one is dropped. */
    private static List<Lexicon.Hit> nonOverlapping(List<Lexicon.Hit> hits) {
        if (hits.size() < 2) {
            return hits;
        }
        List<Lexicon.Hit> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparingInt(Lexicon.Hit::length).reversed()
                .thenComparingInt(Lexicon.Hit::start));
        List<Lexicon.Hit> kept = new ArrayList<>();
        for (Lexicon.Hit h : sorted) {
            boolean inside = kept.stream().anyMatch(k -> h.start() >= k.start() && h.start() < k.end()
                    || k.start() >= h.start() && k.start() < h.end());
            if (!inside) {
                kept.add(h);
            }
        }
        kept.sort(Comparator.comparingInt(Lexicon.Hit::start));
        return kept;
    }
}
