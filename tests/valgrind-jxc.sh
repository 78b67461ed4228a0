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
# Through a symbolic link (ci-hooks puts one on a PATH of its own, and its
# hooks run with nothing else in the environment), the repository is the
# script's own, not the link's.
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd) || exit 99
jxc=${JX_VALGRIND_JXC:-build/jxc}
case $jxc in
/*) ;;
*) jxc=$root/$jxc ;;
esac
# valgrind keeps files of its own in $TMPDIR and cannot start without it;
# a case that points TMPDIR at a missing folder (xlsx-cell-too-long: the
# workbook's temporary cannot be made) runs jxc as it is — that path is
# covered by the ASan run of make test.
if [ -n "${TMPDIR:-}" ] && [ ! -d "$TMPDIR" ]; then
  exec "$jxc" "$@"
fi
exec valgrind -q --error-exitcode=99 --leak-check=full --child-silent-after-fork=yes \
  --errors-for-leak-kinds=definite,indirect,possible "$jxc" "$@"
