package dev.newsflow.ingest.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What HTTP response headers say about when to come back. */
public final class HttpHints {
  private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])(?:s-maxage|max-age)\\s*=\\s*\"?(\\d{1,10})");

  private HttpHints() {}

  /**
   * The wait asked by a {@code Retry-After} header: delta-seconds or an HTTP date; null when absent
   * or unreadable; never negative.
   */
  public static Duration retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String v = header.strip();
    if (v.chars().allMatch(Character::isDigit) && v.length() <= 10) {
      return Duration.ofSeconds(Long.parseLong(v));
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** {@code max-age} (or {@code s-maxage}) of a {@code Cache-Control} header; null when absent. */
  public static Duration maxAge(String cacheControl) {
    if (cacheControl == null) {
      return null;
    }
    Matcher m = MAX_AGE.matcher(cacheControl.toLowerCase(Locale.ROOT));
    return m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : null;
  }

  /**
   * The update interval a feed declares with {@code sy:updatePeriod} (hourly, daily, weekly,
   * monthly, yearly) and {@code sy:updateFrequency} (times per period, default 1); null when absent.
   */
  public static Duration syndicationInterval(String period, Integer frequency) {
    if (period == null) {
      return null;
    }
    Duration p = switch (period.strip().toLowerCase(Locale.ROOT)) {
      case "hourly" -> Duration.ofHours(1);
      case "daily" -> Duration.ofDays(1);
      case "weekly" -> Duration.ofDays(7);
      case "monthly" -> Duration.ofDays(30);
      case "yearly" -> Duration.ofDays(365);
      default -> null;
    };
    if (p == null) {
      return null;
    }
    int f = frequency == null || frequency < 1 ? 1 : frequency;
    return p.dividedBy(f);
  }
}
