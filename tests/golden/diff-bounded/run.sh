# diff-bounded: `jxc diff X X'` keeps what changed, not the plans
# (compiler/diff/diff_stream.h): on a generated plan of 40 MB with one
# project renamed it must run in the address space it needs for two small
# plans and 16 MB more.  Holding either side whole would take ten times
# the input.  The seam is `ulimit -v`, as in build-output-oom: find the
# least address space in which jxc diffs a small plan here; sanitizer and
# valgrind builds cannot run under such a limit, so there the case is
# skipped.
set -u
t=$(mktemp -d) || exit 2
trap 'rm -rf "$t"' EXIT
gen=$(dirname "${JX_VALGRIND_JXC:-$JXC}")/jx-gen
if [ ! -x "$gen" ]; then
  ${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -o "$t/jx-gen" \
    bench/gen.c || exit 2
  gen=$t/jx-gen
fi
cp examples/card-sample.jx "$t/small.jx"
fits() { # jxc diffs a small plan within $1 KB of address space
  (ulimit -v $1 && $JXC diff "$t/small.jx" "$t/small.jx" || exit 1) \
    >/dev/null 2>&1
}
if ! fits 65536; then
  echo "$JXC does not run within 64 MB of address space" >&2
  exit 77
fi
least=1000
until fits $least; do
  least=$((least + 250))
done
"$gen" -m 40 >"$t/x.jx" || exit 2
# X': one project renamed halfway through, as make bench does.
awk -v m="$(($(wc -l <"$t/x.jx") / 2))" \
  'NR >= m && !done && sub(/"[^"]*费"/, "\"改名的经费\"") { done = 1 } { print }' \
  "$t/x.jx" >"$t/y.jx"
cd "$t" || exit 2
(ulimit -v $((least + 16384)) && exec $JXC diff x.jx y.jx)
echo "status $?"
(ulimit -v $((least + 16384)) && exec $JXC diff y.jx y.jx)
echo "status $?"
