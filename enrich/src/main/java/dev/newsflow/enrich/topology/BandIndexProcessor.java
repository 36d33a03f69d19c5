package dev.newsflow.enrich.topology;

import dev.newsflow.enrich.topology.DedupMessages.BandAnswer;
import dev.newsflow.enrich.topology.DedupMessages.BandMessage;
import dev.newsflow.enrich.topology.DedupMessages.Candidate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * them, each once, then the article is filed under them; a verdict records the cluster an article
 * joined. Sketches are kept once per partition (by id), band entries hold ids
 * only. Entries older than the window are dropped on access and by a sweep every hour of stream
 * time, so the state stays bounded.
 */
final class BandIndexProcessor implements Processor<String, byte[], String, byte[]> {
  static final String MEMBERS_STORE = "dedup-band-members";
  static final String SKETCHES_STORE = "dedup-sketches";

  private record Member(String id, long time) {}

  private record Stored(long time, byte[] sketch, String clusterId) {}

  private final long windowMs;
  private ProcessorContext<String, byte[]> context;
  private KeyValueStore<String, byte[]> members;
  private KeyValueStore<String, byte[]> sketches;
  private long latest;

  BandIndexProcessor(Duration window) {
    this.windowMs = window.toMillis();
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.context = context;
    this.members = context.getStateStore(MEMBERS_STORE);
    this.sketches = context.getStateStore(SKETCHES_STORE);
    // Stream time, not wall-clock time: the window is about the articles' times, and a replay or a
    // catch-up after downtime must prune as it goes.
    context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, now -> sweep());
  }

  @Override
  public void process(Record<String, byte[]> record) {
    BandMessage m = DedupMessages.decode(record.value(), BandMessage.class);
    if (m.verdict()) {
      remember(m.id(), m.time(), null, m.clusterId());
      return;
    }
    latest = Math.max(latest, m.time());
    java.util.Map<String, Candidate> found = new java.util.LinkedHashMap<>();
    for (String band : m.bands()) {
      lookUpAndFile(band, m, found);
    }
    remember(m.id(), m.time(), m.sketch(), null);
    context.forward(record.withKey(m.id())
        .withValue(DedupMessages.encode(new BandAnswer(m.id(), record.key(), List.copyOf(found.values())))));
  }

  /** Adds to {@code found} the earlier articles filed under {@code band}, then files this one. */
  private void lookUpAndFile(String band, BandMessage m, java.util.Map<String, Candidate> found) {
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
      if (DedupMessages.before(member.time(), member.id(), m.time(), m.id())) {
        Candidate known = found.get(member.id());
        if (known != null) {
          if (exact && !known.exact()) {
            found.put(member.id(), new Candidate(known.id(), known.time(), known.sketch(), known.clusterId(), true));
          }
          continue;
        }
        byte[] raw = sketches.get(member.id());
        if (raw != null) {
          Stored s = DedupMessages.decode(raw, Stored.class);
          found.put(member.id(), new Candidate(member.id(), member.time(), s.sketch(), s.clusterId(), exact));
        }
      }
    }
    if (!present) {
      kept.add(new Member(m.id(), m.time()));
    }
    if (!present || kept.size() != filed.size()) {
      members.put(band, DedupMessages.encode(kept));
    }
  }

  private void remember(String id, long time, byte[] sketch, String clusterId) {
    byte[] raw = sketches.get(id);
    Stored old = raw == null ? null : DedupMessages.decode(raw, Stored.class);
    if (old == null && sketch == null) {
      return;
    }
    if (old != null && (clusterId == null || clusterId.equals(old.clusterId()))) {
      return;
    }
    Stored merged = new Stored(
        old == null ? time : old.time(),
        sketch != null ? sketch : old.sketch(),
        clusterId != null ? clusterId : old == null ? null : old.clusterId());
    sketches.put(id, DedupMessages.encode(merged));
  }

  private List<Member> load(String band) {
    byte[] raw = members.get(band);
    return raw == null ? List.of() : List.of(DedupMessages.decode(raw, Member[].class));
  }

  private void sweep() {
    long horizon = latest - windowMs;
    List<String> oldIds = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = sketches.all()) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> e = it.next();
        if (DedupMessages.decode(e.value, Stored.class).time() < horizon) {
          oldIds.add(e.key);
        }
      }
    }
    oldIds.forEach(sketches::delete);
    List<KeyValue<String, byte[]>> rewrites = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = members.all()) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> e = it.next();
        List<Member> kept = new ArrayList<>();
        Member[] all = DedupMessages.decode(e.value, Member[].class);
        for (Member m : all) {
          if (m.time() >= horizon) {
            kept.add(m);
          }
        }
        if (kept.size() != all.length) {
          rewrites.add(KeyValue.pair(e.key, kept.isEmpty() ? null : DedupMessages.encode(kept)));
        }
      }
    }
    rewrites.forEach(kv -> {
      if (kv.value == null) {
        members.delete(kv.key);
      } else {
        members.put(kv.key, kv.value);
      }
    });
  }
}
