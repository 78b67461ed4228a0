/*
 * form_tables.c — the official forms as data (see form.c for what reads
 * them): each form a list of row specifications — a kind, a printed
 * label, the value it shows — and the labels of the tables' headings.
 * Changing a label, or the order of the rows, is an edit here, and both
 * the workbook and the page follow.
 *
 * The project form follows the national 项目支出绩效目标表 (项目名称, 主管部门,
 * 实施单位, 项目资金 with 年度资金总额 / 其中：财政拨款 / 其他资金,
 * 年度绩效目标, the indicator table with 一级/二级 beside their rows) and adds
 * what the published Hebei tables add (项目编码, 资金用途, 资金支出计划,
 * 绩效指标描述, 指标值确定依据), so nothing the plan says is left out of the
 * printed form.  The fields other regions' forms print (项目分类, 项目属性,
 * 立项依据, 实施期, 项目负责人 …, issue 11) are rows of their own, printed
 * only when the plan gives them.
 */
#include "form_spec.h"

const double jx_form_widths[JX_FORM_COLS] = {13, 16, 22, 30, 16, 18};
const double jx_summary_widths[JX_SUMMARY_COLS] = {6,  12, 26, 24,
                                                   30, 14, 14, 12};

/* An optional field row (issue 11). */
#define OPT_FIELD(label, v, st)                                                \
  { R_FIELD, label, v, st, JX_FA_NAME, NULL, 0, 0, true }

const row_spec jx_form_project_rows[] = {
    {R_TITLE, "项目支出绩效目标表", V_NONE, 0, 0, NULL, 0, 0, false},
    {R_YEAR, NULL, V_NONE, 0, 0, NULL, 0, 0, false},
    {R_NOTE, NULL, V_NONE, 0, 0, NULL, 0, 0, false},
    {R_FIELD, "项目名称", V_PROJECT_NAME, JX_FS_TEXT, JX_FA_NAME, NULL, 0, 0,
     false},
    {R_FIELD, "项目编码", V_PROJECT_CODE, JX_FS_CODE, JX_FA_CODE, NULL, 0, 0,
     false},
    OPT_FIELD("项目分类", V_CLASS, JX_FS_TEXT),
    {R_FIELD, "主管部门", V_DEPARTMENT, JX_FS_TEXT, JX_FA_NAME, NULL, 0, 0,
     false},
    /* The budget unit above a project that names another implementer
     * (optional: only then), so that both come back from the form. */
    {R_PAIR, "预算单位", V_UNIT_NAME, JX_FS_TEXT, JX_FA_NAME, "单位编码",
     V_UNIT_CODE, JX_FS_CODE, true},
    {R_PAIR, "实施单位", V_IMPLEMENTER_NAME, JX_FS_TEXT, JX_FA_NAME, "单位编码",
     V_IMPLEMENTER_CODE, JX_FS_CODE, false},
    OPT_FIELD("项目属性", V_NATURE, JX_FS_TEXT),
    OPT_FIELD("立项依据", V_POLICY, JX_FS_TEXT),
    OPT_FIELD("资金文号", V_DOCUMENT, JX_FS_TEXT),
    OPT_FIELD("科目代码", V_SUBJECT, JX_FS_CODE),
    OPT_FIELD("实施期", V_PERIOD, JX_FS_TEXT),
    OPT_FIELD("项目负责人", V_MANAGER, JX_FS_TEXT),
    OPT_FIELD("联系人", V_CONTACT, JX_FS_TEXT),
    {R_ATTRIBUTES, NULL, V_NONE, 0, 0, NULL, 0, 0, false},
    {R_FUNDS, "项目资金", V_NONE, 0, 0, NULL, 0, 0, false},
    {R_FIELD, "资金用途", V_PURPOSE, JX_FS_TEXT, JX_FA_PURPOSE, NULL, 0, 0,
     false},
    {R_SCHEDULE, "资金支出计划（%）", V_NONE, 0, 0, NULL, 0, 0, false},
    {R_OVERALL, "总体绩效目标", V_NONE, 0, 0, NULL, 0, 0, false},
    {R_GOALS, "年度绩效目标", V_NONE, 0, 0, NULL, 0, 0, false},
    {R_INDICATORS, NULL, V_NONE, 0, 0, NULL, 0, 0, false},
};

