/*
 * diff_model.c — matching two plans and recording what changed (see
 * diff_model.h): the driver.  Recording an item and comparing the parts
 * are diff_items.c's, comparing a project diff_project.c's (diff_impl.h).
 *
 * Every match goes through a jx_strmap, so the work is linear in the
 * number of units, projects and indicators; only texts that changed are
 * compared token by token (jx_inline_diff).  Items are appended in
 * reading order: plan, department, then each unit of the new side in
 * order (its own changes, its projects in order, then the projects it
 * lost), then the units that are gone.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_impl.h"
#include "diff_model.h"
#include "diff_inline.h"
#include "strmap.h"
#include "units.h"

static jx_df_side side_of(const jx_loaded_plan *lp) {
  jx_df_side s;
  s.lp = lp;
  s.m = jx_loaded_model(lp);
  s.n_projects = 0;
  for (size_t u = 0; u < s.m->n_units; u++)
    s.n_projects += s.m->units[u].n_projects;
  s.projects = jx_xcalloc(s.n_projects + 1, sizeof *s.projects);
  s.start = jx_xcalloc(s.m->n_units + 1, sizeof *s.start);
  size_t i = 0;
  for (size_t u = 0; u < s.m->n_units; u++) {
    s.start[u] = i;
    for (size_t k = 0; k < s.m->units[u].n_projects; k++, i++) {
      s.projects[i].p = &s.m->units[u].projects[k];
      s.projects[i].locs = jx_loaded_project_locs(lp, u, k);
      s.projects[i].currency = jx_loaded_project_currency(lp, u, k);
      s.projects[i].unit = u;
    }
  }
  s.start[s.m->n_units] = i;
  return s;
}

static void side_free(jx_df_side *s) {
  free(s->projects);
  free(s->start);
}

static const char *unit_label(jx_df_ctx *c, const jx_unit *u) {
  if (!u->code && !u->name)
    return jx_df_word(c, JX_M_DIFF_OUTSIDE_UNITS);
  if (!u->code) /* a unit known by its name alone */
    return jx_df_label(c, JX_M_DIFF_UNIT_NAMED, u->name);
  return jx_df_label(c, JX_M_DIFF_UNIT, u->code, u->name ? u->name : "");
}

/* ---- Department and units ------------------------------------------------ */

