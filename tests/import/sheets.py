#!/usr/bin/python3
"""sheets.py — the spreadsheets the `jxc import` golden cases read.

Every workbook is built here, at test time, in the layouts users have
(docs/import.md): the official 项目支出绩效目标表 with merged cells (one form
a sheet, or several stacked), the row-per-indicator export of budget
systems (header not on row 1, blank spacer rows, numbers stored as text,
full-width digits, merged project cells), legacy .xls (xlwt writes real
BIFF8), CSV in UTF-8, GBK and UTF-16, and the broken inputs of the error
cases (a zip bomb, a Word document, binary data).

    sheets.py NAME DIR    writes DIR/<the file(s) of case NAME>
"""
import io
import os
import sys
import zipfile

import openpyxl
import xlwt
from openpyxl.styles import Alignment

# ---- the official form (the seed's table 1, as an export would lay it out) --

FORM1 = {
    "unit": "324001秦皇岛市北戴河区自然资源和规划局（本级）",
    "code": "130304215088YYECLPBDL",
    "name": "劳务派遣人员经费",
    "budget": 89.1, "fiscal": 89.1, "other": 0,
    "purpose": "劳务派遣人员经费",
    "months": ["3月底", "6月底", "10月底", "12月底"],
    "pct": [0.25, 0.5, 0.75, 1],
    "goals": "1.保障劳务派遣人员工资、社保支出。\n2.保障日常工作正常运转。",
    "rows": [
        ("产出指标", "数量指标", "保障劳务派遣人员数量", "保障劳务派遣人员数量", "22人", "劳务派遣人员数量"),
        (None, "质量指标", "工资发放、社保缴纳准确率", "工资发放、社保缴纳准确率", "100%", "工作计划"),
        (None, "时效指标", "支付及时率", "支付及时率", "100%", "工作计划"),
        (None, "成本指标", "控制预算数", "不超过财政支持经费", "89.1万元", "工作计划"),
        ("效益指标", "经济效益指标", "按照预算指标完成", "通过科学编制预算，严格遵守各项规章制度，提高财政资金的使用效率，做到节俭高效", "圆满完成", "工作计划"),
        (None, "社会效益指标", "保持工作稳定、持续开展实现率", "有效保证业务工作顺利开展", "顺利开展", "工作计划"),
        (None, "生态效益指标", "不涉及", "不涉及", "不涉及", "不涉及"),
        (None, "可持续影响指标", "业务工作可持续性", "保障日常工作有序运转", "长期有效", "工作计划"),
        ("满意度指标", "服务对象满意度指标", "职工满意度", "通过问卷调查，满意和较满意的受益对象占全部调查对象的比例", "≥90%", "历史经验"),
    ],
}

FORM2 = dict(FORM1)
FORM2.update({
    "code": "1303042192795HUY4N4HW", "name": "人事代理经费",
    "budget": "20.00", "fiscal": "20.00", "other": "0",
    "purpose": "保障人事代理人员工资、社保等支出",
    "goals": "1.保障人事代理人员工资、社保等支出\n2.通过科学编制预算，严格遵守各项规章制度，提高财政资金的使用效率，做到节俭高效。",
    "rows": [
        ("产出指标", "数量指标", "保障人事代理职工人数", "保障人事代理职工人数", "２人", "人事代理职工人数"),
        (None, "时效指标", "支付及时率", "支付及时率", "100%", "工作计划"),
        ("效益指标", "社会效益指标", "保持工作稳定", "有效保证业务工作顺利开展", "顺利开展", "工作计划"),
        ("满意度指标", "服务对象满意度指标", "职工满意度", "问卷调查", "90%以上", "历史经验"),
    ],
})


