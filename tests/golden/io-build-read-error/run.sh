# io-build-read-error: standard input whose read fails after 64 KiB (the
# failread.so shim) is an I/O error, not a shorter plan: `build -` exits 2
# and what it wrote to stdout is not a complete JSON document (the end of
# the document is never written); with -o the old output file stays as it
# was and no temporary is left; `check` reports the error, in text and in
# JSON.  The last step shows the test can fail: without the fault, the same
# input builds to a complete document.
# Run by the golden runner from the repository root, $JXC and $JX_FAILREAD
# set by the Makefile.
set -u
d=$(mktemp -d) || exit 2
# the generator, when compiled here, goes beside the listed directory
g=$(mktemp -d) || exit 2
trap 'rm -rf "$d" "$g"' EXIT
gen=$(dirname "${JX_VALGRIND_JXC:-$JXC}")/jx-gen
if [ ! -x "$gen" ]; then
  ${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -o "$g/jx-gen" \
    bench/gen.c || exit 2
  gen=$g/jx-gen
fi
fail() {
  LD_PRELOAD=$JX_FAILREAD JX_FAILREAD_AFTER=65536 \
    ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 "$@"
}
is_json() {
  python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$1" \
    2>/dev/null && echo "stdout is a complete JSON document" ||
    echo "stdout is not a complete JSON document"
}
"$gen" -s 5 -u 6 -p 10 > "$d/plan.jx"
# (Its exact size varies with how jx-gen was compiled: its order of
# evaluation in one expression is unspecified.)
test "$(wc -c < "$d/plan.jx")" -gt 65536 && echo "plan.jx: over 64 KiB"

echo "== build - from a pipe that fails"
cat "$d/plan.jx" | fail $JXC build - > "$d/out" 2> "$d/err"
echo "status $?"
cat "$d/err"
is_json "$d/out"

echo "== build -o out.json - from a pipe that fails"
printf 'old\n' > "$d/out.json"
cat "$d/plan.jx" | fail $JXC build -o "$d/out.json" - 2> "$d/err"
echo "status $?"
cat "$d/err"
cat "$d/out.json"
ls -A "$d"

echo "== check of the file, text and JSON diagnostics"
fail $JXC check "$d/plan.jx" 2>&1 | sed "s|$d/||g"
fail $JXC check --diagnostics=json "$d/plan.jx" 2>&1 | sed "s|$d/||g"

echo "== without the fault"
cat "$d/plan.jx" | $JXC build - > "$d/out"
echo "status $?"
is_json "$d/out"
