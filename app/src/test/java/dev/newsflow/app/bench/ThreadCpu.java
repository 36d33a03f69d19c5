package dev.newsflow.app.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time of this JVM's live platform threads summed by the part of the pipeline they belong to,
 * told apart by thread name. Virtual threads run on the carrier threads of the default scheduler,
 * so their CPU shows there: in the benchmark only the fetcher (its polls, with feed parsing and
 * article extraction, and its HTTP client's handlers) runs on virtual threads; the feed server runs
 * on platform threads of its own. What no Java thread accounts for (GC, JIT) is the process CPU
 * minus the sum.
 */
final class ThreadCpu {
  /** Groups in report order, each with the name fragments that place a thread in it (first match wins). */
  static final List<Map.Entry<String, List<String>>> GROUPS = List.of(
      Map.entry("fetcher loop and its Kafka clients (thread ingest, newsflow-ingest-*)", List.of("newsflow-ingest", "ingest", "fetch-deadlines")),
      Map.entry("fetcher polls on virtual threads (feed parsing, extraction, HTTP handlers)", List.of("ForkJoinPool-", "VirtualThread-unparker")),
      Map.entry("HTTP client selector (HttpClient-*-SelectorManager)", List.of("HttpClient-")),
      Map.entry("feed server (benchmark)", List.of("load-feeds", "HTTP-Dispatcher", "server-timer")),
      Map.entry("enrich stream threads and their clients", List.of("StreamThread-", "newsflow-enrich")),
      Map.entry("sink (thread sink, its consumer and DLQ producer)", List.of("sink")),
      Map.entry("embedded broker", List.of("kafka", "data-plane", "controller", "raft", "broker", "ExpirationReaper", "group-",
          "transaction", "LogDirFailureHandler", "ReplicaFetcher", "quorum", "metadata", "share-", "executor-", "ReplicaManager",
          "log-cleaner", "TxnMarker", "feature-", "AlterPartition", "node-", "event-process", "persister")),
      Map.entry("benchmark's own readers and main", List.of("load-", "main")));

  private ThreadCpu() {}

  /** CPU nanoseconds by group (plus "other threads" and "JVM itself (GC, JIT, not in a Java thread)"). */
  static Map<String, Long> snapshot() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> byGroup = new LinkedHashMap<>();
    GROUPS.forEach(g -> byGroup.put(g.getKey(), 0L));
    byGroup.put("other threads", 0L);
    long sum = 0;
    for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t == null) {
        continue;
      }
      long cpu = threads.getThreadCpuTime(t.getThreadId());
      if (cpu <= 0) {
        continue;
      }
      sum += cpu;
      byGroup.merge(group(t.getThreadName()), cpu, Long::sum);
    }
    long process = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    byGroup.put("JVM itself (GC, JIT, not in a Java thread)", process - sum);
    return byGroup;
  }

  static String group(String name) {
    for (var g : GROUPS) {
      for (String fragment : g.getValue()) {
        if (name.contains(fragment)) {
          return g.getKey();
        }
      }
    }
    return "other threads";
  }

  /** Thread names and CPU nanoseconds of the live threads, for finding which group a new name belongs to. */
  static Map<String, Long> byThread() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> out = new LinkedHashMap<>();
    for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t != null) {
        out.merge(t.getThreadName().replaceAll("\\d+", "N"), Math.max(0, threads.getThreadCpuTime(t.getThreadId())), Long::sum);
      }
    }
    return out;
  }
}
