#!/bin/sh
# lost.sh — the golden case import-nothing-lost: tests/import/lost.py over
# 28 workbooks (each layout twice) with a fixed seed.  Needs python3 with
# openpyxl (skipped, status 77, without it).  Run from the repository root
# with $JXC set.
set -u
. tests/interop/clients.sh
need_python_openpyxl
# jx-gen sits beside jxc (make builds both); under test-valgrind $JXC is a
# wrapper script, so look beside the real binary; else compile it here.
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
gen=$(dirname "${JX_VALGRIND_JXC:-$JXC}")/jx-gen
if [ ! -x "$gen" ]; then
  ${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -o "$tmp/jx-gen" \
    bench/gen.c || exit 2
  gen=$tmp/jx-gen
fi
"$PYTHON" tests/import/lost.py "$JXC" "$gen" 13 28
