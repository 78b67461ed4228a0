/*
 * lower.c — see lower.h.  Arrays are sized by a first walk over the
 * statement list, then filled in source order by a second; a locations
 * table, when asked for, is filled in the same walk, so its entries line
 * up with the model's.
 */
#include "lower.h"

#include <string.h>

#include "framework.h"
#include "units.h"

/* A text of the tree as the model keeps it: the tree's own, or a copy in
 * the model's arena when the model is to outlive the tree. */
static const char *text(const jx_lower_ctx *c, const char *s) {
  return s && c->copy_texts ? jx_arena_strdup(c->arena, s) : s;
}

static jx_stmt_locs stmt_locs(const jx_node *n, jx_loc value) {
  jx_stmt_locs l = {n->loc, value};
  return l;
}

/* The category path as one place: from the first part to the end of the
 * second when both are on one line, the first part otherwise. */
static jx_loc category_loc(const jx_node *n) {
  const jx_text *a = &n->u.indicator.level1, *b = &n->u.indicator.level2;
  if (!b->text)
    return (jx_loc){0, 0, 0, 0, 0};
  if (!a->text)
    return b->loc;
  jx_loc l = a->loc;
  if (b->loc.file == l.file && jx_loc_line(b->loc) == jx_loc_line(l) &&
      b->loc.offset >= l.offset)
    l.len = (uint32_t)(b->loc.offset + b->loc.len - l.offset);
  return l;
}

void jx_lower_indicator(const jx_lower_ctx *c, const jx_node *n,
                        jx_indicator *out, jx_indicator_locs *locs) {
  memset(out, 0, sizeof *out);
  const jx_level1 *l1 = n->u.indicator.l1;
  const jx_level2 *l2 = n->u.indicator.l2;
  if (l1 && l2) {
    out->level1 = l1->code;
    out->level1_label = l1->label;
    out->level1_role = l1->role;
    out->level2 = l2->code;
    out->level2_label = l2->label;
    out->level2_role = l2->role;
  }
  out->name = text(c, n->u.indicator.name.text);
  out->description = text(c, n->u.indicator.desc.text);
  out->basis = text(c, n->u.indicator.basis.text);
  out->op = n->u.indicator.op;
  out->line = (int)jx_loc_line(n->loc);
  const jx_value *v = &n->u.indicator.value;
  const jx_resolved *r = &n->u.indicator.value_res;
  switch (v->kind) {
  case JX_VAL_NUMBER: {
    if (r->ok && r->date) { /* 9月前: a month of the plan's year */
      out->kind = JX_KIND_DATE;
      out->value = r->dec;
      break;
    }
    out->kind = JX_KIND_QUANTITATIVE;
    if (!r->ok)
      break;
    out->value = r->dec;
    const jx_unit_info *u = r->unit;
    if (u && u->dimension == JX_DIM_MONEY_PER) {
      /* The checker's reading is shared by every value spelt alike; the
       * model gets its own copy, released with it. */
      out->unit = jx_arena_strdup(c->arena, u->norm);
      out->per_unit = jx_arena_strdup(c->arena, u->base);
      out->dimension = u->dimension;
    } else if (u) {
      out->unit = u->norm;
      out->dimension = u->dimension;
    } else if (v->unit) {
      out->unit = text(c, v->unit);
      out->dimension = JX_DIM_OTHER;
    }
    break;
  }
  case JX_VAL_DATE:
    out->kind = JX_KIND_DATE;
    if (r->ok)
      out->value = r->dec;
    break;
  case JX_VAL_DATE_RANGE:
    out->kind = JX_KIND_DATE_RANGE;
    if (r->ok) {
      out->value = r->dec;
      out->value_end = r->end;
    }
    break;
  case JX_VAL_NA:
    out->kind = JX_KIND_NA;
    break;
  default:
    out->kind = JX_KIND_QUALITATIVE;
    break;
  }
  /* The value as written, with its comparison: "≥90%" reads as the table,
   * and so does "90%以上", whose comparison is in the value. */
  const char *written = v->text ? v->text : "";
  if (n->u.indicator.op_written && n->u.indicator.op != JX_OP_EQ &&
      v->kind != JX_VAL_NA) {
    static const char *const sym[] = {"=", "≥", "≤", ">", "<"};
    const char *s = sym[n->u.indicator.op];
    size_t a = strlen(s), b = strlen(written);
    char *t = jx_arena_alloc(c->arena, a + b + 1);
    memcpy(t, s, a);
    memcpy(t + a, written, b + 1);
    out->text = t;
  } else {
    out->text = text(c, written);
  }
  if (!locs)
    return;
  locs->decl = n->loc;
  locs->category = category_loc(n);
  locs->name = n->u.indicator.name.loc;
  locs->op = n->u.indicator.op_written ? n->u.indicator.op_loc
                                       : (jx_loc){0, 0, 0, 0, 0};
  locs->value = v->loc;
  locs->unit = v->kind == JX_VAL_NUMBER && v->unit ? v->unit_loc
                                                   : (jx_loc){0, 0, 0, 0, 0};
  locs->desc = n->u.indicator.desc.loc;
  locs->basis = n->u.indicator.basis.loc;
}

