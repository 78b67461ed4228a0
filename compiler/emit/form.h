/*
 * form.h — the official forms, laid out once for every back end that
 * prints them (XLSX and HTML).
 *
 * A form is a grid of rows; each row is a list of placed cells (column,
 * column span, row span, style, text or number), in the way an HTML table
 * describes them: a cell that spans rows appears only in its first row.
 * form.c turns the model (runtime/jixiao.h) into such rows, from tables of
 * labels and row kinds (the 项目支出绩效目标表 and the other forms are data
 * there, not code in each back end), so the workbook and the page are the
 * same form by construction.  docs/xlsx.md describes the layout cell by
 * cell; an importer reads it back by the labels.
 *
 * Every row carries an anchor (what it shows: the budget, the n-th
 * indicator …) so that `--with-diagnostics` can put a diagnostic beside the
 * row it is about.
 */
#ifndef JX_FORM_H
#define JX_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "jixiao.h"

/* The forms' columns: 一级指标 二级指标 三级指标 绩效指标描述 指标值 依据. */
#define JX_FORM_COLS 6
/* The summary's columns (序号 … 其他资金). */
#define JX_SUMMARY_COLS 8

typedef enum jx_form_style {
  JX_FS_TITLE,   /* the form's title: large, bold, centred, no border */
  JX_FS_CAPTION, /* the year line under it: centred, no border */
  JX_FS_NOTE,    /* "金额单位：万元": right-aligned, no border */
  JX_FS_LABEL,   /* a field's printed label: bold, centred */
  JX_FS_HEADER,  /* a table's column heading: bold, centred */
  JX_FS_TEXT,    /* text the plan holds: left-aligned, wrapped */
  JX_FS_CODE,    /* a code: always text (leading zeros, 21 characters) */
  JX_FS_LEVEL,   /* 一级/二级指标 beside their rows: centred */
  JX_FS_MONEY,   /* an amount in the plan's currency: a number */
  JX_FS_PERCENT, /* a percentage: a number, 25 meaning 25% */
  JX_FS_INT      /* a small count (序号): a number */
} jx_form_style;

typedef struct jx_form_cell {
  int col, colspan, rowspan;
  jx_form_style style;
  const char *text; /* text styles; NULL is an empty cell */
  jx_decimal num;   /* JX_FS_MONEY, JX_FS_PERCENT, JX_FS_INT */
} jx_form_cell;

/* What a row shows, for placing diagnostics beside it. */
typedef enum jx_form_anchor {
  JX_FA_NONE = 0, /* titles, headings */
  JX_FA_NAME,     /* the project's (unit's, department's) name row */
  JX_FA_CODE,
  JX_FA_BUDGET,
  JX_FA_FUNDS,
  JX_FA_PURPOSE,
  JX_FA_SCHEDULE,
  JX_FA_GOAL,
  JX_FA_MEASURE,
  JX_FA_DIVISION,
  JX_FA_INDICATOR /* index: the indicator's position in its list */
} jx_form_anchor;

/* Where a row's cell texts may wrap: these are the columns' widths in
 * spreadsheet character units (a CJK character counts 2), shared so the
 * workbook and the page have the same proportions. */
extern const double jx_form_widths[JX_FORM_COLS];
extern const double jx_summary_widths[JX_SUMMARY_COLS];

typedef struct jx_form_row {
  jx_form_anchor anchor;
  size_t index; /* JX_FA_INDICATOR (and goal, measure) position */
  const jx_indicator *indicator; /* JX_FA_INDICATOR: the row's indicator */
  bool heading; /* a title row: repeated at the top of each page */
  const jx_form_cell *cells;
  size_t n;
} jx_form_row;

typedef void (*jx_form_row_fn)(void *ud, const jx_form_row *row);

/* What the forms need besides the model: the plan header. */
typedef struct jx_form_ctx {
  int year;              /* 0: unknown */
  const char *framework; /* "local" … */
  const char *currency;  /* "万元" … */
  const char *form;      /* the form the plan follows (表式); NULL: generic */
  const char *department; /* the department's name, when known; or NULL */
  jx_arena *scratch;      /* for formatted labels; released by the caller */
} jx_form_ctx;

/* 项目支出绩效目标表 of one project (u: its unit, code NULL outside one). */
void jx_form_project(const jx_form_ctx *c, const jx_unit *u,
                     const jx_project *p, jx_form_row_fn fn, void *ud);
/* A unit's heading (code and name), and its goals and measures (which the
 * build knows only when the unit closes, after its projects). */
void jx_form_unit_head(const jx_form_ctx *c, const jx_unit *u,
                       jx_form_row_fn fn, void *ud);
void jx_form_unit_tail(const jx_form_ctx *c, const jx_unit *u,
                       jx_form_row_fn fn, void *ud);
/* 部门整体绩效目标表. */
void jx_form_department(const jx_form_ctx *c, const jx_department *d,
                        jx_form_row_fn fn, void *ud);

/* The summary of every project: a list both back ends fill as projects
 * stream past, and print at the end. */
typedef struct jx_summary_item {
  const char *unit_code, *unit_name, *code, *name;
  jx_decimal budget, fiscal, other;
} jx_summary_item;

typedef struct jx_summary {
  jx_arena arena;
  jx_summary_item *items;
  size_t n, cap;
} jx_summary;

void jx_summary_init(jx_summary *s);
void jx_summary_free(jx_summary *s);
void jx_summary_add(jx_summary *s, const jx_unit *u, const jx_project *p);
void jx_form_summary(const jx_form_ctx *c, const jx_summary *s,
                     jx_form_row_fn fn, void *ud);

/* Display texts both back ends use for numbers: an amount with at least
 * two decimals ("89.10"), a percentage likewise ("25.00%").  Exact: the
 * digits come from jx_decimal_format. */
size_t jx_form_money_text(jx_decimal d, char buf[JX_DECIMAL_BUFSZ + 4]);
size_t jx_form_percent_text(jx_decimal d, char buf[JX_DECIMAL_BUFSZ + 4]);

/* How many lines text takes when wrapped at `width` character units (a
 * CJK character is 2 units): for the workbook's row heights, which no
 * spreadsheet computes for merged cells. */
size_t jx_form_lines(const char *s, double width);

/* A deep copy of p into a (the back ends hold a project past its event). */
const jx_project *jx_project_copy(jx_arena *a, const jx_project *p);

#endif
