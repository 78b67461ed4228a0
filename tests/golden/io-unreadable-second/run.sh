# io-unreadable-second: every input is opened before anything is read or
# written, so one missing input among several ends the run with status 2
# and nothing on standard output; before, build printed a complete-looking
# JSON document for the readable files.  Every missing one is named.
# Run by the golden runner from the repository root with $JXC set.
set -u
d=$(mktemp -d) || exit 2
trap 'rm -rf "$d"' EXIT
ok=examples/card-sample.jx
for cmd in "build $ok no/such/a.jx" "build -f csv $ok no/such/a.jx no/such/b.jx" \
           "check $ok no/such/a.jx" "fmt $ok no/such/a.jx" \
           "diff --old $ok --new $ok no/such/a.jx"; do
  echo "== jxc $cmd"
  $JXC $cmd > "$d/out" 2> "$d/err"
  echo "status $?"
  cat "$d/err"
  echo "stdout: $(wc -c < "$d/out") bytes"
done
echo "== jxc build -o out.json $ok no/such/a.jx: out.json as it was"
printf 'old\n' > "$d/out.json"
$JXC build -o "$d/out.json" $ok no/such/a.jx 2>/dev/null
echo "status $?"
cat "$d/out.json"
ls -A "$d"
