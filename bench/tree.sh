#!/usr/bin/env bash
# The whole kernel tree (issue 6), side by side in one run: a bare CDT parse of every .c file
# (BareParse, -j2) and `lockcheck check --no-cache -j2`, with wall time, CPU time and peak RSS.
# One repetition takes 7-9 minutes on a 2-core machine; the tree is ../shared/tools/kernel-source
# --full (1.7 GB unpacked). Usage: bench/tree.sh [DIR]
# LOCKCHECK_BENCH_KEEP=DIR keeps the check's output there as DIR/check.txt, and says whether it
# equals the one an earlier run left there (the whole tree's findings must not vary by run).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
src=${1:-$("$root/../shared/tools/kernel-source" --full)}
"$root/lockcheck" --version >/dev/null # build outside the measurement
mvn -B -q -o -f "$root/pom.xml" test-compile -pl analyzer >/dev/null 2>&1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp_="$root/rules/target/lockcheck.jar:$root/analyzer/target/test-classes"
. "$root/bench/jvm.sh" # jvm: the launcher's JVM options
measure() { # NAME COMMAND...: "%e %U %S %M" into $work/NAME.t (its last line: time first writes a line for a non-zero exit or a signal)
    local name=$1
    shift
    /usr/bin/time -f "%e %U %S %M" -o "$work/$name.t" "$@" >"$work/$name.out" 2>"$work/$name.err" || true
}
field() { awk -v i="$2" 'END {print $i}' "$work/$1.t"; }
cpu() { awk 'END {print $2 + $3}' "$work/$1.t"; }
echo "tree: $src ($(find "$src" -name '*.c' | wc -l) .c files), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
measure bare java "${jvm[@]}" -cp "$cp_" io.lockcheck.bench.BareParse -j 2 "$src"
LOCKCHECK_PHASES=1 measure check "$root/lockcheck" check -j2 --no-cache --stats --format gcc --fail-on none -o "$work/check.txt" "$src"
for v in bare check; do
    printf '%-6s %8s s wall %8s s CPU (%.2fx wall) %6d MB peak RSS\n' "$v" "$(field $v 1)" "$(cpu $v)" \
        "$(awk -v c="$(cpu $v)" -v w="$(field $v 1)" 'BEGIN {print c / w}')" "$(( $(field $v 4) / 1024 ))"
done
awk -v a="$(field check 1)" -v b="$(field bare 1)" 'BEGIN {printf "check vs bare parse, wall: %.2fx\n", a / b}'
grep -h "stats:\|phase" "$work/check.err" || true
tail -n 1 "$work/check.txt"
if [ -n "${LOCKCHECK_BENCH_KEEP:-}" ]; then
    mkdir -p "$LOCKCHECK_BENCH_KEEP"
    if [ -f "$LOCKCHECK_BENCH_KEEP/check.txt" ]; then
        if cmp -s "$work/check.txt" "$LOCKCHECK_BENCH_KEEP/check.txt"; then
            echo "output identical to the earlier run's"
        else
            echo "OUTPUT DIFFERS from the earlier run's ($LOCKCHECK_BENCH_KEEP/check.txt.previous)" >&2
            mv "$LOCKCHECK_BENCH_KEEP/check.txt" "$LOCKCHECK_BENCH_KEEP/check.txt.previous"
        fi
    fi
    cp "$work/check.txt" "$LOCKCHECK_BENCH_KEEP/check.txt"
fi
