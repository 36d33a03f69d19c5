package dev.newsflow.enrich.topology;

import dev.newsflow.enrich.dedup.CandidateJudge;
import dev.newsflow.enrich.dedup.Decision;
import dev.newsflow.enrich.dedup.Deduplicator;
import dev.newsflow.enrich.dedup.Sketch;
import dev.newsflow.enrich.dedup.Sketcher;
import dev.newsflow.enrich.dedup.TextNormalizer;
import dev.newsflow.enrich.dedup.Verdict;
import dev.newsflow.enrich.topology.DedupMessages.BandAnswer;
import dev.newsflow.enrich.topology.DedupMessages.BandMessage;
import dev.newsflow.enrich.topology.DedupMessages.Candidate;
import dev.newsflow.schemas.Dedup;
import dev.newsflow.schemas.DedupVerdict;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.serde.AvroCodec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The article's side of the partitioned deduplication, keyed by article id. A new article is
 * sketched and sent to each of its LSH bands (plus one band for its exact normalised-text hash);
 * it waits in a store until every band has answered with the earlier articles filed under it; then
 * the {@link CandidateJudge} decides, the verdict goes on the article, and the cluster joined goes
 * back to the bands.
 */
final class DedupDecider implements Processor<String, DedupDecider.In, String, DedupDecider.Out> {
  static final String PENDING_STORE = "dedup-pending";
  /** Band answers of pending articles, one entry per (article id, band): written once each. */
  static final String ANSWERS_STORE = "dedup-answers";
  private static final char SEPARATOR = '\u0000';
  private static final AvroCodec<EnrichedArticle> ARTICLES = AvroCodec.of(EnrichedArticle.class);
  private static final String EXACT = "x:";

  /** Input: a new article with its stream time, or a band's answer. */
  sealed interface In {}

  record Incoming(EnrichedArticle article) implements In {}

  record Answer(BandAnswer answer) implements In {}

  /** Output: a decided article, or a message to a band partition. */
  sealed interface Out {}

  record Decided(EnrichedArticle article) implements Out {}

  record ToBand(String band, byte[] message) implements Out {}

  record Pending(byte[] article, long time, byte[] sketch, List<String> groups, Map<String, List<String>> bandsByGroup) {}

  private final Sketcher sketcher;
  private final CandidateJudge judge;
  private ProcessorContext<String, Out> context;
  private KeyValueStore<String, byte[]> pending;
  private KeyValueStore<String, byte[]> answers;
  private final Map<String, Pending> cache = new java.util.HashMap<>();

  private final int bandPartitions;

  DedupDecider(Sketcher sketcher, CandidateJudge judge, int bandPartitions) {
    this.sketcher = sketcher;
    this.judge = judge;
    this.bandPartitions = bandPartitions;
  }

  @Override
  public void init(ProcessorContext<String, Out> context) {
    this.context = context;
    this.pending = context.getStateStore(PENDING_STORE);
    this.answers = context.getStateStore(ANSWERS_STORE);
  }

  @Override
  public void process(Record<String, In> record) {
    switch (record.value()) {
      case Incoming in -> start(record, in);
      case Answer a -> collect(record, a.answer());
    }
  }

  private void start(Record<String, In> record, Incoming in) {
    EnrichedArticle a = in.article();
    String cleaned = TextNormalizer.clean(a.getText());
    String hash = TextNormalizer.contentHashOfCleaned(cleaned, Deduplicator.MIN_EXACT_WORDS);
    Sketch sketch = sketcher.sketchCleaned(a.getTitle(), cleaned);
    List<String> bands = new ArrayList<>(sketcher.bandKeys(sketch));
    if (hash != null) {
      bands.add(EXACT + hash);
    }
    if (bands.isEmpty()) {
      context.forward(record.withValue(new Decided(withDedup(a, Decision.unique(a.getId(), 0)))));
      return;
    }
    byte[] encoded = sketch.encode();
    long time = record.timestamp();
    Map<String, List<String>> byGroup = new java.util.TreeMap<>();
    for (String band : bands) {
      byGroup.computeIfAbsent(DedupMessages.groupKey(DedupMessages.bandPartition(band, bandPartitions)), g -> new ArrayList<>()).add(band);
    }
    Pending p = new Pending(ARTICLES.encode(a), time, encoded, List.copyOf(byGroup.keySet()), byGroup);
    pending.put(a.getId(), DedupMessages.encode(p));
    cache.put(a.getId(), p);
    for (Map.Entry<String, List<String>> g : byGroup.entrySet()) {
      byte[] request = DedupMessages.encode(new BandMessage(false, a.getId(), time, encoded, null, g.getValue()));
      context.forward(record.withKey(g.getKey()).withValue(new ToBand(g.getKey(), request)));
    }
  }

