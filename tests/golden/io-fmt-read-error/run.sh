# io-fmt-read-error: a read that fails part-way through a file (the
# failread.so shim, after 64 KiB) is an I/O error, never the end of the
# file: `fmt -w` exits 2 and leaves the file byte for byte as it was.  A
# file that ends short of its size (the shim's eof mode: cut while being
# read) is refused the same way.  The last step shows the test can fail:
# without the fault, fmt -w does rewrite this (unformatted) file.
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
"$gen" -s 3 -u 4 -p 10 > "$d/plan.jx"
cp "$d/plan.jx" "$d/orig.jx"
# (Its exact size varies with how jx-gen was compiled: its order of
# evaluation in one expression is unspecified.)
test "$(wc -c < "$d/plan.jx")" -gt 65536 && echo "plan.jx: over 64 KiB"

# Runs jxc under the shim; prints its status, its stderr (without the
# temporary directory) and how much it wrote to stdout.
run() {
  fail "$@" > "$d/out" 2> "$d/err"
  echo "status $?"
  sed -e "s|$d/||g" -e 's/of its [0-9]* bytes/of its N bytes/' "$d/err"
  echo "stdout: $(wc -c < "$d/out") bytes"
  rm -f "$d/out" "$d/err"
}

echo "== fmt -w, read fails with EIO after 65536 bytes"
JX_FAILREAD_MODE=eio run $JXC fmt -w "$d/plan.jx"
cmp "$d/plan.jx" "$d/orig.jx" && echo "plan.jx unchanged"
ls -A "$d"

echo "== fmt -w, the file ends after 65536 bytes"
JX_FAILREAD_MODE=eof run $JXC fmt -w "$d/plan.jx"
cmp "$d/plan.jx" "$d/orig.jx" && echo "plan.jx unchanged"

echo "== fmt to standard output: nothing written"
JX_FAILREAD_MODE=eio run $JXC fmt "$d/plan.jx"

echo "== without the fault"
$JXC fmt -w "$d/plan.jx"; echo "status $?"
cmp -s "$d/plan.jx" "$d/orig.jx" || echo "plan.jx rewritten"
