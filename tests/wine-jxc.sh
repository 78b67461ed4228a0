#!/bin/sh
# wine-jxc.sh — runs the Windows jxc.exe under Wine, for `make
# test-windows`, which passes this script as JXC to the golden runner
# (docs/windows.md).  JX_WINE_JXC names the binary (default
# build-win/jxc.exe); a relative name is taken from the repository root,
# since some cases run jxc from a directory of their own.  WINEPREFIX is
# the build tree's (make test-windows creates it); no display is needed for
# a console program, and WINEDEBUG=-all keeps Wine's own chatter off
# stderr, so a run's output is jxc's alone.  A jxc.exe that hangs (the
# golden runner has no clock of its own) is stopped after 120 s: status
# 124, a failing case rather than a stuck test run.
root=$(cd "$(dirname "$0")/.." && pwd) || exit 99
exe=${JX_WINE_JXC:-build-win/jxc.exe}
case $exe in
/*) ;;
*) exe=$root/$exe ;;
esac
WINEPREFIX=${WINEPREFIX:-$root/build-win/wineprefix}
WINEDEBUG=-all
export WINEPREFIX WINEDEBUG
exec timeout -k 5 120 wine "$exe" "$@"
