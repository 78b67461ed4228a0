# diff-codes: `jxc diff` looks for a project code used twice on a side by
# its own index of code keys, not by the checker's set of codes
# (compiler/diff/diff_stream.h); a side with errors, or where a key came
# twice, is loaded again with the set.  Whatever the side, the report is
# the checker's: code-duplicate with its note, among the other errors in
# their order, in every diagnostics format; and clean sides still diff.
set -u
t=$(mktemp -d) || exit 2
trap 'rm -rf "$t"' EXIT
cd "$t" || exit 2
# proj NAME CODE BUDGET [EXTRA]: a project that checks clean.
proj() {
  printf 'project "%s" budget %s {\n  code "%s";\n' "$1" "$3" "$2"
  printf '  funds fiscal %s other 0;\n' "$3"
  printf '  schedule mar 25%% jun 50%% oct 75%% dec 100%%;\n'
  printf '  output.quantity "人数" = 22人;\n  output.cost "成本" = %s万元;\n' "$3"
  printf '  benefit.social "效果" = "顺利开展";\n'
  printf '  satisfaction.recipient "满意度" >= 90%%;%s\n}\n' "${4:-}"
}
head='plan 2021 framework local currency 万元;'
{ echo "$head"
  proj 劳务派遣人员经费 130304215088YYECLPBDL 89.10
  proj 人事代理经费 130304215088YYECLPBDM 20.00
  proj 办公经费 130304215088YYECLPBDN 12.50
} >a.jx
# b: one renamed, one value changed, one removed, one added.
{ echo "$head"
  proj 劳务派遣经费 130304215088YYECLPBDL 89.10
  proj 人事代理经费 130304215088YYECLPBDM 21.00
  proj 培训经费 130304215088YYECLPBDP 3.00
} >b.jx
# Codes twice: within a file, across files, with other errors around.
{ echo "$head"
  proj 劳务派遣人员经费 130304215088YYECLPBDL 89.10
  proj 人事代理经费 130304215088YYECLPBDL 20.00
  proj 办公经费 130304215088YYECLPBDN 12.50
} >dup.jx
{ echo "$head"
  proj 办公经费 130304215088YYECLPBDN 12.50
} >other.jx
{ echo "$head"
  proj 劳务派遣人员经费 130304215088YYECLPBDL 89.10 ' nosuch.thing "x" = 1人;'
  proj 人事代理经费 130304215088YYECLPBDL 20.00
  proj 办公经费 130304215088YYECLPBDL 12.50 ' output.quantity "人数" = 22;'
} >mixed.jx
{ echo "$head"
  proj 劳务派遣人员经费 130304215088YYECLPBDL 89.10
  echo 'project "无编码" budget 1.00 < output.quantity "人数" = 2人; >'
  proj 人事代理经费 130304215088YYECLPBDL 20.00
} >warn.jx
run() {
  echo "== $*"
  $JXC "$@" >out 2>err
  echo "status $?"
  cat out err
}
run diff a.jx b.jx
run diff a.jx a.jx
run diff dup.jx b.jx
run diff a.jx dup.jx
run diff dup.jx dup.jx
run diff --old a.jx other.jx --new b.jx
run diff --old a.jx --new b.jx other.jx
run diff --old dup.jx other.jx --new b.jx other.jx
run diff mixed.jx a.jx
run diff a.jx mixed.jx
run --max-errors=1 diff a.jx mixed.jx
run --max-errors=2 diff mixed.jx mixed.jx
run diff warn.jx a.jx
run -W error diff a.jx warn.jx
run --diagnostics=json diff dup.jx mixed.jx
run --diagnostics=sarif diff a.jx dup.jx
run --lang=zh diff a.jx dup.jx
echo "== the new side on standard input"
$JXC diff a.jx - <dup.jx >out 2>err
echo "status $?"
cat out err
$JXC diff dup.jx - <b.jx >out 2>err
echo "status $?"
cat out err
$JXC diff a.jx - <b.jx >out 2>err
echo "status $?"
cat out err
echo "== the old side on standard input"
$JXC diff - b.jx <dup.jx >out 2>err
echo "status $?"
cat out err
$JXC diff - dup.jx <a.jx >out 2>err
echo "status $?"
cat out err
