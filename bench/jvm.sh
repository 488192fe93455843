# Sourced by the bench scripts (with $root set): the launcher's default JVM options as the array
# `jvm`, so that the bare parse and the jars compared run on the JVM setup `./lockcheck` gives
# users, and no bench script keeps a copy that could drift from it.
eval "$(awk '/^default_jvm_opts=\(/ {on = 1} on {print} on && /\)$/ {exit}' "$root/lockcheck")"
jvm=("${default_jvm_opts[@]}")
