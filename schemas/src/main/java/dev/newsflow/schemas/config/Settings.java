package dev.newsflow.schemas.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Immutable, layered configuration: dotted keys grouped by component ({@code fetch.max-body-bytes},
 * {@code sink.out-dir}). Layers, lowest first: each module's {@code *-defaults.properties} (which
 * lists every key with a comment), a user file, environment variables ({@code NEWSFLOW_FETCH_MAX_BODY_BYTES}
 * sets {@code fetch.max-body-bytes}), then command-line overrides. Keys under {@code kafka.} are
 * Kafka client properties and pass through untouched.
 *
 * <pre>{@code
 * Settings s = Settings.defaults("ingest-defaults.properties").with(Map.of("fetch.max-redirects", "3"));
 * int redirects = s.getInt("fetch.max-redirects");
 * }</pre>
 */
public final class Settings {
  private static final String ENV_PREFIX = "NEWSFLOW_";
  private static final String KAFKA_PREFIX = "kafka.";

  private final Map<String, String> values;

  private Settings(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /** Empty settings. */
  public static Settings empty() {
    return new Settings(Map.of());
  }

  /** Settings from plain key/value pairs. */
  public static Settings of(Map<String, String> values) {
    return new Settings(values);
  }

  /** Settings read from the named classpath resources (later ones win), e.g. module defaults. */
  public static Settings defaults(String... resources) {
    Map<String, String> merged = new LinkedHashMap<>();
    for (String resource : resources) {
      try (InputStream in = Settings.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("defaults file not on the classpath: " + resource);
        }
        merged.putAll(read(new java.io.InputStreamReader(in, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Settings(merged);
  }

  /** These settings overlaid with the properties file at {@code file}. */
  public Settings withFile(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return with(read(reader));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * These settings overlaid with environment variables: for each key already known, {@code
   * NEWSFLOW_} + the key upper-cased with {@code .} and {@code -} turned into {@code _}.
   */
  public Settings withEnvironment(Map<String, String> env) {
    Map<String, String> overlay = new LinkedHashMap<>();
    for (String key : values.keySet()) {
      String value = env.get(envName(key));
      if (value != null) {
        overlay.put(key, value);
      }
    }
    return with(overlay);
  }

  /** The environment variable that overrides {@code key}. */
  public static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** These settings overlaid with {@code overrides} (null values are ignored). */
  public Settings with(Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>(values);
    overrides.forEach(
        (k, v) -> {
          if (v != null) {
            merged.put(k, v);
          }
        });
    return new Settings(merged);
  }

  /** These settings with one key set. */
  public Settings with(String key, String value) {
    return with(Collections.singletonMap(key, value));
  }

  public boolean has(String key) {
    String v = values.get(key);
    return v != null && !v.isBlank();
  }

  public String getString(String key) {
    String v = values.get(Objects.requireNonNull(key, "key"));
    if (v == null) {
      throw new IllegalArgumentException("missing configuration key '" + key + "'");
    }
    return v.strip();
  }

  public String getString(String key, String fallback) {
    return has(key) ? getString(key) : fallback;
  }

  public int getInt(String key) {
    return (int) parse(key, getString(key), Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  public long getLong(String key) {
    return parse(key, getString(key), Long.MIN_VALUE, Long.MAX_VALUE);
  }

  public boolean getBoolean(String key) {
    String v = getString(key).toLowerCase(Locale.ROOT);
    return switch (v) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw new IllegalArgumentException(
          "configuration key '" + key + "' must be true or false, not '" + v + "'");
    };
  }

  /** A duration given in milliseconds under a key ending in {@code .ms}. */
  public Duration getMillis(String key) {
    return Duration.ofMillis(getLong(key));
  }

  /** Every key under {@code kafka.}, prefix removed: Kafka client properties. */
  public Map<String, Object> kafkaProperties() {
    Map<String, Object> result = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith(KAFKA_PREFIX) && !v.isBlank()) {
            result.put(k.substring(KAFKA_PREFIX.length()), v.strip());
          }
        });
    return result;
  }

  /** All keys and values, sorted by key. */
  public Map<String, String> asMap() {
    return values;
  }

  private static long parse(String key, String v, long min, long max) {
    try {
      long n = Long.parseLong(v.replace("_", ""));
      if (n < min || n > max) {
        throw new NumberFormatException("out of range");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "configuration key '" + key + "' must be a whole number, not '" + v + "'", e);
    }
  }

  private static Map<String, String> read(Reader reader) throws IOException {
    Properties p = new Properties();
    p.load(reader);
    Map<String, String> map = new LinkedHashMap<>();
    for (String name : p.stringPropertyNames()) {
      map.put(name, p.getProperty(name));
    }
    return map;
  }

  @Override
  public String toString() {
    return "Settings" + values;
  }
}
