# io-fifo: a named pipe (and standard input from a pipe) is read once and
# never reopened: diagnostics quote their lines from the bytes the reader
# kept, with the caret, instead of reading the source a second time (which
# hung for ever on a FIFO).  A note about an earlier declaration, whose
# bytes are no longer kept, gets its header without a quote.  The same
# file, read as a file, quotes every line, the note's too.
# Run by the golden runner from the repository root with $JXC set.
set -u
d=$(mktemp -d) || exit 2
trap 'rm -rf "$d"' EXIT
in=tests/golden/io-fifo/input.jx
mkfifo "$d/plan.fifo" || exit 2
timeout 10 sh -c 'cat "$1" > "$2"' sh "$in" "$d/plan.fifo" &
echo "== check FIFO"
timeout 10 $JXC check "$d/plan.fifo" > "$d/err" 2>&1
echo "status $?"
sed "s|$d/||g" "$d/err"
wait
echo "== check - from a pipe"
cat "$in" | timeout 10 $JXC check - 2>&1
echo "status $?"
echo "== check the file"
timeout 10 $JXC check "$in" 2>&1
echo "status $?"
