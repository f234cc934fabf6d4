#!/usr/bin/env bash
# Writes `rapport batch` output for every ../shared/data set, as posts and as replies on X and
# LinkedIn, plus `rapport rules`, into OUT_DIR, so that a refactor can be checked byte for byte:
#   tools/batch-snapshot.sh /tmp/before   # on the old build
#   tools/batch-snapshot.sh /tmp/after    # on the new build
#   diff -r /tmp/before /tmp/after && echo identical
# Uses target/release/rapport (build it first) and ../shared/data (or $RAPPORT_DATA).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:?usage: tools/batch-snapshot.sh OUT_DIR}
DATA=${RAPPORT_DATA:-../shared/data}
BIN=target/release/rapport
mkdir -p "$OUT"
for set in "$DATA"/*.tsv; do
  name=$(basename "$set" .tsv)
  for variant in "x post" "linkedin reply" "youtube post"; do
    read -r platform context <<<"$variant"
    node -e '
      const [file, platform, context] = process.argv.slice(1);
      const lines = require("fs").readFileSync(file, "utf8").split("\n").filter(Boolean);
      for (const line of lines) {
        const text = line.slice(line.indexOf("\t") + 1).split(" \\n ").join("\n");
        process.stdout.write(JSON.stringify({ text, platform, context }) + "\n");
      }' "$set" "$platform" "$context" | "$BIN" batch > "$OUT/$name.$platform.$context.jsonl"
  done
done
"$BIN" rules > "$OUT/rules.json"
echo "wrote $(ls "$OUT" | wc -l) files to $OUT"
