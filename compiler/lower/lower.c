/*
 * lower.c — see lower.h.  Arrays are sized by a first walk over the
 * statement list, then filled in source order by a second; a locations
 * table, when asked for, is filled in the same walk, so its entries line
 * up with the model's.
 */
#include "lower.h"

#include <stddef.h>
#include <string.h>

#include "forms.h"
#include "framework.h"
#include "out.h" /* jx_copy_short */
#include "units.h"

/* A text of the tree as the model keeps it: the tree's own, or a copy in
 * the model's arena when the model is to outlive the tree. */
static const char *text(const jx_lower_ctx *c, const char *s) {
  return c->copy_texts && s ? jx_arena_strdup(c->arena, s) : s;
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

/* What lower_value writes: the fields of a jx_target, or of a
 * jx_indicator (the same fields, written in place: an indicator is
 * lowered for every one of a plan's rows). */
typedef struct value_out {
  jx_kind *kind;
  jx_decimal *value, *value_end;
  const char **unit, **per_unit;
  jx_dimension *dimension;
} value_out;

/* A target's value (an indicator's own, or its period's) into t: its
 * kind, number or date (a date range's start and end), unit and, for a
 * cost per unit, what it is per; every field written. */
static inline __attribute__((always_inline)) void
lower_value(const jx_lower_ctx *c, const jx_value *v, const jx_resolved *r,
            value_out t) {
  *t.value = *t.value_end = (jx_decimal){0};
  *t.unit = *t.per_unit = NULL;
  *t.dimension = JX_DIM_NONE;
  switch (v->kind) {
  case JX_VAL_NUMBER: {
    if (r->ok && r->date) { /* 9月前: a month of the plan's year */
      *t.kind = JX_KIND_DATE;
      *t.value = r->dec;
      break;
    }
    *t.kind = JX_KIND_QUANTITATIVE;
    if (!r->ok)
      break;
    *t.value = r->dec;
    const jx_unit_info *u = r->unit;
    if (u && u->dimension == JX_DIM_MONEY_PER) {
      /* The checker's reading is shared by every value spelt alike; the
       * model gets its own copy, released with it. */
      *t.unit = jx_arena_strdup(c->arena, u->norm);
      *t.per_unit = jx_arena_strdup(c->arena, u->base);
      *t.dimension = u->dimension;
    } else if (u) {
      *t.unit = u->norm;
      *t.dimension = u->dimension;
    } else if (v->unit) {
      *t.unit = text(c, v->unit);
      *t.dimension = JX_DIM_OTHER;
    }
    break;
  }
  case JX_VAL_DATE:
    *t.kind = JX_KIND_DATE;
    if (r->ok)
      *t.value = r->dec;
    break;
  case JX_VAL_DATE_RANGE:
    *t.kind = JX_KIND_DATE_RANGE;
    if (r->ok) {
      *t.value = r->dec;
      *t.value_end = r->end;
    }
    break;
  case JX_VAL_NA:
    *t.kind = JX_KIND_NA;
    break;
  case JX_VAL_NONE: /* a row the form prints empty */
    *t.kind = JX_KIND_EMPTY;
    break;
  default:
    *t.kind = JX_KIND_QUALITATIVE;
    break;
  }
}
#define VALUE_OUT(t)                                                           \
  (value_out) {                                                                \
    &(t)->kind, &(t)->value, &(t)->value_end, &(t)->unit, &(t)->per_unit,      \
        &(t)->dimension                                                        \
  }

/* "≥" and the value as written, "≥90%": what the forms print.  The
 * comparison's bytes are copied as one word of which its length is kept
 * (every symbol is at most 3 bytes). */
static inline __attribute__((always_inline)) const char *
with_op(const jx_lower_ctx *c, jx_op op, const char *written) {
  static const struct {
    char s[4];
    size_t n;
  } sym[] = {{"=", 1}, {"≥", 3}, {"≤", 3}, {">", 1}, {"<", 1}};
  size_t a = sym[op].n, b = strlen(written);
  char *t = jx_arena_alloc_raw(c->arena, a + b + 1 < 4 ? 4 : a + b + 1);
  memcpy(t, sym[op].s, 4);
  jx_copy_short(t + a, written, b); /* a value is a few bytes */
  t[a + b] = '\0';
  return t;
}

/* The period's target of an indicator, read as the indicator's own target
 * is below. */
static const jx_target *lower_period_target(const jx_lower_ctx *c,
                                            const jx_node *n) {
  if (!n->u.indicator.has_period)
    return NULL;
  jx_target *t = jx_arena_alloc(c->arena, sizeof *t);
  memset(t, 0, sizeof *t);
  const jx_value *v = &n->u.indicator.period_value;
  const jx_resolved *r = &n->u.indicator.period_res;
  jx_op op = n->u.indicator.period_op;
  t->op = op;
  lower_value(c, v, r, VALUE_OUT(t));
  const char *written = v->text ? v->text : "";
  if (n->u.indicator.period_op_written && op != JX_OP_EQ &&
      v->kind != JX_VAL_NA) {
    t->text = with_op(c, op, written);
  } else {
    t->text = text(c, written);
  }
  return t;
}

/* jx_lower_indicator writes every field, so *out is not zeroed first (an
 * indicator is lowered for every one of a plan's rows); per_unit is the
 * last field, as jixiao.h adds them. */
_Static_assert(sizeof(jx_indicator) ==
                   offsetof(jx_indicator, per_unit) + sizeof(const char *),
               "a field after per_unit: jx_lower_indicator must write it");

/* jx_lower_indicator, inline into the walks below (a plan's every row). */
static inline __attribute__((always_inline)) void
lower_indicator(const jx_lower_ctx *c, const jx_node *n, jx_indicator *out,
                jx_indicator_locs *locs) {
  const jx_level1 *l1 = n->u.indicator.l1;
  const jx_level2 *l2 = n->u.indicator.l2;
  if (l1 && l2) {
    out->level1 = l1->code;
    out->level1_label = l1->label;
    out->level1_role = l1->role;
    out->level2 = l2->code;
    out->level2_label = l2->label;
    out->level2_role = l2->role;
  } else {
    out->level1 = out->level1_label = out->level2 = out->level2_label = NULL;
    out->level1_role = out->level2_role = JX_ROLE_NONE;
  }
  out->name = text(c, n->u.indicator.name.text);
  out->description = text(c, n->u.indicator.desc.text);
  out->basis = text(c, n->u.indicator.basis.text);
  out->op = n->u.indicator.op;
  out->line = (int)jx_loc_line(n->loc);
  const jx_value *v = &n->u.indicator.value;
  const jx_resolved *r = &n->u.indicator.value_res;
  lower_value(c, v, r, VALUE_OUT(out));
  out->period_target =
      n->u.indicator.has_period ? lower_period_target(c, n) : NULL;
  out->standard = text(c, n->u.indicator.expl[JX_EXPL_STANDARD].text);
  out->explanation = text(c, n->u.indicator.expl[JX_EXPL_EXPLANATION].text);
  out->value_note = text(c, n->u.indicator.expl[JX_EXPL_NOTE].text);
  out->remark = text(c, n->u.indicator.expl[JX_EXPL_REMARK].text);
  out->scoring = text(c, n->u.indicator.expl[JX_EXPL_SCORING].text);
  if (locs) {
    locs->standard = n->u.indicator.expl[JX_EXPL_STANDARD].loc;
    locs->explanation = n->u.indicator.expl[JX_EXPL_EXPLANATION].loc;
    locs->value_note = n->u.indicator.expl[JX_EXPL_NOTE].loc;
    locs->remark = n->u.indicator.expl[JX_EXPL_REMARK].loc;
    locs->scoring = n->u.indicator.expl[JX_EXPL_SCORING].loc;
    if (n->u.indicator.has_period) {
      locs->period = n->u.indicator.period_loc;
      locs->period_value = n->u.indicator.period_value.loc;
    }
  }
  /* The value as written, with its comparison: "≥90%" reads as the table,
   * and so does "90%以上", whose comparison is in the value; an empty row
   * has none. */
  const char *written = v->text ? v->text : "";
  if (v->kind == JX_VAL_NONE) {
    out->text = NULL;
  } else if (n->u.indicator.op_written && n->u.indicator.op != JX_OP_EQ &&
             v->kind != JX_VAL_NA) {
    out->text = with_op(c, n->u.indicator.op, written);
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
  locs->value = v->kind != JX_VAL_NONE ? v->loc : (jx_loc){0, 0, 0, 0, 0};
  locs->unit = v->kind == JX_VAL_NUMBER && v->unit ? v->unit_loc
                                                   : (jx_loc){0, 0, 0, 0, 0};
  locs->desc = n->u.indicator.desc.loc;
  locs->basis = n->u.indicator.basis.loc;
}

void jx_lower_indicator(const jx_lower_ctx *c, const jx_node *n,
                        jx_indicator *out, jx_indicator_locs *locs) {
  lower_indicator(c, n, out, locs);
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

/* The same, not zeroed: for arrays whose every element is written whole
 * (a project has six, most of them empty or short).  An empty one is
 * this block, which nothing reads or writes (n is 0): no allocation. */
static _Alignas(max_align_t) unsigned char no_elements[1];
static inline void *array_raw(const jx_lower_ctx *c, size_t n, size_t sz) {
  return n ? jx_arena_alloc_raw(c->arena, n * sz) : no_elements;
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
  jx_indicator *ind = array_raw(c, *n, sizeof *ind); /* written whole */
  jx_indicator_locs *l = locs ? array(c, *n, sizeof *l) : NULL;
  size_t i = 0;
  for (const jx_node *it = items; it; it = it->next)
    if (it->kind == JX_N_INDICATOR) {
      lower_indicator(c, it, &ind[i], l ? &l[i] : NULL);
      i++;
    }
  if (locs)
    *locs = l;
  return ind;
}

/* An organisation as the checker read it: a name printed with its code is
 * taken apart (jx_chk_org stored where). */
static jx_org lower_org(const jx_lower_ctx *c, const jx_node *n) {
  jx_org o = {NULL, NULL};
  if (!n)
    return o;
  const char *name = n->u.org.name.text;
  if (n->u.org.split) {
    o.code =
        jx_arena_strndup(c->arena, name + n->u.org.code_at, n->u.org.code_len);
    o.name = text(c, name + n->u.org.name_at);
  } else {
    o.code = text(c, n->u.org.code.text);
    o.name = text(c, name);
  }
  return o;
}

static jx_stmt_locs org_locs(const jx_node *n) {
  jx_stmt_locs l = {{0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}};
  if (n) {
    l.stmt = n->loc;
    l.value = n->u.org.name.loc;
  }
  return l;
}

static const jx_line_item *lower_lines(const jx_lower_ctx *c, const jx_node *b,
                                       size_t *n, const jx_loc **locs) {
  *n = 0;
  if (b)
    for (const jx_line *x = b->u.breakdown.items; x; x = x->next)
      (*n)++;
  jx_line_item *v = array_raw(c, *n, sizeof *v);
  jx_loc *l = locs ? array(c, *n, sizeof *l) : NULL;
  size_t i = 0;
  if (b)
    for (const jx_line *x = b->u.breakdown.items; x; x = x->next, i++) {
      v[i].name = text(c, x->name.text);
      v[i].amount = x->plan_amount;
      if (l)
        l[i] = x->amount.loc;
    }
  if (locs)
    *locs = l;
  return v;
}

/* What one walk over a project's statements finds: the statements the
 * checker accepted at most one of, and how many there are of the kinds
 * that repeat, so that the second walk can fill arrays of the right size
 * (two walks in all, where every array used to count and fill on its
 * own). */
typedef struct project_stmts {
  const jx_node *code, *budget, *funds, *purpose;
  const jx_node *total, *period, *breakdown, *attr[JX_ATTR_COUNT];
  size_t n_attributes, n_sched, n_goals, n_indicators, n_overall;
  size_t n_attr_named; /* of attr[]: the attributes other than OTHER */
} project_stmts;

static void find_stmts(const jx_node *items, project_stmts *h,
                       jx_project_locs *l) {
  memset(h, 0, sizeof *h);
  for (const jx_node *it = items; it; it = it->next) {
    if (it->kind == JX_N_INDICATOR) { /* most statements: no switch */
      h->n_indicators++;
      continue;
    }
    switch (it->kind) {
    case JX_N_CODE:
      h->code = h->code ? h->code : it;
      break;
    case JX_N_BUDGET:
      h->budget = h->budget ? h->budget : it;
      break;
    case JX_N_FUNDS:
      h->funds = h->funds ? h->funds : it;
      break;
    case JX_N_PURPOSE:
      h->purpose = h->purpose ? h->purpose : it;
      break;
    case JX_N_SCHEDULE:
      for (const jx_schedule_entry *e = it->u.schedule.entries; e; e = e->next)
        h->n_sched++;
      if (l && !jx_loc_known(l->schedule))
        l->schedule = it->loc;
      break;
    case JX_N_GOAL:
      h->n_goals++;
      break;
    case JX_N_INDICATOR:
      h->n_indicators++;
      break;
    case JX_N_OVERALL:
      h->n_overall++;
      break;
    case JX_N_TOTAL:
      h->total = h->total ? h->total : it;
      break;
    case JX_N_PERIOD:
      h->period = h->period ? h->period : it;
      break;
    case JX_N_BREAKDOWN:
      h->breakdown = h->breakdown ? h->breakdown : it;
      break;
    case JX_N_ATTR:
      if (it->u.attr.key == JX_ATTR_OTHER)
        h->n_attributes++;
      else if (!h->attr[it->u.attr.key]) {
        h->attr[it->u.attr.key] = it;
        h->n_attr_named++;
      }
      break;
    default:
      break;
    }
  }
}

/* The attributes the forms' headers name (项目分类 … 联系人), with their
 * places.  Apart: most plans write none of them, and then neither these
 * tables nor their loop is wanted. */
static void lower_attr_fields(const jx_lower_ctx *c, const project_stmts *h,
                              jx_project *out, jx_project_locs *l) {
  const char **field[JX_ATTR_COUNT] = {
      [JX_ATTR_CLASS] = &out->classification,
      [JX_ATTR_NATURE] = &out->nature,
      [JX_ATTR_POLICY] = &out->policy,
      [JX_ATTR_DOCUMENT] = &out->document,
      [JX_ATTR_SUBJECT] = &out->subject,
  };
  jx_stmt_locs *field_locs[JX_ATTR_COUNT] = {NULL};
  if (l) {
    field_locs[JX_ATTR_CLASS] = &l->classification;
    field_locs[JX_ATTR_NATURE] = &l->nature;
    field_locs[JX_ATTR_POLICY] = &l->policy;
    field_locs[JX_ATTR_DOCUMENT] = &l->document;
    field_locs[JX_ATTR_SUBJECT] = &l->subject;
    field_locs[JX_ATTR_MANAGER] = &l->manager;
    field_locs[JX_ATTR_CONTACT] = &l->contact;
  }
  for (int k = 0; k < JX_ATTR_OTHER; k++) {
    const jx_node *a = h->attr[k];
    if (!a)
      continue;
    if (field[k])
      *field[k] = text(c, a->u.attr.value.text);
    if (field_locs[k])
      *field_locs[k] = stmt_locs(a, a->u.attr.value.loc);
  }
  if (h->attr[JX_ATTR_MANAGER]) {
    out->manager.name = text(c, h->attr[JX_ATTR_MANAGER]->u.attr.value.text);
    out->manager.phone = text(c, h->attr[JX_ATTR_MANAGER]->u.attr.extra.text);
  }
  if (h->attr[JX_ATTR_CONTACT]) {
    out->contact.name = text(c, h->attr[JX_ATTR_CONTACT]->u.attr.value.text);
    out->contact.phone = text(c, h->attr[JX_ATTR_CONTACT]->u.attr.extra.text);
  }
}

/* The fields of the forms' headers (issue 11), and the sources. */
static void lower_header_fields(const jx_lower_ctx *c, const project_stmts *h,
                                jx_project *out, jx_project_locs *l) {
  const jx_node *budget = h->budget, *funds = h->funds;
  /* A project whose form prints only the total has it as its budget. */
  if (h->total) {
    out->has_total = 1;
    out->total = h->total->u.budget.plan_amount;
    if (!budget)
      out->budget = out->total;
  } else {
    out->total = out->budget;
  }
  if (h->period) {
    const jx_value *v = &h->period->u.period.value;
    out->period = v->kind == JX_VAL_NA ? "不涉及" : text(c, v->text);
    out->period_start = h->period->u.period.start;
    out->period_end = h->period->u.period.end;
  }
  if (h->breakdown || l)
    out->breakdown =
        lower_lines(c, h->breakdown, &out->n_breakdown, l ? &l->lines : NULL);
  else /* most projects: none, and no call */
    out->breakdown = array_raw(c, 0, sizeof *out->breakdown);
  if (h->n_attr_named || l)
    lower_attr_fields(c, h, out, l);
  out->continuity = jx_continuity_of(out->nature);
  /* Every source as written; fiscal and other are their sums. */
  size_t ns = 0;
  if (funds)
    for (const jx_funds_part *x = funds->u.funds.parts; x; x = x->next)
      ns++;
  jx_source *src = array_raw(c, ns, sizeof *src);
  jx_stmt_locs *sl = l ? array(c, ns, sizeof *sl) : NULL;
  size_t i = 0;
  if (funds)
    for (const jx_funds_part *x = funds->u.funds.parts; x; x = x->next, i++) {
      src[i].kind = x->kind ? x->kind->code : NULL;
      src[i].label = x->kind ? x->kind->label : text(c, x->word.text);
      src[i].amount = x->plan_amount;
      src[i].fiscal = x->kind && x->kind->fiscal;
      if (sl) {
        sl[i].stmt = x->word.loc;
        sl[i].value = x->amount.loc;
      }
    }
  out->sources = src;
  out->n_sources = ns;
  if (l) {
    if (h->total)
      l->total = stmt_locs(h->total, h->total->u.budget.amount.loc);
    if (h->period)
      l->period = stmt_locs(h->period, h->period->u.period.value.loc);
    if (h->breakdown)
      l->breakdown = h->breakdown->loc;
    l->sources = sl;
  }
}

/* The arrays of a project's repeated statements, in one walk. */
static inline __attribute__((always_inline)) void
lower_lists(const jx_lower_ctx *c, const jx_node *items, const project_stmts *h,
            jx_project *out, jx_project_locs *l) {
  jx_schedule_point *sched = array_raw(c, h->n_sched, sizeof *sched);
  const char **g = array_raw(c, h->n_goals, sizeof *g);
  jx_indicator *ind = array_raw(c, h->n_indicators, sizeof *ind);
  const char **og = array_raw(c, h->n_overall, sizeof *og);
  jx_attribute *attrs = array_raw(c, h->n_attributes, sizeof *attrs);
  jx_schedule_locs *sl = NULL;
  jx_stmt_locs *gl = NULL, *ol = NULL, *al = NULL;
  jx_indicator_locs *il = NULL;
  if (l) {
    sl = array(c, h->n_sched, sizeof *sl);
    gl = array(c, h->n_goals, sizeof *gl);
    il = array(c, h->n_indicators, sizeof *il);
    ol = array(c, h->n_overall, sizeof *ol);
    al = array(c, h->n_attributes, sizeof *al);
  }
  size_t ks = 0, kg = 0, ki = 0, ko = 0, ka = 0;
  for (const jx_node *it = items; it; it = it->next) {
    switch (it->kind) {
    case JX_N_SCHEDULE:
      for (const jx_schedule_entry *e = it->u.schedule.entries; e;
           e = e->next, ks++) {
        sched[ks].month = e->resolved_month;
        sched[ks].percent =
            e->percent_res.ok ? e->percent_res.dec : (jx_decimal){0};
        if (sl) {
          sl[ks].month = e->month.loc;
          sl[ks].percent = e->percent.loc;
        }
      }
      break;
    case JX_N_GOAL:
      if (gl)
        gl[kg] = stmt_locs(it, it->u.text.text.loc);
      g[kg++] = text(c, it->u.text.text.text);
      break;
    case JX_N_INDICATOR:
      lower_indicator(c, it, &ind[ki], il ? &il[ki] : NULL);
      ki++;
      break;
    case JX_N_OVERALL:
      if (ol)
        ol[ko] = stmt_locs(it, it->u.text.text.loc);
      og[ko++] = text(c, it->u.text.text.text);
      break;
    case JX_N_ATTR:
      if (it->u.attr.key != JX_ATTR_OTHER)
        break;
      attrs[ka].key = text(c, it->u.attr.name.text);
      attrs[ka].value = text(c, it->u.attr.value.text);
      if (al)
        al[ka] = stmt_locs(it, it->u.attr.value.loc);
      ka++;
      break;
    default:
      break;
    }
  }
  out->schedule = sched;
  out->n_schedule = h->n_sched;
  out->goals = g;
  out->n_goals = h->n_goals;
  out->indicators = ind;
  out->n_indicators = h->n_indicators;
  out->overall_goals = og;
  out->n_overall_goals = h->n_overall;
  out->attributes = attrs;
  out->n_attributes = h->n_attributes;
  if (l) {
    l->points = sl;
    l->goals = gl;
    l->indicators = il;
    l->overall_goals = ol;
    l->attributes = al;
  }
}

const jx_project *jx_lower_project(const jx_lower_ctx *c, const jx_node *p,
                                   const jx_project_locs **locs) {
  jx_project *out = jx_arena_alloc(c->arena, sizeof *out);
  jx_project_locs *l = locs ? jx_arena_alloc(c->arena, sizeof *l) : NULL;
  const jx_node *items = p->u.block.items;
  out->name = text(c, p->u.block.name.text);
  out->line = (int)jx_loc_line(p->loc);
  /* The checker accepted the project, so each statement is there at most
   * once (`statement-duplicate`). */
  project_stmts h;
  find_stmts(items, &h, l);
  const jx_node *code = h.code, *budget = h.budget, *funds = h.funds,
                *purpose = h.purpose;
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
  if (l)
    lower_lists(c, items, &h, out, l);
  else /* the streaming build: the walk without the places' tests */
    lower_lists(c, items, &h, out, NULL);
  lower_header_fields(c, &h, out, l);
  /* The checker put the statements that apply on the project: its own,
   * or its unit's. */
  if (p->u.block.org[JX_ORG_SUPERVISOR])
    out->supervisor = lower_org(c, p->u.block.org[JX_ORG_SUPERVISOR]);
  if (p->u.block.org[JX_ORG_IMPLEMENTER])
    out->implementer = lower_org(c, p->u.block.org[JX_ORG_IMPLEMENTER]);
  if (l) {
    l->supervisor = org_locs(p->u.block.org[JX_ORG_SUPERVISOR]);
    l->implementer = org_locs(p->u.block.org[JX_ORG_IMPLEMENTER]);
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
    *locs = l;
  }
  return out;
}

void jx_lower_unit_head(const jx_lower_ctx *c, const jx_node *unit,
                        jx_unit *out, jx_unit_locs *locs) {
  memset(out, 0, sizeof *out);
  out->code = text(c, unit->u.block.code.text);
  out->name = text(c, unit->u.block.name.text);
  /* A unit written with no code (or code "") is known by its name. */
  if (out->code && !*out->code)
    out->code = NULL;
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
  /* Its supervisor and implementer are statements inside it, read with
   * its body (lower_org may allocate: the head must not). */
  out->supervisor = lower_org(c, unit->u.block.org[JX_ORG_SUPERVISOR]);
  out->implementer = lower_org(c, unit->u.block.org[JX_ORG_IMPLEMENTER]);
  if (locs) {
    locs->supervisor = org_locs(unit->u.block.org[JX_ORG_SUPERVISOR]);
    locs->implementer = org_locs(unit->u.block.org[JX_ORG_IMPLEMENTER]);
  }
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
  const jx_node *code = NULL, *budget = NULL, *breakdown = NULL;
  for (const jx_node *it = items; it; it = it->next) {
    if (it->kind == JX_N_CODE && !code)
      code = it;
    else if (it->kind == JX_N_BUDGET && !budget)
      budget = it;
    else if (it->kind == JX_N_BREAKDOWN && !breakdown)
      breakdown = it;
  }
  if (code)
    out->code = text(c, code->u.text.text.text);
  if (budget) {
    out->has_budget = 1;
    out->budget = budget->u.budget.plan_amount;
  }
  out->breakdown =
      lower_lines(c, breakdown, &out->n_breakdown, l ? &l->lines : NULL);
  if (l) {
    l->decl = d->loc;
    l->name = d->u.block.name.loc;
    l->divisions = dl;
    if (code)
      l->code = stmt_locs(code, code->u.text.text.loc);
    if (budget)
      l->budget = stmt_locs(budget, budget->u.budget.amount.loc);
    if (breakdown)
      l->breakdown = breakdown->loc;
    *locs = l;
  }
  return out;
}
