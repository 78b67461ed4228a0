#!/bin/sh
# xlsx_roundtrip.sh — builds INPUT as JSON and as XLSX and checks the
# workbook in real clients: openpyxl and LibreOffice headless (its CSV
# conversion of every sheet), with xlsx_check.py.  Also: the same input
# gives the same bytes twice, and --sheet unit lays the forms out per unit.
# Exits 77 (skipped) when a client is missing and cannot be installed.
#
#   JXC=build/jxc tests/interop/xlsx_roundtrip.sh INPUT.jx...
set -eu
. tests/interop/clients.sh
need_python_openpyxl
need_soffice
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for in in "$@"; do
  echo "== $in"
  "$JXC" build -f json -o "$tmp/plan.json" "$in" 2>"$tmp/err" ||
    { cat "$tmp/err" >&2; exit 1; }
  "$JXC" build -f xlsx -o "$tmp/book.xlsx" "$in" 2>"$tmp/err" ||
    { cat "$tmp/err" >&2; exit 1; }
  "$JXC" build -f xlsx "$in" >"$tmp/again.xlsx" 2>/dev/null
  cmp -s "$tmp/book.xlsx" "$tmp/again.xlsx" ||
    { echo "two builds differ" >&2; exit 1; }
  echo "deterministic: two builds, the same bytes"
  rm -rf "$tmp/csv"
  soffice_csv "$tmp/book.xlsx" "$tmp/csv" >"$tmp/err" 2>&1 ||
    { cat "$tmp/err" >&2; exit 1; }
  "$PYTHON" tests/interop/xlsx_check.py "$tmp/plan.json" "$tmp/book.xlsx" \
    "$tmp/csv"
  "$JXC" build -f xlsx --sheet unit -o "$tmp/units.xlsx" "$in" 2>/dev/null
  "$PYTHON" tests/interop/xlsx_check.py "$tmp/plan.json" "$tmp/units.xlsx" \
    --sheet-unit
done
