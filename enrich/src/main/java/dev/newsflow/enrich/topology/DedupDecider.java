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
import dev.newsflow.enrich.topology.DedupMessages.Pending;
import dev.newsflow.enrich.topology.DedupMessages.Progress;
import dev.newsflow.schemas.Dedup;
import dev.newsflow.schemas.DedupVerdict;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.serde.AvroCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The article's side of the partitioned deduplication, keyed by article id. A new article is
 * sketched and sent to each of its LSH bands (plus one band for its exact normalised-text hash);
 * it waits in a store until every band has answered with the earlier articles filed under it; then
 * the {@link CandidateJudge} decides, the verdict goes on the article, and the cluster joined goes
 * back to the bands.
 */
final class DedupDecider implements Processor<String, DedupDecider.In, String, DedupDecider.Out> {
  static final String PENDING_STORE = "dedup-pending";
  private static final Logger LOG = LoggerFactory.getLogger(DedupDecider.class);
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

  /** A pending article with the answers received so far (in memory only: see {@link #init}). */
  private static final class Waiting {
    final Pending pending;
    final Map<String, List<Candidate>> got = new HashMap<>();
    /** Earlier articles that reached a band after this one (see BandIndexProcessor.LATE). */
    final List<Candidate> late = new ArrayList<>();

    Waiting(Pending pending) {
      this.pending = pending;
    }
  }

  private final Sketcher sketcher;
  private final CandidateJudge judge;
  private ProcessorContext<String, Out> context;
  private KeyValueStore<String, byte[]> pending;
  private final Map<String, Waiting> cache = new HashMap<>();

  private final int bandPartitions;
  private final BandOrder order;
  /** The latest record time this task has sent requests for (-1: none yet). */
  private long sentUpTo = -1;
  /** Wall-clock time of the last new article, and what was last reported to the bands. */
  private long lastArticleAt;
  private Progress reported;
  private long reportedAt;

  DedupDecider(Sketcher sketcher, CandidateJudge judge, int bandPartitions, BandOrder order) {
    this.sketcher = sketcher;
    this.judge = judge;
    this.bandPartitions = bandPartitions;
    this.order = order;
  }

  @Override
  public void init(ProcessorContext<String, Out> context) {
    this.context = context;
    this.pending = context.getStateStore(PENDING_STORE);
    // Answers are not kept in a store: when this task starts (after a restart or a rebalance) the
    // articles still pending ask their bands again. A band partition answers a repeated request as
    // it did the first time (the article is already filed), so nothing is decided twice or lost,
    // and each article costs no answer writes to a changelog.
    Cancellable[] once = new Cancellable[1];
    once[0] = context.schedule(Duration.ofMillis(1), PunctuationType.WALL_CLOCK_TIME, now -> {
      once[0].cancel();
      askAgain();
    });
    if (order.on()) {
      lastArticleAt = context.currentSystemTimeMs();
      context.schedule(order.progress(), PunctuationType.WALL_CLOCK_TIME, this::reportProgress);
    }
  }

  /**
   * Tells every band partition how far this task has got (see {@link BandOrder}): when it changed,
   * and at least every second, as a band partition that restarted knows nobody's progress.
   */
  private void reportProgress(long now) {
    boolean idle = now - lastArticleAt >= order.idleAfter().toMillis();
    Progress p = new Progress(context.taskId().partition(), sentUpTo, idle);
    if (p.equals(reported) && now - reportedAt < 1000) {
      return;
    }
    reported = p;
    reportedAt = now;
    byte[] message = DedupMessages.encode(p);
    for (int partition = 0; partition < bandPartitions; partition++) {
      String group = DedupMessages.groupKey(partition);
      context.forward(new Record<String, Out>(group, new ToBand(group, message), Math.max(0, sentUpTo)));
    }
  }

  @Override
  public void process(Record<String, In> record) {
    switch (record.value()) {
      case Incoming in -> start(record, in);
      case Answer a -> collect(a.answer());
    }
  }

