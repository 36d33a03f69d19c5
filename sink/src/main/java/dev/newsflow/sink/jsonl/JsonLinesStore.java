package dev.newsflow.sink.jsonl;

import dev.newsflow.schemas.EnrichedArticle;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Appends enriched articles as JSON Lines to {@code <dir>/articles-YYYY-MM-DD.jsonl}, one file per
 * UTC day of writing. {@link #write} returns only once the lines are on disk (written and fsynced),
 * so the caller may then commit its offsets.
 */
public final class JsonLinesStore implements AutoCloseable {
  private final Path dir;
  private final Clock clock;
  private LocalDate day;
  private FileChannel channel;

  public JsonLinesStore(Path dir, Clock clock) throws IOException {
    this.dir = Files.createDirectories(dir);
    this.clock = clock;
  }

  /** The file the lines of {@code date} go to. */
  public Path fileFor(LocalDate date) {
    return dir.resolve("articles-" + date + ".jsonl");
  }

  /** Appends one line per article and forces them to disk. */
  public void write(List<EnrichedArticle> articles) throws IOException {
    if (articles.isEmpty()) {
      return;
    }
    StringBuilder lines = new StringBuilder(articles.size() * 4096);
    for (EnrichedArticle a : articles) {
      lines.append(ArticleJson.toLine(a)).append('\n');
    }
    FileChannel out = channelForToday();
    ByteBuffer bytes = StandardCharsets.UTF_8.encode(lines.toString());
    while (bytes.hasRemaining()) {
      out.write(bytes);
    }
    out.force(false);
  }

  private FileChannel channelForToday() throws IOException {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (channel == null || !today.equals(day)) {
      close();
      channel = FileChannel.open(fileFor(today), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      day = today;
    }
    return channel;
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }
}
