package dev.newsflow.enrich.dedup.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.enrich.dedup.BoilerplateFilter;
import dev.newsflow.enrich.dedup.Decision;
import dev.newsflow.enrich.dedup.DedupArticle;
import dev.newsflow.enrich.dedup.DedupJsonl;
import dev.newsflow.enrich.dedup.Deduplicator;
import dev.newsflow.enrich.dedup.NearDuplicateRule;
import dev.newsflow.enrich.dedup.Sketch;
import dev.newsflow.enrich.dedup.SketchConfig;
import dev.newsflow.enrich.dedup.Sketcher;
import dev.newsflow.schemas.url.UrlCanonicalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark of the offline deduplicator on the dev stream: quality over a grid of thresholds and
 * sketch settings, throughput on one thread, sketch cost and state size. Prints figures; passes or
 * fails nothing.
 *
 * <p>Run: {@code mvn -o -q test-compile && java -cp target/classes:target/test-classes:$(cat
 * cp.txt) dev.newsflow.enrich.dedup.bench.DedupBench ../shared/data/dedup-dev}
 */
public final class DedupBench {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DedupBench() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/dedup-dev");
    if (!Files.exists(dir.resolve("stream.jsonl"))) {
      System.out.println("no dev data at " + dir + ": nothing to measure");
      return;
    }
    List<String> lines = Files.readAllLines(dir.resolve("stream.jsonl"));
    List<DedupArticle> stream = new ArrayList<>();
    for (String l : lines) {
      JsonNode n = JSON.readTree(l);
      stream.add(
          new DedupArticle(
              n.get("id").asText(),
              n.get("url").asText(),
              n.get("title").asText(),
              n.get("text").asText(),
              Instant.parse(n.get("published").asText())));
    }
    Gold gold = Gold.read(dir.resolve("gold.jsonl"));
    String what = args.length > 1 ? args[1] : "all";
    if (what.equals("all") || what.equals("quality")) {
      quality(stream, gold);
    }
    if (what.equals("all") || what.equals("quality") || what.equals("ablation")) {
      ablation(stream, gold);
    }
    if (what.equals("all") || what.equals("speed")) {
      speed(stream, String.join("\n", lines));
    }
    if (what.equals("all") || what.equals("scale")) {
      scale(stream, gold);
    }
  }

  private static void quality(List<DedupArticle> stream, Gold gold) {
    System.out.println(
        "== rule sweep (default sketch: 5-word shingles, 128x16-bit SuperMinHash, lead 25 words)");
    System.out.println(
        "strong  weak  lead  numbers  precision recall  F1      FP  FN  comparisons/article");
    double[][] rules = {
      {0.5, 0.2, 0.5, 0.5},
      {0.3, 0.3, 0.5, 0},
      {0.35, 0.35, 0.5, 0},
      {0.4, 0.4, 0.5, 0},
      {0.45, 0.45, 0.5, 0},
      {0.5, 0.5, 0.5, 0},
      {0.6, 0.6, 0.5, 0},
      {0.7, 0.7, 0.5, 0},
      {0.4, 0.2, 0.5, 0.5},
      {0.6, 0.2, 0.5, 0.5},
      {0.7, 0.2, 0.5, 0.5},
      {0.5, 0.1, 0.5, 0.5},
      {0.5, 0.15, 0.5, 0.5},
      {0.5, 0.25, 0.5, 0.5},
      {0.5, 0.3, 0.5, 0.5},
      {0.5, 0.2, 0.3, 0.5},
      {0.5, 0.2, 0.4, 0.5},
      {0.5, 0.2, 0.6, 0.5},
      {0.5, 0.2, 0.7, 0.5},
      {0.5, 0.2, 0.8, 0.5},
      {0.5, 0.2, 0.5, 0},
      {0.5, 0.2, 0.5, 0.3},
      {0.5, 0.2, 0.5, 0.7},
      {0.5, 0.2, 0.5, 1.0}
    };
    for (double[] r : rules) {
      NearDuplicateRule rule = new NearDuplicateRule(r[0], r[1], r[2], r[3]);
      report(
          String.format(Locale.ROOT, "%.2f    %.2f  %.2f  %.2f   ", r[0], r[1], r[2], r[3]),
          stream,
          gold,
          Sketcher.withDefaults(),
          rule);
    }
    System.out.println("== sketch sweep (default rule 0.5 / 0.2 / 0.5 / 0.5)");
    System.out.println(
        "shingle comps bodyBands x rows leadBands x rows   precision recall  F1      FP  FN "
            + " comparisons/article");
    int[][] configs = {
      {5, 128, 16, 2, 8, 1}, {3, 128, 16, 2, 8, 1}, {4, 128, 16, 2, 8, 1}, {5, 64, 16, 2, 8, 1},
      {5, 256, 16, 2, 8, 1}, {5, 128, 8, 4, 8, 1}, {5, 128, 16, 2, 0, 1}, {5, 128, 0, 2, 8, 1},
      {5, 128, 16, 2, 4, 2}, {5, 128, 32, 1, 8, 1}
    };
    for (int[] c : configs) {
      SketchConfig config = new SketchConfig(c[0], c[1], 16, 20, 25, c[2], c[3], c[4], c[5]);
      report(
          String.format(
              Locale.ROOT,
              "%d       %3d   %2d x %d          %d x %d        ",
              c[0],
              c[1],
              c[2],
              c[3],
              c[4],
              c[5]),
          stream,
          gold,
          new Sketcher(config, BoilerplateFilter.bundled()),
          NearDuplicateRule.defaults());
    }
  }

  private static void ablation(List<DedupArticle> stream, Gold gold) {
    System.out.println("== ablation (default sketch and rule unless said)");
    System.out.println(
        "variant                                   precision recall  F1      FP  FN "
            + " comparisons/article");
    Sketcher noFilter = new Sketcher(SketchConfig.defaults(), BoilerplateFilter.parse(List.of()));
    report(
        "no boilerplate filter                    ",
        stream,
        gold,
        noFilter,
        NearDuplicateRule.defaults());
    report(
        "no boilerplate filter, Jaccard >= 0.5 only",
        stream,
        gold,
        noFilter,
        new NearDuplicateRule(0.5, 0.5, 0.5, 0));
    report(
        "no lead or number check, Jaccard >= 0.4  ",
        stream,
        gold,
        Sketcher.withDefaults(),
        new NearDuplicateRule(0.4, 0.4, 0.5, 0));
    report(
        "no number check                          ",
        stream,
        gold,
        Sketcher.withDefaults(),
        new NearDuplicateRule(0.5, 0.2, 0.5, 0));
    report(
        "defaults                                 ",
        stream,
        gold,
        Sketcher.withDefaults(),
        NearDuplicateRule.defaults());
  }

  private static void report(
      String label,
      List<DedupArticle> stream,
      Gold gold,
      Sketcher sketcher,
      NearDuplicateRule rule) {
    Deduplicator d =
        new Deduplicator(new UrlCanonicalizer(), sketcher, rule, Duration.ofDays(7), 1);
    Map<String, String> pred = new HashMap<>();
    for (DedupArticle a : stream) {
      pred.put(a.id(), d.accept(a).duplicateOf());
    }
    int[] s = gold.score(pred);
    double p = s[0] + s[1] == 0 ? 0 : (double) s[0] / (s[0] + s[1]);
    double r = s[0] + s[2] == 0 ? 0 : (double) s[0] / (s[0] + s[2]);
    System.out.printf(
        Locale.ROOT,
        "%s   %.4f    %.4f  %.4f  %-3d %-3d %.1f%n",
        label,
        p,
        r,
        2 * p * r / (p + r),
        s[1],
        s[2],
        (double) d.comparisons() / stream.size());
  }

  private static void speed(List<DedupArticle> stream, String input) throws IOException {
    Sketcher sketcher = Sketcher.withDefaults();
    for (int warm = 0; warm < 5; warm++) {
      DedupJsonl.run(new BufferedReader(new StringReader(input)), new StringWriter());
    }
    int rounds = 10;
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      DedupJsonl.run(new BufferedReader(new StringReader(input)), new StringWriter());
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    double cpuSecs = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "== throughput: DedupJsonl end to end (parse JSON, canonicalise, hash, sketch, LSH, decide,"
            + " write) on one thread: %.0f articles/s wall, %.0f articles per CPU-second (%d x %d"
            + " records, %.2f s wall, %.2f s CPU)%n",
        rounds * stream.size() / secs,
        rounds * stream.size() / cpuSecs,
        rounds,
        stream.size(),
        secs,
        cpuSecs);

    long c0 = threads.getCurrentThreadCpuTime();
    List<Sketch> sketches = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      sketches.clear();
      for (DedupArticle a : stream) {
        sketches.add(sketcher.sketch(a.title(), a.text()));
      }
    }
    double sketchUs = (threads.getCurrentThreadCpuTime() - c0) / 1e3 / (rounds * stream.size());
    c0 = threads.getCurrentThreadCpuTime();
    long keys = 0;
    for (int i = 0; i < rounds; i++) {
      for (Sketch s : sketches) {
        keys += sketcher.bandKeys(s).size();
      }
    }
    double keysUs = (threads.getCurrentThreadCpuTime() - c0) / 1e3 / (rounds * stream.size());
    c0 = threads.getCurrentThreadCpuTime();
    double sink = 0;
    int pairs = 0;
    for (int i = 0; i + 1 < sketches.size(); i++) {
      sink += sketcher.similarity(sketches.get(i), sketches.get(i + 1));
      pairs++;
    }
    double simNs = (threads.getCurrentThreadCpuTime() - c0) / (double) pairs;
    long bytes = sketches.stream().mapToLong(s -> s.encode().length).sum();
    System.out.printf(
        Locale.ROOT,
        "CPU time per operation: sketch %.1f us/article (clean, strip furniture, shingle,"
            + " SuperMinHash); band keys %.1f us/article (%d keys); similarity %.0f ns/pair (%s)%n",
        sketchUs,
        keysUs,
        keys / (rounds * stream.size()),
        simNs,
        sink > 0 ? "ok" : "?");
    System.out.printf(
        Locale.ROOT,
        "encoded sketch: %.0f bytes/article average%n",
        (double) bytes / sketches.size());

    sketches.clear();
    Deduplicator d = Deduplicator.withDefaults();
    for (DedupArticle a : stream) {
      d.accept(a);
    }
    UrlCanonicalizer canonicalizer = new UrlCanonicalizer();
    long payload = 0;
    long keyBytes = 0;
    for (DedupArticle a : stream) {
      Sketch sk = sketcher.sketch(a.title(), a.text());
      long keyLen = sketcher.bandKeys(sk).stream().mapToLong(String::length).sum();
      keyBytes += keyLen;
      payload +=
          sk.encode().length
              + a.id().length()
              + canonicalizer.canonicalize(a.url()).length()
              + 32
              + keyLen;
    }
    System.out.printf(
        Locale.ROOT,
        "state payload per article: %.0f bytes (sketch, id, canonical URL, text hash, %.0f bytes of"
            + " band keys) = %.2f GB per million articles in the window, before store overhead%n",
        (double) payload / stream.size(),
        (double) keyBytes / stream.size(),
        payload / (double) stream.size() * 1e6 / 1e9);
    System.out.printf(
        Locale.ROOT,
        "state after the stream: %d articles, %d distinct band keys, %d comparisons "
            + "(%.1f per article)%n",
        d.stateSize(),
        d.stateBandKeys(),
        d.comparisons(),
        (double) d.comparisons() / stream.size());
  }

  /**
   * 10 replicas of the stream, each shifted 20 days later (ids and hosts renamed; the dev stream
   * spans 10 days, the window 7): 20,000 records over about 200 days. Shows time per article and
   * state staying flat as the window slides.
   */
  private static void scale(List<DedupArticle> stream, Gold gold) {
    int replicas = 10;
    Deduplicator d = Deduplicator.withDefaults();
    Map<String, String> firstReplica = new HashMap<>();
    long t0 = System.nanoTime();
    System.out.println(
        "== scale: " + replicas + " replicas x " + stream.size() + " records, each 20 days later");
    System.out.println(
        "records  articles/s(cumulative)  state_articles  state_band_keys  largest_bucket "
            + " comparisons/article");
    boolean sameVerdicts = true;
    for (int r = 0; r < replicas; r++) {
      Duration shift = Duration.ofDays(20L * r);
      for (DedupArticle a : stream) {
        String url = a.url().replaceFirst("://", "://r" + r + ".");
        Decision decision =
            d.accept(
                new DedupArticle(
                    "r" + r + "-" + a.id(), url, a.title(), a.text(), a.published().plus(shift)));
        String dup =
            decision.duplicateOf() == null
                ? null
                : decision.duplicateOf().substring(decision.duplicateOf().indexOf('-') + 1);
        if (r == 0) {
          firstReplica.put(a.id(), dup);
        } else if (!java.util.Objects.equals(firstReplica.get(a.id()), dup)) {
          if (sameVerdicts) {
            System.out.println(
                "first difference: replica "
                    + r
                    + " "
                    + a.id()
                    + " "
                    + dup
                    + " vs "
                    + firstReplica.get(a.id())
                    + " "
                    + a.url()
                    + " -> "
                    + url);
          }
          sameVerdicts = false;
        }
      }
      int n = (r + 1) * stream.size();
      System.out.printf(
          Locale.ROOT,
          "%-8d %-23.0f %-15d %-16d %-15d %.2f%n",
          n,
          n / ((System.nanoTime() - t0) / 1e9),
          d.stateSize(),
          d.stateBandKeys(),
          d.stateLargestBandBucket(),
          (double) d.comparisons() / n);
    }
    int[] s = gold.score(firstReplica);
    System.out.printf(
        Locale.ROOT,
        "replica 0 scored: TP %d FP %d FN %d; later replicas decided identically: %s%n",
        s[0],
        s[1],
        s[2],
        sameVerdicts);
  }

  /** Gold labels and the scoring rule of score_dedup.py. */
  private record Gold(
      List<String> ids,
      Map<String, Integer> pos,
      Map<String, String> dupOf,
      Map<String, String> cluster) {

    static Gold read(Path path) throws IOException {
      List<String> ids = new ArrayList<>();
      Map<String, Integer> pos = new HashMap<>();
      Map<String, String> dupOf = new HashMap<>();
      Map<String, String> cluster = new HashMap<>();
      for (String l : Files.readAllLines(path)) {
        JsonNode n = JSON.readTree(l);
        String id = n.get("id").asText();
        String d = n.get("dup_of").isNull() ? null : n.get("dup_of").asText();
        pos.put(id, ids.size());
        ids.add(id);
        dupOf.put(id, d);
        cluster.put(id, d == null ? id : cluster.get(d));
      }
      return new Gold(ids, pos, dupOf, cluster);
    }

    /** {TP, FP, FN} as score_dedup.py counts them. */
    int[] score(Map<String, String> pred) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (String id : ids) {
        boolean goldPos = dupOf.get(id) != null;
        String t = pred.get(id);
        boolean ok =
            t != null
                && goldPos
                && pos.containsKey(t)
                && pos.get(t) < pos.get(id)
                && cluster.get(t).equals(cluster.get(id));
        if (ok) {
          tp++;
        } else {
          fp += t != null ? 1 : 0;
          fn += goldPos ? 1 : 0;
        }
      }
      return new int[] {tp, fp, fn};
    }
  }
}
