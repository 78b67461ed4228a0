#!/usr/bin/python3
"""lost.py — `jxc import` loses nothing: a property test.

Takes workbooks in every layout jxc reads — the ones sheets.py builds
(the official form, stacked forms, the row-per-indicator export, the
sheets `jxc build -f xlsx` writes besides the forms) and the ones `jxc
build -f xlsx` writes from the examples and from jx-gen plans, in both
sheet layouts — puts text into empty cells at random places (inside the
tables, beside the labels, under the last row, right of the last column,
on a sheet of its own), imports each, and checks that the text of every
cell it put appears in the .jx: as a value (a string, a category, a
code) or in a comment.  The texts are words no layout knows, some with a
space, a quote, a backslash, a line break, a character outside the BMP,
so that escaping is part of the check.  It also checks the other half of
"diagnostics at both places": every diagnostic `jxc import` reports at a
line of the .jx (its own and the checker's on the result) has a note
naming the cell it comes from.

    lost.py JXC JX-GEN SEED COUNT

prints a line for each cell not found and each diagnostic naming no cell,
then a summary; exits 1 if there is any.  The same seed gives the same
workbooks.  JX_LOST_KEEP=DIR copies a failing workbook and its .jx there.
"""
import glob
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

import openpyxl
from openpyxl.cell.cell import MergedCell

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sheets  # noqa: E402

WORDS = ["杂项", "附注", "旁注", "批注", "临时", "草稿", "另记", "补记"]
SHAPES = ["{w}{i}", "{w} {i}", '{w}"{i}"', "{w}\\{i}", "{w}{i}\n续行{i}",
          "{w}{i}😀", "{w}{i}Q", "'{w}{i}"]


def token(rng, i):
    return rng.choice(SHAPES).format(w=rng.choice(WORDS), i=i)


def bases(tmp, jxc, gen):
    """(name, path of a workbook): every layout."""
    out = []
    for case in ["official", "stacked", "rows", "export-like"]:
        d = os.path.join(tmp, "base-" + case)
        os.makedirs(d)
        sheets.CASES[case](d)
        out.append((case, os.path.join(d, "plan.xlsx")))
    plans = sorted(glob.glob("examples/*.jx"))
    g = os.path.join(tmp, "gen.jx")
    with open(g, "w", encoding="utf-8") as f:
        subprocess.run([gen, "-s", "5", "-u", "2", "-p", "2", "-z", "30"],
                       stdout=f, check=True)
    plans.append(g)
    for p in plans:
        for mode in ["project", "unit"]:
            x = os.path.join(tmp, "%s-%s.xlsx" % (os.path.basename(p), mode))
            subprocess.run([jxc, "build", "-f", "xlsx", "--sheet", mode,
                            "-o", x, p], stderr=subprocess.DEVNULL, check=True)
            out.append(("%s --sheet %s" % (os.path.basename(p), mode), x))
    return out


def sprinkle(rng, path, dest, count):
    """Puts `count` tokens into empty cells of the workbook at path."""
    wb = openpyxl.load_workbook(path)
    placed = []
    for i in range(count):
        if rng.random() < 0.08:
            ws = wb.create_sheet("杂%d" % i)
        else:
            ws = rng.choice(wb.worksheets)
        for _ in range(50):
            r = rng.randint(1, (ws.max_row or 1) + 2)
            c = rng.randint(1, (ws.max_column or 1) + 1)
            cell = ws.cell(r, c)
            if not isinstance(cell, MergedCell) and cell.value is None:
                t = token(rng, i)
                cell.value = t
                placed.append((ws.title, cell.coordinate, t))
                break
    wb.save(dest)
    return placed


def forms(text):
    """How a cell's text may be written in the .jx: as it is (a category,
    a code), inside a string (escaped), in a comment (a line break as a
    space)."""
    esc = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return {text, esc, text.replace("\n", " "), text.replace("\n", "")}


def found(t, text, flat):
    """Is t in the .jx, whole or (a goal cell, one goal a line) line by
    line?"""
    if any(f in text or f in flat for f in forms(t)):
        return True
    lines = t.split("\n")
    return len(lines) > 1 and all(found(l, text, flat) for l in lines)


def main():
    jxc, gen, seed, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), \
        int(sys.argv[4])
    rng = random.Random(seed)
    tmp = tempfile.mkdtemp()
    try:
        books = bases(tmp, jxc, gen)
        cells = missing = unplaced = 0
        for n in range(count):
            name, base = books[n % len(books)]
            book = os.path.join(tmp, "book%d.xlsx" % n)
            placed = sprinkle(rng, base, book, rng.randint(4, 12))
            jx = os.path.join(tmp, "book%d.jx" % n)
            run = subprocess.run([jxc, "import", "--diagnostics=json", "-o",
                                  jx, book], stderr=subprocess.PIPE)
            rc = run.returncode
            if rc not in (0, 1) or not os.path.exists(jx):
                print("%s: jxc import exited %d, nothing written" % (name, rc))
                missing += len(placed)
                continue
            text = open(jx, encoding="utf-8").read()
            # a long string folded onto two lines, a comment of two lines
            flat = re.sub(r"\n[ \t]*(#[ \t]*)?", "", text)
            lost = [p for p in placed if not found(p[2], text, flat)]
            # every diagnostic at a line of the .jx names a cell as well
            for line in run.stderr.decode("utf-8").splitlines():
                d = json.loads(line)
                if d.get("file") == jx and d.get("line") and not any(
                        m["message"].startswith("from " + book + ":")
                        for m in d.get("notes", [])):
                    print("%s: %s:%d [%s] names no cell" %
                          (name, os.path.basename(jx), d["line"], d["code"]))
                    unplaced += 1
            cells += len(placed)
            missing += len(lost)
            for sheet, at, t in lost:
                print("%s: %s!%s %r is not in the .jx" % (name, sheet, at, t))
            if lost and os.environ.get("JX_LOST_KEEP"):  # to look into it
                shutil.copy(book, os.environ["JX_LOST_KEEP"])
                shutil.copy(jx, os.environ["JX_LOST_KEEP"])
        print("%d workbooks, %d cells put in at random: %s" %
              (count, cells, "every one is in the .jx" if not missing else
               "%d missing" % missing))
        print("diagnostics at a line of the .jx: %s" %
              ("every one names its cell too" if not unplaced else
               "%d name no cell" % unplaced))
        sys.exit(1 if missing or unplaced else 0)
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