  private void collect(Record<String, In> record, BandAnswer answer) {
    Pending p = pendingOf(answer.id());
    if (p == null) {
      return;
    }
    String prefix = answer.id() + SEPARATOR;
    answers.put(prefix + answer.group(), DedupMessages.encode(answer.candidates()));
    Map<String, List<Candidate>> got = new LinkedHashMap<>();
    try (var it = answers.prefixScan(prefix, new org.apache.kafka.common.serialization.StringSerializer())) {
      while (it.hasNext()) {
        var e = it.next();
        got.put(e.key.substring(prefix.length()),
            List.of(DedupMessages.decode(e.value, Candidate[].class)));
      }
    }
    if (!got.keySet().containsAll(p.groups())) {
      return;
    }
    got.keySet().forEach(group -> answers.delete(prefix + group));
    pending.delete(answer.id());
    cache.remove(answer.id());
    EnrichedArticle a = ARTICLES.decode(p.article());
    Decision d = decide(a.getId(), p, got);
    context.forward(record.withKey(a.getId()).withValue(new Decided(withDedup(a, d))));
    for (Map.Entry<String, List<String>> g : p.bandsByGroup().entrySet()) {
      byte[] verdict = DedupMessages.encode(new BandMessage(true, a.getId(), p.time(), null, d.clusterId(), g.getValue()));
      context.forward(record.withKey(g.getKey()).withValue(new ToBand(g.getKey(), verdict)));
    }
  }

  /** The pending article, from this task's cache or (after a restart) from its store. */
  private Pending pendingOf(String id) {
    Pending p = cache.get(id);
    if (p == null) {
      byte[] raw = pending.get(id);
      if (raw != null) {
        p = DedupMessages.decode(raw, Pending.class);
        cache.put(id, p);
      }
    }
    return p;
  }

  private Decision decide(String id, Pending p, Map<String, List<Candidate>> got) {
    Candidate exact = null;
    Map<String, CandidateJudge.Candidate> near = new LinkedHashMap<>();
    for (Map.Entry<String, List<Candidate>> e : got.entrySet()) {
      for (Candidate c : e.getValue()) {
        if (c.id().equals(id)) {
          continue;
        }
        if (c.exact() && (exact == null || DedupMessages.before(c.time(), c.id(), exact.time(), exact.id()))) {
          exact = c;
        }
        near.putIfAbsent(c.id(), new CandidateJudge.Candidate(c.id(), cluster(c), c.time(), Sketch.decode(c.sketch())));
      }
    }
    if (exact != null) {
      return new Decision(id, Verdict.DUPLICATE, cluster(exact), cluster(exact), 1.0, false, false);
    }
    List<CandidateJudge.Candidate> ordered = new ArrayList<>(near.values());
    ordered.sort(Comparator.comparingLong(CandidateJudge.Candidate::order).thenComparing(CandidateJudge.Candidate::id));
    return judge.decide(id, Sketch.decode(p.sketch()), ordered);
  }

  private static String cluster(Candidate c) {
    return c.clusterId() != null ? c.clusterId() : c.id();
  }

  static EnrichedArticle withDedup(EnrichedArticle a, Decision d) {
    DedupVerdict verdict = switch (d.verdict()) {
      case UNIQUE -> DedupVerdict.UNIQUE;
      case DUPLICATE -> DedupVerdict.DUPLICATE;
      case NEAR_DUPLICATE -> DedupVerdict.NEAR_DUPLICATE;
    };
    return EnrichedArticle.newBuilder(a)
        .setDedup(Dedup.newBuilder().setVerdict(verdict).setDuplicateOf(d.duplicateOf()).setClusterId(d.clusterId())
            .setSimilarity(verdict == DedupVerdict.UNIQUE ? 1.0 : d.similarity()).build())
        .build();
  }
}
