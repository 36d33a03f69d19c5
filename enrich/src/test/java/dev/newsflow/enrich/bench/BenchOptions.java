package dev.newsflow.enrich.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of {@link EnrichTopologyBench}, as {@code --name value} pairs.
 *
 * <p>Example: {@code --data ../shared/data/dedup-dev --replays 12 --days 30 --runs pass,real}.
 *
 * @param data directory holding {@code stream.jsonl}
 * @param work working directory (broker data, Streams state), emptied first
 * @param replays how many times the stream is replayed
 * @param days stream time covered by all replays
 * @param windowDays {@code dedup.window.ms} in days
 * @param partitions partitions of every topic
 * @param tuned whether the throughput settings are applied (to every run alike)
 * @param guarantee Streams processing guarantee for every run; empty: the enrich defaults'
 * @param runs the runs, in order
 */
record BenchOptions(Path data, Path work, int replays, int days, int windowDays, int partitions, boolean tuned,
    String guarantee, List<String> runs) {
  private static final Set<String> KINDS = Set.of("pass", "real", "notag", "state", "sweep");

  BenchOptions {
    if (replays < 1 || days < 1 || windowDays < 1 || partitions < 1) {
      throw new IllegalArgumentException("replays, days, window-days, partitions must be >= 1");
    }
    for (String r : runs) {
      if (!KINDS.contains(r)) {
        throw new IllegalArgumentException("unknown run '" + r + "'; known: " + KINDS);
      }
    }
  }

  static BenchOptions parse(String[] args) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
      }
      m.put(args[i].substring(2), args[++i]);
    }
    String tuning = m.getOrDefault("tuning", "tuned");
    if (!tuning.equals("tuned") && !tuning.equals("default")) {
      throw new IllegalArgumentException("--tuning is tuned or default, got " + tuning);
    }
    return new BenchOptions(
        Path.of(m.getOrDefault("data", "../shared/data/dedup-dev")),
        Path.of(m.getOrDefault("work", "enrich/target/bench-enrich")).toAbsolutePath(),
        Integer.parseInt(m.getOrDefault("replays", "12")),
        Integer.parseInt(m.getOrDefault("days", "30")),
        Integer.parseInt(m.getOrDefault("window-days", "7")),
        Integer.parseInt(m.getOrDefault("partitions", "4")),
        tuning.equals("tuned"),
        m.getOrDefault("guarantee", ""),
        List.of(m.getOrDefault("runs", "pass,real,notag,pass,real,state,sweep").split(",")));
  }
}
