# build-output-owner: when root rewrites another user's file with
# `jxc build -o` or `jxc fmt -w`, the file keeps its owner, group and
# mode (here 65534:65534, 0640) instead of becoming root's; root may also
# rewrite a 0444 file, as it may edit one in place, and it stays 0444.
# Only root can give a file away, so the case is skipped for other users.
set -u
if [ "$(id -u)" != 0 ]; then
  echo "needs root (chown to 65534)" >&2
  exit 77
fi
t=$(mktemp -d) || exit 2
trap 'rm -rf "$t"' EXIT
plan=examples/card-sample.jx
show() { (cd "$t" && for f in "$@"; do echo "$f: $(stat -c '%u:%g %a' "$f") $(head -n 1 "$f")"; done); }

echo old >"$t/theirs.json"
cp $plan "$t/theirs.jx"
chown 65534:65534 "$t/theirs.json" "$t/theirs.jx"
chmod 640 "$t/theirs.json" "$t/theirs.jx"
echo old >"$t/ro.json"
chmod 444 "$t/ro.json"
$JXC build -o "$t/theirs.json" $plan 2>/dev/null
echo "build -o theirs.json: status $?"
$JXC fmt -w "$t/theirs.jx"
echo "fmt -w theirs.jx: status $?"
$JXC build -o "$t/ro.json" $plan 2>/dev/null
echo "build -o ro.json: status $?"
show theirs.json ro.json
stat -c '%u:%g %a' "$t/theirs.jx"
$JXC fmt --check "$t/theirs.jx" && echo "theirs.jx is formatted"
ls -A "$t"