static size_t count(const jx_node *n, jx_node_kind kind) {
  size_t k = 0;
  for (; n; n = n->next)
    k += n->kind == kind;
  return k;
}

/* An array of n elements of size sz in the arena (never NULL). */
static void *array(const jx_lower_ctx *c, size_t n, size_t sz) {
  return jx_arena_alloc(c->arena, (n ? n : 1) * sz);
}

static const char *const *goals(const jx_lower_ctx *c, const jx_node *items,
                                size_t *n, const jx_stmt_locs **locs) {
  *n = count(items, JX_N_GOAL);
  const char **g = array(c, *n, sizeof *g);
  jx_stmt_locs *l = locs ? array(c, *n, sizeof *l) : NULL;
  size_t i = 0;
  for (const jx_node *it = items; it; it = it->next)
    if (it->kind == JX_N_GOAL) {
      if (l)
        l[i] = stmt_locs(it, it->u.text.text.loc);
      g[i++] = text(c, it->u.text.text.text);
    }
  if (locs)
    *locs = l;
  return g;
}

static const jx_measure *measures(const jx_lower_ctx *c, const jx_node *items,
                                  size_t *n, const jx_measure_locs **locs) {
  *n = count(items, JX_N_MEASURE);
  jx_measure *m = array(c, *n, sizeof *m);
  jx_measure_locs *l = locs ? array(c, *n, sizeof *l) : NULL;
  size_t i = 0;
  for (const jx_node *it = items; it; it = it->next)
    if (it->kind == JX_N_MEASURE) {
      m[i].title = text(c, it->u.measure.title.text);
      m[i].text = text(c, it->u.measure.text.text);
      if (l) {
        l[i].stmt = it->loc;
        l[i].title = it->u.measure.title.loc;
        l[i].text = it->u.measure.text.loc;
      }
      i++;
    }
  if (locs)
    *locs = l;
  return m;
}

static const jx_indicator *indicators(const jx_lower_ctx *c,
                                      const jx_node *items, size_t *n,
                                      const jx_indicator_locs **locs) {
  *n = count(items, JX_N_INDICATOR);
  jx_indicator *ind = array(c, *n, sizeof *ind);
  jx_indicator_locs *l = locs ? array(c, *n, sizeof *l) : NULL;
  size_t i = 0;
  for (const jx_node *it = items; it; it = it->next)
    if (it->kind == JX_N_INDICATOR) {
      jx_lower_indicator(c, it, &ind[i], l ? &l[i] : NULL);
      i++;
    }
  if (locs)
    *locs = l;
  return ind;
}

