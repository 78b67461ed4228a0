# build-output-metadata: what `jxc build -o` and `jxc fmt -w` do to the
# file they replace (docs/cli.md, "Output files"): the mode is kept
# exactly (0600 stays private), a new file gets 0666 & ~umask, a symbolic
# link stays a link and the file it leads to is replaced (the temporary
# goes beside that file), a dangling link creates its target, a loop is an
# error, and a hard link is broken: the other name keeps the old content.
# Whatever the user, so this runs as anyone.
set -u
t=$(mktemp -d) || exit 2
trap 'rm -rf "$t" "$t.fmt"' EXIT
plan=examples/card-sample.jx
$JXC fmt $plan >"$t.fmt"
unformatted() { cp $plan "$1"; }
show() { # name: type, mode, links, content
  ( cd "$t" && for f in "$@"; do
      printf '%s: %s %s %s: ' "$f" "$(stat -c '%F' "$f")" \
        "$(stat -c '%a' "$f")" "$(stat -c '%h' "$f")"
      case $f in
      *.jx) if cmp -s "$f" "$t.fmt"; then echo formatted; else echo as written; fi ;;
      *) head -n 1 "$f" ;;
      esac
    done )
}
build() { $JXC build -o "$@" $plan 2>/dev/null; echo "build -o $1: status $?" | sed "s|$t/||"; }
fmtw() { $JXC fmt -w "$@"; echo "fmt -w $1: status $?" | sed "s|$t/||"; }

echo "== modes"
umask 022
echo old >"$t/private.json"
chmod 600 "$t/private.json"
build "$t/private.json"
unformatted "$t/private.jx"
chmod 600 "$t/private.jx"
fmtw "$t/private.jx"
echo old >"$t/odd.json"
chmod 751 "$t/odd.json"
build "$t/odd.json"
build "$t/new-022.json"
umask 077
build "$t/new-077.json"
umask 022
show private.json private.jx odd.json new-022.json new-077.json

echo "== symbolic links"
mkdir "$t/real" "$t/links"
echo old >"$t/real/out.json"
chmod 640 "$t/real/out.json"
ln -s ../real/out.json "$t/links/hop2" # relative to the link's directory
ln -s hop2 "$t/links/hop1"
build "$t/links/hop1"
unformatted "$t/real/plan.jx"
ln -s ../real/plan.jx "$t/links/plan.jx"
fmtw "$t/links/plan.jx"
ln -s ../real/new.json "$t/links/dangling"
build "$t/links/dangling"
show links/hop1 links/hop2 real/out.json links/plan.jx real/plan.jx real/new.json
ls -l "$t/links" | sed -n 's/.* \([^ ]* -> .*\)/\1/p'
ln -s loop-b "$t/links/loop-a"
ln -s loop-a "$t/links/loop-b"
$JXC build -o "$t/links/loop-a" $plan 2>&1 | grep -v '^ \|warning' | sed "s|$t/||"

echo "== hard links"
echo old >"$t/a.json"
ln "$t/a.json" "$t/b.json"
build "$t/a.json"
unformatted "$t/a.jx"
ln "$t/a.jx" "$t/b.jx"
fmtw "$t/a.jx"
show a.json b.json a.jx b.jx

echo "== no temporary left anywhere"
(cd "$t" && ls -AR)