const row_spec jx_form_unit_head_rows[] = {
    {R_TITLE, "单位绩效目标", V_NONE, 0, 0, NULL, 0, 0, false},
    {R_YEAR, NULL, V_NONE, 0, 0, NULL, 0, 0, false},
    {R_PAIR, "单位名称", V_UNIT_NAME, JX_FS_TEXT, JX_FA_NAME, "单位编码",
     V_UNIT_CODE, JX_FS_CODE, false},
};

const row_spec jx_form_unit_tail_rows[] = {
    {R_GOALS, "单位绩效目标", V_NONE, 0, 0, NULL, 0, 0, false},
    {R_MEASURES, "单位保障措施", V_NONE, 0, 0, NULL, 0, 0, false},
};

const row_spec jx_form_department_rows[] = {
    {R_TITLE, "部门整体绩效目标表", V_NONE, 0, 0, NULL, 0, 0, false},
    {R_YEAR, NULL, V_NONE, 0, 0, NULL, 0, 0, false},
    {R_FIELD, "部门名称", V_DEPT_NAME, JX_FS_TEXT, JX_FA_NAME, NULL, 0, 0,
     false},
    OPT_FIELD("部门预算编码", V_DEPT_CODE, JX_FS_CODE),
    {R_DEPT_BUDGET, "部门预算", V_NONE, 0, 0, NULL, 0, 0, false},
    {R_GOALS, "总体绩效目标", V_NONE, 0, 0, NULL, 0, 0, false},
    {R_DIVISIONS, NULL, V_NONE, 0, 0, NULL, 0, 0, false},
    {R_SECTION, "部门绩效指标", V_NONE, 0, 0, NULL, 0, 0, false},
    {R_INDICATORS, NULL, V_NONE, 0, 0, NULL, 0, 0, false},
    {R_MEASURES, "保障措施", V_NONE, 0, 0, NULL, 0, 0, false},
};

const row_spec jx_form_division_rows[] = {
    {R_FIELD, "分项名称", V_DIVISION_NAME, JX_FS_TEXT, JX_FA_DIVISION, NULL, 0,
     0, false},
    {R_GOALS, "分项绩效目标", V_NONE, 0, 0, NULL, 0, 0, false},
    {R_INDICATORS, NULL, V_NONE, 0, 0, NULL, 0, 0, false},
};

/* The sub-labels of R_FUNDS, and of the indicator table's heading. */
const char *const jx_form_funds_labels[3] = {"年度资金总额", "其中：财政拨款",
                                             "其他资金"};
const char *const jx_form_indicator_heading[JX_FORM_COLS] = {
    "一级指标",     "二级指标", "三级指标",
    "绩效指标描述", "指标值",   "指标值确定依据"};
const char *const jx_form_summary_heading[JX_SUMMARY_COLS] = {
    "序号",     "单位编码",     "单位名称",       "项目编码",
    "项目名称", "年度资金总额", "其中：财政拨款", "其他资金"};
/* 表式 only for a plan that names a form: the generic one is no form. */
const char *const jx_form_summary_fields[4] = {"年度", "指标体系", "金额单位",
                                               "表式"};
/* What 指标值 shows for an indicator that does not apply. */
const char jx_form_na_text[] = "不涉及";

#define N_OF(a) (sizeof(a) / sizeof(a)[0])
const size_t jx_form_project_n = N_OF(jx_form_project_rows);
const size_t jx_form_unit_head_n = N_OF(jx_form_unit_head_rows);
const size_t jx_form_unit_tail_n = N_OF(jx_form_unit_tail_rows);
const size_t jx_form_department_n = N_OF(jx_form_department_rows);
const size_t jx_form_division_n = N_OF(jx_form_division_rows);