const jx_project *jx_lower_project(const jx_lower_ctx *c, const jx_node *p,
                                   const jx_project_locs **locs) {
  jx_project *out = jx_arena_alloc(c->arena, sizeof *out);
  jx_project_locs *l = locs ? jx_arena_alloc(c->arena, sizeof *l) : NULL;
  const jx_node *items = p->u.block.items;
  const jx_node *code = NULL, *budget = NULL, *funds = NULL, *purpose = NULL;
  out->name = text(c, p->u.block.name.text);
  out->line = (int)jx_loc_line(p->loc);
  size_t n_sched = 0;
  /* The checker accepted the project, so each statement is there at most
   * once (`statement-duplicate`). */
  for (const jx_node *it = items; it; it = it->next) {
    switch (it->kind) {
    case JX_N_CODE:
      code = code ? code : it;
      break;
    case JX_N_BUDGET:
      budget = budget ? budget : it;
      break;
    case JX_N_FUNDS:
      funds = funds ? funds : it;
      break;
    case JX_N_PURPOSE:
      purpose = purpose ? purpose : it;
      break;
    case JX_N_SCHEDULE:
      for (const jx_schedule_entry *e = it->u.schedule.entries; e; e = e->next)
        n_sched++;
      if (l && !jx_loc_known(l->schedule))
        l->schedule = it->loc;
      break;
    default:
      break;
    }
  }
  if (code)
    out->code = text(c, code->u.text.text.text);
  if (budget)
    out->budget = budget->u.budget.plan_amount;
  if (funds) {
    out->fiscal = funds->u.funds.plan_fiscal;
    out->other = funds->u.funds.plan_other;
  }
  if (purpose)
    out->purpose = text(c, purpose->u.text.text.text);
  jx_schedule_point *sched = array(c, n_sched, sizeof *sched);
  jx_schedule_locs *sl = l ? array(c, n_sched, sizeof *sl) : NULL;
  size_t k = 0;
  for (const jx_node *it = items; it; it = it->next)
    if (it->kind == JX_N_SCHEDULE)
      for (const jx_schedule_entry *e = it->u.schedule.entries; e;
           e = e->next) {
        sched[k].month = e->resolved_month;
        if (e->percent_res.ok)
          sched[k].percent = e->percent_res.dec;
        if (sl) {
          sl[k].month = e->month.loc;
          sl[k].percent = e->percent.loc;
        }
        k++;
      }
  out->schedule = sched;
  out->n_schedule = n_sched;
  out->goals = goals(c, items, &out->n_goals, l ? &l->goals : NULL);
  out->indicators =
      indicators(c, items, &out->n_indicators, l ? &l->indicators : NULL);
  if (l) {
    l->decl = p->loc;
    l->name = p->u.block.name.loc;
    if (code)
      l->code = stmt_locs(code, code->u.text.text.loc);
    if (budget)
      l->budget = stmt_locs(budget, budget->u.budget.amount.loc);
    if (purpose)
      l->purpose = stmt_locs(purpose, purpose->u.text.text.loc);
    if (funds) {
      l->funds = funds->loc;
      l->fiscal = funds->u.funds.fiscal.loc;
      l->other = funds->u.funds.other.loc;
    }
    l->points = sl;
    *locs = l;
  }
  return out;
}

void jx_lower_unit_head(const jx_lower_ctx *c, const jx_node *unit,
                        jx_unit *out, jx_unit_locs *locs) {
  memset(out, 0, sizeof *out);
  out->code = text(c, unit->u.block.code.text);
  out->name = text(c, unit->u.block.name.text);
  if (locs) {
    memset(locs, 0, sizeof *locs);
    locs->decl = unit->loc;
    locs->code = unit->u.block.code.loc;
    locs->name = unit->u.block.name.loc;
  }
}

void jx_lower_unit(const jx_lower_ctx *c, const jx_node *unit, jx_unit *out,
                   jx_unit_locs *locs) {
  jx_lower_unit_head(c, unit, out, locs);
  out->goals =
      goals(c, unit->u.block.items, &out->n_goals, locs ? &locs->goals : NULL);
  out->measures = measures(c, unit->u.block.items, &out->n_measures,
                           locs ? &locs->measures : NULL);
}

const jx_department *jx_lower_department(const jx_lower_ctx *c,
                                         const jx_node *d,
                                         const jx_department_locs **locs) {
  jx_department *out = jx_arena_alloc(c->arena, sizeof *out);
  jx_department_locs *l = locs ? jx_arena_alloc(c->arena, sizeof *l) : NULL;
  const jx_node *items = d->u.block.items;
  out->name = text(c, d->u.block.name.text);
  out->goals = goals(c, items, &out->n_goals, l ? &l->goals : NULL);
  out->measures = measures(c, items, &out->n_measures, l ? &l->measures : NULL);
  out->indicators =
      indicators(c, items, &out->n_indicators, l ? &l->indicators : NULL);
  out->n_divisions = count(items, JX_N_DIVISION);
  jx_division *div = array(c, out->n_divisions, sizeof *div);
  jx_division_locs *dl = l ? array(c, out->n_divisions, sizeof *dl) : NULL;
  size_t i = 0;
  for (const jx_node *it = items; it; it = it->next)
    if (it->kind == JX_N_DIVISION) {
      div[i].name = text(c, it->u.block.name.text);
      div[i].goals = goals(c, it->u.block.items, &div[i].n_goals,
                           dl ? &dl[i].goals : NULL);
      div[i].indicators = indicators(c, it->u.block.items, &div[i].n_indicators,
                                     dl ? &dl[i].indicators : NULL);
      if (dl) {
        dl[i].decl = it->loc;
        dl[i].name = it->u.block.name.loc;
      }
      i++;
    }
  out->divisions = div;
  if (l) {
    l->decl = d->loc;
    l->name = d->u.block.name.loc;
    l->divisions = dl;
    *locs = l;
  }
  return out;
}
