#!/usr/bin/env python3
"""xlsx_check.py — checks `jxc build -f xlsx` against `jxc build -f json`.

    xlsx_check.py PLAN.json BOOK.xlsx CSVDIR

Reads the workbook twice and compares both readings with the plan:

1. openpyxl (python3-openpyxl): the cells of every form as designed
   (docs/xlsx.md) — codes are strings, amounts and percentages numbers
   whose shortest text is the exact decimal, texts exact, and the 一级/二级
   指标 cells merged over the runs of rows that share them; the summary
   sheet lists every project with its budget and funds.
2. LibreOffice: CSVDIR holds what `soffice --convert-to csv` made of every
   sheet, cells as shown: a code is intact (0501002, 21 digits), an amount
   shows its number format (two places at least) and equals the plan's
   exactly, a percentage shows "%", and the Chinese text is exact.

Prints one line per check; exit 1 with the first difference.
"""
import csv
import decimal
import glob
import json
import os
import sys

import openpyxl

D = decimal.Decimal


def fail(msg):
    sys.exit("xlsx_check: " + msg)


def expect(got, want, where):
    if got != want:
        fail("%s: got %r, want %r" % (where, got, want))


FORMATS = {1: "0.00####", 100: "0.00####%"}


def number(cell, want, where, scale=1, fmt=None):
    """A number cell whose value, printed shortest, is the exact decimal."""
    if cell.data_type != "n" or isinstance(cell.value, bool):
        fail("%s: a %s cell (%r), want a number" %
             (where, cell.data_type, cell.value))
    expect(cell.number_format, fmt or FORMATS[scale], where + " format")
    got = D(repr(float(cell.value))) * scale
    if got != D(str(want)):
        fail("%s: %s, want %s" % (where, got, want))


def text(cell, want, where):
    value = cell.value
    if want is None or want == "":
        if value not in (None, ""):
            fail("%s: %r, want an empty cell" % (where, value))
        return
    if cell.data_type != "s":
        fail("%s: a %s cell (%r), want text %r" %
             (where, cell.data_type, value, want))
    # "@": an edit in a spreadsheet keeps it text (no formula).
    expect(cell.number_format, "@", where + " number format")
    expect(value, want, where)


def find_label(ws, label, col=1, start=1):
    for r in range(start, ws.max_row + 1):
        if ws.cell(r, col).value == label:
            return r
    fail("%s: no row labelled %s" % (ws.title, label))


def runs(keys):
    """(first, length) of each run of equal keys."""
    out, i = [], 0
    while i < len(keys):
        k = i
        while k < len(keys) and keys[k] == keys[i]:
            k += 1
        out.append((i, k - i))
        i = k
    return out


def goals_text(goals):
    """The goals in one cell, numbered as printed forms number them."""
    return "\n".join("%d.%s" % (i + 1, g) for i, g in enumerate(goals))


def indicator_value(x):
    return "不涉及" if x["kind"] == "na" else x["text"]


def check_indicators(ws, top, inds, merged, where):
    """The indicator table whose heading row is `top`."""
    heading = [ws.cell(top, c).value for c in range(1, 7)]
    expect(heading, ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值",
                     "指标值确定依据"], where + " heading")
    for i, x in enumerate(inds):
        r = top + 1 + i
        w = "%s indicator %d" % (where, i + 1)
        text(ws.cell(r, 3), x["name"], w + " 三级指标")
        text(ws.cell(r, 4), x["description"], w + " 描述")
        text(ws.cell(r, 5), indicator_value(x), w + " 指标值")
        text(ws.cell(r, 6), x["basis"], w + " 依据")
    l1 = [x["level1_label"] for x in inds]
    l12 = [(x["level1_label"], x["level2_label"]) for x in inds]
    for col, keys in (("A", l1), ("B", l12)):
        for first, n in runs(keys):
            r = top + 1 + first
            label = keys[first][-1] if col == "B" else keys[first]
            cell = ws.cell(r, 1 if col == "A" else 2)
            if label:
                expect(cell.value, label, "%s %s%d" % (where, col, r))
            rng = "%s%d:%s%d" % (col, r, col, r + n - 1)
            if n > 1 and rng not in merged:
                fail("%s: %s is not merged" % (where, rng))
            if n == 1 and any(m.startswith("%s%d:" % (col, r)) for m in merged):
                fail("%s: %s%d merged, want a single cell" % (where, col, r))
    return top + 1 + len(inds)


