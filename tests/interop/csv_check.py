#!/usr/bin/env python3
"""csv_check.py — checks `jxc build -f csv` against `jxc build -f json`.

    csv_check.py PLAN.json INDICATORS.csv PROJECTS.csv SCHEDULE.csv \
        SOURCES.csv BREAKDOWN.csv

For each table it computes, from the JSON document, the rows the CSV must
hold (docs/csv.md: columns, empty cells for null, op words, the
formula-injection prefix), then reads the CSV twice: with Python's csv
module, and by loading it into a real SQLite database with the sqlite3
shell's `.import --csv` and reading the table back.  Both must give exactly
the expected header and rows.  It also checks the bytes: CRLF after every
record, a UTF-8 BOM only when the file starts with one.  Prints one line per
table; exit 1 and the first difference when anything disagrees.
"""
import csv
import decimal
import json
import os
import subprocess
import sys
import tempfile

OPS = {"=": "eq", ">=": "ge", "<=": "le", ">": "gt", "<": "lt"}


def text(s):
    """A text cell: empty for null, quote-prefixed when it could be a
    formula (OWASP)."""
    if s is None:
        return ""
    if s and s[0] in "=+-@\t\r":
        return "'" + s
    return s


def num(v):
    if isinstance(v, int):
        return str(v)
    d = decimal.Decimal(v)
    return "0" if d == 0 else format(d.normalize(), "f")


def value_cell(x):
    k = x["kind"]
    if k == "quantitative":
        return num(x["value"])
    if k in ("na", "empty"):
        return ""
    if k == "date":
        return x["value"]
    if k == "date_range":
        return x["value"]["start"]
    return text(x["value"])


def indicator_row(scope, u, p, division, x):
    t = x["period_target"]
    period = ([OPS[t["op"]], value_cell(t), text(t["unit"]), text(t["text"])]
              if t else ["", "", "", ""])
    end = x["value"]["end"] if x["kind"] == "date_range" else ""
    return [scope, text(u and u["code"]), text(u and u["name"]),
            text(p and p["code"]), text(p and p["name"]), text(division),
            text(x["level1"]), text(x["level1_label"]), text(x["level2"]),
            text(x["level2_label"]), text(x["name"]),
            text(x["description"]), x["kind"], OPS[x["op"]], value_cell(x),
            text(x["unit"]), text(x["text"]), text(x["basis"]),
            str(x["line"]), text(x["level1_role"]), text(x["level2_role"])
            ] + period + [text(x[k]) for k in (
                "standard", "explanation", "value_note", "remark",
                "scoring")] + [end, text(x["per_unit"])]


def project_fields(p):
    """The columns issue 11 added to the projects table."""
    per = p["period"] or {"text": None, "start": None, "end": None}
    sup = p["supervisor"] or {"code": None, "name": None}
    imp = p["implementer"] or {"code": None, "name": None}
    man = p["manager"] or {"name": None, "phone": None}
    con = p["contact"] or {"name": None, "phone": None}
    sources = "; ".join("%s %s" % (s["label"], num(s["amount"]))
                        for s in p["sources"])
    return ([num(p["total"]) if p["total"] is not None else "",
             text(per["text"]), per["start"] or "", per["end"] or "",
             text(sup["code"]), text(sup["name"]), text(imp["code"]),
             text(imp["name"]), text(p["classification"]),
             text(p["nature"]), p["continuity"] or "", text(p["policy"]),
             text(p["document"]), text(p["subject"]), text(man["name"]),
             text(man["phone"]), text(con["name"]), text(con["phone"]),
             text(sources or None), str(len(p["overall_goals"]))])


