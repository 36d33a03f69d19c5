package dev.newsflow.enrich.topology;

import dev.newsflow.enrich.topology.DedupMessages.BandAnswer;
import dev.newsflow.enrich.topology.DedupMessages.BandMessage;
import dev.newsflow.enrich.topology.DedupMessages.Candidate;
import dev.newsflow.enrich.topology.DedupMessages.Held;
import dev.newsflow.enrich.topology.DedupMessages.Member;
import dev.newsflow.enrich.topology.DedupMessages.Progress;
import dev.newsflow.enrich.topology.DedupMessages.Stored;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One partition of the LSH band index. A request carries all of an article's bands that live in
 * this partition; the answer lists every earlier article (within the window) filed under any of
 * them, each once, then the article is filed under them; a verdict records the cluster a copy
 * joined. Band entries hold ids and times only; the sketch is kept once per partition.
 *
 * <p>State is bounded by the window. Sketches are keyed by time then id, so that the sweep, every
 * hour of stream time, reads only what has expired (not the whole state) and unfiles it from the
 * bands it lists; band entries older than the window are also dropped whenever their band is read.
 */
final class BandIndexProcessor implements Processor<String, byte[], String, byte[]> {
  static final String MEMBERS_STORE = "dedup-band-members";
  /** Time (8 bytes, big-endian) then id, to the article's {@link Stored} record. */
  static final String SKETCHES_STORE = "dedup-sketches";
  /** The group of an answer that brings a later article an earlier one it could not see. */
  static final String LATE = "late";

  /** Time (8 bytes, big-endian) then id, to a request held back ({@link Held}) until its turn. */
  static final String HELD_STORE = "dedup-held-requests";

  private final long windowMs;
  private final int maxMembers;
  private final BandOrder order;
  /** The latest progress of each article partition (in memory: they report again within a tick). */
  private final Map<Integer, Long> marks = new HashMap<>();
  private final Set<Integer> idle = new HashSet<>();
  private KeyValueStore<Bytes, byte[]> held;
  private ProcessorContext<String, byte[]> context;
  private KeyValueStore<String, byte[]> members;
  private KeyValueStore<Bytes, byte[]> sketches;
  private long latest;

