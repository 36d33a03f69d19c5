package dev.newsflow.enrich.topology;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;

/**
 * The messages and store values of the partitioned deduplication, on the enrich stage's two
 * internal topics and in its stores, in a compact binary layout.
 *
 * <p>Internal, never read by subscribers: each value starts with a format byte, then fixed-width
 * times, varint lengths and UTF-8 strings. It replaced Jackson JSON, whose base64 sketches and
 * reflective binding cost about a third of the topology's CPU (README, Measured); a schema library
 * would add a schema lookup or a generated class per value for five private shapes that never leave
 * this stage.
 */
final class DedupMessages {
  private static final byte FORMAT = 1;

  private DedupMessages() {}

  /**
   * To one partition of the band index, for all of an article's bands that live there (keyed by
   * {@link #groupKey}): either a request (find earlier articles under these bands, then file this
   * one) or a verdict (the cluster the article joined; its own id for the first of a cluster), which
   * tells the band the article is decided.
   *
   * @param verdict true for a verdict, false for a request
   * @param id the article
   * @param time the article's position in the stream: its record timestamp (ms)
   * @param sketch the encoded sketch (requests only)
   * @param clusterId the cluster joined (verdicts only)
   * @param bands the article's band keys that live in this partition
   */
  record BandMessage(boolean verdict, String id, long time, byte[] sketch, String clusterId, List<String> bands) {}

  /**
   * An article found under one or more of the bands asked: an earlier one, or a later one already
   * decided (see BandIndexProcessor).
   *
   * @param clusterId its cluster, or null when its verdict is not known to the band yet
   * @param exact whether it was found under the exact-text band (same normalised text)
   */
  record Candidate(String id, long time, byte[] sketch, String clusterId, boolean exact) {}

  /** Back to the article's partition, keyed by article id: what one band partition found. */
  record BandAnswer(String id, String group, List<Candidate> candidates) {}

  /**
   * An article waiting for its band answers, in the decider's store.
   *
   * @param article the tagged article, Avro single-object encoded
   * @param bandsByGroup its band keys by band-partition group key
   */
  record Pending(byte[] article, long time, byte[] sketch, Map<String, List<String>> bandsByGroup) {
    List<String> groups() {
      return List.copyOf(bandsByGroup.keySet());
    }
  }

  /**
   * From an article partition to every band partition: the latest record time it has sent requests
   * for ({@code -1}: none yet), or that it has had no new article for a while ({@code idle}).
   *
   * @param source the article partition (task) it comes from
   */
  record Progress(int source, long time, boolean idle) {}

  /** A request a band partition holds back until every article partition has got past its time. */
  record Held(String group, byte[] message) {}

  /** An article filed under a band. */
  record Member(String id, long time) {}

  /**
   * What a band partition keeps of an article: its time, sketch, the bands it was filed under in
   * this partition (to unfile it when it expires) and, for a copy, its cluster.
   */
  record Stored(long time, byte[] sketch, String clusterId, List<String> bands) {}

  /** The key of the messages for band partition {@code partition}. */
  static String groupKey(int partition) {
    return "g" + partition;
  }

  /** The band partition named by a {@link #groupKey}. */
  static int partitionOf(String groupKey) {
    return Integer.parseInt(groupKey.substring(1));
  }

