package dev.newsflow.sink.jsonl;

import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.sink.store.ArticleStore;
import dev.newsflow.sink.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Appends enriched articles as JSON Lines, one file per UTC day of writing and per sink instance,
 * rolled when it reaches a size: {@code articles-2026-11-23-<instance>-0001.jsonl}. The file being
 * written is named {@code ….jsonl.part} and renamed (atomically) when it is closed, so that a
 * reader never takes a growing file for a finished one. {@link #write} returns once the lines are
 * written and fsynced.
 */
public final class JsonLinesStore implements ArticleStore {
  private static final String PART = ".part";

  private final Path dir;
  private final String instance;
  private final long maxBytes;
  private final Clock clock;
  private LocalDate day;
  private int sequence;
  private Path current;
  private FileChannel channel;

  public JsonLinesStore(Path dir, String instance, long maxBytes, Clock clock) throws IOException {
    if (!instance.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("sink instance name must be letters, digits, '.', '_' or '-': " + instance);
    }
    this.dir = Files.createDirectories(dir);
    this.instance = instance;
    this.maxBytes = maxBytes;
    this.clock = clock;
    finishLeftovers();
  }

  @Override
  public String name() {
    return "jsonl";
  }

  /** Appends one line per article and forces them to disk. */
  @Override
  public void write(List<EnrichedArticle> articles) throws StoreException {
    if (articles.isEmpty()) {
      return;
    }
    StringBuilder lines = new StringBuilder(articles.size() * 4096);
    for (EnrichedArticle a : articles) {
      lines.append(ArticleJson.toLine(a)).append('\n');
    }
    try {
      FileChannel out = channel();
      ByteBuffer bytes = StandardCharsets.UTF_8.encode(lines.toString());
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
      out.force(false);
      if (out.size() >= maxBytes) {
        roll();
      }
    } catch (IOException e) {
      throw new StoreException("cannot write " + current + ": " + e.getMessage(), true, e);
    }
  }

  private FileChannel channel() throws IOException {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (channel != null && today.equals(day)) {
      return channel;
    }
    roll();
    if (!today.equals(day)) {
      day = today;
      sequence = lastSequence(today);
    }
    sequence++;
    current = dir.resolve(String.format("articles-%s-%s-%04d.jsonl%s", today, instance, sequence, PART));
    channel = FileChannel.open(current, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return channel;
  }

  /** Closes the file being written and gives it its final name. */
  private void roll() throws IOException {
    if (channel == null) {
      return;
    }
    channel.close();
    channel = null;
    String name = current.getFileName().toString();
    Files.move(current, current.resolveSibling(name.substring(0, name.length() - PART.length())), StandardCopyOption.ATOMIC_MOVE);
    current = null;
  }

  private int lastSequence(LocalDate date) throws IOException {
    Pattern p = Pattern.compile("articles-" + date + "-" + Pattern.quote(instance) + "-(\\d+)\\.jsonl(\\.part)?");
    int last = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Matcher m = p.matcher(f.getFileName().toString());
        if (m.matches()) {
          last = Math.max(last, Integer.parseInt(m.group(1)));
        }
      }
    }
    return last;
  }

  /** A {@code .part} file of this instance left by a crash holds fsynced lines: finish it. */
  private void finishLeftovers() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.getFileName().toString().matches("articles-.*-" + Pattern.quote(instance) + "-\\d+\\.jsonl\\.part")).toList()) {
        String name = f.getFileName().toString();
        Files.move(f, f.resolveSibling(name.substring(0, name.length() - PART.length())), StandardCopyOption.ATOMIC_MOVE);
      }
    }
  }

  @Override
  public void close() throws StoreException {
    try {
      roll();
    } catch (IOException e) {
      throw new StoreException("cannot close " + current + ": " + e.getMessage(), false, e);
    }
  }
}
