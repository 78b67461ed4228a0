# fmt-stream-large: jxc fmt reads a regular file as the parser goes (twice:
# once to check it and count its keywords, once to print it), so every
# mode is checked here on a plan of ~150 KB, past the 64 KiB that --diff
# compares at a time and that a file is probed for being a table:
# standard output, a pipe and a redirected standard input give the same
# text; --check; -w writes that text and leaves a formatted file alone
# (same inode); --diff is a patch that makes the file formatted; CR LF
# stays CR LF; the keyword language is kept; and a syntax error or a
# repeated part at the end of the file means no output at all.
# Run by the golden runner from the repository root, $JXC set.
set -u
d=$(mktemp -d) || exit 2
trap 'rm -rf "$d"' EXIT
gen=$(dirname "${JX_VALGRIND_JXC:-$JXC}")/jx-gen
if [ ! -x "$gen" ]; then
  ${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -o "$d/jx-gen" \
    bench/gen.c || exit 2
  gen=$d/jx-gen
fi
"$gen" -s 3 -u 8 -p 10 > "$d/plan.jx"
test "$(wc -c < "$d/plan.jx")" -gt 131072 && echo "plan.jx: over 128 KiB"
cd "$d" || exit 2

$JXC fmt plan.jx > f.jx; echo "fmt: status $?"
cmp -s plan.jx f.jx || echo "plan.jx is not formatted"
$JXC fmt f.jx | cmp - f.jx && echo "fmt of the output: the same"
cat plan.jx | $JXC fmt - | cmp - f.jx && echo "from a pipe: the same"
$JXC fmt - < plan.jx | cmp - f.jx && echo "from a redirected stdin: the same"

echo "== --check"
$JXC fmt --check plan.jx f.jx; echo "status $?"

echo "== --diff"
$JXC fmt --check --diff plan.jx > p.diff; echo "status $?"
echo "hunks: $(grep -c '^@@' p.diff)"
cp plan.jx patched.jx
sed 's|^--- a/plan.jx|--- a/patched.jx|; s|^+++ b/plan.jx|+++ b/patched.jx|' \
  p.diff > q.diff
git apply q.diff && cmp patched.jx f.jx && echo "the diff applied: formatted"
$JXC fmt --diff f.jx; echo "formatted: status $?"

echo "== -w"
cp plan.jx w.jx
$JXC fmt -w w.jx; echo "status $?"
cmp w.jx f.jx && echo "w.jx formatted"
before=$(ls -i f.jx)
$JXC fmt -w f.jx; echo "status $?"
test "$(ls -i f.jx)" = "$before" && echo "f.jx left alone"

echo "== CR LF"
sed 's/$/\r/' plan.jx > crlf.jx
$JXC fmt crlf.jx > crlf-out.jx; echo "status $?"
echo "lines: $(wc -l < crlf-out.jx), with CR LF: $(grep -c "$(printf '\r')\$" crlf-out.jx)"
tr -d '\r' < crlf-out.jx | cmp - f.jx && echo "the same text"

echo "== keyword language"
$JXC fmt --zh plan.jx > zh.jx
$JXC fmt zh.jx | cmp - zh.jx && echo "zh.jx stays Chinese"
$JXC fmt --en zh.jx | cmp - f.jx && echo "zh.jx --en: f.jx"

echo "== errors at the end"
cp plan.jx bad.jx
printf 'project "x" {\n  budget ;\n}\n' >> bad.jx
$JXC fmt bad.jx > out 2> err; echo "status $?"
echo "stdout: $(wc -c < out) bytes"
grep -c 'error:' err
cp bad.jx bad-orig.jx
$JXC fmt -w bad.jx 2> err; echo "-w: status $?"
cmp bad.jx bad-orig.jx && echo "bad.jx unchanged"
cp plan.jx dup.jx
printf 'project "x" {\n  funds fiscal 1 fiscal 2;\n}\n' >> dup.jx
$JXC fmt dup.jx > out 2> err; echo "status $?"
echo "stdout: $(wc -c < out) bytes"
sed 's/^[^:]*:[0-9]*:[0-9]*: //' err | head -1