  BandIndexProcessor(Duration window, int maxMembers, BandOrder order) {
    this.windowMs = window.toMillis();
    this.maxMembers = maxMembers;
    this.order = order;
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.context = context;
    this.members = context.getStateStore(MEMBERS_STORE);
    this.sketches = context.getStateStore(SKETCHES_STORE);
    this.held = context.getStateStore(HELD_STORE);
    // Stream time, not wall-clock time: the window is about the articles' times, and a replay or a
    // catch-up after downtime must prune as it goes.
    context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::sweep);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (DedupMessages.isProgress(record.value())) {
      progress(DedupMessages.decodeProgress(record.value()));
      return;
    }
    BandMessage m = DedupMessages.decodeBandMessage(record.value());
    if (!m.verdict() && order.on() && m.time() > watermark()) {
      held.put(sketchKey(m.time(), m.id()), DedupMessages.encode(new Held(record.key(), record.value())));
      return;
    }
    handle(record.key(), m, record.timestamp());
  }

  /**
   * The time every article partition has got to: requests up to it can be handled in order.
   * {@code Long.MIN_VALUE} while a partition has not reported yet; partitions reported idle are
   * passed over ({@code Long.MAX_VALUE} when all are).
   */
  private long watermark() {
    long min = Long.MAX_VALUE;
    for (int source = 0; source < order.sources(); source++) {
      Long mark = marks.get(source);
      if (mark == null) {
        return Long.MIN_VALUE;
      }
      if (!idle.contains(source)) {
        min = Math.min(min, mark);
      }
    }
    return min;
  }

  /** An article partition's progress: handles, in time order, the held requests it releases. */
  private void progress(Progress p) {
    marks.put(p.source(), p.time());
    if (p.idle()) {
      idle.add(p.source());
    } else {
      idle.remove(p.source());
    }
    long watermark = watermark();
    if (watermark == Long.MIN_VALUE) {
      return;
    }
    List<KeyValue<Bytes, byte[]>> due = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> it = watermark == Long.MAX_VALUE ? held.all() : held.range(null, sketchKey(watermark + 1, ""))) {
      it.forEachRemaining(due::add);
    }
    for (KeyValue<Bytes, byte[]> e : due) {
      held.delete(e.key);
      Held h = DedupMessages.decodeHeld(e.value);
      BandMessage m = DedupMessages.decodeBandMessage(h.message());
      handle(h.group(), m, m.time());
    }
  }

  private void handle(String group, BandMessage m, long timestamp) {
    Bytes key = sketchKey(m.time(), m.id());
    if (m.verdict()) {
      byte[] raw = sketches.get(key);
      if (raw != null) {
        Stored s = DedupMessages.decodeStored(raw);
        if (!m.clusterId().equals(s.clusterId())) {
          sketches.put(key, DedupMessages.encode(new Stored(s.time(), s.sketch(), m.clusterId(), s.bands())));
        }
      }
      return;
    }
    latest = Math.max(latest, m.time());
    Map<String, Candidate> found = new LinkedHashMap<>();
    Map<String, Boolean> later = new LinkedHashMap<>();
    boolean filed = false;
    for (String band : m.bands()) {
      filed |= lookUpAndFile(band, m, found, later);
    }
    if (filed) {
      sketches.put(key, DedupMessages.encode(new Stored(m.time(), m.sketch(), null, m.bands())));
    }
    context.forward(new Record<>(m.id(), DedupMessages.encode(new BandAnswer(m.id(), group, List.copyOf(found.values()))),
        timestamp));
    if (filed) {
      tellLaterArticles(m, later, timestamp);
    }
  }

  /**
   * This article reached its bands after articles that come later in the stream's order (records
   * of other partitions processed first, as in a catch-up): it is a candidate they could not see.
   * Each of them still waiting for its answers takes it into account; one already decided keeps
   * its verdict (see README: a missed copy, never a false merge).
   */
  private void tellLaterArticles(BandMessage m, Map<String, Boolean> later, long timestamp) {
    later.forEach((id, exact) -> {
      Candidate self = new Candidate(m.id(), m.time(), m.sketch(), null, exact);
      context.forward(new Record<>(id, DedupMessages.encode(new BandAnswer(id, LATE, List.of(self))), timestamp));
    });
  }

  /**
   * Adds to {@code found} the earlier articles filed under {@code band}, then files this one.
   *
   * @return whether the article was newly filed (false when a repeated request finds it there)
   */
  private boolean lookUpAndFile(String band, BandMessage m, Map<String, Candidate> found, Map<String, Boolean> later) {
    boolean exact = band.startsWith("x:");
    List<Member> filed = load(band);
    List<Member> kept = new ArrayList<>(filed.size() + 1);
    boolean present = false;
    for (Member member : filed) {
      if (member.time() < m.time() - windowMs) {
        continue;
      }
      kept.add(member);
      present |= member.id().equals(m.id());
      if (!member.id().equals(m.id()) && !DedupMessages.before(member.time(), member.id(), m.time(), m.id())) {
        laterMember(member, exact, found, later);
      } else if (DedupMessages.before(member.time(), member.id(), m.time(), m.id())) {
        Candidate known = found.get(member.id());
        if (known != null) {
          if (exact && !known.exact()) {
            found.put(member.id(), new Candidate(known.id(), known.time(), known.sketch(), known.clusterId(), true));
          }
          continue;
        }
        byte[] raw = sketches.get(sketchKey(member.time(), member.id()));
        if (raw != null) {
          Stored s = DedupMessages.decodeStored(raw);
          found.put(member.id(), new Candidate(member.id(), member.time(), s.sketch(), s.clusterId(), exact));
        }
      }
    }
    if (!present) {
      kept.add(new Member(m.id(), m.time()));
    }
    if (kept.size() > maxMembers) {
      // A band nearly every article shares: keep the latest, the likeliest originals of what comes.
      kept.sort(Comparator.comparingLong(Member::time).thenComparing(Member::id));
      kept = new ArrayList<>(kept.subList(kept.size() - maxMembers, kept.size()));
    }
    if (!present || kept.size() != filed.size()) {
      members.put(band, DedupMessages.encodeMembers(kept));
    }
    return !present;
  }

  /**
   * A member that comes after the article in the stream's order but reached the band first (records
   * of other partitions processed first, as in a catch-up). If it is already decided (its verdict
   * is here), it is the first-seen article of its cluster as far as this article is concerned: a
   * candidate like an earlier one. If not, it is told about this article instead ({@link #LATE}).
   * Either way the pair is judged once, by whichever of the two is decided second.
   */
  private void laterMember(Member member, boolean exact, Map<String, Candidate> found, Map<String, Boolean> later) {
    Candidate known = found.get(member.id());
    if (known != null) {
      if (exact && !known.exact()) {
        found.put(member.id(), new Candidate(known.id(), known.time(), known.sketch(), known.clusterId(), true));
      }
      return;
    }
    if (later.containsKey(member.id())) {
      later.merge(member.id(), exact, Boolean::logicalOr);
      return;
    }
    byte[] raw = sketches.get(sketchKey(member.time(), member.id()));
    Stored s = raw == null ? null : DedupMessages.decodeStored(raw);
    if (s != null && s.clusterId() != null) {
      found.put(member.id(), new Candidate(member.id(), member.time(), s.sketch(), s.clusterId(), exact));
    } else {
      later.merge(member.id(), exact, Boolean::logicalOr);
    }
  }

  private List<Member> load(String band) {
    byte[] raw = members.get(band);
    return raw == null ? List.of() : DedupMessages.decodeMembers(raw);
  }

  /** Drops what is older than the window, reading the sketches up to the horizon only. */
  private void sweep(long streamTime) {
    // Stream time is advanced before the record that advanced it is processed.
    long horizon = Math.max(latest, streamTime) - windowMs;
    if (horizon <= 0) {
      return;
    }
    List<Bytes> expired = new ArrayList<>();
    Set<String> bands = new HashSet<>();
    try (KeyValueIterator<Bytes, byte[]> it = sketches.range(null, sketchKey(horizon, ""))) {
      while (it.hasNext()) {
        KeyValue<Bytes, byte[]> e = it.next();
        expired.add(e.key);
        bands.addAll(DedupMessages.decodeStored(e.value).bands());
      }
    }
    expired.forEach(sketches::delete);
    for (String band : bands) {
      List<Member> filed = load(band);
      List<Member> kept = filed.stream().filter(m -> m.time() >= horizon).toList();
      if (kept.isEmpty()) {
        members.delete(band);
      } else if (kept.size() != filed.size()) {
        members.put(band, DedupMessages.encodeMembers(kept));
      }
    }
  }

  /** Sorts by time first: big-endian, and record timestamps are never negative. */
  static Bytes sketchKey(long time, String id) {
    byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(8 + idBytes.length).putLong(time).put(idBytes).array());
  }
}
