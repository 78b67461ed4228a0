/*
 * diff_types.h — the list of changes `jxc diff` finds: what each item is
 * about, where it is on either side, its old and new values, and the
 * summary.  diff_model.h fills it in, diff_render.h prints it; the files
 * that record items (diff_items.c, diff_project.c) need the types and
 * nothing of the driver, so they include this, and calls go one way:
 * diff_model.c to diff_items.c and diff_project.c, never back.
 *
 * Ownership: a jx_diff owns its items and an arena of labels; strings in
 * items point into the plans or that arena.
 */
#ifndef JX_DIFF_TYPES_H
#define JX_DIFF_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diff_value.h"
#include "jixiao.h"

/* ---- The change model ------------------------------------------------- */

typedef enum jx_diff_op {
  JX_DIFF_ADDED,
  JX_DIFF_REMOVED,
  JX_DIFF_CHANGED
} jx_diff_op;

/* What an item is about. */
typedef enum jx_diff_what {
  JX_DW_YEAR,       /* plan year */
  JX_DW_FRAMEWORK,  /* indicator framework */
  JX_DW_DEPARTMENT, /* the department: added, removed, or its name */
  JX_DW_DIVISION,   /* a division added or removed */
  JX_DW_UNIT,       /* a unit added or removed */
  JX_DW_UNIT_NAME,  /* a unit renamed */
  JX_DW_PROJECT,    /* a project added or removed */
  JX_DW_PROJECT_NAME,
  JX_DW_PROJECT_CODE,
  JX_DW_PROJECT_UNIT, /* moved to another unit */
  JX_DW_BUDGET,
  JX_DW_FISCAL,
  JX_DW_OTHER,
  JX_DW_SCHEDULE, /* one month */
  JX_DW_GOAL,
  JX_DW_PURPOSE,
  JX_DW_MEASURE,   /* added, removed, or its text changed */
  JX_DW_INDICATOR, /* added or removed */
  JX_DW_IND_VALUE, /* comparison, value or unit */
  JX_DW_IND_DESC,
  JX_DW_IND_BASIS,
  /* issue 11: what the forms of other regions print */
  JX_DW_TOTAL,        /* 项目总预算 */
  JX_DW_SOURCE,       /* one source of funds (field: its label) */
  JX_DW_LINE,         /* one line item of a breakdown (field: its name) */
  JX_DW_PERIOD,       /* 实施期 */
  JX_DW_SUPERVISOR,   /* 主管部门 */
  JX_DW_IMPLEMENTER,  /* 实施单位 */
  JX_DW_FIELD,        /* a header field (field: which: 项目分类 …) */
  JX_DW_OVERALL_GOAL, /* a goal over the project's period */
  JX_DW_IND_PERIOD,   /* an indicator's target over the period */
  JX_DW_IND_NOTE,     /* an explanation column (field: which) */
  JX_DW_COUNT
} jx_diff_what;

typedef struct jx_diff_loc {
  const char *path; /* NULL: not on this side */
  int line;
} jx_diff_loc;

typedef struct jx_diff_item {
  jx_diff_what what;
  jx_diff_op op;
  /* Where it is: the unit and project (NULL above that level) and the thing
   * inside (an indicator "产出指标.数量指标 name", a division, a measure's
   * title), each as a display label built from the new side when it has
   * one.  Renderers print a heading when these change. */
  const char *unit;
  const char *project;
  const char *sub;
  jx_diff_loc project_old, project_new;
  jx_diff_loc old_loc, new_loc;
  const char *old_text, *new_text; /* display values, NULL when absent */
  /* Amounts (BUDGET, FISCAL, OTHER): exact, in `currency`. */
  bool has_amount;
  jx_decimal old_amount, new_amount, delta;
  const char *currency;
  bool has_percent;      /* false when the old amount is 0 */
  int64_t percent_cents; /* delta/old in hundredths of a percent */
  int month;             /* SCHEDULE */
  jx_diff_verdict verdict;
  bool by_name;     /* PROJECT_*: the pair was matched by name */
  bool inline_diff; /* text changes: render old/new as an inline diff */
  /* SOURCE, LINE, FIELD, IND_NOTE: which one, as the report shows it
   * (after the kind's label) and as JSON names it. */
  const char *field, *field_id;
} jx_diff_item;

typedef struct jx_diff_summary {
  size_t count[JX_DW_COUNT][3]; /* [what][op] */
  size_t tightened, loosened;
  size_t projects_old, projects_new, projects_matched, projects_unchanged,
      matched_by_name;
  /* Total budget, old and new, in `currency`; ok false if it overflowed or
   * could not be converted exactly. */
  bool budget_ok;
  jx_decimal budget_old, budget_new, budget_delta;
  bool has_percent;
  int64_t percent_cents;
  const char *currency;
} jx_diff_summary;

typedef struct jx_diff {
  jx_arena arena; /* labels and formatted values */
  jx_diff_item *items;
  size_t n_items, cap_items;
  jx_diff_summary summary;
} jx_diff;

#endif