static void department_change(jx_df_ctx *c) {
  const jx_department *a = c->a->m->department, *b = c->b->m->department;
  const jx_department_locs *la = jx_loaded_department_locs(c->a->lp),
                           *lb = jx_loaded_department_locs(c->b->lp);
  if (!a && !b)
    return;
  jx_diff_loc lo = jx_df_loc_of(c, a ? la->decl : no_loc),
              ln = jx_df_loc_of(c, b ? lb->decl : no_loc);
  c->section = jx_df_label(c, JX_M_DIFF_DEPARTMENT, (b ? b : a)->name);
  c->project = c->sub = NULL;
  if (!a || !b) {
    jx_df_add(c, JX_DW_DEPARTMENT, a ? JX_DIFF_REMOVED : JX_DIFF_ADDED, lo, ln,
              a ? a->name : NULL, b ? b->name : NULL);
    return;
  }
  jx_df_text_change(c, JX_DW_DEPARTMENT, a->name, b->name, lo, ln);
  jx_df_field_change(c, JX_DW_FIELD, JX_M_DIFF_F_CODE, "code", a->code, b->code,
                     jx_df_stmt_loc(c, la->code.stmt, la->decl),
                     jx_df_stmt_loc(c, lb->code.stmt, lb->decl));
  const jx_unit_info *cur_a = jx_loaded_currency(c->a->lp);
  jx_df_amount_opt_change(c, JX_DW_BUDGET, a->has_budget, a->budget, cur_a,
                          b->has_budget, b->budget, c->cur,
                          jx_df_stmt_loc(c, la->budget.stmt, la->decl),
                          jx_df_stmt_loc(c, lb->budget.stmt, lb->decl));
  jx_df_lines_change(c, a->breakdown, a->n_breakdown, la->lines, cur_a,
                     b->breakdown, b->n_breakdown, lb->lines, c->cur);
  jx_df_goals_change(c, JX_DW_GOAL, a->goals, a->n_goals, la->goals, b->goals,
                     b->n_goals, lb->goals);
  jx_df_measures_change(c, a->measures, a->n_measures, la->measures,
                        b->measures, b->n_measures, lb->measures);
  jx_df_indicators_change(c, a->indicators, a->n_indicators, la->indicators,
                          b->indicators, b->n_indicators, lb->indicators);
  const jx_division_locs *da = la->divisions, *db = lb->divisions;
  size_t *match = jx_xcalloc(b->n_divisions + 1, sizeof *match);
  jx_strmap *m = jx_strmap_new(b->n_divisions);
  for (size_t j = 0; j < b->n_divisions; j++) {
    match[j] = SIZE_MAX;
    jx_strmap_add(m, b->divisions[j].name, j);
  }
  for (size_t i = 0; i < a->n_divisions; i++) {
    const jx_division *x = &a->divisions[i];
    size_t j = jx_strmap_take(m, x->name, NULL, NULL);
    if (j == SIZE_MAX) {
      jx_df_add(c, JX_DW_DIVISION, JX_DIFF_REMOVED, jx_df_loc_of(c, da[i].decl),
                (jx_diff_loc){NULL, 0}, x->name, NULL);
      continue;
    }
    match[j] = i;
    const jx_division *y = &b->divisions[j];
    c->sub = jx_df_label(c, JX_M_DIFF_DIVISION, y->name);
    jx_df_goals_change(c, JX_DW_GOAL, x->goals, x->n_goals, da[i].goals,
                       y->goals, y->n_goals, db[j].goals);
    jx_df_indicators_change(c, x->indicators, x->n_indicators, da[i].indicators,
                            y->indicators, y->n_indicators, db[j].indicators);
    c->sub = NULL;
  }
  for (size_t j = 0; j < b->n_divisions; j++)
    if (match[j] == SIZE_MAX)
      jx_df_add(c, JX_DW_DIVISION, JX_DIFF_ADDED, (jx_diff_loc){NULL, 0},
                jx_df_loc_of(c, db[j].decl), NULL, b->divisions[j].name);
  jx_strmap_free(m);
  free(match);
}

static void unit_change(jx_df_ctx *c, size_t ia, size_t ib) {
  const jx_unit *a = &c->a->m->units[ia], *b = &c->b->m->units[ib];
  const jx_unit_locs *la = jx_loaded_unit_locs(c->a->lp, ia),
                     *lb = jx_loaded_unit_locs(c->b->lp, ib);
  jx_diff_loc lo = jx_df_loc_of(c, la->decl), ln = jx_df_loc_of(c, lb->decl);
  jx_df_text_change(c, JX_DW_UNIT_NAME, a->name, b->name, lo, ln);
  jx_df_org_change(c, JX_DW_SUPERVISOR, a->supervisor, b->supervisor,
                   jx_df_stmt_loc(c, la->supervisor.stmt, la->decl),
                   jx_df_stmt_loc(c, lb->supervisor.stmt, lb->decl));
  jx_df_org_change(c, JX_DW_IMPLEMENTER, a->implementer, b->implementer,
                   jx_df_stmt_loc(c, la->implementer.stmt, la->decl),
                   jx_df_stmt_loc(c, lb->implementer.stmt, lb->decl));
  jx_df_goals_change(c, JX_DW_GOAL, a->goals, a->n_goals, la->goals, b->goals,
                     b->n_goals, lb->goals);
  jx_df_measures_change(c, a->measures, a->n_measures, la->measures,
                        b->measures, b->n_measures, lb->measures);
}

static bool avail_new(void *ud, size_t j) {
  const size_t *match_b = ud;
  return match_b[j] == SIZE_MAX;
}

