#!/usr/bin/env bash
# Checks that two builds of lockcheck report the same findings, byte for byte in SARIF, and
# prints each one's wall and CPU time and peak RSS from the same session (run them side by side:
# timings on a shared machine are noisy). Used before and after each optimisation.
# Usage: bench/same-findings.sh OLD.jar NEW.jar DIR [extra check options...]
# Both runs are --reproducible (no timestamps, so the bytes can match) and --no-cache (the second
# run of two equal builds would otherwise be served from the first one's cache).
set -euo pipefail
old=$1 new=$2 dir=$3
shift 3
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
. "$root/bench/jvm.sh" # jvm: the launcher's JVM options
for v in old new; do
    jar=${!v}
    /usr/bin/time -f "$v: %e s wall, %U s user, %S s sys, %M KB peak RSS" -o "$out/$v.time" \
        java "${jvm[@]}" -jar "$jar" check --reproducible --no-cache --format sarif --fail-on none -o "$out/$v.sarif" "$@" "$dir" \
        2>"$out/$v.err" || { cat "$out/$v.err" >&2; exit 2; }
    cat "$out/$v.time"
done
if cmp -s "$out/old.sarif" "$out/new.sarif"; then
    echo "same findings: $(grep -c '"ruleId"' "$out/new.sarif") results"
else
    echo "FINDINGS DIFFER:"
    diff <(grep -E '"(ruleId|text|startLine)"' "$out/old.sarif") <(grep -E '"(ruleId|text|startLine)"' "$out/new.sarif") | head -40
    exit 1
fi
