#!/usr/bin/env python3
"""render_json.py — the facts of a plan, one per line, from `jxc build -f json`.

Prints exactly what print_plan.c prints from the generated C header (the
same line tags, the same escaping), computing the runtime's evaluation
answers (jx_schedule_expected, jx_indicator_met) independently, so that
comparing the two outputs checks the C back end and runtime/eval.c against
the JSON back end.

    render_json.py PLAN.json [PRINT_PLAN_OUTPUT]

With a second argument it compares instead of printing: exit 0 and a one
line summary when they agree, else a unified diff and exit 1.
"""
import decimal
import difflib
import json
import sys


def esc(s):
    if s is None:
        return "|~"
    out = (s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "\\n")
           .replace("\t", "\\t").replace("\r", "\\r").replace("~", "\\~"))
    return "|" + out


def dec(v):
    if isinstance(v, int):
        return "|%d" % v
    d = decimal.Decimal(v)
    if d == 0:
        return "|0"
    t = format(d.normalize(), "f")
    return "|" + t


def met(x):
    if x["kind"] == "quantitative":
        return 0 if x["op"] in (">", "<") else 1
    if x["kind"] == "date":
        return 0 if x["op"] in (">", "<") else 1
    if x["kind"] == "date_range":
        # The start as a day is inside the range; a month-only start
        # (yyyymm00) is the day before its first.
        return 1 if len(x["value"]["start"]) == 10 else 0
    return -1


def value(x):
    k = x["kind"]
    if k == "quantitative":
        return dec(x["value"])
    if k in ("na", "empty"):
        return "|~"
    if k == "date_range":
        return "|" + x["value"]["start"] + ".." + x["value"]["end"]
    return esc(x["value"])


def target(t):
    if t is None:
        return "|-"
    return (esc(t["kind"]) + esc(t["op"]) + value(t) + esc(t["unit"]) +
            esc(t["per_unit"]) + esc(t["text"]))


def org(tag, o):
    o = o or {"code": None, "name": None}
    return tag + esc(o["code"]) + esc(o["name"])


def person(p):
    p = p or {"name": None, "phone": None}
    return esc(p["name"]) + esc(p["phone"])


CONTINUITY = {None: 0, "new": 1, "continuing": 2}


def project_fields(p, out):
    per = p["period"] or {"text": None, "start": None, "end": None}
    total = p["total"]
    out.append("total|%d" % (total is not None) +
               dec(total if total is not None else p["budget"]) +
               esc(per["text"]) + esc(per["start"]) + esc(per["end"]))
    out.append(org("supervisor", p["supervisor"]))
    out.append(org("implementer", p["implementer"]))
    for s in p["sources"]:
        out.append("source" + esc(s["kind"]) + esc(s["label"]) +
                   dec(s["amount"]) + "|%d" % s["fiscal"])
    for x in p["breakdown"]:
        out.append("line" + esc(x["name"]) + dec(x["amount"]))
    out.append("fields" + esc(p["classification"]) + esc(p["nature"]) +
               "|%d" % CONTINUITY[p["continuity"]] + esc(p["policy"]) +
               esc(p["document"]) + esc(p["subject"]) +
               person(p["manager"]) + person(p["contact"]))
    for a in p["attributes"]:
        out.append("attribute" + esc(a["key"]) + esc(a["value"]))
    out += ["overall_goal" + esc(g) for g in p["overall_goals"]]


def indicators(tag, xs, out):
    for x in xs:
        out.append(tag + esc(x["level1"]) + esc(x["level1_label"]) +
                   esc(x["level1_role"]) + esc(x["level2"]) +
                   esc(x["level2_label"]) + esc(x["level2_role"]) +
                   esc(x["name"]) + esc(x["description"]) + esc(x["kind"]) +
                   esc(x["op"]) + value(x) + esc(x["unit"]) +
                   esc(x["per_unit"]) + esc(x["text"]) + esc(x["basis"]) +
                   "|%d|%d" % (x["line"], met(x)) +
                   target(x["period_target"]) + esc(x["standard"]) +
                   esc(x["explanation"]) + esc(x["value_note"]) +
                   esc(x["remark"]) + esc(x["scoring"]))


def expected(schedule, month):
    best_m, best = 0, 0
    for pt in schedule:
        if best_m <= pt["month"] <= month:
            best_m, best = pt["month"], pt["percent"]
    return dec(best)


def render(doc):
    out = ["plan|%d" % (doc["year"] or 0) + esc(doc["framework"]) +
           esc(doc["currency"]) + "|%d" % len(doc["units"]) +
           esc(doc["form"])]
    for u in doc["units"]:
        out.append("unit" + esc(u["code"]) + esc(u["name"]) +
                   "|%d" % len(u["projects"]))
        for p in u["projects"]:
            out.append("project" + esc(p["code"]) + esc(p["name"]) +
                       dec(p["budget"]) + dec(p["fiscal"]) + dec(p["other"]) +
                       esc(p["purpose"]) + "|%d" % p["line"])
            for pt in p["schedule"]:
                out.append("schedule|%d" % pt["month"] + dec(pt["percent"]))
            out.append("expected" + "".join(expected(p["schedule"], m)
                                            for m in range(1, 13)))
            out += ["goal" + esc(g) for g in p["goals"]]
            indicators("indicator", p["indicators"], out)
            project_fields(p, out)
        out += ["unit_goal" + esc(g) for g in u["goals"]]
        out += ["unit_measure" + esc(m["title"]) + esc(m["text"])
                for m in u["measures"]]
        out.append(org("unit_supervisor", u["supervisor"]))
        out.append(org("unit_implementer", u["implementer"]))
    d = doc["department"]
    if d:
        out.append("department" + esc(d["name"]) + esc(d["code"]) +
                   "|%d" % (d["budget"] is not None) +
                   dec(d["budget"] if d["budget"] is not None else 0))
        out += ["department_line" + esc(x["name"]) + dec(x["amount"])
                for x in d["breakdown"]]
        out += ["department_goal" + esc(g) for g in d["goals"]]
        for dv in d["divisions"]:
            out.append("division" + esc(dv["name"]))
            out += ["division_goal" + esc(g) for g in dv["goals"]]
            indicators("division_indicator", dv["indicators"], out)
        out += ["department_measure" + esc(m["title"]) + esc(m["text"])
                for m in d["measures"]]
        indicators("department_indicator", d["indicators"], out)
    return out


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        doc = json.load(f, parse_float=decimal.Decimal)
    want = render(doc)
    if len(sys.argv) < 3:
        sys.stdout.write("".join(line + "\n" for line in want))
        return 0
    with open(sys.argv[2], encoding="utf-8", newline="\n") as f:
        got = f.read().split("\n")[:-1]
    if got != want:
        sys.stdout.writelines(difflib.unified_diff(
            [w + "\n" for w in want], [g + "\n" for g in got],
            "from JSON", "from C header"))
        return 1
    print("C header agrees with JSON: %d lines" % len(want))
    return 0


if __name__ == "__main__":
    sys.exit(main())
