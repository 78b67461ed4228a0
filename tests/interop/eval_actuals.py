#!/usr/bin/env python3
"""eval_actuals.py — the two halves of eval_install_check.sh around the C
program:

  header JSON   prints actuals.h: from `jxc eval -f json`, every reported
                project's actuals as the library takes them (jx_actual per
                indicator, numbers in the target's unit, dates as
                yyyymmdd × 10^6), as C initialisers
  compare JSON OUT
                compares the program's lines with the JSON's figures and
                prints a summary; exits 1 on the first difference

Decimals are read as text and written as millionths by string arithmetic:
no float ever holds a figure.
"""
import json
import sys


def micros(text):
    """'89.1' -> 89100000, exactly."""
    text = str(text)
    neg = text.startswith("-")
    if neg:
        text = text[1:]
    whole, _, frac = text.partition(".")
    frac = (frac + "000000")[:6]
    v = int(whole or "0") * 1000000 + int(frac)
    return -v if neg else v


def c_string(s):
    if s is None:
        return "NULL"
    out = '"'
    for b in s.encode("utf-8"):
        if b in (0x22, 0x5C):
            out += "\\" + chr(b)
        elif 0x20 <= b < 0x7F:
            out += chr(b)
        else:
            out += "\\%03o" % b
    return out + '"'


def dec(v):
    return "{%dLL}" % micros(v)


KINDS = {None: "JX_ACTUAL_NONE", "number": "JX_ACTUAL_NUMBER",
         "date": "JX_ACTUAL_DATE", "text": "JX_ACTUAL_TEXT",
         "targeted": "JX_ACTUAL_TARGETED", "na": "JX_ACTUAL_NA"}
RATINGS = {None: "JX_RATING_NONE", "met": "JX_RATING_MET",
           "partly": "JX_RATING_PARTLY", "missed": "JX_RATING_MISSED"}


def value_of(ind):
    v = ind["actual_value"]
    if ind["actual_kind"] == "number":
        return dec(v)
    if ind["actual_kind"] == "date":
        parts = [int(x) for x in v.split("-")] + [0]
        return "{%dLL}" % ((parts[0] * 10000 + parts[1] * 100 + parts[2])
                           * 1000000)
    return "{0}"


def printed(v):
    return ("1, " + dec(v)) if v is not None else "0, {0}"


def header(doc):
    print("/* actuals.h — made by eval_actuals.py from jxc eval -f json */")
    print("typedef struct reported_project {")
    print("  const char *code;")
    print("  jx_project_actuals actuals;")
    print("} reported_project;")
    projects = [p for u in doc["units"] for p in u["projects"]]
    for k, p in enumerate(projects):
        print("static const jx_actual acts_%d[] = {" % k)
        for ind in p["indicators"]:
            print("  {%s, %s, %s, %s, %s, %s}," % (
                KINDS[ind["actual_kind"]], value_of(ind),
                c_string(ind["actual"] if ind["actual_kind"] == "text"
                         else None),
                RATINGS[ind["rating"]], printed(ind["printed_weight"]),
                printed(ind["printed_score"])))
        print("};")
    print("static const reported_project reported[] = {")
    for k, p in enumerate(projects):
        e = p["execution"]
        print("  {%s, {1, %s, %s, %s, %s, acts_%d}}," % (
            c_string(p["code"]), dec(e["budget_full"]),
            "1, " + dec(e["spent"]) if e["spent"] is not None else "0, {0}",
            printed(e["printed_weight"]), printed(e["printed_score"]), k))
    print("};")


def compare(doc, out):
    want = []
    for u in doc["units"]:
        for p in u["projects"]:
            want.append("%s total %s %s" % (p["code"], p["score_exact"],
                                            p["grade"]))
            want.append("%s execution %s" % (p["code"],
                                             p["execution"]["score_exact"]))
            for i, ind in enumerate(p["indicators"]):
                want.append("%s indicator %d %s" % (p["code"], i,
                                                    ind["score_exact"]))
    got = open(out, encoding="utf-8").read().splitlines()
    for n, (w, g) in enumerate(zip(want, got)):
        if w != g:
            print("line %d: jxc eval says %r, the library %r" % (n + 1, w, g))
            sys.exit(1)
    if len(want) != len(got):
        print("jxc eval has %d figures, the library %d" % (len(want),
                                                            len(got)))
        sys.exit(1)
    projects = sum(1 for w in want if " total " in w)
    print("%d projects, %d figures: the library's scores are jxc eval's"
          % (projects, len(want)))
    for w in want:
        if " total " in w:
            print(w)


def main():
    doc = json.load(open(sys.argv[2], encoding="utf-8"))
    if sys.argv[1] == "header":
        header(doc)
    else:
        compare(doc, sys.argv[3])


main()
