package dev.newsflow.enrich.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.schemas.RawArticle;
import dev.newsflow.schemas.serde.AvroCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's input: a JSONL article stream ({@code id, url, title, text, published, source})
 * replayed {@code replays} times, one replay after the other, over {@code span} of stream time
 * ending at {@code end}. Each replay keeps its articles' relative times (compressed into its share
 * of the span), gets new ids and URLs, and from the second replay on a per-replay word
 * substitution: about half of the word types are rewritten the same way in every article of the
 * replay, so copies within a replay stay copies (same verdicts as the original) while a replay
 * does not look like a copy of the previous one.
 *
 * <p>Example: replay 3 of {@code d000001} becomes id {@code r03-d000001}, and "ferry" may become
 * "ferryo" in every article of replay 3.
 */
final class ReplayInput {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AvroCodec<RawArticle> CODEC = AvroCodec.of(RawArticle.class);
  private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
  private static final String[] SUFFIXES = {"o", "en", "ix", "ar", "um", "el", "is", "ot"};
  private static final int REWRITTEN_PERCENT = 50;

  /** One raw record: key, record timestamp, Avro value. */
  record Item(String id, long timestamp, int replay, byte[] value) {}

  private record Source(String id, String url, String title, String text, Instant published, String source) {}

  private ReplayInput() {}

  /** Every record of every replay, in timestamp order. */
  static List<Item> build(Path jsonl, int replays, Duration span, Instant end) throws IOException {
    List<Source> sources = read(jsonl);
    long first = sources.stream().mapToLong(s -> s.published().toEpochMilli()).min().orElseThrow();
    long last = sources.stream().mapToLong(s -> s.published().toEpochMilli()).max().orElseThrow();
    long slot = span.toMillis() / replays;
    long start = end.toEpochMilli() - span.toMillis();
    List<Item> items = new ArrayList<>(sources.size() * replays);
    for (int r = 0; r < replays; r++) {
      for (Source s : sources) {
        double at = last == first ? 0 : (double) (s.published().toEpochMilli() - first) / (last - first);
        long time = start + r * slot + (long) (at * (slot - 1));
        items.add(item(s, r, time));
      }
    }
    items.sort(Comparator.comparingLong(Item::timestamp).thenComparing(Item::id));
    return items;
  }

  private static Item item(Source s, int replay, long time) {
    String id = String.format("r%02d-%s", replay, s.id());
    Instant at = Instant.ofEpochMilli(time);
    RawArticle a = RawArticle.newBuilder()
        .setId(id)
        .setUrl(s.url() + (s.url().contains("?") ? "&" : "?") + "replay=" + replay)
        .setFeedUrl("https://" + s.source() + "/feed")
        .setTitle(shift(s.title(), replay))
        .setText(shift(s.text(), replay))
        .setPublished(at)
        .setFetchedAt(at)
        .setSource(s.source())
        .build();
    return new Item(id, time, replay, CODEC.encode(a));
  }

  /** Rewrites about half of the word types of {@code text}, the same way for one replay. */
  static String shift(String text, int replay) {
    if (replay == 0) {
      return text;
    }
    Matcher m = WORD.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + text.length() / 8);
    while (m.find()) {
      String word = m.group();
      int h = mix(word.toLowerCase().hashCode() * 31 + replay);
      String replacement = Math.floorMod(h, 100) < REWRITTEN_PERCENT
          ? word + SUFFIXES[Math.floorMod(h >>> 8, SUFFIXES.length)]
          : word;
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static int mix(int x) {
    x ^= x >>> 16;
    x *= 0x7feb352d;
    x ^= x >>> 15;
    x *= 0x846ca68b;
    return x ^ (x >>> 16);
  }

  private static List<Source> read(Path jsonl) throws IOException {
    List<Source> out = new ArrayList<>();
    for (String line : Files.readAllLines(jsonl)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = JSON.readTree(line);
      out.add(new Source(n.path("id").asText(), n.path("url").asText(), n.path("title").asText(),
          n.path("text").asText(), Instant.parse(n.path("published").asText()), n.path("source").asText("unknown")));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no articles in " + jsonl);
    }
    return out;
  }
}
