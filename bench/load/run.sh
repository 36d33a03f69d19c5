#!/usr/bin/env bash
# Load benchmark (issue #8): the whole pipeline in one JVM (embedded broker, fetcher, enrich, sink to a
# fresh PostgreSQL database at 127.0.0.1:5432, JSON Lines if unreachable) fed by a local server that
# publishes a steady flow of new articles across many feeds. Prints a markdown table of figures:
# end-to-end latency (publication on the feed server -> row in the sink) p50/p95/p99/max, sustained
# articles/s, heap after GC, process CPU. Progress on stderr. Not a test: it never fails on figures.
#
# Usage: bench/load/run.sh [--rate N] [--seconds S] [--feeds F] [--hosts H] [--interval-ms MS]
#                          [--warmup-s S] [--drain-s S] [--jdbc URL] [--set.KEY=VALUE ...]
#   --rate 100 articles/s, --seconds 120 measured after --warmup-s 30, --feeds 1000 on --hosts 100,
#   --interval-ms 2000: every feed is polled that often (schedule.min/max-interval.ms).
# Environment: BENCH_JAVA_OPTS (extra JVM flags, e.g. -Xmx); uses both cores (not pinned to one).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --*=*) args+=("$1"); shift ;;
    --*) [ $# -ge 2 ] || { echo "bench/load/run.sh: $1 needs a value" >&2; exit 2; }
         args+=("$1=$2"); shift 2 ;;
    *) echo "bench/load/run.sh: unexpected argument '$1'" >&2; exit 2 ;;
  esac
done
ONE_CORE="" BENCH_JAVA_OPTS="-XX:ActiveProcessorCount=$(nproc) -Xmx1g -XX:+UseG1GC ${BENCH_JAVA_OPTS:-}" \
  exec "$root/bench/run-java.sh" app dev.newsflow.app.bench.LoadBench "${args[@]}"
