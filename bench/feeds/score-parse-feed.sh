#!/usr/bin/env bash
# Feed-parsing robustness through the real command: `newsflow parse-feed --jsonl` over every file
# of ../shared/data/feeds-dev, scored with ../shared/tools/score_feeds.py --strict.
# The plain-Rome baseline and throughput come from the Java harness (FeedCorpusBench), same files.
# Usage: bench/feeds/score-parse-feed.sh [SHARED_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${1:-$root/../shared}
data=$shared/data/feeds-dev
[ -d "$data" ] || { echo "no $data: the dev set lives in ../shared, beside the repository" >&2; exit 1; }
out=$root/target/bench-feeds; mkdir -p "$out"
mapfile -t files < <(python3 -c 'import json,sys; [print(json.loads(l)["file"]) for l in open(sys.argv[1])]' "$data/expect.jsonl")
(cd "$data" && "$root/newsflow" parse-feed --jsonl "${files[@]}") > "$out/newsflow.raw.jsonl"
python3 - "$out/newsflow.raw.jsonl" "$out/pred-newsflow.jsonl" "${files[@]}" <<'PY'
import json, sys
raw, pred, files = sys.argv[1], sys.argv[2], sys.argv[3:]
lines = open(raw, encoding='utf-8').read().splitlines()
assert len(lines) == len(files), f"{len(lines)} lines for {len(files)} files"
with open(pred, 'w', encoding='utf-8') as out:
    for f, line in zip(files, lines):
        obj = json.loads(line); obj['file'] = f
        out.write(json.dumps(obj) + '\n')
PY
echo "newsflow parse-feed: $(python3 "$shared/tools/score_feeds.py" --strict "$data/expect.jsonl" "$out/pred-newsflow.jsonl" | tail -n 1)"

cd "$root"
mvn -q -o -pl ingest test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/cp.txt" >/dev/null
"$JAVA_HOME/bin/java" -cp "ingest/target/classes:ingest/target/test-classes:$(cat "$out/cp.txt")" \
  dev.newsflow.ingest.feed.bench.FeedCorpusBench "$data" "$shared/tools/score_feeds.py" "$out/harness" 20
