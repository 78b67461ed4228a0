# windows-not-built: what the Windows jxc.exe says for the features its
# build leaves out (docs/windows.md): .xls import (freexl runs in a forked
# child, and Windows cannot fork), and --map while libinih cannot be
# cross-built.  Runs only under make test-windows (tests/windows/run.sh
# sets JX_WINE_JXC); the Linux jxc has every reader, so natively it is
# skipped.
if [ -z "${JX_WINE_JXC:-}" ]; then
  echo "windows-not-built: only for the Windows build (make test-windows)" >&2
  exit 77
fi
d=$(mktemp -d) || exit 99
# An OLE2 compound file's signature: what jxc import reads as .xls.
printf '\320\317\021\340\241\261\032\341' >"$d/plan.xls"
echo "[import]" >"$d/map.ini"
cd "$d" || exit 99
$JXC import plan.xls 2>&1
echo "status $?"
$JXC import --lang=zh plan.xls 2>&1
echo "status $?"
$JXC import --map map.ini plan.xls 2>&1
echo "status $?"
ls
cd / && rm -rf "$d"
