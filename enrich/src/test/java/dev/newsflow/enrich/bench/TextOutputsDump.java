package dev.newsflow.enrich.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.enrich.dedup.BoilerplateFilter;
import dev.newsflow.enrich.dedup.Deduplicator;
import dev.newsflow.enrich.dedup.Sketch;
import dev.newsflow.enrich.dedup.Sketcher;
import dev.newsflow.enrich.dedup.TextNormalizer;
import dev.newsflow.enrich.tag.Article;
import dev.newsflow.enrich.tag.Tagger;
import dev.newsflow.enrich.tag.text.SentenceSplitter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes every per-article output of the enrich stage's text steps (cleaned text, normalised text,
 * content hashes, boilerplate-filtered lines, shingle hashes, sketch bytes, band keys, sentences and
 * tokens, tags) for a set of inputs, one block per article, so that two versions of the code can be
 * compared with {@code diff}. A tool, not a test.
 *
 * <p>Run: {@code bench/run-java.sh enrich dev.newsflow.enrich.bench.TextOutputsDump OUT INPUT...}
 * where an input is a {@code .jsonl} file ({@code id, title, text}), a {@code .txt} file (one
 * article), a {@code .tsv} file (each second column a text), or a directory of those.
 */
public final class TextOutputsDump {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Input(String id, String title, String text) {}

  private TextOutputsDump() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    List<Input> inputs = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      read(Path.of(args[i]), inputs);
    }
    Sketcher sketcher = Sketcher.withDefaults();
    BoilerplateFilter boilerplate = BoilerplateFilter.bundled();
    Tagger tagger = Tagger.load();
    HexFormat hex = HexFormat.of();
    // A writer that replaces, not one that throws: a token can be half a surrogate pair.
    try (BufferedWriter w =
        new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8))) {
      for (Input a : inputs) {
        String cleaned = TextNormalizer.clean(a.text());
        Sketch sketch = sketcher.sketchCleaned(a.title(), cleaned);
        w.write("== " + a.id() + "\n");
        w.write("clean " + JSON.writeValueAsString(cleaned) + "\n");
        w.write("normalize " + JSON.writeValueAsString(TextNormalizer.normalize(a.text())) + "\n");
        w.write("titleWords " + TextNormalizer.words(TextNormalizer.normalize(a.title())) + "\n");
        for (int min : new int[] {0, 1, 5, Deduplicator.MIN_EXACT_WORDS, 40}) {
          w.write("hash" + min + " " + TextNormalizer.contentHashOfCleaned(cleaned, min) + "\n");
        }
        w.write("hashOfText " + TextNormalizer.contentHash(a.text(), Deduplicator.MIN_EXACT_WORDS) + "\n");
        w.write("content " + JSON.writeValueAsString(boilerplate.contentLines(TextNormalizer.lines(cleaned))) + "\n");
        w.write("shingles " + Arrays.toString(sketcher.shingleHashes(a.title(), a.text())) + "\n");
        w.write("sketch " + hex.formatHex(sketch.encode()) + "\n");
        w.write("sketchOfText " + hex.formatHex(sketcher.sketch(a.title(), a.text()).encode()) + "\n");
        w.write("bands " + sketcher.bandKeys(sketch) + "\n");
        w.write("sentences " + SentenceSplitter.split(a.title()) + SentenceSplitter.split(a.text()) + "\n");
        w.write("tags " + tagger.tag(new Article(a.id(), a.title(), a.text(), null)) + "\n");
      }
    }
    System.out.println(inputs.size() + " articles written to " + out);
  }

  private static void read(Path p, List<Input> into) throws IOException {
    if (Files.isDirectory(p)) {
      try (Stream<Path> files = Files.list(p)) {
        for (Path f : files.sorted().toList()) {
          read(f, into);
        }
      }
      return;
    }
    String name = p.getFileName().toString();
    if (name.endsWith(".jsonl")) {
      int line = 0;
      for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
        line++;
        if (!l.isBlank()) {
          JsonNode n = JSON.readTree(l);
          into.add(new Input(p + ":" + line + ":" + n.path("id").asText(""), n.path("title").asText(""),
              n.path("text").asText("")));
        }
      }
    } else if (name.endsWith(".txt")) {
      into.add(new Input(p.toString(), name, Files.readString(p, StandardCharsets.UTF_8)));
    } else if (name.endsWith(".tsv")) {
      int line = 0;
      for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
        line++;
        String[] cols = l.split("\t");
        if (!l.startsWith("#") && cols.length > 1) {
          into.add(new Input(p + ":" + line, "", cols[1]));
        }
      }
    }
  }
}