def form_xlsx(ws, f, top):
    """Writes one form from row `top`; returns the row after it."""
    r = top
    ws.cell(r, 1, "项目支出绩效目标表")
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=7)
    ws.cell(r + 1, 1, "（2021年度）")
    ws.merge_cells(start_row=r + 1, start_column=1, end_row=r + 1, end_column=7)
    r += 2
    ws.cell(r, 1, f["unit"])
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
    ws.cell(r, 7, "单位：万元")
    r += 1
    ws.cell(r, 1, "项目编码")
    ws.cell(r, 2, f["code"])
    ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=3)
    ws.cell(r, 4, "项目名称")
    ws.cell(r, 5, f["name"])
    ws.merge_cells(start_row=r, start_column=5, end_row=r, end_column=7)
    r += 1
    ws.cell(r, 1, "预算规模及资金用途")
    ws.merge_cells(start_row=r, start_column=1, end_row=r + 1, end_column=1)
    for c, v in enumerate(["预算数", f["budget"], "其中：财政资金", f["fiscal"],
                           "其他资金", f["other"]], start=2):
        ws.cell(r, c, v)
    ws.cell(r + 1, 2, f["purpose"])
    ws.merge_cells(start_row=r + 1, start_column=2, end_row=r + 1, end_column=7)
    r += 2
    ws.cell(r, 1, "资金支出计划（%）")
    ws.merge_cells(start_row=r, start_column=1, end_row=r + 1, end_column=1)
    for i, (m, p) in enumerate(zip(f["months"], f["pct"])):
        ws.cell(r, 2 + i, m)
        c = ws.cell(r + 1, 2 + i, p)
        c.number_format = "0.00%"
    r += 2
    ws.cell(r, 1, "绩效目标")
    c = ws.cell(r, 2, f["goals"])
    c.alignment = Alignment(wrap_text=True)
    ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=7)
    r += 1
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "绩效指标描述",
                           "指标值", "指标值确定依据"], start=1):
        ws.cell(r, c, h)
    r += 1
    # level-1 cells merged over their group, as the forms print them
    start = None
    for row in f["rows"]:
        if row[0] is not None:
            if start is not None and r - 1 > start:
                ws.merge_cells(start_row=start, start_column=1, end_row=r - 1,
                               end_column=1)
            start = r
        for c, v in enumerate(row, start=1):
            if v is not None:
                ws.cell(r, c, v)
        r += 1
    if start is not None and r - 1 > start:
        ws.merge_cells(start_row=start, start_column=1, end_row=r - 1,
                       end_column=1)
    return r


def official(d):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "表1"
    form_xlsx(ws, FORM1, 1)
    ws2 = wb.create_sheet("表 2")  # a name Excel quotes: '表 2'!C7
    form_xlsx(ws2, FORM2, 3)       # two blank rows above the form
    wb.create_sheet("说明").cell(1, 1, "本表由预算系统导出")
    save_xlsx(wb, os.path.join(d, "plan.xlsx"),
              {"<v>89.1</v>": "<v>89.099999999999994</v>"})


def stacked(d):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目"
    r = form_xlsx(ws, FORM1, 1)
    form_xlsx(ws, FORM2, r + 2)  # a blank spacer row or two between forms
    save_xlsx(wb, os.path.join(d, "plan.xlsx"), {})


def save_xlsx(wb, path, replace):
    """Saves, then rewrites the sheet XML (a number stored with 17 digits,
    as some writers store 89.1)."""
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                text = data.decode("utf-8")
                for a, b in replace.items():
                    text = text.replace(a, b)
                data = text.encode("utf-8")
            out.writestr(item, data)


# ---- the row-per-indicator export --------------------------------------------

ROWS_HEADER = ["序号", "项目编码", "项目名称", "一级指标", "二级指标", "三级指标",
               "指标内容", "计算符号", "指标值", "度量单位", "指标值确定依据",
               "评（扣）分标准", "备注", "联系人"]

