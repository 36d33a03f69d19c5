#!/usr/bin/env bash
# Fuzzes the parsers with Jazzer, one target after the other, for a bounded time each:
#   bench/fuzz/run.sh [SECONDS] [TARGET...]        (default: 60 s each, every target)
# Targets: feed, extract, url, avro-raw, avro-enriched. Example: bench/fuzz/run.sh 600 feed url
#
# CI never fuzzes: `scripts/test` runs the same @FuzzTest methods in regression mode, replaying the
# seeds in src/test/resources/<package>/<Class>FuzzTestInputs/<method>/. A finding made here is
# written by Jazzer into that folder (crash-<sha1>), so it is replayed by every later test run;
# minimise it (see below), turn it into a plain regression test, then fix the code.
# The growing corpus is kept in <module>/.cifuzz-corpus/ (not committed).
#
# Environment:
#   FUZZ_TIMEOUT   seconds one input may take before it counts as a hang (default 10)
#   FUZZ_NO_INSTALL=1  skip installing the upstream modules first (they are up to date)
#   FUZZ_MVN_ARGS  extra Maven arguments, e.g. "-Djazzer.keep_going=5" or
#                  "-Dorg.apache.avro.limits.collectionItems.maxLength=100000"
# Minimise a finding with libFuzzer's -minimize_crash through the same internal arguments, e.g.
#   JAZZER_FUZZ=1 mvn -o -pl schemas test -Dtest='AvroCodecFuzzTest#decodeRawArticle' \
#     -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-minimize_crash=1 \
#     -Djazzer.internal.arg.2=-runs=10000 -Djazzer.internal.arg.3=path/to/crash-file
# Logs: target/fuzz/<target>.log. Exit status: 0 when no target found anything, 1 otherwise.
set -uo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
# shellcheck source=../../scripts/find-jdk.sh
. "$root/scripts/find-jdk.sh"
newsflow_find_jdk || exit 1

seconds=60
if [[ ${1:-} =~ ^[0-9]+$ ]]; then
  seconds=$1
  shift
fi
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(feed extract url avro-raw avro-enriched)

# target -> "module test-class#method"
declare -A TARGETS=(
  [feed]="ingest FeedParserFuzzTest#parse"
  [extract]="ingest ArticleExtractorFuzzTest#extract"
  [url]="schemas UrlCanonicalizerFuzzTest#canonicalize"
  [avro-raw]="schemas AvroCodecFuzzTest#decodeRawArticle"
  [avro-enriched]="schemas AvroCodecFuzzTest#decodeEnrichedArticle"
)
for t in "${targets[@]}"; do
  [ -n "${TARGETS[$t]:-}" ] || { echo "unknown target '$t' (known: ${!TARGETS[*]})" >&2; exit 2; }
done

cd "$root" || exit 1
out=$root/target/fuzz
mkdir -p "$out"

if [ -z "${FUZZ_NO_INSTALL:-}" ]; then
  echo "installing the modules under test (no tests)..."
  mvn -B -q -o -pl ingest -am install -DskipTests || exit 1
fi

status=0
for t in "${targets[@]}"; do
  read -r module test <<<"${TARGETS[$t]}"
  log=$out/$t.log
  echo "== $t: $module $test for ${seconds}s (log: ${log#"$root"/})"
  # jazzer.internal.arg.N are libFuzzer arguments (arg.0 is argv[0]); they come after the ones
  # Jazzer derives from @FuzzTest(maxDuration) and JUnit's timeout, so they win. JUnit's own
  # 2-minute test timeout (root pom) would fail a longer run: it is switched off for fuzzing only.
  # shellcheck disable=SC2086
  JAZZER_FUZZ=1 mvn -B -o -pl "$module" test \
    -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djunit.jupiter.execution.timeout.mode=disabled \
    -Djazzer.internal.arg.0=fuzz \
    -Djazzer.internal.arg.1=-max_total_time="$seconds" \
    -Djazzer.internal.arg.2=-timeout="${FUZZ_TIMEOUT:-10}" \
    -Djazzer.internal.arg.3=-print_final_stats=1 \
    ${FUZZ_MVN_ARGS:-} >"$log" 2>&1
  rc=$?
  # With -Djazzer.keep_going the test passes although findings were written: count those too.
  grep -aq 'Test unit written to' "$log" && rc=${rc/#0/1}
  # libFuzzer's last status line, e.g. "#48121 DONE cov: 2310 ft: 9120 corp: 611/84Kb exec/s: 801"
  grep -aE '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -n 1
  grep -aE '^stat::number_of_executed_units|^stat::average_exec_per_sec' "$log" | tr '\n' ' '
  echo
  if [ $rc -ne 0 ]; then
    status=1
    echo "   FINDING or failure (exit $rc): see $log"
    grep -aE 'FuzzTestFindingException|^Caused by|Test unit written to|^== Java Exception|OutOfMemoryError|Timeout' "$log" \
      | grep -v 'class file major version' | head -n 8 | sed 's/^/   /'
  fi
done
exit $status
