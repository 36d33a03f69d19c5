import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.ingest.extract.ArticleExtractor;
import dev.newsflow.ingest.extract.ExtractorSettings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.dankito.readability4j.Readability4J;

/**
 * Benchmark: runs readability4j and the newsflow extractor on the same pages in one JVM, single thread,
 * warm-up passes then timed passes (alternating the extractors), and writes one prediction file per extractor
 * ({"id","text"} lines, for score_extraction.py). Not a test: it prints figures. Throughput is reported per
 * CPU-second of the whole process (robust on a shared machine, and counts GC and JIT threads) and as wall-clock
 * pages/s of the median pass.
 *
 * <p>Run with bench/run-java.sh, or: java -cp CLASSPATH bench/java/ExtractBench.java PAGES.jsonl OUT_DIR [WARMUP] [TIMED]
 */
public final class ExtractBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<String>> HEADERS =
            Map.of("Content-Type", List.of("text/html; charset=utf-8"));

    record Page(String id, String url, String html, byte[] bytes) {
    }

    public static void main(String[] args) throws IOException {
        Path pagesFile = Path.of(args.length > 0 ? args[0] : "../shared/data/extraction-dev/pages.jsonl");
        Path outDir = Path.of(args.length > 1 ? args[1] : "target/bench");
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int timed = args.length > 3 ? Integer.parseInt(args[3]) : 9;
        Files.createDirectories(outDir);
        List<Page> pages = load(pagesFile);

        ArticleExtractor full = new ArticleExtractor();
        ArticleExtractor noLang = new ArticleExtractor(new ExtractorSettings(ExtractorSettings.DEFAULT_MAX_INPUT_BYTES, false));
        Map<String, Function<Page, String>> extractors = new LinkedHashMap<>();
        extractors.put("readability4j", p -> new Readability4J(p.url(), p.html()).parse().getTextContent());
        extractors.put("newsflow", p -> full.extract(p.bytes(), p.url(), HEADERS).text());
        extractors.put("newsflow-nolang", p -> noLang.extract(p.bytes(), p.url(), HEADERS).text());

        Map<String, List<Long>> nanos = new LinkedHashMap<>();
        Map<String, Long> cpuNanos = new LinkedHashMap<>();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, String[]> predictions = new LinkedHashMap<>();
        Map<String, Integer> errors = new LinkedHashMap<>();
        for (int pass = 0; pass < warmup + timed; pass++) {
            for (var e : extractors.entrySet()) {
                String[] texts = new String[pages.size()];
                int failed = 0;
                long start = System.nanoTime();
                long cpuStart = os.getProcessCpuTime();
                for (int i = 0; i < pages.size(); i++) {
                    try {
                        texts[i] = e.getValue().apply(pages.get(i));
                    } catch (RuntimeException ex) {
                        texts[i] = null;
                        failed++;
                    }
                }
                long elapsed = System.nanoTime() - start;
                long cpu = os.getProcessCpuTime() - cpuStart;
                if (pass >= warmup) {
                    cpuNanos.merge(e.getKey(), cpu, Long::sum);
                    nanos.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(elapsed);
                }
                predictions.put(e.getKey(), texts);
                errors.put(e.getKey(), failed);
            }
        }
        System.out.printf("pages %d, warm-up passes %d, timed passes %d, single thread, %s%n",
                pages.size(), warmup, timed, Runtime.version());
        System.out.println("pages/s by CPU time of the whole JVM (extraction + GC + JIT) over the timed passes;"
                + " wall clock: median pass [slowest, fastest]");
        for (var e : extractors.keySet()) {
            List<Long> passes = new ArrayList<>(nanos.get(e));
            passes.sort(null);
            double median = rate(pages.size(), passes.get(passes.size() / 2));
            double cpuRate = rate(pages.size() * timed, cpuNanos.get(e));
            System.out.printf("%-16s %7.1f pages/s CPU (%.2f ms/page); wall %7.1f [%.1f, %.1f]; errors %d%n", e,
                    cpuRate, 1000 / cpuRate, median, rate(pages.size(), passes.get(passes.size() - 1)),
                    rate(pages.size(), passes.get(0)), errors.get(e));
            write(outDir.resolve("pred-" + e + ".jsonl"), pages, predictions.get(e));
        }
    }

    private static double rate(int pages, long nanos) {
        return pages / (nanos / 1e9);
    }

    private static List<Page> load(Path file) throws IOException {
        List<Page> pages = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            String html = n.path("html").asText();
            pages.add(new Page(n.path("id").asText(), n.path("url").asText(), html, html.getBytes(StandardCharsets.UTF_8)));
        }
        return pages;
    }

    private static void write(Path file, List<Page> pages, String[] texts) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < pages.size(); i++) {
                ObjectNode o = JSON.createObjectNode();
                o.put("id", pages.get(i).id());
                o.put("text", texts[i]);
                w.write(JSON.writeValueAsString(o));
                w.newLine();
            }
        }
    }
}
