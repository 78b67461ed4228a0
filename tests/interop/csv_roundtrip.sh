#!/bin/sh
# csv_roundtrip.sh — builds the five CSV tables and the JSON of INPUT and
# checks them against each other with csv_check.py (Python's csv module and
# a real SQLite database).  BOM=1 adds --bom.
#
#   JXC=build/jxc tests/interop/csv_roundtrip.sh INPUT.jx
set -eu
in=$1
bom=
[ "${BOM:-0}" = 1 ] && bom=--bom
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Warnings are the checker's business: shown only when a build fails.
"$JXC" build -f json -o "$tmp/plan.json" "$in" 2>"$tmp/err" ||
  { cat "$tmp/err" >&2; exit 1; }
for t in indicators projects schedule sources breakdown; do
  "$JXC" build -f csv $bom --table $t -o "$tmp/$t.csv" "$in" 2>"$tmp/err" ||
    { cat "$tmp/err" >&2; exit 1; }
done
python3 tests/interop/csv_check.py "$tmp/plan.json" "$tmp/indicators.csv" \
  "$tmp/projects.csv" "$tmp/schedule.csv" "$tmp/sources.csv" \
  "$tmp/breakdown.csv"
