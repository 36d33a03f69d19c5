package dev.newsflow.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the sink writes, for the commands that run it. */
public final class SinkOptions {
  @Option(names = "--sink", paramLabel = "TARGETS", description = "jsonl (default), postgres, or jsonl,postgres.")
  String targets;

  @Option(names = "--jdbc-url", paramLabel = "URL", description = "PostgreSQL for --sink postgres, e.g. 'jdbc:postgresql://127.0.0.1:5432/DB?user=postgres'.")
  String jdbcUrl;

  /** The settings these options set. */
  Map<String, String> overrides() {
    Map<String, String> m = new LinkedHashMap<>();
    if (targets != null) {
      m.put("sink.targets", targets);
    }
    if (jdbcUrl != null) {
      m.put("sink.jdbc-url", jdbcUrl);
    }
    return m;
  }
}
