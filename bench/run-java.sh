#!/usr/bin/env bash
# Runs a benchmark main from a module's test classes on one core:
#   bench/run-java.sh MODULE CLASS [ARGS...]
# e.g. bench/run-java.sh enrich dev.newsflow.enrich.tag.bench.TagBench throughput ../shared/data/dedup-dev/stream.jsonl 5
# Benchmarks print figures; they are not tests and never fail on time. JVM flags: BENCH_JAVA_OPTS.
# ONE_CORE= (empty) runs unpinned; the -XX:ActiveProcessorCount=1 default can be overridden in BENCH_JAVA_OPTS.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/find-jdk.sh"; newsflow_find_jdk
module=$1; shift; class=$1; shift
out=$root/target/bench-$module; mkdir -p "$out"
(cd "$root" && mvn -q -o -pl "$module" -am install -DskipTests >/dev/null && \
  mvn -q -o -pl "$module" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/cp.txt" >/dev/null)
PIN=""; [ -n "${ONE_CORE-1}" ] && command -v taskset >/dev/null && PIN="taskset -c ${CORE:-1}"
# shellcheck disable=SC2086
exec $PIN "$JAVA_HOME/bin/java" -XX:ActiveProcessorCount=1 ${BENCH_JAVA_OPTS:-} \
  -cp "$root/$module/target/classes:$root/$module/target/test-classes:$(cat "$out/cp.txt")" "$class" "$@"
