package dev.newsflow.enrich.tag.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newsflow.enrich.tag.Article;
import dev.newsflow.enrich.tag.TagJsonl;
import dev.newsflow.enrich.tag.Tagger;
import dev.newsflow.enrich.tag.Tags;

/**
 * Benchmark and dev-set runner (a main, not a test).
 *
 * <ul>
 *   <li>{@code jsonl}: tags stdin lines to stdout, as {@code ./newsflow tag} does (used to score
 *   {@code ../shared/data/tagging-dev/gold.jsonl} with {@code score_tagging.py});</li>
 *   <li>{@code throughput FILE [ROUNDS]}: articles per second on one thread over the {@code text}
 *   fields of a JSONL file (default {@code ../shared/data/dedup-dev/stream.jsonl}).</li>
 * </ul>
 */
public final class TagBench {

    private TagBench() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args.length > 0 ? args[0] : "throughput";
        if (mode.equals("jsonl")) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            TagJsonl.run(in, out);
            return;
        }
        Path file = Path.of(args.length > 1 ? args[1] : "../../shared/data/dedup-dev/stream.jsonl");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        throughput(file, rounds);
    }

    private static void throughput(Path file, int rounds) throws IOException {
        if (!Files.exists(file)) {
            System.out.println("no file " + file + ": skipped");
            return;
        }
        ObjectMapper json = new ObjectMapper();
        List<Article> articles = new ArrayList<>();
        long chars = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode n = json.readTree(line);
            String text = n.path("text").asText("");
            chars += text.length();
            articles.add(new Article(n.path("id").asText("x"), n.path("title").asText(""), text, null));
        }
        long load = System.nanoTime();
        Tagger tagger = Tagger.load();
        System.out.printf("tagger loaded in %.0f ms%n", (System.nanoTime() - load) / 1e6);
        long events = 0;
        for (Article a : articles) {
            events += tagger.tag(a).events().size();
        }
        double best = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            long sink = 0;
            for (Article a : articles) {
                Tags t = tagger.tag(a);
                sink += t.events().size() + t.actors().size();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            double rate = articles.size() / secs;
            best = Math.max(best, rate);
            System.out.printf("round %d: %d articles in %.3f s = %.0f articles/s (sink %d)%n", r + 1,
                    articles.size(), secs, rate, sink);
        }
        System.out.printf("articles %d, chars %d (mean %.0f), events %d; best %.0f articles/s, %.1f MB/s%n",
                articles.size(), chars, (double) chars / articles.size(), events, best,
                best * chars / articles.size() / 1e6);
    }
}