# project code, name, then the indicator columns; None continues the row
# above (a merged or blank cell)
ROWS = [
    ["1", "13030421ET063BPB8PFXR", "规划业务费", "产出指标", "数量指标", "保障公务车数量",
     "保障公务车数量", "3", "２", "辆", "公务车数量", "完成得10分", None, "张三"],
    ["2", None, None, None, "质量指标", "办公设备正常运行率", "正常运行天数占比",
     "1", "95", "%", "工作计划", "完成得10分", None, None],
    ["3", None, None, None, "时效指标", "完工时间", None, "5", "DATE", None,
     "工作计划", None, None, None],
    ["4", None, None, None, "成本指标", "公务用车运行成本", "全年支出", "5", 4.8,
     "万元", "工作计划", None, "含保险", None],
    None,  # a blank spacer row
    ["5", None, None, "效益指标", "社会效益指标", "保障工作有序运转", "有效保证业务工作顺利开展",
     "6", "有效", None, "工作计划", None, None, None],
    ["6", None, None, "满意度指标", "服务对象满意度指标", "职工满意度", "问卷调查", "1",
     "90", "%", "历史经验", None, None, None],
    ["7", "1303042192795HUY4N4HW", "人事代理经费", "产出指标", "数量指标", "保障人事代理职工人数",
     None, "3", "2", "人", "人事代理职工人数", None, None, None],
    ["8", None, None, "效益指标", "经济效益指标", "节约资金", None, "1", "1,200", "元",
     "工作计划", None, None, None],
    ["9", None, None, "满意度指标", "服务对象满意度指标", "职工满意度", None, None,
     "95%以上", None, "历史经验", None, None, None],
]


def rows(d):
    import datetime
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "指标"
    ws.cell(1, 1, "2021年度项目支出绩效目标")
    ws.cell(2, 1, "单位：万元")
    for c, h in enumerate(ROWS_HEADER, start=1):
        ws.cell(4, c, h)
    r = 5
    for row in ROWS:
        if row is not None:
            for c, v in enumerate(row, start=1):
                if v == "DATE":
                    ws.cell(r, c, datetime.date(2021, 10, 31)).number_format = "yyyy-mm-dd"
                elif v is not None:
                    ws.cell(r, c, v)
        r += 1
    # the project cells merged over their rows, as budget systems export
    ws.merge_cells("B5:B11")
    ws.merge_cells("C5:C11")
    save_xlsx(wb, os.path.join(d, "plan.xlsx"),
              {"<v>4.8</v>": "<v>4.7999999999999998</v>"})


def rows_xls(d):
    """The same export as .xls, with the project's budget columns."""
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("指标")
    header = ["项目编码", "项目名称", "预算数（万元）", "财政资金", "其他资金", "一级指标",
              "二级指标", "三级指标", "计算符号", "指标值", "度量单位", "指标值确定依据"]
    for c, h in enumerate(header):
        ws.write(1, c, h)  # header on row 2
    data = [
        ["产出指标", "数量指标", "保障公务车数量", "3", 2, "辆", "公务车数量"],
        [None, "时效指标", "支付及时率", "3", 100, "%", "工作计划"],
        [None, "成本指标", "运行成本", "5", 5, "万元", "工作计划"],
        ["效益指标", "社会效益指标", "保障运转", "6", "有效", None, "工作计划"],
        ["满意度指标", "服务对象满意度指标", "职工满意度", "1", 90, "%", "历史经验"],
    ]
    ws.write_merge(2, 6, 0, 0, "13030421ET063BPB8PFXR")
    ws.write_merge(2, 6, 1, 1, "规划业务费")
    ws.write_merge(2, 6, 2, 2, 5.0)
    ws.write_merge(2, 6, 3, 3, 5)
    ws.write_merge(2, 6, 4, 4, 0)
    for i, row in enumerate(data):
        for c, v in enumerate(row):
            if v is not None:
                ws.write(2 + i, 5 + c, v)
    wb.save(os.path.join(d, "plan.xls"))


