#!/usr/bin/env bash
# Guard-inference thresholds measured side by side on one tree (default: Linux 6.12
# drivers/gpu/drm from ../shared/tools/kernel-source). For each setting it prints how many
# fields get an inferred guard and how many LC001/LC002 findings rest on inference, so the
# defaults (--infer-min-writes 3 --infer-min-share 75) can be judged against looser and
# stricter ones. Usage: bench/inference-thresholds.sh [DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$("$root/../shared/tools/kernel-source")/drivers/gpu/drm}
"$root/lockcheck" --version >/dev/null   # build once, outside the measurement
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '%-22s %10s %14s %14s\n' "writes/share" "inferred" "LC001(infer)" "LC002(infer)"
for setting in "2 50" "3 75" "4 90" "5 100"; do
    set -- $setting
    "$root/lockcheck" guards --infer-min-writes "$1" --infer-min-share "$2" "$dir" > "$out/g.yaml" 2>/dev/null || true
    "$root/lockcheck" check --format gcc --rules LC001,LC002 --infer-min-writes "$1" --infer-min-share "$2" \
        -o "$out/c.txt" "$dir" 2>/dev/null || true
    inferred=$(grep -c '^  # inferred:' "$out/g.yaml" || true)
    r=$(grep 'is written with' "$out/c.txt" | grep -c '\[LC001\]' || true)
    w=$(grep 'is written with' "$out/c.txt" | grep -c '\[LC002\]' || true)
    printf '%-22s %10s %14s %14s\n' "$1 / $2%" "$inferred" "$r" "$w"
done
