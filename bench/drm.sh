#!/usr/bin/env bash
# Speed and memory of lockcheck on a kernel directory, as ratios measured side by side in one
# run (the machine may be shared: compare within a run, and repeat). For each repetition:
#   bare    a bare CDT parse of the same files (BareParse: 12-macro prelude, nothing else), -j2
#   check   ./lockcheck check --no-cache, -j2 and -j1
#   cold    the same with an empty incremental cache (it fills it), -j2
#   warm    again, nothing changed (whole result from the cache)
#   one     after appending a comment to one file (its facts parsed again, the rest cached)
# and checks that every variant reports identical SARIF. Works on a copy of DIR in a temp dir.
# Usage: bench/drm.sh [DIR] [REPETITIONS]   (default DIR: Linux 6.12 drivers/gpu/drm)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
src=${1:-$("$root/../shared/tools/kernel-source")/drivers/gpu/drm}
reps=${2:-2}
"$root/lockcheck" --version >/dev/null # build (and train the class archive) outside the measurement
mvn -B -q -o -f "$root/pom.xml" test-compile -pl analyzer >/dev/null 2>&1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src" "$work/tree"
files=$(find "$work/tree" -name '*.c' | wc -l)
one=$(find "$work/tree" -name '*.c' | sort | sed -n 1p)
cp "$one" "$work/one.orig"
cp_=("$root/rules/target/lockcheck.jar" "$root/analyzer/target/test-classes")
. "$root/bench/jvm.sh" # jvm: the launcher's JVM options

# measure NAME COMMAND...: wall, user+sys CPU and peak RSS into $work/NAME.t
measure() {
    local name=$1
    shift
    /usr/bin/time -f "%e %U %S %M" -o "$work/$name.t" "$@" >/dev/null 2>"$work/$name.err" || true
}
wall() { awk 'END {print $1}' "$work/$1.t"; }
cpu() { awk 'END {print $2 + $3}' "$work/$1.t"; }
rss() { awk 'END {printf "%.0f", $4 / 1024}' "$work/$1.t"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
check() { # check NAME [options...]
    local name=$1
    shift
    measure "$name" "$root/lockcheck" check --reproducible --format sarif --fail-on none -o "$work/$name.sarif" "$@" "$work/tree"
}

echo "tree: $src ($files files), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-4s %8s %8s %8s %8s %8s %8s %8s | %7s %7s %7s %7s %7s | %s\n' rep bare check j1 cold warm one "" \
    check/bare cpu j1/j2 cold/warm "" "RSS MB check,j1,cold,one"
for rep in $(seq "$reps"); do
    cp "$work/one.orig" "$one"
    rm -rf "$work/cache"
    measure bare java "${jvm[@]}" -cp "$(IFS=:; echo "${cp_[*]}")" io.lockcheck.bench.BareParse -j 2 "$work/tree"
    LOCKCHECK_PHASES=1 check check -j2 --no-cache
    check j1 -j1 --no-cache
    check cold -j2 --cache-dir "$work/cache"
    check warm -j2 --cache-dir "$work/cache"
    printf '\n/* lockcheck bench: one file changed */\n' >> "$one"
    LOCKCHECK_PHASES=1 check one -j2 --cache-dir "$work/cache"
    printf '%-4s %7ss %7ss %7ss %7ss %7ss %7ss %8s | %7s %7s %7s %9s %5s | %s\n' "$rep" "$(wall bare)" "$(wall check)" \
        "$(wall j1)" "$(wall cold)" "$(wall warm)" "$(wall one)" "" "$(ratio "$(wall check)" "$(wall bare)")" \
        "$(ratio "$(cpu check)" "$(cpu bare)")" "$(ratio "$(wall j1)" "$(wall check)")" \
        "$(ratio "$(wall cold)" "$(wall warm)")" "" "$(rss check),$(rss j1),$(rss cold),$(rss one)"
    for v in j1 cold warm; do
        cmp -s "$work/check.sarif" "$work/$v.sarif" || { echo "FINDINGS DIFFER: check vs $v" >&2; exit 1; }
    done
done
echo "CPU of check: $(cpu check) s user+sys for $(wall check) s wall ($(ratio "$(cpu check)" "$(wall check)")x); bare parse CPU $(cpu bare) s"
echo "phases of the last check (cache off) and of the last one-file-changed run:"
paste <(grep phase "$work/check.err") <(grep phase "$work/one.err" | awk '{print $4, $5}')
echo "findings identical for -j2, -j1, cold cache and warm re-run"
