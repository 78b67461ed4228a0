#!/bin/sh
# run.sh GOLDEN — `make test-windows`: the Windows jxc.exe (make windows)
# run under Wine on the golden cases named in tests/windows/cases.txt,
# by the native golden runner GOLDEN with JXC=tests/wine-jxc.sh
# (docs/windows.md).
#
# It builds jxc.exe first (as make windows does).  Exits 77 (skipped),
# saying why, only when this machine cannot: no mingw-w64 or no Wine
# (scripts/install-deps.sh installs both when JX_WANT_WINDOWS=1; make
# test-windows asks it to), or utf8proc's source cannot be fetched.  A
# build that fails with the tools there is a failure, and so is a case.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd) || exit 99
golden=${1:?usage: run.sh GOLDEN}
b=${WIN_B:-build-win}
exe=${JX_WINE_JXC:-$b/jxc.exe}
cd "$root" || exit 99

skip() {
  echo "test-windows: skipped: $*" >&2
  exit 77
}
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 ||
  skip "mingw-w64 is not installed (JX_WANT_WINDOWS=1 scripts/install-deps.sh)"
command -v wine >/dev/null 2>&1 ||
  skip "wine is not installed (JX_WANT_WINDOWS=1 scripts/install-deps.sh)"
st=0
./scripts/win-deps.sh "$b/deps" || st=$?
[ $st = 3 ] && skip "utf8proc's source could not be fetched ($b/deps/log)"
[ $st = 0 ] || exit $st
${MAKE:-make} --no-print-directory B="$b" WIN=1 "$b/jxc.exe" >"$b/build.log" 2>&1 || {
  tail -40 "$b/build.log" >&2
  echo "test-windows: make windows failed (all of it in $b/build.log)" >&2
  exit 1
}

# A Wine prefix of the build tree's own, made once (wineboot: about half a
# minute); no display is needed for console programs.
WINEPREFIX=${WINEPREFIX:-$root/$b/wineprefix}
WINEDEBUG=-all
export WINEPREFIX WINEDEBUG
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  mkdir -p "$WINEPREFIX"
  echo "test-windows: making the Wine prefix $WINEPREFIX" >&2
  DISPLAY='' wineboot -i >/dev/null 2>&1
  wineserver -w 2>/dev/null
  [ -f "$WINEPREFIX/system.reg" ] || skip "wineboot could not make $WINEPREFIX"
fi
# One Wine server for the whole run, not one started per case.
wineserver -p 2>/dev/null

JX_GOLDEN_LIST=tests/windows/cases.txt JXC="$root/tests/wine-jxc.sh" \
  JX_WINE_JXC="$exe" "$golden"
status=$?
wineserver -k 2>/dev/null
exit $status
