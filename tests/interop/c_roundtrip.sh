#!/bin/sh
# c_roundtrip.sh — compiles the header `jxc build -f c` makes from INPUT with
# strict C and C++ compilers, links tests/interop/print_plan.c against it and
# libjixiao.a, runs it and compares its output with render_json.py's lines
# from `jxc build -f json` of the same input.
#
#   JXC=build/jxc tests/interop/c_roundtrip.sh INPUT.jx [CC [CXX]]
#
# CC defaults to gcc and CXX to g++; pass "clang clang++" for clang.  Run
# from the repository root; libjixiao.a is taken from beside jxc.
set -eu
in=$1
cc=${2:-gcc}
cxx=${3:-g++}
. tests/interop/builddir.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
lib=$BUILD/libjixiao.a
if [ -n "$SANFLAGS" ]; then
  # A sanitized library links only with its own compiler's sanitizer
  # runtime; to test any CC/CXX, build a plain copy of the runtime with CC.
  for f in runtime/*.c; do
    $cc -std=c11 -O1 -c -Iruntime -o "$tmp/$(basename "$f" .c).o" "$f"
  done
  ar rcs "$tmp/libjixiao.a" "$tmp"/*.o
  lib=$tmp/libjixiao.a
fi
# Warnings are the checker's business, not this test's: show them only
# when the build fails.
"$JXC" build -f c --prefix rt -o "$tmp/plan.h" "$in" 2>"$tmp/err" ||
  { cat "$tmp/err" >&2; exit 1; }
"$JXC" build -f json -o "$tmp/plan.json" "$in" 2>"$tmp/err" ||
  { cat "$tmp/err" >&2; exit 1; }
defs="-Iruntime -I$tmp -DPLAN_HEADER=\"plan.h\" -DPLAN=rt_plan"
# shellcheck disable=SC2086
$cc -std=c99 -pedantic -Wall -Wextra -Werror $defs \
  -o "$tmp/print_c" tests/interop/print_plan.c "$lib"
# shellcheck disable=SC2086
$cxx -std=c++11 -pedantic -Wall -Wextra -Werror $defs -x c++ \
  -o "$tmp/print_cxx" tests/interop/print_plan.c -x none "$lib"
"$tmp/print_c" >"$tmp/out_c"
"$tmp/print_cxx" >"$tmp/out_cxx"
cmp "$tmp/out_c" "$tmp/out_cxx"
echo "$cc and $cxx: header compiles at -Werror -pedantic, C and C++ agree"
python3 tests/interop/render_json.py "$tmp/plan.json" "$tmp/out_c"