static bool budget_total(jx_df_ctx *c, const jx_df_side *s, jx_decimal *sum) {
  sum->micros = 0;
  for (size_t i = 0; i < s->n_projects; i++) {
    jx_decimal v;
    if (!jx_df_to_cur(c, s->projects[i].p->budget, s->projects[i].currency,
                      &v) ||
        jx_decimal_add(*sum, v, sum) != JX_DEC_OK)
      return false;
  }
  return true;
}

void jx_diff_compute(jx_diff *df, const jx_loaded_plan *old,
                     const jx_loaded_plan *neu, const jx_diag *d) {
  memset(df, 0, sizeof *df);
  jx_arena_init(&df->arena);
  jx_df_side sa = side_of(old), sb = side_of(neu);
  const jx_df_side *a = &sa, *b = &sb;
  const jx_plan *ma = a->m, *mb = b->m;
  jx_df_ctx c = {df, a, b, d, NULL, NULL, NULL, NULL, {NULL, 0}, {NULL, 0}};
  c.section = jx_df_word(&c, JX_M_DIFF_PLAN);
  c.cur = jx_loaded_currency(neu);
  jx_diff_summary *sum = &df->summary;
  sum->currency = c.cur->norm;
  sum->projects_old = a->n_projects;
  sum->projects_new = b->n_projects;

  /* The plan. */
  jx_diff_loc ho = jx_df_loc_of(&c, jx_loaded_header_loc(old)),
              hn = jx_df_loc_of(&c, jx_loaded_header_loc(neu));
  if (ma->year != mb->year)
    jx_df_add(&c, JX_DW_YEAR, JX_DIFF_CHANGED, ho, hn,
              ma->year ? jx_df_fmt(&c, "%d", ma->year)
                       : jx_df_word(&c, JX_M_DIFF_NONE),
              mb->year ? jx_df_fmt(&c, "%d", mb->year)
                       : jx_df_word(&c, JX_M_DIFF_NONE));
  if (!jx_df_same_str(ma->framework, mb->framework))
    jx_df_add(&c, JX_DW_FRAMEWORK, JX_DIFF_CHANGED, ho, hn, ma->framework,
              mb->framework);
  department_change(&c);

  /* Units by code. */
  size_t *umatch_a = jx_xcalloc(ma->n_units + 1, sizeof *umatch_a);
  size_t *umatch_b = jx_xcalloc(mb->n_units + 1, sizeof *umatch_b);
  jx_strmap *m = jx_strmap_new(mb->n_units);
  for (size_t j = 0; j < mb->n_units; j++) {
    umatch_b[j] = SIZE_MAX;
    jx_strmap_add(m, jx_df_unit_key(&c, &mb->units[j]), j);
  }
  for (size_t i = 0; i < ma->n_units; i++) {
    umatch_a[i] =
        jx_strmap_take(m, jx_df_unit_key(&c, &ma->units[i]), NULL, NULL);
    if (umatch_a[i] != SIZE_MAX)
      umatch_b[umatch_a[i]] = i;
  }
  jx_strmap_free(m);

  /* Projects by code anywhere, then by name within the matched unit. */
  size_t *pm_a = jx_xcalloc(a->n_projects + 1, sizeof *pm_a);
  size_t *pm_b = jx_xcalloc(b->n_projects + 1, sizeof *pm_b);
  bool *by_name = jx_xcalloc(b->n_projects + 1, 1);
  for (size_t i = 0; i < a->n_projects; i++)
    pm_a[i] = SIZE_MAX;
  m = jx_strmap_new(b->n_projects);
  for (size_t j = 0; j < b->n_projects; j++) {
    pm_b[j] = SIZE_MAX;
    if (b->projects[j].p->code)
      jx_strmap_add(m, b->projects[j].p->code, j);
  }
  for (size_t i = 0; i < a->n_projects; i++) {
    const char *code = a->projects[i].p->code;
    size_t j = code ? jx_strmap_take(m, code, avail_new, pm_b) : SIZE_MAX;
    if (j != SIZE_MAX) {
      pm_a[i] = j;
      pm_b[j] = i;
    }
  }
  jx_strmap_free(m);
  m = jx_strmap_new(b->n_projects);
  for (size_t j = 0; j < b->n_projects; j++)
    if (pm_b[j] == SIZE_MAX)
      jx_strmap_add(m,
                    jx_df_fmt(&c, "%zu\x1f%s", b->projects[j].unit,
                              b->projects[j].p->name),
                    j);
  for (size_t i = 0; i < a->n_projects; i++) {
    size_t ub = umatch_a[a->projects[i].unit];
    if (pm_a[i] != SIZE_MAX || ub == SIZE_MAX)
      continue;
    size_t j = jx_strmap_take(
        m, jx_df_fmt(&c, "%zu\x1f%s", ub, a->projects[i].p->name), avail_new,
        pm_b);
    if (j != SIZE_MAX) {
      pm_a[i] = j;
      pm_b[j] = i;
      by_name[j] = true;
      sum->matched_by_name++;
    }
  }
  jx_strmap_free(m);

  /* Report, unit by unit in the new side's order. */
  for (size_t j = 0; j < mb->n_units; j++) {
    const jx_unit *ub = &mb->units[j];
    size_t i = umatch_b[j];
    c.section = unit_label(&c, ub);
    c.project = c.sub = NULL;
    if (i == SIZE_MAX && (ub->code || ub->name)) /* the no-unit group is none */
      jx_df_add(&c, JX_DW_UNIT, JX_DIFF_ADDED, (jx_diff_loc){NULL, 0},
                jx_df_loc_of(&c, jx_loaded_unit_locs(neu, j)->decl), NULL,
                jx_df_unit_text(&c, ub));
    else if (i != SIZE_MAX)
      unit_change(&c, i, j);
    for (size_t pj = b->start[j]; pj < b->start[j + 1]; pj++) {
      if (pm_b[pj] == SIZE_MAX) {
        jx_df_project_added(&c, &b->projects[pj], true);
      } else {
        sum->projects_matched++;
        jx_df_project_change(&c, &a->projects[pm_b[pj]], &b->projects[pj],
                             by_name[pj]);
      }
    }
    if (i != SIZE_MAX)
      for (size_t pi = a->start[i]; pi < a->start[i + 1]; pi++)
        if (pm_a[pi] == SIZE_MAX)
          jx_df_project_added(&c, &a->projects[pi], false);
  }
  for (size_t i = 0; i < ma->n_units; i++) {
    if (umatch_a[i] != SIZE_MAX)
      continue;
    const jx_unit *ua = &ma->units[i];
    c.section = unit_label(&c, ua);
    c.project = c.sub = NULL;
    if (ua->code || ua->name)
      jx_df_add(&c, JX_DW_UNIT, JX_DIFF_REMOVED,
                jx_df_loc_of(&c, jx_loaded_unit_locs(old, i)->decl),
                (jx_diff_loc){NULL, 0}, jx_df_unit_text(&c, ua), NULL);
    for (size_t pi = a->start[i]; pi < a->start[i + 1]; pi++)
      if (pm_a[pi] == SIZE_MAX)
        jx_df_project_added(&c, &a->projects[pi], false);
  }

  sum->budget_ok = budget_total(&c, a, &sum->budget_old) &&
                   budget_total(&c, b, &sum->budget_new) &&
                   jx_decimal_sub(sum->budget_new, sum->budget_old,
                                  &sum->budget_delta) == JX_DEC_OK;
  if (sum->budget_ok)
    sum->has_percent = jx_diff_percent(sum->budget_delta, sum->budget_old,
                                       &sum->percent_cents);
  free(umatch_a);
  free(umatch_b);
  free(pm_a);
  free(pm_b);
  free(by_name);
  side_free(&sa);
  side_free(&sb);
}

void jx_diff_free(jx_diff *df) {
  free(df->items);
  jx_arena_free(&df->arena);
  memset(df, 0, sizeof *df);
}