  /** The partition of the band index that holds {@code band}, among {@code partitions}. */
  static int bandPartition(String band, int partitions) {
    return Utils.toPositive(Utils.murmur2(band.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /** Whether (aTime, aId) comes before (bTime, bId) in the stream's total order. */
  static boolean before(long aTime, String aId, long bTime, String bId) {
    return aTime < bTime || (aTime == bTime && aId.compareTo(bId) < 0);
  }

  /** The kind byte of a {@link Progress} (a {@link BandMessage} has 0, request, or 1, verdict). */
  private static final byte PROGRESS = 2;

  static boolean isProgress(byte[] b) {
    return b != null && b.length > 1 && b[0] == FORMAT && b[1] == PROGRESS;
  }

  static byte[] encode(Progress p) {
    Writer w = new Writer(24);
    w.kind(PROGRESS).varint(p.source()).fixed64(p.time()).bool(p.idle());
    return w.done();
  }

  static Progress decodeProgress(byte[] b) {
    Reader r = new Reader(b, "progress");
    if (r.varint() != PROGRESS) {
      throw new IllegalArgumentException("unreadable progress: not a progress message");
    }
    return r.end(new Progress(r.varint(), r.fixed64(), r.bool()));
  }

  static byte[] encode(Held h) {
    Writer w = new Writer(16 + h.message().length);
    w.string(h.group()).bytes(h.message());
    return w.done();
  }

  static Held decodeHeld(byte[] b) {
    Reader r = new Reader(b, "held request");
    return r.end(new Held(r.string(), r.bytes()));
  }

  static byte[] encode(BandMessage m) {
    Writer w = new Writer(64 + (m.sketch() == null ? 0 : m.sketch().length) + 24 * m.bands().size());
    w.bool(m.verdict()).string(m.id()).fixed64(m.time()).bytes(m.sketch()).string(m.clusterId()).strings(m.bands());
    return w.done();
  }

  static BandMessage decodeBandMessage(byte[] b) {
    Reader r = new Reader(b, "band message");
    return r.end(new BandMessage(r.bool(), r.string(), r.fixed64(), r.bytes(), r.string(), r.strings()));
  }

  static byte[] encode(BandAnswer a) {
    Writer w = new Writer(64 + 420 * a.candidates().size());
    w.string(a.id()).string(a.group()).varint(a.candidates().size());
    for (Candidate c : a.candidates()) {
      w.string(c.id()).fixed64(c.time()).bytes(c.sketch()).string(c.clusterId()).bool(c.exact());
    }
    return w.done();
  }

  static BandAnswer decodeBandAnswer(byte[] b) {
    Reader r = new Reader(b, "band answer");
    String id = r.string();
    String group = r.string();
    int n = r.count();
    List<Candidate> candidates = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      candidates.add(new Candidate(r.string(), r.fixed64(), r.bytes(), r.string(), r.bool()));
    }
    return r.end(new BandAnswer(id, group, candidates));
  }

  /** A band answer's candidates alone, as the decider keeps them while other answers are due. */
  static List<Candidate> candidatesOf(byte[] encodedAnswer) {
    return decodeBandAnswer(encodedAnswer).candidates();
  }

  static byte[] encode(Pending p) {
    Writer w = new Writer(64 + p.article().length + p.sketch().length + 32 * p.bandsByGroup().size() * 8);
    w.bytes(p.article()).fixed64(p.time()).bytes(p.sketch()).varint(p.bandsByGroup().size());
    p.bandsByGroup().forEach((group, bands) -> w.string(group).strings(bands));
    return w.done();
  }

  static Pending decodePending(byte[] b) {
    Reader r = new Reader(b, "pending article");
    byte[] article = r.bytes();
    long time = r.fixed64();
    byte[] sketch = r.bytes();
    int groups = r.count();
    Map<String, List<String>> byGroup = new LinkedHashMap<>();
    for (int i = 0; i < groups; i++) {
      byGroup.put(r.string(), r.strings());
    }
    return r.end(new Pending(article, time, sketch, byGroup));
  }

  static byte[] encodeMembers(List<Member> members) {
    Writer w = new Writer(4 + 28 * members.size());
    w.varint(members.size());
    for (Member m : members) {
      w.string(m.id()).fixed64(m.time());
    }
    return w.done();
  }

  static List<Member> decodeMembers(byte[] b) {
    Reader r = new Reader(b, "band members");
    int n = r.count();
    List<Member> members = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      members.add(new Member(r.string(), r.fixed64()));
    }
    return r.end(members);
  }

  static byte[] encode(Stored s) {
    Writer w = new Writer(32 + s.sketch().length + 24 * s.bands().size());
    w.fixed64(s.time()).bytes(s.sketch()).string(s.clusterId()).strings(s.bands());
    return w.done();
  }

  static Stored decodeStored(byte[] b) {
    Reader r = new Reader(b, "stored sketch");
    return r.end(new Stored(r.fixed64(), r.bytes(), r.string(), r.strings()));
  }

  /** Appends to a growing array; nullable strings and arrays are written as length + 1 (0: null). */
  private static final class Writer {
    private byte[] buf;
    private int pos;

    Writer(int sizeHint) {
      buf = new byte[Math.max(16, sizeHint)];
      buf[pos++] = FORMAT;
    }

    private void ensure(int more) {
      if (pos + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
      }
    }

    Writer kind(byte v) {
      ensure(1);
      buf[pos++] = v;
      return this;
    }

    Writer bool(boolean v) {
      ensure(1);
      buf[pos++] = (byte) (v ? 1 : 0);
      return this;
    }

    Writer varint(int v) {
      ensure(5);
      while ((v & ~0x7F) != 0) {
        buf[pos++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[pos++] = (byte) v;
      return this;
    }

    Writer fixed64(long v) {
      ensure(8);
      for (int shift = 56; shift >= 0; shift -= 8) {
        buf[pos++] = (byte) (v >>> shift);
      }
      return this;
    }

    Writer bytes(byte[] b) {
      if (b == null) {
        return varint(0);
      }
      varint(b.length + 1);
      ensure(b.length);
      System.arraycopy(b, 0, buf, pos, b.length);
      pos += b.length;
      return this;
    }

    Writer string(String s) {
      return bytes(s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    Writer strings(List<String> list) {
      varint(list.size());
      list.forEach(this::string);
      return this;
    }

    byte[] done() {
      return Arrays.copyOf(buf, pos);
    }
  }

  /** Reads what {@link Writer} wrote; any inconsistency is an {@link IllegalArgumentException}. */
  private static final class Reader {
    private final byte[] buf;
    private final String what;
    private int pos;

    Reader(byte[] buf, String what) {
      this.buf = buf;
      this.what = what;
      if (buf == null || buf.length == 0 || buf[0] != FORMAT) {
        throw fail("unknown format " + (buf == null || buf.length == 0 ? "(empty)" : Byte.toString(buf[0])));
      }
      pos = 1;
    }

    private IllegalArgumentException fail(String why) {
      return new IllegalArgumentException("unreadable " + what + " at byte " + pos + ": " + why);
    }

    private void need(int n) {
      if (n < 0 || pos + n > buf.length) {
        throw fail("truncated (" + n + " more bytes needed, " + (buf.length - pos) + " left)");
      }
    }

    boolean bool() {
      need(1);
      return buf[pos++] != 0;
    }

    int varint() {
      int v = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        need(1);
        byte b = buf[pos++];
        v |= (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
      }
      throw fail("varint too long");
    }

    int count() {
      int n = varint();
      if (n < 0 || n > buf.length - pos) {
        throw fail("bad count " + n);
      }
      return n;
    }

    long fixed64() {
      need(8);
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (buf[pos++] & 0xFF);
      }
      return v;
    }

    byte[] bytes() {
      int n = varint();
      if (n == 0) {
        return null;
      }
      need(n - 1);
      byte[] b = Arrays.copyOfRange(buf, pos, pos + n - 1);
      pos += n - 1;
      return b;
    }

    String string() {
      int n = varint();
      if (n == 0) {
        return null;
      }
      need(n - 1);
      String s = new String(buf, pos, n - 1, StandardCharsets.UTF_8);
      pos += n - 1;
      return s;
    }

    List<String> strings() {
      int n = count();
      List<String> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(string());
      }
      return list;
    }

    <T> T end(T value) {
      if (pos != buf.length) {
        throw fail((buf.length - pos) + " trailing bytes");
      }
      return value;
    }
  }
}
