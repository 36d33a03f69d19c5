package dev.newsflow.ingest.feed.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.newsflow.ingest.feed.FeedEntry;
import dev.newsflow.ingest.feed.FeedParser;
import dev.newsflow.ingest.feed.ParsedFeed;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Benchmark (not a test): runs {@link FeedParser} and plain Rome 2.1.0 ({@code new
 * SyndFeedInput().build(new XmlReader(file))}) over a feeds corpus with {@code expect.jsonl},
 * writes both prediction files, scores them with {@code score_feeds.py --strict} and measures
 * single-thread throughput.
 *
 * <p>Usage: {@code FeedCorpusBench [CORPUS_DIR] [SCORER] [OUT_DIR] [ROUNDS]}, defaults {@code
 * /work/shared/data/feeds-dev}, {@code /work/shared/tools/score_feeds.py}, {@code
 * target/feed-bench}, 20.
 */
public final class FeedCorpusBench {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FeedCorpusBench() {}

  record Doc(String name, byte[] body) {}

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args.length > 0 ? args[0] : "/work/shared/data/feeds-dev");
    Path scorer = Path.of(args.length > 1 ? args[1] : "/work/shared/tools/score_feeds.py");
    Path out = Path.of(args.length > 2 ? args[2] : "target/feed-bench");
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    if (!Files.isRegularFile(corpus.resolve("expect.jsonl"))) {
      System.out.println("corpus not found: " + corpus + " (nothing to do)");
      return;
    }
    List<Doc> docs = load(corpus);
    Files.createDirectories(out);
    FeedParser parser = new FeedParser();
    Path ours = out.resolve("pred-newsflow.jsonl");
    Path rome = out.resolve("pred-rome.jsonl");
    write(ours, docs, d -> newsflow(parser, d));
    write(rome, docs, FeedCorpusBench::plainRome);
    System.out.println("files: " + docs.size());
    System.out.println("newsflow  " + score(scorer, corpus, ours));
    System.out.println("plainRome " + score(scorer, corpus, rome));
    throughput(docs, rounds, d -> newsflow(parser, d), FeedCorpusBench::plainRome);
  }

  private static List<Doc> load(Path corpus) throws IOException {
    List<Doc> docs = new ArrayList<>();
    for (String line : Files.readAllLines(corpus.resolve("expect.jsonl"))) {
      if (!line.isBlank()) {
        String name = JSON.readTree(line).get("file").asText();
        docs.add(new Doc(name, Files.readAllBytes(corpus.resolve(name))));
      }
    }
    return docs;
  }

  private static ObjectNode newsflow(FeedParser parser, Doc d) {
    ParsedFeed f = parser.parse(d.body(), null, null);
    ObjectNode n = JSON.createObjectNode().put("file", d.name());
    ArrayNode entries = n.putArray("entries");
    for (FeedEntry e : f.entries()) {
      entries.addObject().put("title", e.title()).put("link", e.link());
    }
    return n.put("error", f.error());
  }

  private static ObjectNode plainRome(Doc d) {
    ObjectNode n = JSON.createObjectNode().put("file", d.name());
    ArrayNode entries = n.putArray("entries");
    try {
      SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(d.body())));
      for (SyndEntry e : feed.getEntries()) {
        entries.addObject().put("title", e.getTitle()).put("link", e.getLink());
      }
      n.putNull("error");
    } catch (Exception e) {
      entries.removeAll();
      n.put("error", String.valueOf(e.getMessage()));
    }
    return n;
  }

  private static void write(Path file, List<Doc> docs, Function<Doc, ObjectNode> run)
      throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Doc d : docs) {
        w.write(JSON.writeValueAsString(run.apply(d)));
        w.write('\n');
      }
    }
  }

  private static String score(Path scorer, Path corpus, Path pred)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder("python3", scorer.toString(), "--strict", "-v",
        corpus.resolve("expect.jsonl").toString(), pred.toString()).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      r.lines().forEach(lines::add);
    }
    p.waitFor();
    StringBuilder sb = new StringBuilder(lines.isEmpty() ? "no output" : lines.getLast());
    lines.stream().filter(l -> l.startsWith("FAIL")).forEach(l -> sb.append("\n    ").append(l));
    return sb.toString();
  }

  /** Alternates passes of both parsers so machine load hits both alike; reports the median pass. */
  private static void throughput(
      List<Doc> docs, int rounds, Function<Doc, ?> ours, Function<Doc, ?> rome) {
    long bytes = docs.stream().mapToLong(d -> d.body().length).sum();
    for (int i = 0; i < Math.max(3, rounds / 4); i++) {
      docs.forEach(ours::apply);
      docs.forEach(rome::apply);
    }
    double[] a = new double[rounds];
    double[] b = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      a[i] = pass(docs, ours);
      b[i] = pass(docs, rome);
    }
    report("newsflow ", docs.size(), bytes, a);
    report("plainRome", docs.size(), bytes, b);
  }

  private static double pass(List<Doc> docs, Function<Doc, ?> run) {
    long t0 = System.nanoTime();
    docs.forEach(run::apply);
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void report(String label, int files, long bytes, double[] secs) {
    double[] sorted = secs.clone();
    java.util.Arrays.sort(sorted);
    double median = sorted[sorted.length / 2];
    System.out.printf("%s throughput: %.0f feeds/s, %.1f MB/s (median of %d passes over %d files,"
        + " 1 thread; best pass %.0f feeds/s)%n",
        label, files / median, bytes / median / 1e6, secs.length, files, files / sorted[0]);
  }
}
