package dev.newsflow.enrich.tag;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.newsflow.enrich.tag.dict.ActorDictionary;
import dev.newsflow.enrich.tag.dict.ActorFinder;
import dev.newsflow.enrich.tag.dict.Cues;
import dev.newsflow.enrich.tag.dict.DataSource;
import dev.newsflow.enrich.tag.dict.Mention;
import dev.newsflow.enrich.tag.rules.EventExtractor;
import dev.newsflow.enrich.tag.rules.Lexicon;
import dev.newsflow.enrich.tag.text.Sentence;
import dev.newsflow.enrich.tag.text.SentenceSplitter;

/**
 * Tags an article with the actors that take part in the events it reports and the PLOVER event
 * types of those events. Built once from data files, then thread-safe and free of I/O.
 *
 * <p>Example: {@code Tagger.load().tag(new Article("a1", "", "North Korea launched a ballistic
 * missile on Monday, Seoul said.", null))} gives actors {@code [PRK]} and an event
 * {@code MOBILIZE PRK}. Use {@link #load(Path)} to read edited dictionaries from a directory.
 */
public final class Tagger {

    private static final Logger LOG = LoggerFactory.getLogger(Tagger.class);

    private final ActorFinder finder;
    private final EventExtractor extractor;

    private Tagger(DataSource source) {
        Cues cues = Cues.load(source);
        ActorDictionary dict = ActorDictionary.load(source);
        Lexicon lexicon = Lexicon.load(source);
        this.finder = new ActorFinder(dict, cues);
        this.extractor = new EventExtractor(lexicon, cues);
        LOG.info("tagger loaded from {}: {} actor names, {} event rules", source, dict.size(), lexicon.size());
    }

    /** A tagger over the bundled dictionaries and rules. */
    public static Tagger load() {
        return new Tagger(DataSource.bundled());
    }

    /**
     * A tagger over the data files in {@code dir} (countries.tsv, organisations.tsv, leaders.tsv,
     * roles.tsv, not-actors.tsv, cues.tsv, triggers.tsv, irregular-verbs.tsv).
     *
     * @throws java.io.UncheckedIOException when a file is missing
     * @throws IllegalArgumentException when a row is malformed
     */
    public static Tagger load(Path dir) {
        return new Tagger(DataSource.directory(dir));
    }

    /** Actors and events of {@code article}. */
    public Tags tag(Article article) {
        LocalDate day = article.published() == null ? null
                : LocalDate.ofInstant(article.published(), ZoneOffset.UTC);
        List<Sentence> title = SentenceSplitter.split(article.title());
        List<Sentence> body = SentenceSplitter.split(article.text());
        List<Sentence> all = new ArrayList<>(title);
        all.addAll(body);
        Set<String> persons = finder.personsNamed(all);
        ArticleActors actors = new ArticleActors();
        List<EventTag> events = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Sentence s = all.get(i);
            boolean headline = i < title.size();
            List<Mention> mentions = finder.find(s, day, persons);
            List<EventTag> found = extractor.extract(s, mentions, day, headline ? -1 : s.offset());
            actors.add(mentions, headline);
            events.addAll(found);
        }
        return new Tags(actors.participants(events), events);
    }
}
