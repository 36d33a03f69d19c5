#!/usr/bin/env bash
# Extraction benchmark: newsflow vs readability4j (same JVM) vs Mozilla Readability (node), on the same pages.
# Usage: bench/extraction/run.sh [PAGES.jsonl TRUTH.jsonl]   (defaults: ../shared/data/extraction-dev/)
# Prints pages/s per extractor and the scorer's precision / recall / F1 / empty outputs for each.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here=$root/bench/extraction
. "$root/scripts/find-jdk.sh"; newsflow_find_jdk
DATA="${DATA:-$root/../shared/data/extraction-dev}"
PAGES="${1:-$DATA/pages.jsonl}"
TRUTH="${2:-$DATA/truth.jsonl}"
SCORER="${SCORER:-$root/../shared/tools/score_extraction.py}"
OUT=$root/target/bench-extraction
WARMUP="${WARMUP:-3}"
TIMED="${TIMED:-9}"
mkdir -p "$OUT"
[ -f "$PAGES" ] || { echo "no $PAGES: the dev set lives in ../shared beside the repository" >&2; exit 1; }

(cd "$root" && mvn -q -o -pl ingest -am install -DskipTests >/dev/null && \
  mvn -q -o -pl ingest dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/cp.txt" >/dev/null)
# One core: the JVM (extraction, GC and JIT) is pinned to one CPU and told it has one.
PIN=""; command -v taskset >/dev/null && PIN="taskset -c ${CORE:-1}"
$PIN "$JAVA_HOME/bin/java" -XX:ActiveProcessorCount=1 -cp "$root/ingest/target/classes:$(cat "$OUT/cp.txt")" \
  "$here/java/ExtractBench.java" "$PAGES" "$OUT" "$WARMUP" "$TIMED" 2>&1 | grep -vE '^SLF4J|\|-INFO'
uptime | sed 's/.*load/machine load/'

if command -v node >/dev/null; then
  (cd "$here/readability-js" && { [ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null; })
  $PIN node "$here/readability-js/extract.js" "$PAGES" "$OUT/pred-readability-js.jsonl" 1 2
fi

for pred in "$OUT"/pred-*.jsonl; do
  name=$(basename "$pred" .jsonl); name=${name#pred-}
  python3 "$SCORER" "$TRUTH" "$pred" --per-page "$OUT/per-page-$name.tsv" \
    | awk -v n="$name" '/^pages/{e=$6} /^precision/{p=$2} /^recall/{r=$2} /^F1/{f=$2}
        END{printf "%-16s F1 %s  precision %s  recall %s  empty %s\n", n, f, p, r, e}'
done
echo "newsflow: worst pages (id tp fp fn precision recall f1)"
tail -n +2 "$OUT/per-page-newsflow.tsv" | sort -t$'\t' -k7 -n | head -5 | cut -c1-12,65-
