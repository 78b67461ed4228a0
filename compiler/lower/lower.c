/*
 * lower.c — see lower.h.  Arrays are sized by a first walk over the
 * statement list, then filled in source order by a second.
 */
#include "lower.h"

#include <string.h>

jx_decimal_status jx_value_decimal(const jx_value *v, jx_decimal *out) {
  out->micros = 0;
  if (v->kind != JX_VAL_NUMBER || !v->number)
    return JX_DEC_SYNTAX;
  return jx_decimal_parse(v->number, strlen(v->number), out);
}

const jx_unit_info *jx_value_unit(const jx_value *v) {
  if (v->kind != JX_VAL_NUMBER || !v->unit)
    return NULL;
  return jx_unit_lookup(v->unit, strlen(v->unit));
}

jx_decimal_status jx_value_amount(const jx_value *v,
                                  const jx_unit_info *currency,
                                  jx_decimal *out) {
  jx_decimal d;
  jx_decimal_status st = jx_value_decimal(v, &d);
  if (st != JX_DEC_OK)
    return st;
  if (!v->unit) {
    *out = d;
    return JX_DEC_OK;
  }
  const jx_unit_info *u = jx_value_unit(v);
  if (!u || u->dimension != JX_DIM_MONEY || !currency)
    return JX_DEC_INEXACT;
  return jx_unit_convert(d, u, currency, out);
}

int jx_schedule_month(const jx_schedule_entry *e) {
  if (e->month_no)
    return e->month_no;
  const jx_value *m = &e->month;
  if (m->kind != JX_VAL_NUMBER || !m->unit ||
      (strcmp(m->unit, "月") != 0 && strcmp(m->unit, "月底") != 0))
    return 0;
  jx_decimal d;
  if (jx_value_decimal(m, &d) != JX_DEC_OK || !jx_decimal_is_integer(d))
    return 0;
  int64_t n = d.micros / JX_DECIMAL_SCALE;
  return n >= 1 && n <= 12 ? (int)n : 0;
}

static const char *text_or_null(const jx_text *t) {
  return t->text;
}

void jx_lower_indicator(const jx_lower_ctx *c, const jx_node *n,
                        jx_indicator *out) {
  memset(out, 0, sizeof *out);
  const jx_level1 *l1 = NULL;
  const jx_level2 *l2 = NULL;
  if (n->u.indicator.level2.text && c->framework &&
      jx_framework_resolve(c->framework, n->u.indicator.level1.text,
                           n->u.indicator.level2.text, &l1, &l2)) {
    out->level1 = l1->code;
    out->level1_label = l1->label;
    out->level2 = l2->code;
    out->level2_label = l2->label;
  }
  out->name = n->u.indicator.name.text;
  out->description = text_or_null(&n->u.indicator.desc);
  out->basis = text_or_null(&n->u.indicator.basis);
  out->op = n->u.indicator.op;
  out->line = (int)n->loc.line;
  const jx_value *v = &n->u.indicator.value;
  switch (v->kind) {
  case JX_VAL_NUMBER: {
    out->kind = JX_KIND_QUANTITATIVE;
    jx_value_decimal(v, &out->value);
    const jx_unit_info *u = jx_value_unit(v);
    if (u) {
      out->unit = u->norm;
      out->dimension = u->dimension;
    } else if (v->unit) {
      out->unit = v->unit;
      out->dimension = JX_DIM_OTHER;
    }
    break;
  }
  case JX_VAL_DATE:
    out->kind = JX_KIND_DATE;
    out->value.micros =
        ((int64_t)v->year * 10000 + v->month * 100 + v->day) * JX_DECIMAL_SCALE;
    break;
  case JX_VAL_NA:
    out->kind = JX_KIND_NA;
    break;
  default:
    out->kind = JX_KIND_QUALITATIVE;
    break;
  }
  /* The value as written, with its comparison: "≥90%" reads as the table. */
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
    out->text = written;
  }
}

static size_t count(const jx_node *n, jx_node_kind kind) {
  size_t k = 0;
  for (; n; n = n->next)
    k += n->kind == kind;
  return k;
}

static const char *const *goals(const jx_lower_ctx *c, const jx_node *items,
                                size_t *n) {
  *n = count(items, JX_N_GOAL);
  const char **g = jx_arena_alloc(c->arena, (*n ? *n : 1) * sizeof *g);
  size_t i = 0;
  for (const jx_node *it = items; it; it = it->next)
    if (it->kind == JX_N_GOAL)
      g[i++] = it->u.text.text.text;
  return g;
}

