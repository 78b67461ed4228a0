/*
 * diff_impl.h — what the files of `jxc diff`'s comparison share (not part
 * of diff_model.h).
 *
 * diff_model.c is the driver: the sides, the matching of units and
 * projects, the department and the units, the order of the report and its
 * summary.  diff_items.c records items and compares the parts every level
 * has (texts, amounts, goals, measures, organisations); diff_project.c
 * compares a project (indicators, schedule, the forms' header fields) and
 * its whole.  Calls go from diff_model.c to both, and from diff_project.c
 * to diff_items.c.  The jx_df_ prefix marks what crosses files; nothing
 * outside compiler/diff calls it.
 */
#ifndef JX_DIFF_IMPL_H
#define JX_DIFF_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"
#include "diag.h"
#include "diff_types.h"
#include "load.h"

/* A project of one side, with what the comparison needs beside it. */
typedef struct jx_df_proj {
  const jx_project *p;
  const jx_project_locs *locs;  /* for the line of each statement */
  const jx_unit_info *currency; /* what p's amounts are in */
  size_t unit;                  /* index into the model's units */
} jx_df_proj;

/* One side: the loaded plan, and its projects in one array, unit by unit
 * (units[u]'s are start[u] .. start[u+1]). */
typedef struct jx_df_side {
  const jx_loaded_plan *lp;
  const jx_plan *m;
  jx_df_proj *projects;
  size_t n_projects;
  size_t *start;
} jx_df_side;

typedef struct jx_df_ctx {
  jx_diff *df;
  const jx_df_side *a, *b; /* old, new */
  const jx_diag *d;
  const jx_unit_info *cur; /* the currency amounts are reported in */
  /* The scope new items are recorded under. */
  const char *section, *project, *sub;
  jx_diff_loc project_old, project_new;
} jx_df_ctx;

static const jx_loc no_loc;

/* Labels and values, in the diff's arena. */
char *jx_df_fmt(jx_df_ctx *c, const char *f, ...)
    __attribute__((format(printf, 2, 3)));
char *jx_df_label(jx_df_ctx *c, jx_msg id, ...);
const char *jx_df_word(const jx_df_ctx *c, jx_msg id);
jx_diff_loc jx_df_loc_of(const jx_df_ctx *c, jx_loc l);
jx_diff_loc jx_df_stmt_loc(const jx_df_ctx *c, jx_loc stmt, jx_loc block);
jx_diff_item *jx_df_add(jx_df_ctx *c, jx_diff_what w, jx_diff_op op,
                        jx_diff_loc lo, jx_diff_loc ln, const char *o,
                        const char *n);
bool jx_df_same_str(const char *x, const char *y);
void jx_df_text_change(jx_df_ctx *c, jx_diff_what w, const char *o,
                       const char *n, jx_diff_loc lo, jx_diff_loc ln);
bool jx_df_to_cur(const jx_df_ctx *c, jx_decimal v, const jx_unit_info *from,
                  jx_decimal *out);
void jx_df_amount_change(jx_df_ctx *c, jx_diff_what w, jx_decimal o,
                         const jx_unit_info *uo, jx_decimal n,
                         const jx_unit_info *un, jx_diff_loc lo,
                         jx_diff_loc ln);
void jx_df_amount_opt_change(jx_df_ctx *c, jx_diff_what w, bool ho,
                             jx_decimal o, const jx_unit_info *uo, bool hn,
                             jx_decimal n, const jx_unit_info *un,
                             jx_diff_loc lo, jx_diff_loc ln);
void jx_df_goals_change(jx_df_ctx *c, jx_diff_what w, const char *const *ga,
                        size_t na, const jx_stmt_locs *la,
                        const char *const *gb, size_t nb,
                        const jx_stmt_locs *lb);
void jx_df_measures_change(jx_df_ctx *c, const jx_measure *ma, size_t na,
                           const jx_measure_locs *la, const jx_measure *mb,
                           size_t nb, const jx_measure_locs *lb);
void jx_df_field_change(jx_df_ctx *c, jx_diff_what w, jx_msg field,
                        const char *field_id, const char *o, const char *n,
                        jx_diff_loc lo, jx_diff_loc ln);
void jx_df_org_change(jx_df_ctx *c, jx_diff_what w, jx_org o, jx_org n,
                      jx_diff_loc lo, jx_diff_loc ln);
void jx_df_indicators_change(jx_df_ctx *c, const jx_indicator *va, size_t na,
                             const jx_indicator_locs *la,
                             const jx_indicator *vb, size_t nb,
                             const jx_indicator_locs *lb);
void jx_df_lines_change(jx_df_ctx *c, const jx_line_item *a, size_t na,
                        const jx_loc *la, const jx_unit_info *ua,
                        const jx_line_item *b, size_t nb, const jx_loc *lb,
                        const jx_unit_info *ub);
const char *jx_df_unit_text(jx_df_ctx *c, const jx_unit *u);
const char *jx_df_unit_key(jx_df_ctx *c, const jx_unit *u);
void jx_df_project_change(jx_df_ctx *c, const jx_df_proj *pa,
                          const jx_df_proj *pb, bool by_name);
void jx_df_project_added(jx_df_ctx *c, const jx_df_proj *p, bool added);

#endif