def form_xls(d):
    """An official form as .xls: the schedule as percentage cells (freexl
    gives their fractions), merged label cells."""
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("表1")
    pct = xlwt.easyxf(num_format_str="0.00%")
    f = FORM1
    ws.write(0, 0, f["unit"])
    ws.write(0, 6, "单位：万元")
    ws.write(1, 0, "项目编码")
    ws.write(1, 1, f["code"])
    ws.write(1, 3, "项目名称")
    ws.write(1, 4, f["name"])
    ws.write_merge(2, 3, 0, 0, "预算规模及资金用途")
    for c, v in enumerate(["预算数", 89.1, "其中：财政资金", 89.1, "其他资金", 0], start=1):
        ws.write(2, c, v)
    ws.write_merge(3, 3, 1, 6, f["purpose"])
    ws.write_merge(4, 5, 0, 0, "资金支出计划（%）")
    for i, (m, p) in enumerate(zip(f["months"], f["pct"])):
        ws.write(4, 1 + i, m)
        ws.write(5, 1 + i, p, pct)
    ws.write(6, 0, "绩效目标")
    ws.write_merge(6, 6, 1, 6, f["goals"])
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值",
                           "指标值确定依据"]):
        ws.write(7, c, h)
    for i, row in enumerate(f["rows"]):
        for c, v in enumerate(row):
            if v is not None:
                ws.write(8 + i, c, v)
    wb.save(os.path.join(d, "plan.xls"))


# ---- CSV ------------------------------------------------------------------------

CSV_ROWS = [
    "项目编码,项目名称,预算数,一级指标,二级指标,三级指标,计算符号,指标值,度量单位,备注",
    "13030421ET063BPB8PFXR,规划业务费,5,产出指标,数量指标,保障公务车数量,3,2,辆,",
    ',,,,成本指标,"运行成本,含油费",5,"1,200",元,"含""保险"""',
    ",,,效益指标,社会效益指标,保障运转,6,有效,,",
    "",
    ',,,满意度指标,服务对象满意度指标,职工满意度,1,９０,%,"多行\n备注"',
]


def csv_utf8(d):
    text = "\r\n".join(CSV_ROWS) + "\r\n"
    with open(os.path.join(d, "plan.csv"), "wb") as f:
        f.write(b"\xef\xbb\xbf" + text.encode("utf-8"))


def csv_gbk(d):
    text = "\r\n".join(CSV_ROWS) + "\r\n"
    with open(os.path.join(d, "plan.csv"), "wb") as f:
        f.write(text.encode("gbk"))


def tsv_utf16(d):
    # Excel's "Unicode text": UTF-16LE with a BOM, tab-separated
    lines = [l.replace(",", "\t") for l in
             ["项目编码,项目名称,预算数,一级指标,二级指标,三级指标,指标值",
              "13030421ET063BPB8PFXR,规划业务费,5,产出指标,数量指标,保障公务车数量,2辆",
              ",,,效益指标,社会效益指标,保障运转,有效",
              ",,,满意度指标,服务对象满意度指标,职工满意度,≥90%"]]
    with open(os.path.join(d, "plan.txt"), "wb") as f:
        f.write("\r\n".join(lines).encode("utf-16"))


# ---- broken inputs ------------------------------------------------------------------


def bad_cells(d):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "指标"
    for c, h in enumerate(["项目名称", "预算数", "一级指标", "二级指标", "三级指标",
                           "计算符号", "指标值", "度量单位"], start=1):
        ws.cell(1, c, h)
    data = [
        ["规划业务费", 5, "产出指标", "数量指标", "保障公务车数量", "7", "2", "辆"],
        [None, None, None, "质量指标", "运行率", "1", "#DIV/0!", "%"],
        [None, None, None, "（时效）", "及时率", "1", "100", "%"],
        [None, None, "效益指标", "社会效益指标", "保障运转", "6", "有效", None],
        [None, None, None, "社会效益指标", "宣传覆盖", "1", "90%-95%", None],
    ]
    for r, row in enumerate(data, start=2):
        for c, v in enumerate(row, start=1):
            if v is not None:
                ws.cell(r, c, v)
    save_xlsx(wb, os.path.join(d, "plan.xlsx"), {})