  private void start(Record<String, In> record, Incoming in) {
    EnrichedArticle a = in.article();
    if (order.on()) {
      sentUpTo = Math.max(sentUpTo, record.timestamp());
      lastArticleAt = context.currentSystemTimeMs();
    }
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
    Map<String, List<String>> byGroup = new TreeMap<>();
    for (String band : bands) {
      byGroup.computeIfAbsent(DedupMessages.groupKey(DedupMessages.bandPartition(band, bandPartitions)), g -> new ArrayList<>()).add(band);
    }
    Pending p = new Pending(ARTICLES.encode(a), time, encoded, byGroup);
    pending.put(a.getId(), DedupMessages.encode(p));
    cache.put(a.getId(), new Waiting(p));
    for (Map.Entry<String, List<String>> g : byGroup.entrySet()) {
      byte[] request = DedupMessages.encode(new BandMessage(false, a.getId(), time, encoded, null, g.getValue()));
      context.forward(record.withKey(g.getKey()).withValue(new ToBand(g.getKey(), request)));
    }
  }

  private void collect(BandAnswer answer) {
    Waiting w = waitingOf(answer.id());
    if (w == null) {
      return;
    }
    Pending p = w.pending;
    if (answer.group().equals(BandIndexProcessor.LATE)) {
      w.late.addAll(answer.candidates());
      return;
    }
    w.got.put(answer.group(), answer.candidates());
    if (!w.got.keySet().containsAll(p.bandsByGroup().keySet())) {
      return;
    }
    finish(answer.id(), w);
  }

  /** Decides, sends the article on, and tells the bands the cluster a copy joined. */
  private void finish(String id, Waiting w) {
    Pending p = w.pending;
    pending.delete(id);
    cache.remove(id);
    EnrichedArticle a = ARTICLES.decode(p.article());
    Map<String, List<Candidate>> all = new HashMap<>(w.got);
    if (!w.late.isEmpty()) {
      all.put(BandIndexProcessor.LATE, w.late);
    }
    Decision d = decide(a.getId(), p, all);
    context.forward(new Record<String, Out>(a.getId(), new Decided(withDedup(a, d)), p.time()));
    // Every verdict goes back, the first of a cluster's too: a band then knows the article is
    // decided, so that an earlier article reaching it late (a catch-up) can still join its cluster.
    for (Map.Entry<String, List<String>> g : p.bandsByGroup().entrySet()) {
      byte[] verdict = DedupMessages.encode(new BandMessage(true, a.getId(), p.time(), null, d.clusterId(), g.getValue()));
      context.forward(new Record<String, Out>(g.getKey(), new ToBand(g.getKey(), verdict), p.time()));
    }
  }

  /** The pending article, from this task's cache or (after a restart) from its store. */
  private Waiting waitingOf(String id) {
    Waiting w = cache.get(id);
    if (w == null) {
      byte[] raw = pending.get(id);
      if (raw == null) {
        return null;
      }
      w = new Waiting(DedupMessages.decodePending(raw));
      cache.put(id, w);
    }
    return w;
  }

  /** Sends the requests of every article still pending in the store again (see {@link #init}). */
  private void askAgain() {
    int asked = 0;
    try (KeyValueIterator<String, byte[]> it = pending.all()) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> e = it.next();
        Pending p = DedupMessages.decodePending(e.value);
        for (Map.Entry<String, List<String>> g : p.bandsByGroup().entrySet()) {
          byte[] request = DedupMessages.encode(new BandMessage(false, e.key, p.time(), p.sketch(), null, g.getValue()));
          context.forward(new Record<String, Out>(g.getKey(), new ToBand(g.getKey(), request), p.time()));
        }
        asked++;
      }
    }
    if (asked > 0) {
      LOG.info("dedup: {} articles were pending when this task started; their bands were asked again", asked);
    }
  }

  private Decision decide(String id, Pending p, Map<String, List<Candidate>> got) {
    Candidate exact = null;
    Map<String, CandidateJudge.Candidate> near = new LinkedHashMap<>();
    for (Map.Entry<String, List<Candidate>> e : got.entrySet()) {
      for (Candidate c : e.getValue()) {
        if (c.id().equals(id) || id.equals(c.clusterId())) {
          continue; // itself, or a later article already decided a copy of this one (see BandIndexProcessor)
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
