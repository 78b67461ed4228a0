#!/bin/sh
# c-prefix-refused: --prefix values that would put generated names in the
# runtime's namespace (jx_, JX_, JIXIAO_: jixiao.h) or in C's reserved ones
# (a leading underscore, '__' anywhere, which a trailing '_' makes too)
# are usage errors (exit 2) before anything is built; a keyword is fine,
# since every name gets a suffix (int_plan).  Docs: docs/c.md.
for p in jx JX Jx_tools jixiao JIXIAO_x _plan _Plan a__b plan_ 9lives \
  bad-name aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa jxc jixiaos int; do
  echo "== --prefix $p"
  "$JXC" build -f c --prefix "$p" tests/golden/c-prefix-derived/plan.jx \
    2>&1 >/dev/null
  echo "exit $?"
done
