package dev.newsflow.app.monitor;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The query parameters of one API request, checked against the parameters its route accepts: an
 * unknown, repeated or malformed parameter is a {@link BadRequest} naming it. Empty values count
 * as absent.
 */
final class Params {
  private static final Pattern CODE = Pattern.compile("[A-Z]{3,6}");
  private static final Pattern EVENT = Pattern.compile("[A-Z_]{2,30}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

  private final Map<String, String> values;

  private Params(Map<String, String> values) {
    this.values = values;
  }

  static Params parse(String rawQuery, Set<String> accepted) {
    Map<String, String> values = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq), "query");
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1), name);
        if (!accepted.contains(name)) {
          throw new BadRequest(name, "unknown parameter '" + name + "'"
              + (accepted.isEmpty() ? "; this endpoint takes none" : "; accepted: " + String.join(", ", new TreeSet<>(accepted))));
        }
        if (values.containsKey(name)) {
          throw new BadRequest(name, "parameter '" + name + "' is given more than once");
        }
        values.put(name, value.strip());
      }
    }
    return new Params(values);
  }

  private static String decode(String s, String parameter) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequest(parameter, "parameter '" + parameter + "' is not correctly URL-encoded: " + e.getMessage());
    }
  }

  /** The value, null when absent or empty; longer than {@code maxLength} is refused. */
  String text(String name, int maxLength) {
    String v = values.get(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (v.length() > maxLength) {
      throw new BadRequest(name, "parameter '" + name + "' is longer than " + maxLength + " characters");
    }
    return v;
  }

  /** An actor code such as PRK or USAGOV, upper-cased; null when absent. */
  String actor(String name) {
    String v = text(name, 20);
    if (v != null && !CODE.matcher(v.toUpperCase(Locale.ROOT)).matches()) {
      throw new BadRequest(name, "parameter '" + name + "' must be an actor code of 3 to 6 letters such as PRK or USAGOV, not '" + v + "'");
    }
    return v == null ? null : v.toUpperCase(Locale.ROOT);
  }

  /** A PLOVER event type such as SANCTION, upper-cased; null when absent. */
  String eventType(String name) {
    String v = text(name, 40);
    if (v != null && !EVENT.matcher(v.toUpperCase(Locale.ROOT)).matches()) {
      throw new BadRequest(name, "parameter '" + name + "' must be an event type such as SANCTION or CONSULT, not '" + v + "'");
    }
    return v == null ? null : v.toUpperCase(Locale.ROOT);
  }

  /** An ISO 639-1 language code such as en; null when absent. */
  String language(String name) {
    String v = text(name, 10);
    if (v != null && !LANGUAGE.matcher(v.toLowerCase(Locale.ROOT)).matches()) {
      throw new BadRequest(name, "parameter '" + name + "' must be a language code such as en or ko, not '" + v + "'");
    }
    return v == null ? null : v.toLowerCase(Locale.ROOT);
  }

  int integer(String name, int min, int max, int fallback) {
    String v = text(name, 12);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequest(name, "parameter '" + name + "' must be a whole number from " + min + " to " + max + ", not '" + v + "'");
  }

  String oneOf(String name, Set<String> allowed, String fallback) {
    String v = text(name, 40);
    if (v == null) {
      return fallback;
    }
    if (!allowed.contains(v)) {
      throw new BadRequest(name, "parameter '" + name + "' must be one of " + String.join(", ", new TreeSet<>(allowed)) + ", not '" + v + "'");
    }
    return v;
  }

  /** An ISO-8601 instant (2025-03-01T12:00:00Z), date-time with offset, or date (midnight UTC); null when absent. */
  Instant instant(String name) {
    String v = text(name, 40);
    if (v == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException notDateTime) {
      try {
        return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notDate) {
        throw new BadRequest(name, "parameter '" + name + "' must be an ISO-8601 time such as 2025-03-01T12:00:00Z or a date such as 2025-03-01, not '" + v + "'");
      }
    }
  }
}
