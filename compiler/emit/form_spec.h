/*
 * form_spec.h — how a form is described (not a public interface): the
 * row specifications that form_tables.c lists and form.c interprets.
 */
#ifndef JX_FORM_SPEC_H
#define JX_FORM_SPEC_H

#include "form.h"

typedef enum row_kind {
  R_TITLE,   /* label: the form's title, across every column */
  R_YEAR,    /* （2021年度） */
  R_NOTE,    /* 金额单位：万元 */
  R_FIELD,   /* label | value across the rest */
  R_PAIR,    /* label | value | label2 | value2 */
  R_SECTION, /* label across every column (a part of the form) */
  R_FUNDS, /* 项目资金（万元） over 年度资金总额 / 财政拨款 / 其他资金 */
  R_SCHEDULE,   /* label over rows of months with their percentages under */
  R_GOALS,      /* label | the goals in one cell, numbered 1. 2. … */
  R_MEASURES,   /* label over one row per measure: title | text */
  R_INDICATORS, /* the indicator table */
  R_DIVISIONS,  /* the department's divisions, each a small form */
  /* issue 11, each printed only when the plan gives it: */
  R_ATTRIBUTES, /* the project's other header fields, a row each */
  R_OVERALL,    /* label | the goals over the period, numbered */
  R_DEPT_BUDGET /* label over the department's budget and line items */
} row_kind;

typedef enum value_id {
  V_NONE,
  V_PROJECT_NAME,
  V_PROJECT_CODE,
  V_PURPOSE,
  V_DEPARTMENT, /* the 主管部门 of a project: the one it names, else the
                   department's name */
  V_UNIT_NAME,
  V_UNIT_CODE,
  V_DEPT_NAME, /* the department form's own name */
  V_DIVISION_NAME,
  /* issue 11: printed only when given (row_spec.optional) */
  V_IMPLEMENTER_NAME, /* 实施单位: the one named, else the unit */
  V_IMPLEMENTER_CODE,
  V_CLASS,
  V_NATURE,
  V_POLICY,
  V_DOCUMENT,
  V_SUBJECT,
  V_PERIOD,
  V_MANAGER,
  V_CONTACT,
  V_DEPT_CODE
} value_id;

typedef struct row_spec {
  row_kind kind;
  const char *label;
  value_id v;
  jx_form_style st;
  jx_form_anchor anchor;
  const char *label2;
  value_id v2;
  jx_form_style st2;
  bool optional; /* R_FIELD: no row when the value is absent */
} row_spec;

/* The forms (form_tables.c) and their numbers of rows. */
extern const row_spec jx_form_project_rows[], jx_form_unit_head_rows[],
    jx_form_unit_tail_rows[], jx_form_department_rows[],
    jx_form_division_rows[];
extern const size_t jx_form_project_n, jx_form_unit_head_n, jx_form_unit_tail_n,
    jx_form_department_n, jx_form_division_n;

/* The sub-labels of R_FUNDS; the headings of the indicator table and the
 * summary; the summary's plan fields (年度 …); what 指标值 shows for an
 * indicator that does not apply. */
extern const char *const jx_form_funds_labels[3];
extern const char *const jx_form_indicator_heading[JX_FORM_COLS];
extern const char *const jx_form_summary_heading[JX_SUMMARY_COLS];
extern const char *const jx_form_summary_fields[4];
extern const char jx_form_na_text[];

#endif
