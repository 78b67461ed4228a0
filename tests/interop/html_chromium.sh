#!/bin/sh
# html_chromium.sh — renders `jxc build -f html` of each INPUT in headless
# Chromium (--dump-dom and --print-to-pdf) and checks the result with
# html_check.py and poppler's pdfinfo/pdftotext.  Exits 77 (skipped) when
# Chromium or poppler-utils is missing and cannot be installed.
#
#   JXC=build/jxc tests/interop/html_chromium.sh INPUT.jx...
set -eu
. tests/interop/clients.sh
need_chromium
command -v pdftotext >/dev/null 2>&1 || skip "no pdftotext (Debian: poppler-utils)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for in in "$@"; do
  echo "== $in"
  "$JXC" build -f json -o "$tmp/plan.json" "$in" 2>"$tmp/err" ||
    { cat "$tmp/err" >&2; exit 1; }
  "$JXC" build -f html -o "$tmp/page.html" "$in" 2>"$tmp/err" ||
    { cat "$tmp/err" >&2; exit 1; }
  chromium_run --dump-dom "file://$tmp/page.html" >"$tmp/dom.html" \
    2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  chromium_run --no-pdf-header-footer --print-to-pdf="$tmp/page.pdf" \
    "file://$tmp/page.html" >"$tmp/err" 2>&1 || { cat "$tmp/err" >&2; exit 1; }
  pdftotext -layout "$tmp/page.pdf" "$tmp/pages.txt"
  python3 tests/interop/html_check.py "$tmp/plan.json" "$tmp/dom.html" \
    "$tmp/pages.txt"
  pages=$(pdfinfo "$tmp/page.pdf" | sed -n 's/^Pages: *//p')
  [ "$pages" -ge 1 ] || { echo "pdfinfo: no pages" >&2; exit 1; }
done
