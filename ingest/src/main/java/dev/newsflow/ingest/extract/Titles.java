package dev.newsflow.ingest.extract;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes the site name from a page title: {@code "Rain due | Daily News"} is {@code "Rain due"} when the site is
 * called Daily News, or when the page's {@code h1} reads {@code Rain due}.
 */
final class Titles {

    private static final Pattern SEPARATOR = Pattern.compile("\\s+[|\\-–—:·•»/]\\s+|\\s+::\\s+");

    private Titles() {
    }

    /**
     * The headline part of {@code title}.
     *
     * @param outletNames names the site goes by (site name, publisher, host), may hold nulls
     * @param h1          text of the page's first {@code h1}, or null
     */
    static String headline(String title, List<String> outletNames, String h1) {
        if (title == null) {
            return h1;
        }
        String[] parts = SEPARATOR.split(title);
        if (parts.length < 2) {
            return title;
        }
        if (h1 != null) {
            String squashedH1 = Authors.squash(h1);
            for (String part : parts) {
                if (Authors.squash(part).equals(squashedH1)) {
                    return part.strip();
                }
            }
        }
        String first = parts[0];
        String last = parts[parts.length - 1];
        if (isOutlet(last, outletNames)) {
            return title.substring(0, title.length() - lastSeparatorTail(title)).strip();
        }
        if (isOutlet(first, outletNames)) {
            return title.substring(firstSeparatorEnd(title)).strip();
        }
        return title;
    }

    private static int lastSeparatorTail(String title) {
        var m = SEPARATOR.matcher(title);
        int start = -1;
        while (m.find()) {
            start = m.start();
        }
        return title.length() - start;
    }

    private static int firstSeparatorEnd(String title) {
        var m = SEPARATOR.matcher(title);
        return m.find() ? m.end() : 0;
    }

    private static boolean isOutlet(String part, List<String> outletNames) {
        String key = Authors.squash(part);
        if (key.isEmpty()) {
            return false;
        }
        for (String outlet : outletNames) {
            if (outlet == null) {
                continue;
            }
            String o = Authors.squash(outlet);
            boolean same = o.equals(key);
            boolean overlapping = (o.contains(key) && key.length() >= 3) || (key.contains(o) && o.length() >= 3);
            if (!o.isEmpty() && (same || overlapping)) {
                return true;
            }
        }
        return false;
    }
}
