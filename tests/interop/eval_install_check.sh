#!/bin/sh
# eval_install_check.sh — scores a plan with the installed library and
# compares the figures with `jxc eval -f json`: the claim of
# runtime/jixiao_score.h that a budget system embedding a generated header
# gets the same scores as the CLI.
#
# `make install` into a temporary DESTDIR; the installed jxc compiles the
# Beidaihe plan to a C header and scores its year-end actuals as JSON;
# eval_actuals.py turns the actuals the JSON reports (each one converted
# into its target's unit, as the library takes them) into C initialisers;
# a program built with nothing but `pkg-config --cflags --libs jixiao` and
# the installed jixiao_score.h scores every project with jx_score_project
# and prints each figure exactly; eval_actuals.py compares them with the
# JSON, figure by figure.  The program is compiled as C99 and as C++11.
#
#   JXC=build/jxc tests/interop/eval_install_check.sh
set -eu
. tests/interop/builddir.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pre=/opt/jixiao
make -s --no-print-directory B="$BUILD" -o "$BUILD/jxc" -o "$BUILD/libjixiao.a" \
  install PREFIX=$pre DESTDIR="$tmp/dest" >/dev/null
root=$tmp/dest$pre
for f in include/jixiao.h include/jixiao_score.h lib/libjixiao.a; do
  [ -f "$root/$f" ] && echo "installed $f"
done
pc="pkg-config --define-variable=prefix=$root"
export PKG_CONFIG_PATH="$root/lib/pkgconfig"
plan=examples/beidaihe-2021.jx
acts=examples/beidaihe-2021-actuals.csv
"$root/bin/jxc" build -f c --prefix bdh -o "$tmp/plan.h" "$plan"
# The warnings (a printed score that differs) are eval's own business.
"$root/bin/jxc" eval -f json "$plan" --actuals "$acts" >"$tmp/eval.json" \
  2>/dev/null
python3 tests/interop/eval_actuals.py header "$tmp/eval.json" >"$tmp/actuals.h"
cp tests/interop/eval_app.c "$tmp/app.c"
# shellcheck disable=SC2046,SC2086
cc -std=c99 -pedantic -Wall -Wextra -Werror -I"$tmp" $($pc --cflags jixiao) \
  -o "$tmp/app" "$tmp/app.c" $($pc --libs jixiao) $SANFLAGS
# shellcheck disable=SC2046,SC2086
c++ -std=c++11 -pedantic -Wall -Wextra -Werror -I"$tmp" \
  $($pc --cflags jixiao) -x c++ -o "$tmp/app_cxx" "$tmp/app.c" -x none \
  $($pc --libs jixiao) $SANFLAGS
"$tmp/app" >"$tmp/out_c"
"$tmp/app_cxx" >"$tmp/out_cxx"
cmp "$tmp/out_c" "$tmp/out_cxx" && echo "C and C++ programs agree"
python3 tests/interop/eval_actuals.py compare "$tmp/eval.json" "$tmp/out_c"
