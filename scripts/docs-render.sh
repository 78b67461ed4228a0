#!/bin/sh
# docs-render.sh — `make docs`: the renderings in docs/xlsx.md and
# docs/html.md, made from the bundled examples by the real clients:
#
#   docs/img/html-print.png      page 1 of beidaihe-2021 printed by Chromium
#   docs/img/html-diagnostics.png  --with-diagnostics, on screen
#   docs/img/xlsx-project.png    the first project sheet, printed by
#                                LibreOffice (XLSX → PDF → PNG)
#   docs/img/xlsx-summary.png    the summary sheet, likewise
#
# and the sheet listing and the cell-by-cell table of docs/xlsx.md, between
# its <!-- make docs: … --> markers (LibreOffice's CSV of the sheets).
#
#   JXC=build/jxc scripts/docs-render.sh
set -eu
. tests/interop/clients.sh
need_chromium
need_soffice
command -v pdftoppm >/dev/null 2>&1 || skip "no pdftoppm (poppler-utils)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
img=docs/img
mkdir -p "$img"

"$JXC" build -f html -o "$tmp/b.html" examples/beidaihe-2021.jx
chromium_run --no-pdf-header-footer --print-to-pdf="$tmp/b.pdf" \
  "file://$tmp/b.html" >/dev/null 2>&1
pdftoppm -png -r 56 -f 1 -l 1 -singlefile "$tmp/b.pdf" "$img/html-print"

"$JXC" build -f html --with-diagnostics -o "$tmp/d.html" \
  tests/golden/html-diagnostics/input.jx 2>/dev/null || true
chromium_run --force-device-scale-factor=1 --hide-scrollbars \
  --window-size=1000,1250 --screenshot="$tmp/d.png" "file://$tmp/d.html" \
  >/dev/null 2>&1
cp "$tmp/d.png" "$img/html-diagnostics.png"

"$JXC" build -f xlsx -o "$tmp/b.xlsx" examples/beidaihe-2021.jx
soffice -env:UserInstallation="file://$tmp/profile" --headless \
  --convert-to pdf --outdir "$tmp" "$tmp/b.xlsx" >/dev/null 2>&1
# Sheet order: 汇总, 单位1, the first project: pages 1 and 3.
pdftoppm -png -r 56 -f 3 -l 3 -singlefile "$tmp/b.pdf" "$img/xlsx-project"
pdftoppm -png -r 56 -f 1 -l 1 -singlefile "$tmp/b.pdf" "$img/xlsx-summary"

soffice_csv "$tmp/b.xlsx" "$tmp/csv" >/dev/null 2>&1
python3 - "$tmp/csv" docs/xlsx.md <<'PY'
import csv, glob, os, sys
csv_dir, doc = sys.argv[1], sys.argv[2]
sheets = sorted(glob.glob(os.path.join(csv_dir, "b-*.csv")))
order = ["汇总", "单位1", "1 ", "2 ", "3 ", "单位2", "4 ", "部门"]
def rank(p):
    name = os.path.basename(p)[2:-4]
    for i, o in enumerate(order):
        if name.startswith(o):
            return i
    return len(order)
sheets.sort(key=rank)
listing = ["| sheet | rows |", "|---|---|"]
for p in sheets:
    rows = list(csv.reader(open(p, encoding="utf-8")))
    listing.append("| `%s` | %d |" % (os.path.basename(p)[2:-4], len(rows)))
def cell(s):
    return s.replace("|", "\\|").replace("\n", " ") or " "
first = [p for p in sheets if os.path.basename(p).startswith("b-1 ")][0]
rows = list(csv.reader(open(first, encoding="utf-8")))
table = ["| row | A | B | C | D | E | F |", "|---|---|---|---|---|---|---|"]
for i, r in enumerate(rows, 1):
    table.append("| %d | %s |" % (i, " | ".join(cell(c) for c in r[:6])))
text = open(doc, encoding="utf-8").read()
def put(text, name, lines):
    begin, end = "<!-- make docs: %s -->" % name, "<!-- end %s -->" % name
    a, b = text.index(begin) + len(begin), text.index(end)
    return text[:a] + "\n" + "\n".join(lines) + "\n" + text[b:]
text = put(text, "sheets", listing)
text = put(text, "project sheet", table)
open(doc, "w", encoding="utf-8").write(text)
PY
ls -l "$img"
