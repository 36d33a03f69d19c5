#!/usr/bin/env bash
# Fetcher benchmark (issue #3): one FeedFetcherService polling 10,000 simulated feeds on 500 hosts.
# The broker (LocalKafka) and the simulated feeds server run in a first JVM (BenchEnv); the fetcher
# runs alone in a second JVM capped at 512 MB of heap, so that its heap and CPU are its own.
# Prints a markdown table of figures on stdout (progress on stderr).
#
# Usage: bench/fetcher/run.sh [--feeds=10000] [--hosts=500] [--interval-ms=10000] [--host-delay-ms=100]
#                             [--concurrency=64] [--partitions=4] [--warmup-s=20] [--measure-s=60]
# Environment: JAVA_HOME (a JDK 21+), FETCHER_JVM_OPTS (extra flags for the fetcher's JVM, e.g. a
# -XX:StartFlightRecording=... to profile it).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
out=$root/ingest/target/bench-fetcher
mkdir -p "$out"

mvn -q -o -pl ingest test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$out/cp.txt" >/dev/null
cp="$root/ingest/target/classes:$root/ingest/target/test-classes:$(cat "$out/cp.txt")"

rm -f "$out/env.properties"
"$java" -Xmx1g -cp "$cp" dev.newsflow.ingest.bench.BenchEnv "$out/env.properties" >"$out/env.log" 2>&1 &
env_pid=$!
trap 'kill "$env_pid" 2>/dev/null || true; wait "$env_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  [ -f "$out/env.properties" ] && break
  kill -0 "$env_pid" 2>/dev/null || { echo "benchmark environment failed; see $out/env.log" >&2; exit 1; }
  sleep 0.5
done
[ -f "$out/env.properties" ] || { echo "benchmark environment not ready after 120 s; see $out/env.log" >&2; exit 1; }

# shellcheck disable=SC2086
"$java" -Xmx512m -XX:+UseG1GC ${FETCHER_JVM_OPTS:-} -cp "$cp" \
  dev.newsflow.ingest.bench.FetcherBench --env="$out/env.properties" "$@"
