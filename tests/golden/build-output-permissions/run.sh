# build-output-permissions: `jxc build -o` and `jxc fmt -w` refuse what an
# in-place edit would be refused.  A file this user may not write (0444)
# is not replaced, although its directory is writable and rename() would
# allow it: "Permission denied", status 2, file untouched.  A file in a
# directory this user may not write cannot get its temporary: status 2,
# and the message names the directory.  Root may write anything, so as
# root the case runs jxc as user 65534 (setpriv, else su); it is skipped
# only when neither can do that.
set -u
t=$(mktemp -d) || exit 2
trap 'rm -rf "$t" "$t.err" "$t.old"' EXIT
chmod 755 "$t"
as_user() { "$@"; }
if [ "$(id -u)" = 0 ]; then
  if setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
    as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
  elif su nobody -s /bin/sh -c true 2>/dev/null; then
    as_user() { su nobody -s /bin/sh -c 'exec "$0" "$@"' "$@"; }
  else
    echo "root, and neither setpriv nor su can run as user 65534" >&2
    exit 77
  fi
  chown 65534:65534 "$t"
fi
if ! as_user $JXC --version >/dev/null 2>&1; then
  echo "user 65534 cannot run $JXC" >&2
  exit 77
fi
plan=$t/plan.jx
cp examples/card-sample.jx "$plan"
chmod 644 "$plan"
mine() { as_user sh -c "umask 022; $1"; } # files owned by the test user

run() { # label, jxc arguments
  label=$1
  shift
  as_user $JXC "$@" 2>"$t.err" >/dev/null
  echo "$label: status $?"
  grep -v '^ \|warning' "$t.err" | sed "s|$t|T|g"
}
state() { # file, what it held: its mode, and whether that changed
  if cmp -s "$t/$1" "$2"; then c=unchanged; else c=CHANGED; fi
  echo "$1: $(stat -c '%a' "$t/$1") $c"
}

echo "== a read-only file"
echo old >"$t.old"
mine "echo old >$t/ro.json; chmod 444 $t/ro.json; cp $plan $t/ro.jx; chmod 444 $t/ro.jx"
run "build -o 0444" build -o "$t/ro.json" "$plan"
run "fmt -w 0444" fmt -w "$t/ro.jx"
state ro.json "$t.old"
state ro.jx examples/card-sample.jx

echo "== a directory this user cannot write"
mine "mkdir $t/locked; echo old >$t/locked/out.json; chmod 666 $t/locked/out.json; chmod 555 $t/locked"
run "build -o existing" build -o "$t/locked/out.json" "$plan"
run "build -o new" build -o "$t/locked/new.json" "$plan"
state locked/out.json "$t.old"
mine "chmod 755 $t/locked"

echo "== what is left"
(cd "$t" && ls -AR)
