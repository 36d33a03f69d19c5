package dev.newsflow.enrich.dedup.bench;

import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.enrich.dedup.Sketcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares sketch families on the dev stream at the pair level: for every pair of records whose
 * exact 5-shingle Jaccard is at least 0.05 (after furniture removal), how well each sketch's score
 * separates same-cluster pairs from different-cluster pairs (best pairwise F1 over thresholds), and
 * how far MinHash-type estimates are from the exact Jaccard (RMSE). Prints figures only.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:$(cat cp.txt)
 * dev.newsflow.enrich.dedup.bench.SketchFamilyBench ../shared/data/dedup-dev}
 */
public final class SketchFamilyBench {

  private SketchFamilyBench() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/dedup-dev");
    if (!Files.exists(dir.resolve("stream.jsonl"))) {
      System.out.println("no dev data at " + dir);
      return;
    }
    ObjectMapper json = new ObjectMapper();
    Map<String, String> cluster = new HashMap<>();
    for (String l : Files.readAllLines(dir.resolve("gold.jsonl"))) {
      JsonNode n = json.readTree(l);
      String d = n.get("dup_of").isNull() ? null : n.get("dup_of").asText();
      cluster.put(n.get("id").asText(), d == null ? n.get("id").asText() : cluster.get(d));
    }
    Sketcher sketcher = Sketcher.withDefaults();
    List<String> ids = new ArrayList<>();
    List<long[]> sets = new ArrayList<>();
    for (String l : Files.readAllLines(dir.resolve("stream.jsonl"))) {
      JsonNode n = json.readTree(l);
      ids.add(n.get("id").asText());
      sets.add(sketcher.shingleHashes(n.get("title").asText(), n.get("text").asText()));
    }
    Map<String, SimilarityHashPolicy> families = new java.util.LinkedHashMap<>();
    families.put("SuperMinHash 128x16", SimilarityHashing.superMinHash(128, 16));
    families.put("MinHash 128x16", SimilarityHashing.minHash(128, 16));
    families.put("SuperMinHash 64x16", SimilarityHashing.superMinHash(64, 16));
    families.put("FastSimHash 1024 bit", SimilarityHashing.fastSimHash(1024));
    families.put("FastSimHash 2048 bit", SimilarityHashing.fastSimHash(2048));
    Map<String, List<byte[]>> signatures = new HashMap<>();
    for (var f : families.entrySet()) {
      List<byte[]> sigs = new ArrayList<>();
      var hasher = f.getValue().createHasher();
      for (long[] s : sets) {
        sigs.add(s.length == 0 ? null : hasher.compute(ElementHashProvider.ofValues(s)));
      }
      signatures.put(f.getKey(), sigs);
    }
    List<double[]> pairs = new ArrayList<>(); // exact J, same cluster, then one score per family
    for (int i = 0; i < sets.size(); i++) {
      for (int j = 0; j < i; j++) {
        double jac = jaccard(sets.get(i), sets.get(j));
        if (jac < 0.05 || signatures.get("MinHash 128x16").get(i) == null) {
          continue;
        }
        double[] row = new double[2 + families.size()];
        row[0] = jac;
        row[1] = cluster.get(ids.get(i)).equals(cluster.get(ids.get(j))) ? 1 : 0;
        int k = 2;
        for (var f : families.entrySet()) {
          List<byte[]> sigs = signatures.get(f.getKey());
          row[k++] = f.getValue().getFractionOfEqualComponents(sigs.get(i), sigs.get(j));
        }
        pairs.add(row);
      }
    }
    long same = pairs.stream().filter(r -> r[1] == 1).count();
    System.out.printf(
        Locale.ROOT,
        "pairs with exact Jaccard >= 0.05: %d (%d same cluster)%n",
        pairs.size(),
        same);
    System.out.println("score                  best pair F1  at threshold  RMSE vs exact Jaccard");
    System.out.printf(
        Locale.ROOT,
        "%-22s %.4f        %.2f%n",
        "exact Jaccard",
        bestF1(pairs, 0)[0],
        bestF1(pairs, 0)[1]);
    int k = 2;
    for (String name : families.keySet()) {
      double[] best = bestF1(pairs, k);
      double rmse = 0;
      for (double[] r : pairs) {
        rmse += (r[k] - r[0]) * (r[k] - r[0]);
      }
      String err =
          name.startsWith("FastSimHash")
              ? "n/a (estimates cosine)"
              : String.format(Locale.ROOT, "%.4f", Math.sqrt(rmse / pairs.size()));
      System.out.printf(
          Locale.ROOT, "%-22s %.4f        %.2f          %s%n", name, best[0], best[1], err);
      k++;
    }
  }

  private static double[] bestF1(List<double[]> pairs, int col) {
    double best = 0;
    double at = 0;
    long positives = pairs.stream().filter(r -> r[1] == 1).count();
    for (double t = 0.05; t < 1.0; t += 0.01) {
      long tp = 0;
      long fp = 0;
      for (double[] r : pairs) {
        if (r[col] >= t) {
          if (r[1] == 1) {
            tp++;
          } else {
            fp++;
          }
        }
      }
      double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
      double rec = (double) tp / positives;
      double f = p + rec == 0 ? 0 : 2 * p * rec / (p + rec);
      if (f > best) {
        best = f;
        at = t;
      }
    }
    return new double[] {best, at};
  }

  private static double jaccard(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    int union = a.length + b.length - common;
    return union == 0 ? 0 : (double) common / union;
  }
}