static const jx_measure *measures(const jx_lower_ctx *c, const jx_node *items,
                                  size_t *n) {
  *n = count(items, JX_N_MEASURE);
  jx_measure *m = jx_arena_alloc(c->arena, (*n ? *n : 1) * sizeof *m);
  size_t i = 0;
  for (const jx_node *it = items; it; it = it->next)
    if (it->kind == JX_N_MEASURE) {
      m[i].title = it->u.measure.title.text;
      m[i].text = it->u.measure.text.text;
      i++;
    }
  return m;
}

static const jx_indicator *indicators(const jx_lower_ctx *c,
                                      const jx_node *items, size_t *n) {
  *n = count(items, JX_N_INDICATOR);
  jx_indicator *ind = jx_arena_alloc(c->arena, (*n ? *n : 1) * sizeof *ind);
  size_t i = 0;
  for (const jx_node *it = items; it; it = it->next)
    if (it->kind == JX_N_INDICATOR)
      jx_lower_indicator(c, it, &ind[i++]);
  return ind;
}

const jx_project *jx_lower_project(const jx_lower_ctx *c, const jx_node *p) {
  jx_project *out = jx_arena_alloc(c->arena, sizeof *out);
  const jx_node *items = p->u.block.items;
  out->name = p->u.block.name.text;
  out->line = (int)p->loc.line;
  size_t n_sched = 0;
  for (const jx_node *it = items; it; it = it->next) {
    switch (it->kind) {
    case JX_N_CODE:
      if (!out->code)
        out->code = it->u.text.text.text;
      break;
    case JX_N_BUDGET:
      jx_value_amount(&it->u.budget.amount, c->currency, &out->budget);
      break;
    case JX_N_FUNDS:
      if (it->u.funds.fiscal.kind == JX_VAL_NUMBER)
        jx_value_amount(&it->u.funds.fiscal, c->currency, &out->fiscal);
      if (it->u.funds.other.kind == JX_VAL_NUMBER)
        jx_value_amount(&it->u.funds.other, c->currency, &out->other);
      break;
    case JX_N_PURPOSE:
      if (!out->purpose)
        out->purpose = it->u.text.text.text;
      break;
    case JX_N_SCHEDULE:
      for (const jx_schedule_entry *e = it->u.schedule.entries; e; e = e->next)
        n_sched++;
      break;
    default:
      break;
    }
  }
  jx_schedule_point *sched =
      jx_arena_alloc(c->arena, (n_sched ? n_sched : 1) * sizeof *sched);
  size_t k = 0;
  for (const jx_node *it = items; it; it = it->next)
    if (it->kind == JX_N_SCHEDULE)
      for (const jx_schedule_entry *e = it->u.schedule.entries; e;
           e = e->next) {
        sched[k].month = jx_schedule_month(e);
        jx_value_decimal(&e->percent, &sched[k].percent);
        k++;
      }
  out->schedule = sched;
  out->n_schedule = n_sched;
  out->goals = goals(c, items, &out->n_goals);
  out->indicators = indicators(c, items, &out->n_indicators);
  return out;
}

void jx_lower_unit(const jx_lower_ctx *c, const jx_node *unit, jx_unit *out) {
  memset(out, 0, sizeof *out);
  out->code = unit->u.block.code.text;
  out->name = unit->u.block.name.text;
  out->goals = goals(c, unit->u.block.items, &out->n_goals);
  out->measures = measures(c, unit->u.block.items, &out->n_measures);
}

const jx_department *jx_lower_department(const jx_lower_ctx *c,
                                         const jx_node *d) {
  jx_department *out = jx_arena_alloc(c->arena, sizeof *out);
  const jx_node *items = d->u.block.items;
  out->name = d->u.block.name.text;
  out->goals = goals(c, items, &out->n_goals);
  out->measures = measures(c, items, &out->n_measures);
  out->indicators = indicators(c, items, &out->n_indicators);
  out->n_divisions = count(items, JX_N_DIVISION);
  jx_division *div = jx_arena_alloc(
      c->arena, (out->n_divisions ? out->n_divisions : 1) * sizeof *div);
  size_t i = 0;
  for (const jx_node *it = items; it; it = it->next)
    if (it->kind == JX_N_DIVISION) {
      div[i].name = it->u.block.name.text;
      div[i].goals = goals(c, it->u.block.items, &div[i].n_goals);
      div[i].indicators =
          indicators(c, it->u.block.items, &div[i].n_indicators);
      i++;
    }
  out->divisions = div;
  return out;
}
