# fmt-long-line: formatting takes time linear in the length of a line.
# Issue 9: a 480 KB one-line file took seconds and a 10 MB one did not
# finish in two minutes (quadratic); now 10 MB takes 0.3 s (1.2 s under
# ASan), and the limit leaves ample room for slow or busy machines while
# still catching anything quadratic.
# The input is jx-gen's plan with its comment lines left out (each would
# swallow the rest of the line) and every line break made a space.
set -u
d=$(mktemp -d) || exit 2
trap 'rm -rf "$d"' EXIT
# jx-gen sits beside jxc (make builds both); under test-valgrind $JXC is a
# wrapper script, so look beside the real binary; else compile it here.
gen=$(dirname "${JX_VALGRIND_JXC:-$JXC}")/jx-gen
if [ ! -x "$gen" ]; then
  ${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -o "$d/jx-gen" \
    bench/gen.c || exit 2
  gen=$d/jx-gen
fi
mb=10 limit=60
if [ -n "${JX_VALGRIND_JXC:-}" ]; then
  mb=1 limit=600 # valgrind runs jxc some 50 times slower
fi
"$gen" -m $mb | grep -v '^ *#' | tr '\n' ' ' > "$d/line.jx"
size=$(wc -c < "$d/line.jx")
[ "$size" -ge $((mb * 900000)) ] && [ "$(wc -l < "$d/line.jx")" -eq 0 ] &&
  echo "input: one line, no line break, of the size asked for"
timeout $limit $JXC fmt "$d/line.jx" > "$d/a.jx"
echo "fmt: status $? (124 would mean it ran out of time)"
timeout $limit $JXC fmt --check "$d/a.jx"
echo "fmt --check of the output: status $?"
$JXC build "$d/line.jx" | sed '/"line":/d' > "$d/1.json"
$JXC build "$d/a.jx" | sed '/"line":/d' > "$d/2.json"
cmp -s "$d/1.json" "$d/2.json" && echo "same plan: yes"