def check_project(ws, u, p, plan, dept):
    where = "sheet " + ws.title
    merged = {str(m) for m in ws.merged_cells.ranges}
    expect(ws.cell(1, 1).value, "项目支出绩效目标表", where + " title")
    year = plan["year"]
    expect(ws.cell(2, 1).value, "（%d年度）" % year if year else "（ 年度）",
           where + " year")
    expect(ws.cell(3, 1).value, "金额单位：" + plan["currency"], where)
    for m in ("A1:F1", "A2:F2", "A3:F3"):
        if m not in merged:
            fail("%s: %s is not merged" % (where, m))
    r = find_label(ws, "项目名称")
    text(ws.cell(r, 2), p["name"], where + " 项目名称")
    text(ws.cell(find_label(ws, "项目编码"), 2), p["code"], where + " 项目编码")
    text(ws.cell(find_label(ws, "主管部门"), 2), dept, where + " 主管部门")
    r = find_label(ws, "实施单位")
    text(ws.cell(r, 2), u["name"] if u["code"] else None, where + " 实施单位")
    expect(ws.cell(r, 5).value, "单位编码", where)
    text(ws.cell(r, 6), u["code"], where + " 单位编码")
    r = find_label(ws, "年度资金总额", col=2)
    expect(ws.cell(r, 1).value, "项目资金（%s）" % plan["currency"], where)
    if "A%d:A%d" % (r, r + 2) not in merged:
        fail("%s: 项目资金 is not merged over its three rows" % where)
    for k, key in enumerate(("budget", "fiscal", "other")):
        number(ws.cell(r + k, 3), p[key], "%s %s" % (where, key))
    text(ws.cell(find_label(ws, "资金用途"), 2), p["purpose"], where + " 资金用途")
    r = find_label(ws, "资金支出计划（%）")
    pairs = max(1, (len(p["schedule"]) + 4) // 5)
    for k in range(pairs):  # the label beside each pair of rows
        expect(ws.cell(r + 2 * k, 1).value, "资金支出计划（%）", where)
        if "A%d:A%d" % (r + 2 * k, r + 2 * k + 1) not in merged:
            fail("%s: 资金支出计划 is not merged over its pair of rows" % where)
    for k, pt in enumerate(p["schedule"]):
        row, col = r + 2 * (k // 5), 2 + k % 5
        expect(ws.cell(row, col).value, "%d月底" % pt["month"], where)
        number(ws.cell(row + 1, col), pt["percent"], where + " schedule", 100)
    r = find_label(ws, "年度绩效目标")
    text(ws.cell(r, 2), goals_text(p["goals"]), where + " goals")
    top = find_label(ws, "一级指标", start=r)
    end = check_indicators(ws, top, p["indicators"], merged, where)
    expect(ws.max_row, end - 1, where + " last row")


def check_department(ws, d):
    where = "sheet " + ws.title
    merged = {str(m) for m in ws.merged_cells.ranges}
    expect(ws.cell(1, 1).value, "部门整体绩效目标表", where)
    text(ws.cell(find_label(ws, "部门名称"), 2), d["name"], where)
    text(ws.cell(find_label(ws, "总体绩效目标"), 2), goals_text(d["goals"]),
         where + " goals")
    r = 1
    for dv in d["divisions"]:
        r = find_label(ws, "分项名称", start=r)
        text(ws.cell(r, 2), dv["name"], where + " 分项名称")
        g = find_label(ws, "分项绩效目标", start=r)
        text(ws.cell(g, 2), goals_text(dv["goals"]),
             "%s %s goals" % (where, dv["name"]))
        if dv["indicators"]:
            top = find_label(ws, "一级指标", start=g)
            r = check_indicators(ws, top, dv["indicators"], merged,
                                 where + " " + dv["name"])
    if d["indicators"]:
        top = find_label(ws, "一级指标", start=find_label(ws, "部门绩效指标"))
        check_indicators(ws, top, d["indicators"], merged, where + " own")
    if d["measures"]:
        r = find_label(ws, "保障措施")
        for k, m in enumerate(d["measures"]):
            text(ws.cell(r + k, 2), m["title"], where + " measure title")
            text(ws.cell(r + k, 4), m["text"], where + " measure text")


def check_summary(ws, plan, projects):
    where = "sheet 汇总"
    text(ws.cell(find_label(ws, "年度"), 3),
         str(plan["year"]) if plan["year"] else None, where + " 年度")
    text(ws.cell(find_label(ws, "指标体系"), 3), plan["framework"], where)
    text(ws.cell(find_label(ws, "金额单位"), 3), plan["currency"], where)
    top = find_label(ws, "序号")
    totals = [D(0)] * 3
    for i, (u, p) in enumerate(projects):
        r = top + 1 + i
        w = "%s row %d" % (where, r)
        number(ws.cell(r, 1), i + 1, w, fmt="0")
        text(ws.cell(r, 2), u["code"], w + " 单位编码")
        text(ws.cell(r, 3), u["name"] if u["code"] else None, w + " 单位名称")
        text(ws.cell(r, 4), p["code"], w + " 项目编码")
        text(ws.cell(r, 5), p["name"], w + " 项目名称")
        for k, key in enumerate(("budget", "fiscal", "other")):
            number(ws.cell(r, 6 + k), p[key], "%s %s" % (w, key))
            totals[k] += D(str(p[key]))
    r = top + 1 + len(projects)
    expect(ws.cell(r, 1).value, "合计", where)
    for k in range(3):
        number(ws.cell(r, 6 + k), totals[k], where + " total")


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def shown_number(s, want, where, percent=False):
    """LibreOffice's text of a formatted number: 2 to 6 places."""
    if percent:
        if not s.endswith("%"):
            fail("%s: %r shows no %%" % (where, s))
        s = s[:-1]
    if "." not in s or len(s.split(".")[1]) < 2:
        fail("%s: %r is not shown with the number format" % (where, s))
    if D(s) != D(str(want)):
        fail("%s: LibreOffice shows %s, want %s" % (where, s, want))


def check_csv(rows, u, p, where):
    def row(label, col=0):
        for r in rows:
            if len(r) > col and r[col] == label:
                return r
        fail("%s: no row %s" % (where, label))

    expect(row("项目名称")[1], p["name"], where + " 项目名称")
    expect(row("项目编码")[1], p["code"] or "", where + " 项目编码")
    expect(row("实施单位")[5], u["code"] or "", where + " 单位编码")
    for label, key in (("年度资金总额", "budget"), ("其中：财政拨款", "fiscal"),
                       ("其他资金", "other")):
        shown_number(row(label, 1)[2], p[key], "%s %s" % (where, key))
    top = rows.index(row("资金支出计划（%）"))
    for k, pt in enumerate(p["schedule"]):
        r, c = top + 2 * (k // 5), 1 + k % 5
        expect(rows[r][c], "%d月底" % pt["month"], where + " month")
        shown_number(rows[r + 1][c], pt["percent"], where + " schedule",
                     percent=True)
    expect(row("年度绩效目标")[1], goals_text(p["goals"]), where + " goals")
    top = rows.index(row("一级指标"))
    for i, x in enumerate(p["indicators"]):
        r = rows[top + 1 + i]
        expect(r[2:6], [x["name"], x["description"] or "", indicator_value(x),
                        x["basis"] or ""], "%s indicator %d" % (where, i + 1))


def check_unit_mode(wb, plan):
    """--sheet unit: a sheet per unit, its projects' forms one below the
    other, a page break before each form but the sheet's first."""
    names = wb.sheetnames
    units = [n for n in names if n.startswith("单位")]
    expect(len(units), len(plan["units"]), "unit sheets")
    for name, u in zip(units, plan["units"]):
        ws = wb[name]
        titles = [r for r in range(1, ws.max_row + 1)
                  if ws.cell(r, 1).value == "项目支出绩效目标表"]
        expect(len(titles), len(u["projects"]), name + " forms")
        breaks = [b.id for b in ws.row_breaks.brk]
        want = [t - 1 for t in titles if t > 1]
        expect(breaks, want, name + " page breaks")
        got = [ws.cell(find_label(ws, "项目名称", start=t), 2).value
               for t in titles]
        expect(got, [p["name"] for p in u["projects"]], name + " projects")
    print("openpyxl: --sheet unit: %d unit sheets, forms and page breaks as "
          "designed" % len(units))


def main():
    plan_path, book_path, csv_dir = sys.argv[1:4]
    plan = json.load(open(plan_path, encoding="utf-8"))
    wb = openpyxl.load_workbook(book_path)
    if csv_dir == "--sheet-unit":
        check_unit_mode(wb, plan)
        return
    projects = [(u, p) for u in plan["units"] for p in u["projects"]]
    # The inputs declare their department before their units, so it is
    # every project's 主管部门.
    dept = plan["department"]
    names = wb.sheetnames
    expect(names[0], "汇总", "first sheet")
    sheets = [n for n in names if n[0].isdigit()]
    if len(sheets) != len(projects):
        fail("%d project sheets for %d projects" % (len(sheets), len(projects)))
    dept_name = dept["name"] if dept else None
    for name, (u, p) in zip(sheets, projects):
        expect(name.split(" ", 1)[0], str(projects.index((u, p)) + 1), name)
        check_project(wb[name], u, p, plan, dept_name)
    check_summary(wb["汇总"], plan, projects)
    if dept:
        check_department(wb["部门"], dept)
    elif "部门" in names:
        fail("a 部门 sheet without a department")
    print("openpyxl: %d sheets, %d project forms as designed" %
          (len(names), len(projects)))

    base = os.path.splitext(os.path.basename(book_path))[0]
    for name, (u, p) in zip(sheets, projects):
        path = os.path.join(csv_dir, "%s-%s.csv" % (base, name))
        if not os.path.exists(path):
            fail("LibreOffice wrote no %s (have %s)" %
                 (path, sorted(glob.glob(csv_dir + "/*"))))
        check_csv(read_csv(path), u, p, "LibreOffice " + name)
    rows = read_csv(os.path.join(csv_dir, "%s-汇总.csv" % base))
    top = [r[0] for r in rows].index("序号")
    for i, (u, p) in enumerate(projects):
        r = rows[top + 1 + i]
        expect(r[1:5], [u["code"] or "", (u["name"] or "") if u["code"] else "",
                        p["code"] or "", p["name"]], "LibreOffice 汇总")
        shown_number(r[5], p["budget"], "LibreOffice 汇总 budget")
    print("LibreOffice: %d sheets converted, values as in the plan" %
          (len(sheets) + 1))


main()
