package dev.newsflow.ingest.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the date formats pages use into UTC instants, and finds dates in URL paths.
 *
 * <p>Examples: {@code "2022-12-13T10:15:00+05:00"} is {@code 2022-12-13T05:15:00Z}; {@code "2016-09-06"} is
 * midnight UTC that day; {@code "Tue, 13 Dec 2022 06:02:00 GMT"} is {@code 2022-12-13T06:02:00Z}; a time without
 * zone is taken as UTC; {@code /world/2019/11/20/story} gives {@code 2019-11-20T00:00:00Z}.
 */
final class Dates {

    private static final Pattern ISO_LIKE = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?)?\\s*"
                    + "(Z|UTC|GMT|[+-]\\d{2}:?\\d{2}|[+-]\\d{2})?");
    private static final Pattern URL_DATE = Pattern.compile(
            "/((?:199|20[0-9])\\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\\d|3[01])(?:/|\\b)");
    private static final List<DateTimeFormatter> TEXT_FORMATS = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            text("MMMM d, yyyy[ h:mm a][ z]"),
            text("MMM d, yyyy[ h:mm a][ z]"),
            text("MMM. d, yyyy[ h:mm a][ z]"),
            text("d MMMM yyyy[ HH:mm][ z]"),
            text("d MMM yyyy[ HH:mm][ z]"),
            text("EEE d MMM yyyy[ HH:mm][ z]"),
            text("EEEE, MMMM d, yyyy"),
            text("yyyy/MM/dd[ HH:mm[:ss]]"));

    private Dates() {
    }

    /** The instant a date string denotes, or null when it is not a date this class knows. */
    static Instant parse(String value) {
        String s = TextShape.clean(value);
        if (s == null) {
            return null;
        }
        Instant iso = parseIsoLike(s);
        if (iso != null) {
            return iso;
        }
        if (s.matches("\\d{13}")) {
            return plausible(Instant.ofEpochMilli(Long.parseLong(s)));
        }
        if (s.matches("\\d{10}")) {
            return plausible(Instant.ofEpochSecond(Long.parseLong(s)));
        }
        return parseText(s);
    }

    /** The date in a URL path such as {@code /2019/11/20/} or {@code /20191120/}, or null. */
    static Instant fromUrl(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = URL_DATE.matcher(url);
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static Instant parseIsoLike(String s) {
        Matcher m = ISO_LIKE.matcher(s);
        if (!m.lookingAt()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(num(m.group(1)), num(m.group(2)), num(m.group(3)));
            if (m.group(4) == null) {
                return plausible(date.atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            LocalDateTime time = date.atTime(num(m.group(4)), num(m.group(5)),
                    m.group(6) == null ? 0 : num(m.group(6)));
            return plausible(time.atOffset(offset(m.group(7))).toInstant());
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        String z = zone.replace(":", "");
        int sign = z.charAt(0) == '-' ? -1 : 1;
        int hours = Integer.parseInt(z.substring(1, 3));
        int minutes = z.length() >= 5 ? Integer.parseInt(z.substring(3, 5)) : 0;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    private static Instant parseText(String s) {
        String t = s.replaceAll("(?i)^(published|posted|updated|on)\\s*:?\\s*", "")
                .replaceAll("(\\d)(st|nd|rd|th)\\b", "$1")
                .replaceAll("(?i)\\b(a\\.m\\.|p\\.m\\.)", "")
                .replace(" at ", " ");
        for (DateTimeFormatter f : TEXT_FORMATS) {
            try {
                var parsed = f.parseBest(t, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from,
                        LocalDate::from);
                if (parsed instanceof ZonedDateTime z) {
                    return plausible(z.toInstant());
                } else if (parsed instanceof OffsetDateTime o) {
                    return plausible(o.toInstant());
                } else if (parsed instanceof LocalDateTime l) {
                    return plausible(l.toInstant(ZoneOffset.UTC));
                } else if (parsed instanceof LocalDate d) {
                    return plausible(d.atStartOfDay(ZoneOffset.UTC).toInstant());
                }
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    /** Rejects placeholder dates such as year 0001 or far in the future. */
    private static Instant plausible(Instant instant) {
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        return year >= 1990 && year <= 2100 ? instant : null;
    }

    private static int num(String s) {
        return Integer.parseInt(s);
    }

    private static DateTimeFormatter text(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .parseDefaulting(ChronoField.ERA, 1).toFormatter(Locale.ENGLISH);
    }
}
