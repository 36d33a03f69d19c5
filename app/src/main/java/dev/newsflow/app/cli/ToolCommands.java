package dev.newsflow.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.enrich.dedup.DedupJsonl;
import dev.newsflow.enrich.tag.TagJsonl;
import dev.newsflow.ingest.extract.ArticleExtractor;
import dev.newsflow.ingest.extract.ExtractJsonl;
import dev.newsflow.ingest.extract.Extraction;
import dev.newsflow.ingest.extract.ExtractionException;
import dev.newsflow.ingest.feed.ParseFeedJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The offline tools: the pipeline's own parsing, extraction, tagging and deduplication code run on
 * files or JSON lines, without Kafka. Output goes to stdout as JSON; logs to stderr.
 */
final class ToolCommands {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ToolCommands() {}

  static BufferedReader stdin() {
    return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
  }

  static Writer stdout() {
    return new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
  }

  @Command(name = "parse-feed", mixinStandardHelpOptions = true,
      description = {"Parse feed files with the fetcher's parser and print them as JSON:",
          "{\"title\",\"entries\":[{\"id\",\"title\",\"link\",\"published\",\"summary\",\"authors\"}],\"error\"}.",
          "With --jsonl, one such object per FILE, one line each, in order."})
  static final class ParseFeed implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Feed files (RSS, Atom, RDF, JSON Feed).")
    List<Path> files;

    @Option(names = "--url", paramLabel = "URL", description = "The URL the feed was fetched from (resolves relative links).")
    String url;

    @Option(names = "--jsonl", description = "Print one line per file instead of one object.")
    boolean jsonl;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      if (!jsonl && files.size() != 1) {
        throw new IllegalArgumentException("give one FILE, or --jsonl with several");
      }
      Writer out = stdout();
      if (jsonl) {
        ParseFeedJson.runJsonl(files, url, out);
      } else {
        out.write(ParseFeedJson.toJson(ParseFeedJson.parseFile(files.get(0), url)));
        out.write('\n');
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "extract", mixinStandardHelpOptions = true,
      description = {"Extract an article's text and metadata from an HTML page with the fetcher's extractor.",
          "FILE (or - for stdin): one JSON object. --jsonl: lines {\"id\",\"url\",\"html\"} on stdin to lines",
          "{\"id\",\"title\",\"text\",\"published\",\"authors\",\"language\",\"canonicalUrl\"} (or {\"id\",\"error\"}) on stdout."})
  static final class Extract implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "0..1", description = "An HTML page; - for stdin.")
    String file;

    @Option(names = "--url", paramLabel = "URL", description = "The page's URL (resolves relative links, date patterns).")
    String url;

    @Option(names = "--jsonl", description = "Read JSON lines on stdin, write one JSON line per input line.")
    boolean jsonl;

    @Override
    public Integer call() throws IOException {
      if (jsonl) {
        ExtractJsonl.run(stdin(), stdout());
        return 0;
      }
      if (file == null) {
        throw new IllegalArgumentException("give FILE.html (or - for stdin), or --jsonl");
      }
      byte[] html;
      if (file.equals("-")) {
        try (InputStream in = System.in) {
          html = in.readAllBytes();
        }
      } else {
        try {
          html = Files.readAllBytes(Path.of(file));
        } catch (java.nio.file.NoSuchFileException e) {
          throw new IllegalArgumentException("cannot read " + file + ": no such file", e);
        } catch (IOException e) {
          throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
      }
      ObjectNode o = MAPPER.createObjectNode();
      try {
        Extraction e = new ArticleExtractor().extract(html, url, Map.of());
        o.put("title", e.title());
        o.put("text", e.text());
        o.put("published", e.published() == null ? null : e.published().toString());
        o.put("modified", e.modified() == null ? null : e.modified().toString());
        ArrayNode authors = o.putArray("authors");
        e.authors().forEach(authors::add);
        o.put("language", e.language());
        o.put("canonicalUrl", e.canonicalUrl());
        o.put("siteName", e.siteName());
        o.put("description", e.description());
        o.put("imageUrl", e.imageUrl());
      } catch (ExtractionException e) {
        o.put("error", e.getMessage());
      }
      Writer out = stdout();
      out.write(MAPPER.writeValueAsString(o));
      out.write('\n');
      out.flush();
      return o.has("error") ? 1 : 0;
    }
  }

  @Command(name = "tag", mixinStandardHelpOptions = true,
      description = {"Tag articles with actors and PLOVER events: lines {\"id\",\"title\",\"text\",\"published\"} on stdin",
          "to lines {\"id\",\"actors\":[{\"code\",...}],\"events\":[{\"type\",\"source\",\"target\",\"sentence\",...}]} on stdout."})
  static final class Tag implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
      TagJsonl.run(stdin(), stdout());
      return 0;
    }
  }

  @Command(name = "dedup", mixinStandardHelpOptions = true,
      description = {"Deduplicate a stream offline: lines {\"id\",\"url\",\"title\",\"text\",\"published\"} on stdin, in arrival order,",
          "to lines {\"id\",\"duplicateOf\",\"clusterId\",\"similarity\"} on stdout, one per input line."})
  static final class Dedup implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
      DedupJsonl.run(stdin(), stdout());
      return 0;
    }
  }
}
