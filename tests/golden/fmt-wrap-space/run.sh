# fmt-wrap-space: formatting keeps every space, tab and full-width space
# of a text where it wraps, and the result is a fixed point that builds to
# the same plan (JSON without line numbers) and diffs as identical.
set -u
d=$(mktemp -d) || exit 2
trap 'rm -rf "$d"' EXIT
in=tests/golden/fmt-wrap-space/input.jx
$JXC fmt "$in" > "$d/a.jx" || exit 1
cat "$d/a.jx"
$JXC fmt --check "$d/a.jx" && echo "fmt again: no change"
$JXC build "$in" | sed '/"line":/d' > "$d/1.json"
$JXC build "$d/a.jx" | sed '/"line":/d' > "$d/2.json"
cmp -s "$d/1.json" "$d/2.json" && echo "same plan: yes"
$JXC diff "$in" "$d/a.jx" && echo "jxc diff: identical"
