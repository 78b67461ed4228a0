# build-output-same-file: `jxc build -o` refuses an output that is one of
# its inputs — by name, by another spelling, through a symbolic link or a
# hard link, or as standard input — with a usage error (status 2) before
# anything is read or written.  The source stays byte for byte as it was.
# A character device is exempt: reading and writing /dev/null loses
# nothing.  Run by the golden runner from the repository root with $JXC.
set -u
t=$(mktemp -d) || exit 2
# Should jxc ever rename over /dev/null, say so and (as root) repair it.
dev_null() {
  if [ "$(stat -c '%F %t,%T' /dev/null)" != "character special file 1,3" ]; then
    echo "/dev/null IS NO LONGER A DEVICE"
    [ "$(id -u)" = 0 ] && rm -f /dev/null && mknod -m 666 /dev/null c 1 3
  fi
}
trap 'dev_null; rm -rf "$t"' EXIT
d=$t/d # the files; $t holds the test's own
mkdir "$d" "$d/sub"
cp examples/card-sample.jx "$d/plan.jx"
cp "$d/plan.jx" "$t/saved"
echo 'project "other" budget 1 < output.quantity "人数" = 1人; >' >"$d/other.jx"
ln -s ../plan.jx "$d/sub/link.jx"
ln "$d/plan.jx" "$d/hard.jx"

try() { # label, then jxc arguments
  label=$1
  shift
  $JXC "$@" 2>"$t/err"
  echo "$label: status $?"
  sed "s|$d|D|g" "$t/err"
  cmp -s "$d/plan.jx" "$t/saved" || echo "$label: the source changed"
}
try "same name" build -o "$d/plan.jx" "$d/plan.jx"
try "other spelling" build -o "$d/sub/../plan.jx" "$d/plan.jx"
try "second input" build -f csv -o "$d/plan.jx" "$d/other.jx" "$d/plan.jx"
try "through a symlink" build -o "$d/sub/link.jx" "$d/plan.jx"
try "symlink as input" build -o "$d/plan.jx" "$d/sub/link.jx"
try "hard link" build -o "$d/hard.jx" "$d/plan.jx"
try "standard input" build -o "$d/plan.jx" - <"$d/plan.jx"
# Nothing was created beside the source: no output, no temporary.
(cd "$d" && ls -AR)
# Not the same file: builds.
$JXC build -o "$d/plan.json" "$d/plan.jx" 2>/dev/null
echo "different output: status $?"
# A character device as input and output is allowed.
$JXC build -o /dev/null /dev/null
echo "/dev/null both ways: status $?"
dev_null
