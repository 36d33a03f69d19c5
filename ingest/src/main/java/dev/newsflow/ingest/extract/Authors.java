package dev.newsflow.ingest.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cleans author strings into person names: drops the {@code By} prefix, splits {@code "Ann Lee and Bo Kim"},
 * removes URLs, e-mail addresses, dates, job titles after a name ({@code "Ann Lee, Senior Writer"}) and the
 * outlet's own name.
 *
 * <p>Example: {@code clean(List.of("By Ann Lee and Bo Kim", "Daily News"), Set of "Daily News")} gives
 * {@code [Ann Lee, Bo Kim]}.
 */
final class Authors {

    private static final Pattern PREFIX = Pattern.compile(
            "^(?i)((\\p{L}+ )?by|from|von|par|por|di|door|av|author|authors|reporter)\\s*[:\\-]?\\s+");
    /** Name lists: commas, "and" in a few languages, and a full stop that does not end an initial. */
    private static final Pattern SPLIT = Pattern.compile(
            "\\s*(?:,|;|&|\\||\\band\\b|\\bund\\b|\\bet\\b|\\by\\b|(?<=\\p{L}{2})\\.\\s)\\s*");
    private static final Pattern JUNK = Pattern.compile("(?i)https?://|www\\.|@|\\.com\\b|\\d");
    private static final Pattern ROLE = Pattern.compile(
            "(?i)\\b(" + String.join("|", Hints.lines("author-roles.txt")) + ")s?\\b");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{Punct}\\s]+|[\\p{Punct}\\s&&[^.]]+$");
    private static final int MAX_WORDS = 6;

    private Authors() {
    }

    /** Person names from raw author strings, without duplicates or the outlet's names (case-insensitive). */
    static List<String> clean(List<String> raw, List<String> outletNames) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String value : raw) {
            String s = TextShape.clean(value);
            if (s == null) {
                continue;
            }
            s = PREFIX.matcher(s).replaceFirst("");
            String[] parts = SPLIT.split(s);
            for (int i = 0; i < parts.length; i++) {
                String name = tidy(parts[i]);
                if (name != null && !isOutlet(name, outletNames) && !(i > 0 && ROLE.matcher(name).find())) {
                    names.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
                }
            }
        }
        return new ArrayList<>(names.values());
    }

    private static String tidy(String part) {
        String name = EDGE_PUNCTUATION.matcher(PREFIX.matcher(part.strip()).replaceFirst("")).replaceAll("");
        if (name.isEmpty() || JUNK.matcher(name).find() || !name.chars().anyMatch(Character::isLetter)) {
            return null;
        }
        int words = name.split("\\s+").length;
        if (words > MAX_WORDS || name.length() > 60 || name.equalsIgnoreCase("by")) {
            return null;
        }
        return name;
    }

    private static boolean isOutlet(String name, List<String> outletNames) {
        String key = squash(name);
        for (String outlet : outletNames) {
            if (outlet != null && !outlet.isBlank() && squash(outlet).equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, letters and digits only: {@code "The Daily-News"} is {@code "thedailynews"}. */
    static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
