# io-dev-zero: endless input stops at the error cap, in the lexer too:
# /dev/zero (every byte an error) and /dev/urandom, as files and as
# standard input, end quickly with status 1 and a bounded report, with the
# default cap of 50 and with --max-errors=1.  Before, these ran for ever.
# Run by the golden runner from the repository root with $JXC set.
set -u
d=$(mktemp -d) || exit 2
trap 'rm -rf "$d"' EXIT
echo "== check --max-errors=1 /dev/zero"
timeout 20 $JXC check --max-errors=1 /dev/zero 2>&1
echo "status $?"
# The default cap: 50 errors of three lines each, the too-many line, the
# summary; each quoted line is cut to a screen's width.
for input in /dev/zero /dev/urandom; do
  echo "== check $input"
  timeout 20 $JXC check $input 2> "$d/err"
  echo "status $?"
  grep -c '^/dev/' "$d/err"
  tail -n 2 "$d/err"
  test "$(wc -c < "$d/err")" -lt 200000 && echo "under 200000 bytes"
  echo "== check - < $input"
  timeout 20 $JXC check - < $input 2> "$d/err"
  echo "status $?"
  grep -c '^<stdin>:' "$d/err"
  tail -n 2 "$d/err"
  test "$(wc -c < "$d/err")" -lt 200000 && echo "under 200000 bytes"
done
