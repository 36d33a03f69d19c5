package dev.newsflow.ingest.feed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date formats found in feeds (RFC 822 with or without weekday, zone names or offsets,
 * ISO 8601 / W3C-DTF with or without seconds and fractions, "Jan 5, 2004 3:00 PM", "2004/01/05")
 * and normalises them to a UTC {@link Instant}. A date without zone is read as UTC. Layouts and zone
 * abbreviations are data files ({@code date-patterns.txt}, {@code timezones.properties}).
 *
 * <p>Written by hand because java.time only parses one layout per formatter and Rome's parser
 * depends on the JVM's default time zone for zone-less dates.
 *
 * <p>Example: {@code parse("Sun, 28 Feb 2004 18:14:55 PST")} is {@code 2004-02-29T02:14:55Z}.
 */
final class FeedDates {

  private static final List<DateTimeFormatter> FORMATS = loadFormats();
  private static final Map<String, String> ZONES = loadZones();
  private static final Pattern WEEKDAY =
      Pattern.compile("^(?i)(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+");
  private static final Pattern MONTH =
      Pattern.compile("(?i)\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?(?=[\\s\\-/0-9]|$)");
  private static final Pattern TRAILING_ZONE = Pattern.compile("\\s\\(?([A-Za-z]{1,5})\\)?$");
  private static final Pattern NAMED_OFFSET =
      Pattern.compile("\\s*(?:GMT|UTC|UT)\\s*([+-]\\d{1,2})(?::?(\\d{2}))?$");
  private static final Pattern HOUR_OFFSET = Pattern.compile("([+-])(\\d{2})$");

  private FeedDates() {}

  /** The instant, or null when the text is not a date this class knows. */
  static Instant parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = normalise(raw);
    for (DateTimeFormatter f : FORMATS) {
      try {
        return toInstant(f.parse(s));
      } catch (DateTimeParseException | ArithmeticException e) {
        // try the next layout
      }
    }
    return null;
  }

  private static String normalise(String raw) {
    String s = raw.strip().replaceAll("\\s+", " ");
    s = WEEKDAY.matcher(s).replaceFirst("");
    s = s.replace(",", " ").replaceAll("\\s+", " ").strip();
    s = MONTH.matcher(s).replaceAll(m -> capitalise(m.group(1)));
    s = replaceNamedOffset(s);
    s = replaceZoneName(s);
    Matcher h = HOUR_OFFSET.matcher(s);
    if (h.find() && s.length() > 10) {
      s = h.replaceFirst("$1$2:00");
    }
    return s;
  }

  private static String replaceNamedOffset(String s) {
    Matcher m = NAMED_OFFSET.matcher(s);
    if (!m.find()) {
      return s;
    }
    int hours = Integer.parseInt(m.group(1).replace("+", ""));
    String minutes = m.group(2) == null ? "00" : m.group(2);
    String offset = String.format(Locale.ROOT, "%s%02d:%s", hours < 0 ? "-" : "+", Math.abs(hours), minutes);
    return s.substring(0, m.start()) + " " + offset;
  }

  private static String replaceZoneName(String s) {
    Matcher m = TRAILING_ZONE.matcher(s);
    if (!m.find() || m.start() == 0) {
      return s;
    }
    String offset = ZONES.get(m.group(1).toUpperCase(Locale.ROOT));
    if (offset == null) {
      return s;
    }
    return s.substring(0, m.start()).strip() + " " + offset;
  }

  private static String capitalise(String month) {
    return Character.toUpperCase(month.charAt(0)) + month.substring(1, 3).toLowerCase(Locale.ROOT);
  }

  private static Instant toInstant(TemporalAccessor t) {
    LocalDateTime local = LocalDateTime.of(
        t.get(ChronoField.YEAR), t.get(ChronoField.MONTH_OF_YEAR), t.get(ChronoField.DAY_OF_MONTH),
        t.get(ChronoField.HOUR_OF_DAY), t.get(ChronoField.MINUTE_OF_HOUR),
        t.get(ChronoField.SECOND_OF_MINUTE), t.isSupported(ChronoField.NANO_OF_SECOND)
            ? t.get(ChronoField.NANO_OF_SECOND) : 0);
    ZoneOffset offset = t.isSupported(ChronoField.OFFSET_SECONDS)
        ? ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS))
        : ZoneOffset.UTC;
    return OffsetDateTime.of(local, offset).toInstant();
  }

  private static List<DateTimeFormatter> loadFormats() {
    List<DateTimeFormatter> out = new ArrayList<>();
    for (String line : lines("date-patterns.txt")) {
      out.add(formatter(line));
    }
    return List.copyOf(out);
  }

  private static DateTimeFormatter formatter(String pattern) {
    DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive()
        .appendPattern(pattern);
    String letters = pattern.replaceAll("'[^']*'", "");
    if (!letters.contains("M")) {
      b.parseDefaulting(ChronoField.MONTH_OF_YEAR, 1);
    }
    if (!letters.contains("d")) {
      b.parseDefaulting(ChronoField.DAY_OF_MONTH, 1);
    }
    if (!letters.contains("H") && !letters.contains("h")) {
      b.parseDefaulting(ChronoField.HOUR_OF_DAY, 0);
    }
    if (!letters.contains("m")) {
      b.parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0);
    }
    if (!letters.contains("s")) {
      b.parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0);
    }
    return b.toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.SMART);
  }

  private static Map<String, String> loadZones() {
    Properties p = new Properties();
    try (InputStream in = resource("timezones.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    java.util.HashMap<String, String> m = new java.util.HashMap<>();
    p.forEach((k, v) -> m.put(k.toString().toUpperCase(Locale.ROOT), v.toString()));
    return Map.copyOf(m);
  }

  private static List<String> lines(String name) {
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(resource(name), StandardCharsets.UTF_8))) {
      return r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = FeedDates.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("missing resource " + name);
    }
    return in;
  }
}
