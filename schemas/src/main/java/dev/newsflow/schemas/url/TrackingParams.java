package dev.newsflow.schemas.url;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The set of query parameter names that only track clicks, read from a versioned data file.
 *
 * <p>File format, one entry a line, {@code #} starts a comment: {@code fbclid} (exact name) or
 * {@code utm_*} (any name with that prefix). Matching is case-insensitive, so {@code CMP} and
 * {@code cmp} are both tracking.
 */
public final class TrackingParams {

  private static final String BUNDLED = "tracking-params.txt";

  private final Set<String> names;
  private final List<String> prefixes;

  private TrackingParams(Set<String> names, List<String> prefixes) {
    this.names = Set.copyOf(names);
    this.prefixes = List.copyOf(prefixes);
  }

  /** The list shipped in {@code src/main/resources/dev/newsflow/schemas/url/tracking-params.txt}. */
  public static TrackingParams bundled() {
    try (InputStream in = TrackingParams.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BUNDLED);
      }
      return parse(
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BUNDLED, e);
    }
  }

  /** Parses the lines of a tracking parameter file. */
  public static TrackingParams parse(List<String> lines) {
    Set<String> names = new HashSet<>();
    List<String> prefixes = new ArrayList<>();
    for (String raw : lines) {
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip().toLowerCase(Locale.ROOT);
      if (line.isEmpty()) {
        continue;
      }
      if (line.endsWith("*")) {
        prefixes.add(line.substring(0, line.length() - 1));
      } else {
        names.add(line);
      }
    }
    return new TrackingParams(names, prefixes);
  }

  /** Whether a (percent-decoded) parameter name is a tracking parameter. */
  public boolean isTracking(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (names.contains(lower)) {
      return true;
    }
    for (String prefix : prefixes) {
      if (lower.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
