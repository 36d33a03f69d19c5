package dev.newsflow.enrich.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.enrich.dedup.Deduplicator;
import dev.newsflow.enrich.dedup.Sketch;
import dev.newsflow.enrich.dedup.Sketcher;
import dev.newsflow.enrich.dedup.TextNormalizer;
import dev.newsflow.enrich.tag.Article;
import dev.newsflow.enrich.tag.Tagger;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Per-article CPU of the enrich stage's text steps, each on its own, as the topology calls them
 * (DedupDecider: clean, content hash of the cleaned text, sketch of the cleaned text, band keys;
 * ArticleTagger: tag, with the bundled dictionaries and with empty ones as in the benchmark's
 * {@code notag} run). Prints the median over rounds of thread CPU µs per article; passes or fails
 * nothing.
 *
 * <p>Run: {@code bench/run-java.sh enrich dev.newsflow.enrich.bench.TextStepsBench
 * [--rounds 15] [FILE.jsonl ...]} (default {@code ../shared/data/dedup-dev/stream.jsonl}; a file
 * that does not exist is skipped).
 */
public final class TextStepsBench {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private record Input(String id, String title, String text) {}

  private TextStepsBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = 15;
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--rounds")) {
        rounds = Integer.parseInt(args[++i]);
      } else {
        files.add(Path.of(args[i]));
      }
    }
    if (files.isEmpty()) {
      files.add(Path.of("../shared/data/dedup-dev/stream.jsonl"));
    }
    Sketcher sketcher = Sketcher.withDefaults();
    Tagger tagger = Tagger.load();
    Tagger emptyTagger = Tagger.load(emptyDictionaries());
    for (Path file : files) {
      if (!Files.exists(file)) {
        System.out.println("no file " + file + ": skipped");
        continue;
      }
      run(file, read(file), rounds, sketcher, tagger, emptyTagger);
    }
  }

  private static void run(
      Path file, List<Input> in, int rounds, Sketcher sketcher, Tagger tagger, Tagger emptyTagger) {
    int n = in.size();
    String[] cleaned = new String[n];
    Sketch[] sketches = new Sketch[n];
    for (int i = 0; i < n; i++) {
      cleaned[i] = TextNormalizer.clean(in.get(i).text());
      sketches[i] = sketcher.sketchCleaned(in.get(i).title(), cleaned[i]);
    }
    List<String> names = List.of("clean", "content hash", "sketch", "band keys", "tag", "tag (empty dicts)");
    List<ToIntFunction<Integer>> steps =
        List.of(
            i -> TextNormalizer.clean(in.get(i).text()).length(),
            i -> {
              String h = TextNormalizer.contentHashOfCleaned(cleaned[i], Deduplicator.MIN_EXACT_WORDS);
              return h == null ? 0 : h.length();
            },
            i -> sketcher.sketchCleaned(in.get(i).title(), cleaned[i]).shingles(),
            i -> sketcher.bandKeys(sketches[i]).size(),
            i -> tagger.tag(article(in.get(i))).events().size(),
            i -> emptyTagger.tag(article(in.get(i))).actors().size());
    double[][] micros = new double[steps.size()][rounds];
    long sink = 0;
    for (int warm = 0; warm < 3; warm++) {
      for (ToIntFunction<Integer> step : steps) {
        for (int i = 0; i < n; i++) {
          sink += step.applyAsInt(i);
        }
      }
    }
    for (int r = 0; r < rounds; r++) {
      for (int s = 0; s < steps.size(); s++) {
        ToIntFunction<Integer> step = steps.get(s);
        long t0 = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
          sink += step.applyAsInt(i);
        }
        micros[s][r] = (THREADS.getCurrentThreadCpuTime() - t0) / 1e3 / n;
      }
    }
    long chars = in.stream().mapToLong(a -> a.text().length()).sum();
    System.out.printf(
        "%s: %d articles, mean %d chars; thread CPU µs/article, median (min..max) of %d rounds%n",
        file, n, chars / n, rounds);
    double total = 0;
    for (int s = 0; s < steps.size(); s++) {
      double[] m = micros[s].clone();
      Arrays.sort(m);
      double median = m[m.length / 2];
      if (s < 5) {
        total += median;
      }
      System.out.printf("  %-18s %8.1f  (%.1f..%.1f)%n", names.get(s), median, m[0], m[m.length - 1]);
    }
    System.out.printf("  %-18s %8.1f  (clean + content hash + sketch + band keys + tag)%n", "total", total);
    System.out.println("  (sink " + sink + ")");
  }

  private static Article article(Input a) {
    return new Article(a.id(), a.title(), a.text(), null);
  }

  private static List<Input> read(Path file) throws Exception {
    List<Input> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = JSON.readTree(line);
      out.add(new Input(n.path("id").asText("x"), n.path("title").asText(""), n.path("text").asText("")));
    }
    return out;
  }

  private static Path emptyDictionaries() throws Exception {
    Path dir = Files.createTempDirectory("text-steps-bench-empty-dicts");
    for (String f :
        List.of("countries.tsv", "organisations.tsv", "leaders.tsv", "roles.tsv", "not-actors.tsv",
            "cues.tsv", "triggers.tsv", "irregular-verbs.tsv")) {
      Files.writeString(dir.resolve(f), "# empty\n");
      dir.resolve(f).toFile().deleteOnExit();
    }
    dir.toFile().deleteOnExit();
    return dir;
  }
}
