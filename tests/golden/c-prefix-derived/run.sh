#!/bin/sh
# c-prefix-derived: the C prefix jxc makes from a file name when there is no
# --prefix (docs/c.md), and proof that each header compiles cleanly as C99
# (gcc -pedantic -Werror) and as C++11 (g++).  A name with nothing readable
# in ASCII, or one that would give names of the runtime (jx_…), is a usage
# error asking for --prefix.
set -e
ROOT=$(pwd)
JXC_ABS=$(cd "$(dirname "$JXC")" && pwd)/$(basename "$JXC")
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T"
for name in 北戴河区2024.jx 2024-plan.v2.jx "my plan (final).jx" _hidden.jx \
  the-performance-targets-of-the-budget-units-2024.jx \
  int.jx 北戴河区.jx JX-plan.jx; do
  echo "== $name"
  cp "$ROOT/tests/golden/c-prefix-derived/plan.jx" "$name"
  status=0
  "$JXC_ABS" build -f c "$name" >plan.h 2>err || status=$?
  cat err
  if [ $status -ne 0 ]; then
    echo "exit $status"
    continue
  fi
  prefix=$(sed -n 's/^static const jx_plan \([A-Za-z0-9_]*\)_plan = {$/\1/p' plan.h)
  grep '^#ifndef' plan.h
  echo "prefix: $prefix"
  printf '#include "plan.h"\nint main(void) { return %s_plan.n_units == 1 ? 0 : 1; }\n' \
    "$prefix" >main.c
  gcc -std=c99 -pedantic -Wall -Wextra -Werror -I"$ROOT/runtime" -o main_c main.c
  g++ -std=c++11 -pedantic -Wall -Wextra -Werror -I"$ROOT/runtime" -x c++ \
    -o main_cxx main.c
  ./main_c
  ./main_cxx
  echo "gcc -std=c99 and g++ -std=c++11: compiled and ran"
done