def expected(doc):
    ind = [["scope", "unit_code", "unit_name", "project_code",
            "project_name", "division", "level1", "level1_label", "level2",
            "level2_label", "name", "description", "kind", "op", "value",
            "unit", "text", "basis", "line", "level1_role", "level2_role"]]
    ind[0] += ["period_op", "period_value", "period_unit", "period_text",
               "standard", "explanation", "value_note", "remark", "scoring",
               "value_end", "per_unit"]
    proj = [["unit_code", "unit_name", "project_code", "project_name",
             "budget", "fiscal", "other", "purpose"] +
            ["m%02d" % m for m in range(1, 13)] +
            ["goals", "indicators", "line", "total", "period",
             "period_start", "period_end", "supervisor_code",
             "supervisor_name", "implementer_code", "implementer_name",
             "classification", "nature", "continuity", "policy", "document",
             "subject", "manager", "manager_phone", "contact",
             "contact_phone", "sources", "overall_goals"]]
    sched = [["unit_code", "unit_name", "project_code", "project_name",
              "month", "percent"]]
    srcs = [["unit_code", "unit_name", "project_code", "project_name",
             "kind", "label", "amount", "fiscal"]]
    lines = [["scope", "unit_code", "unit_name", "project_code",
              "project_name", "name", "amount"]]
    for u in doc["units"]:
        for p in u["projects"]:
            who = [text(u["code"]), text(u["name"]), text(p["code"]),
                   text(p["name"])]
            for x in p["indicators"]:
                ind.append(indicator_row("project", u, p, None, x))
            months = [""] * 12
            for pt in p["schedule"]:
                months[pt["month"] - 1] = num(pt["percent"])
                sched.append(who + [str(pt["month"]), num(pt["percent"])])
            proj.append(who + [num(p["budget"]), num(p["fiscal"]),
                               num(p["other"]), text(p["purpose"])] +
                        months + [str(len(p["goals"])),
                                  str(len(p["indicators"])), str(p["line"])] +
                        project_fields(p))
            for s in p["sources"]:
                srcs.append(who + [text(s["kind"]), text(s["label"]),
                                   num(s["amount"]),
                                   "true" if s["fiscal"] else "false"])
            for x in p["breakdown"]:
                lines.append(["project"] + who + [text(x["name"]),
                                                  num(x["amount"])])
    d = doc["department"]
    if d:
        for x in d["breakdown"]:
            lines.append(["department", "", "", "", "", text(x["name"]),
                          num(x["amount"])])
        for dv in d["divisions"]:
            for x in dv["indicators"]:
                ind.append(indicator_row("division", None, None, dv["name"],
                                         x))
        for x in d["indicators"]:
            ind.append(indicator_row("department", None, None, None, x))
    return ind, proj, sched, srcs, lines


def check_bytes(path):
    raw = open(path, "rb").read()
    bom = raw.startswith(b"\xef\xbb\xbf")
    raw.decode("utf-8")
    if not raw.endswith(b"\r\n"):
        sys.exit("%s: does not end with CRLF" % path)
    # Outside quotes, every LF must follow a CR (RFC 4180 record ends).
    quoted = False
    for i, b in enumerate(raw):
        if b == 0x22:
            quoted = not quoted
        elif b == 0x0A and not quoted and raw[i - 1] != 0x0D:
            sys.exit("%s: bare LF ends a record at byte %d" % (path, i))
    return bom


def read_python(path, bom):
    with open(path, encoding="utf-8-sig" if bom else "utf-8",
              newline="") as f:
        return [row for row in csv.reader(f, strict=True)]


def read_sqlite(path, bom):
    with tempfile.TemporaryDirectory() as tmp:
        src = path
        if bom:  # not every sqlite3 shell skips a BOM; give it none
            src = os.path.join(tmp, "nobom.csv")
            with open(src, "wb") as f:
                f.write(open(path, "rb").read()[3:])
        db = os.path.join(tmp, "t.db")
        subprocess.run(["sqlite3", db, ".import --csv %s t" % src],
                       check=True)
        out = subprocess.run(
            ["sqlite3", db, ".mode json", "select * from t"],
            check=True, capture_output=True, text=True).stdout
        cols = subprocess.run(
            ["sqlite3", db, "select name from pragma_table_info('t')"],
            check=True, capture_output=True, text=True).stdout
        header = cols.split("\n")[:-1]
        rows = json.loads(out) if out.strip() else []
        # A database hands back what it stored: compare as text.
        return [header] + [[r[c] if isinstance(r[c], str) else str(r[c])
                            for c in header] for r in rows]


def compare(name, want, got, how):
    if got != want:
        for i, (w, g) in enumerate(zip(want, got)):
            if w != g:
                sys.exit("%s via %s: row %d differs:\n  want %r\n  got  %r"
                         % (name, how, i, w, g))
        sys.exit("%s via %s: %d rows, want %d" % (name, how, len(got),
                                                  len(want)))


def main():
    doc = json.load(open(sys.argv[1], encoding="utf-8"),
                    parse_float=decimal.Decimal)
    for name, want, path in zip(("indicators", "projects", "schedule",
                                 "sources", "breakdown"),
                                expected(doc), sys.argv[2:7]):
        bom = check_bytes(path)
        for how, reader in (("python csv", read_python),
                            ("sqlite3 .import", read_sqlite)):
            got = reader(path, bom)
            compare(name, want, got, how)
        print("%s: %d rows agree with JSON via python csv and sqlite3%s"
              % (name, len(want) - 1, ", with BOM" if bom else ""))


if __name__ == "__main__":
    main()
