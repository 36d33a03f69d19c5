#!/usr/bin/env bash
# Throughput of the enrich topology (dedup + tagging) on the embedded broker as a ratio to a
# pass-through topology (same input, same broker, same JVM), and its state: entries per store,
# bytes on disk and in changelogs, growth with stream time, with and without the hourly sweep.
# Input: ../shared/data/dedup-dev/stream.jsonl replayed with new ids and perturbed words.
# Usage: bench/enrich/run.sh [--replays 12] [--days 30] [--window-days 7] [--partitions 4]
#          [--tuning tuned|default] [--guarantee at_least_once|exactly_once_v2] [--runs pass,real,notag,pass,real,state,sweep] 
# Output records are counted from end offsets: exact under at_least_once (the default); under
# exactly_once_v2 commit markers count too, so a run may stop a few records early.
# JFR=1 also records a flight recording (enrich/target/bench-enrich-out/enrich-bench.jfr).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
data=${DATA:-$root/../shared/data/dedup-dev}
out=$root/enrich/target/bench-enrich-out
mkdir -p "$out"
cd "$root"
mvn -o -q -pl enrich test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$out/cp.txt" >/dev/null
jvm=(-Xmx2g)
if [ "${JFR:-0}" = 1 ]; then
  jvm+=(-XX:FlightRecorderOptions=stackdepth=512 -XX:StartFlightRecording=filename="$out/enrich-bench.jfr",settings=profile)
fi
"$JAVA_HOME/bin/java" "${jvm[@]}" -cp "enrich/target/classes:enrich/target/test-classes:$(cat "$out/cp.txt")" \
  dev.newsflow.enrich.bench.EnrichTopologyBench --data "$data" --work "$root/enrich/target/bench-enrich" "$@"
