#!/bin/sh
# valgrind-jxc.sh — runs jxc under valgrind, for `make test-valgrind`, which
# passes this script as JXC to the golden runner.  JX_VALGRIND_JXC names the
# binary (default build/jxc); a relative name is taken from the repository
# root, not from the current directory, because some cases (diff-git) run
# jxc from a directory of their own.  A valgrind error or leak exits 99,
# which no golden case expects (jxc itself uses 0, 1 and 2), and -q keeps a
# clean run's stderr byte-identical to jxc's own.  --child-silent-after-fork:
# `jxc import` runs freexl, a library, in a child process so that its flaws
# on a crafted .xls cannot take jxc down (compiler/import/xls.c); what it
# reads wrongly there is the library's, and the import reports the file.
root=$(cd "$(dirname "$0")/.." && pwd) || exit 99
jxc=${JX_VALGRIND_JXC:-build/jxc}
case $jxc in
/*) ;;
*) jxc=$root/$jxc ;;
esac
exec valgrind -q --error-exitcode=99 --leak-check=full --child-silent-after-fork=yes \
  --errors-for-leak-kinds=definite,indirect,possible "$jxc" "$@"
