/*
 * model_locs.h — where each field of the lowered model was written.
 *
 * The model of runtime/jixiao.h is the plan as data: it says what a
 * budget is, not where it stood in the source.  Tools that point back at
 * the source (jxc diff's line numbers, an evaluation that reports a missed
 * target, an editor's language server) take the place of every field from
 * these tables instead of walking the syntax tree again.  Lowering fills
 * them beside the model structs, in the same arena and in the same order,
 * so `locs->indicators[i]` is where `project->indicators[i]` was written;
 * they are released with the model (per project in the streaming build).
 *
 * They stay on the compiler's side: the model is a public C interface,
 * and a place in a file means nothing to a program that links a generated
 * header.  A field nobody wrote (a project without `purpose`) has the zero
 * jx_loc (jx_loc_known() is false).
 */
#ifndef JX_MODEL_LOCS_H
#define JX_MODEL_LOCS_H

#include <stddef.h>

#include "loc.h"

/* A statement and the value it gives: `budget 89.10;` has its keyword at
 * stmt and 89.10 at value. */
typedef struct jx_stmt_locs {
  jx_loc stmt, value;
} jx_stmt_locs;

typedef struct jx_indicator_locs {
  jx_loc decl;     /* the statement: its category, or the `indicator` word */
  jx_loc category; /* the category path as written; zero without one */
  jx_loc name;
  jx_loc op;    /* zero when no comparison is written */
  jx_loc value; /* the whole value, unit included */
  jx_loc unit;  /* just the unit of a number; zero without one */
  jx_loc desc, basis;
  /* issue 11: the explanation columns (in jx_indicator's order), and the
   * period's target: its `period` keyword and its value */
  jx_loc standard, explanation, value_note, remark, scoring;
  jx_loc period, period_value;
} jx_indicator_locs;

typedef struct jx_schedule_locs {
  jx_loc month, percent; /* `jun 50%`: jun, 50% */
} jx_schedule_locs;

typedef struct jx_measure_locs {
  jx_loc stmt, title, text;
} jx_measure_locs;

/* Beside a jx_project: arrays have the project's n_schedule, n_goals and
 * n_indicators entries. */
typedef struct jx_project_locs {
  jx_loc decl; /* the `project` keyword */
  jx_loc name;
  jx_stmt_locs code, budget, purpose; /* the statement that was used */
  jx_loc funds, fiscal, other;        /* the `funds` statement; each amount */
  jx_loc schedule;                    /* the `schedule` statement */
  const jx_schedule_locs *points;
  const jx_stmt_locs *goals;
  const jx_indicator_locs *indicators;
  /* issue 11 */
  jx_stmt_locs total, period;
  jx_stmt_locs supervisor, implementer; /* the statement that applies: the
                                           project's, or its unit's */
  jx_stmt_locs classification, nature, policy, document, subject, manager,
      contact;
  jx_loc breakdown;                  /* the `breakdown` statement */
  const jx_stmt_locs *overall_goals; /* n_overall_goals entries */
  const jx_stmt_locs *sources;       /* n_sources: the word and amount */
  const jx_loc *lines;               /* n_breakdown: each amount */
  const jx_stmt_locs *attributes;    /* n_attributes: the key and value */
} jx_project_locs;

/* Beside a jx_unit: n_goals and n_measures entries (its projects have
 * their own). */
typedef struct jx_unit_locs {
  jx_loc decl, code, name;
  const jx_stmt_locs *goals;
  const jx_measure_locs *measures;
  jx_stmt_locs supervisor, implementer; /* issue 11 */
} jx_unit_locs;

typedef struct jx_division_locs {
  jx_loc decl, name;
  const jx_stmt_locs *goals;
  const jx_indicator_locs *indicators;
} jx_division_locs;

typedef struct jx_department_locs {
  jx_loc decl, name;
  const jx_stmt_locs *goals;
  const jx_measure_locs *measures;
  const jx_division_locs *divisions;
  const jx_indicator_locs *indicators;
  jx_stmt_locs code, budget; /* issue 11 */
  jx_loc breakdown;
  const jx_loc *lines;
} jx_department_locs;

#endif
