# cli-stdout-full: whatever jxc prints to standard output, a write error
# there is status 2 with a message, never 0 (or 1) with the text lost:
# help and version in every spelling, fmt --check's list of names, and
# the back ends' output.  A closed standard output is the same error, but
# only for a command that prints something there.
set -u
err=$(mktemp) || exit 2
trap 'rm -f "$err"' EXIT
unformatted=examples/card-sample.jx
while read -r args; do
  $JXC $args >/dev/full 2>"$err"
  echo "jxc $args: status $?"
  grep -v '^ \|warning' "$err"
done <<EOT
--help
-h
--version
-V
version
help
help build
check --help
build --help
fmt --help
diff --help
help --help
version --help
fmt --check $unformatted
fmt $unformatted
build $unformatted
build -f csv $unformatted
EOT
# Standard output that works still exits 0.
$JXC --version >/dev/null
echo "jxc --version >/dev/null: status $?"
# Closed: an error only for a command that has something to print.
$JXC --version >&- 2>"$err"
echo "jxc --version >&-: status $?"
cat "$err"
$JXC check $unformatted >&- 2>/dev/null
echo "jxc check >&-: status $?"