def zip_bomb(d):
    """A workbook whose sheet inflates past the 64 MiB limit (65 MiB of
    spaces deflate to about 65 KB)."""
    buf = io.BytesIO()
    wb = openpyxl.Workbook()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(os.path.join(d, "plan.xlsx"), "w",
                         zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data + b" " * (65 << 20)
            out.writestr(item.filename, data)


def docx(d):
    with zipfile.ZipFile(os.path.join(d, "plan.docx"), "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("_rels/.rels",
                   '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/relationships"><Relationship '
                   'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                   '2006/relationships/officeDocument" Target="word/document.xml"/>'
                   '</Relationships>')
        z.writestr("word/document.xml", "<w:document/>")


def binary(d):
    with open(os.path.join(d, "plan.png"), "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def mapped(d):
    """Headers no profile knows, said with a map file; the header on row 3."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.cell(1, 1, "绩效目标申报")
    for c, h in enumerate(["项目", "大类", "小类", "指标", "目标", "说明"], start=1):
        ws.cell(3, c, h)
    data = [["规划业务费", "产出指标", "数量指标", "保障公务车数量", "2辆", "公务车数量"],
            [None, "效益指标", "社会效益指标", "保障运转", "有效", None],
            [None, "满意度指标", "服务对象满意度指标", "职工满意度", "≥90%", "问卷"]]
    for r, row in enumerate(data, start=4):
        for c, v in enumerate(row, start=1):
            if v is not None:
                ws.cell(r, c, v)
    save_xlsx(wb, os.path.join(d, "plan.xlsx"), {})
    with open(os.path.join(d, "plan.ini"), "w", encoding="utf-8") as f:
        f.write("; which column is which (jxc import --map)\n"
                "[import]\nprofile = rows\nheader_row = 3\nyear = 2021\n\n"
                "[columns]\nproject = A\n一级指标 = 大类\n二级指标 = 小类\n"
                "level3 = D\nvalue = 目标\n指标值确定依据 = F\n")
    with open(os.path.join(d, "bad.ini"), "w", encoding="utf-8") as f:
        f.write("[import]\nheader_row = 3\n\n[columns]\n颜色 = B\n")


def export_like(d):
    """The sheets `jxc build -f xlsx` writes besides the forms (laid out
    as it lays them out): a summary, a unit form, a project form in the
    export's label layout, the department form.  The summary also lists a
    project no form has, and disagrees with a form on one budget."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "汇总"
    ws.cell(1, 1, "项目支出绩效目标汇总表")
    for r, (k, v) in enumerate([("年度", "2021"), ("指标体系", "local"),
                                ("金额单位", "万元")], start=2):
        ws.cell(r, 1, k)
        ws.cell(r, 3, v)
    for c, h in enumerate(["序号", "单位编码", "单位名称", "项目编码", "项目名称",
                           "年度资金总额", "其中：财政拨款", "其他资金"], start=1):
        ws.cell(5, c, h)
    rows = [[1, "324003", "秦皇岛市北戴河区林业局", "13030421STAF3D6ERRELR",
             "林业改革发展专项资金", 1909, 1909, 0],
            [2, "324003", "秦皇岛市北戴河区林业局", "13030421XXXXXXXXXXXXX",
             "只在汇总表中的项目", 10, 10, 0],
            ["合计", None, None, None, None, 1919, 1919, 0]]
    for r, row in enumerate(rows, start=6):
        for c, v in enumerate(row, start=1):
            if v is not None:
                ws.cell(r, c, v)
    ws.cell(6, 6, 1900)  # disagrees with the form's 1909

    ws = wb.create_sheet("单位1 秦皇岛市北戴河区林业局")
    ws.cell(1, 1, "单位绩效目标")
    ws.cell(2, 1, "（2021年度）")
    ws.cell(3, 1, "单位名称")
    ws.cell(3, 2, "秦皇岛市北戴河区林业局")
    ws.cell(3, 5, "单位编码")
    ws.cell(3, 6, "324003")
    ws.cell(4, 1, "单位绩效目标")
    ws.cell(4, 2, "1.完成通道绿化工程。\n2.做好林业有害生物防治。")
    ws.cell(5, 1, "单位保障措施")
    ws.merge_cells("A5:A6")
    ws.cell(5, 2, "加强领导")
    ws.cell(5, 4, "建立健全目标责任制。")
    ws.cell(6, 2, "广泛宣传")
    ws.cell(6, 4, "形成全民爱绿护绿意识。")

    ws = wb.create_sheet("1 林业改革发展专项资金")
    cells = [(1, 1, "项目支出绩效目标表"), (2, 1, "（2021年度）"),
             (3, 1, "金额单位：万元"), (4, 1, "项目名称"),
             (4, 2, "林业改革发展专项资金"), (5, 1, "项目编码"),
             (5, 2, "13030421STAF3D6ERRELR"), (6, 1, "主管部门"),
             (6, 2, "秦皇岛市北戴河区自然资源和规划局"), (7, 1, "实施单位"),
             (7, 2, "秦皇岛市北戴河区林业局"), (7, 5, "单位编码"),
             (7, 6, "324003"), (8, 1, "项目资金（万元）"), (8, 2, "年度资金总额"),
             (8, 3, 1909), (9, 2, "其中：财政拨款"), (9, 3, 1909),
             (10, 2, "其他资金"), (10, 3, 0), (11, 1, "资金用途"),
             (11, 2, "根据文件要求支付土地补贴款"), (12, 1, "资金支出计划（%）"),
             (14, 1, "年度绩效目标"), (14, 2, "1.保存造林成果\n2.改善生态环境"),
             (15, 1, "一级指标"), (15, 2, "二级指标"), (15, 3, "三级指标"),
             (15, 4, "绩效指标描述"), (15, 5, "指标值"), (15, 6, "指标值确定依据"),
             (16, 1, "产出指标"), (16, 2, "数量指标"), (16, 3, "土地补贴发放"),
             (16, 4, "发放补贴的土地数量"), (16, 5, "100亩"), (16, 6, "年度工作计划"),
             (17, 1, "效益指标"), (17, 2, "经济效益指标"), (17, 3, "农民增收额"),
             (17, 4, "增加农民收入"), (17, 5, "有效"), (17, 6, "年度工作计划")]
    for r, c, v in cells:
        ws.cell(r, c, v)
    ws.merge_cells("A8:A10")
    for i, (m, p) in enumerate(zip(["3月底", "6月底", "10月底", "12月底"],
                                   [0.7, 0.8, 0.9, 1])):
        ws.cell(12, 2 + i, m)
        ws.cell(13, 2 + i, p).number_format = "0.00####%"

    ws = wb.create_sheet("部门")
    cells = [(1, 1, "部门整体绩效目标表"), (2, 1, "（2021年度）"),
             (3, 1, "部门名称"), (3, 2, "秦皇岛市北戴河区自然资源和规划局"),
             (4, 1, "总体绩效目标"), (4, 2, "1.坚持以习近平新时代中国特色社会主义思想为指导。"),
             (5, 1, "分项名称"), (5, 2, "办公室"), (6, 1, "分项绩效目标"),
             (6, 2, "1.负责机关日常运转工作。\n2.负责上级交办事项。"),
             (7, 1, "一级指标"), (7, 2, "二级指标"), (7, 3, "三级指标"),
             (7, 4, "绩效指标描述"), (7, 5, "指标值"), (7, 6, "指标值确定依据"),
             (8, 3, "完成率"), (8, 4, "完成各项工作任务"), (8, 5, "100%"),
             (9, 1, "保障措施"), (9, 2, "加强组织领导，明确工作责任"),
             (9, 4, "高度重视预算绩效各项工作。"), (10, 2, "完善制度建设")]
    for r, c, v in cells:
        ws.cell(r, c, v)
    ws.merge_cells("A9:A10")
    save_xlsx(wb, os.path.join(d, "plan.xlsx"), {})


CASES = {
    "official": official, "stacked": stacked, "rows": rows, "rows-xls": rows_xls,
    "form-xls": form_xls, "csv": csv_utf8, "csv-gbk": csv_gbk,
    "tsv-utf16": tsv_utf16, "bad-cells": bad_cells, "zip-bomb": zip_bomb,
    "docx": docx, "binary": binary, "mapped": mapped,
    "export-like": export_like,
}

if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in CASES:
        sys.exit("usage: sheets.py {%s} DIR" % "|".join(sorted(CASES)))
    CASES[sys.argv[1]](sys.argv[2])
