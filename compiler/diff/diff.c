/*
 * diff.c — matching two plans and recording what changed (see diff.h).
 *
 * Every match goes through a jx_diff_map, so the work is linear in the
 * number of units, projects and indicators; only texts that changed are
 * compared character by character (jx_inline_diff, with a size cap).
 * Items are appended in reading order: plan, department, then each unit of
 * the new side in order (its own changes, its projects in order, then the
 * projects it lost), then the units that are gone.
 */
#include "diff.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct ctx {
  jx_diff *df;
  const jx_diff_side *a, *b; /* old, new */
  const jx_diag *d;
  const jx_unit_info *cur; /* the currency amounts are reported in */
  /* The scope new items are recorded under. */
  const char *section, *project, *sub;
  jx_diff_loc project_old, project_new;
} ctx;

static char *fmt(ctx *c, const char *f, ...)
    __attribute__((format(printf, 2, 3)));
static char *fmt(ctx *c, const char *f, ...) {
  va_list ap;
  va_start(ap, f);
  int n = vsnprintf(NULL, 0, f, ap);
  va_end(ap);
  char *s = jx_arena_alloc(&c->df->arena, (size_t)n + 1);
  va_start(ap, f);
  vsnprintf(s, (size_t)n + 1, f, ap);
  va_end(ap);
  return s;
}

/* A label from the catalog (messages.def), in the language of the run's
 * messages, in the diff's arena. */
static char *label(ctx *c, jx_msg id, ...) {
  jx_strbuf sb = {0};
  va_list ap;
  va_start(ap, id);
  jx_msg_vprintf(&sb, jx_diag_lang(c->d), id, ap);
  va_end(ap);
  char *s = jx_arena_strndup(&c->df->arena, sb.p ? sb.p : "", sb.n);
  jx_sb_free(&sb);
  return s;
}

static const char *word(const ctx *c, jx_msg id) {
  return jx_msg_text(id, jx_diag_lang(c->d));
}

/* A place from the locations table, as the report shows it; nowhere when
 * the thing was not written (the zero jx_loc). */
static jx_diff_loc loc_of(const ctx *c, jx_loc l) {
  jx_diff_loc d = {NULL, 0};
  if (jx_loc_known(l)) {
    d.path = jx_diag_source_path(c->d, l.file);
    d.line = (int)jx_loc_line(l);
  }
  return d;
}

/* A statement's place, or the block's when the statement is absent. */
static jx_diff_loc stmt_loc(const ctx *c, jx_loc stmt, jx_loc block) {
  return loc_of(c, jx_loc_known(stmt) ? stmt : block);
}

static const jx_loc no_loc;

static jx_diff_item *add(ctx *c, jx_diff_what w, jx_diff_op op, jx_diff_loc lo,
                         jx_diff_loc ln, const char *o, const char *n) {
  jx_diff *df = c->df;
  if (df->n_items == df->cap_items) {
    df->cap_items = df->cap_items ? df->cap_items * 2 : 64;
    df->items = jx_xrealloc(df->items, df->cap_items * sizeof *df->items);
  }
  jx_diff_item *it = &df->items[df->n_items++];
  memset(it, 0, sizeof *it);
  it->what = w;
  it->op = op;
  it->unit = c->section;
  it->project = c->project;
  it->sub = c->sub;
  it->project_old = c->project_old;
  it->project_new = c->project_new;
  it->old_loc = lo;
  it->new_loc = ln;
  it->old_text = op == JX_DIFF_ADDED ? NULL : o;
  it->new_text = op == JX_DIFF_REMOVED ? NULL : n;
  df->summary.count[w][op]++;
  return it;
}

static bool same_str(const char *x, const char *y) {
  return (!x && !y) || (x && y && strcmp(x, y) == 0);
}

/* A text that may have changed: both present → an inline diff. */
static void text_change(ctx *c, jx_diff_what w, const char *o, const char *n,
                        jx_diff_loc lo, jx_diff_loc ln) {
  if (same_str(o, n))
    return;
  jx_diff_item *it = add(c, w, JX_DIFF_CHANGED, lo, ln, o, n);
  it->inline_diff = o && n;
}

/* ---- Percentages --------------------------------------------------------- */

__extension__ typedef __int128 i128;

bool jx_diff_percent(jx_decimal delta, jx_decimal base, int64_t *cents) {
  if (base.micros == 0)
    return false;
  /* delta / base × 100 %, in hundredths: delta × 10000 / base.  The
   * product needs more than 64 bits for large budgets. */
  i128 num = (i128)delta.micros * 10000;
  i128 den = base.micros;
  i128 q = num / den, r = num % den;
  if (r < 0)
    r = -r;
  if (den < 0)
    den = -den;
  if (2 * r >= den) /* half away from zero */
    q += ((num < 0) != (base.micros < 0)) ? -1 : 1;
  *cents = (int64_t)q;
  return true;
}

/* ---- Amounts ------------------------------------------------------------- */

static bool to_cur(const ctx *c, jx_decimal v, const jx_unit_info *from,
                   jx_decimal *out) {
  if (!from || from == c->cur || strcmp(from->norm, c->cur->norm) == 0) {
    *out = v;
    return true;
  }
  return jx_unit_convert(v, from, c->cur, out) == JX_DEC_OK;
}

static char *amount_text(ctx *c, jx_decimal v, const jx_unit_info *u) {
  char buf[JX_DECIMAL_BUFSZ];
  jx_decimal_format(v, buf);
  return fmt(c, "%s%s", buf, u ? u->norm : "");
}

static void amount_change(ctx *c, jx_diff_what w, jx_decimal o,
                          const jx_unit_info *uo, jx_decimal n,
                          const jx_unit_info *un, jx_diff_loc lo,
                          jx_diff_loc ln) {
  jx_decimal co, cn, delta;
  if (to_cur(c, o, uo, &co) && to_cur(c, n, un, &cn)) {
    if (jx_decimal_cmp(co, cn) == 0)
      return;
    jx_diff_item *it =
        add(c, w, JX_DIFF_CHANGED, lo, ln, amount_text(c, co, c->cur),
            amount_text(c, cn, c->cur));
    if (jx_decimal_sub(cn, co, &delta) == JX_DEC_OK) {
      it->has_amount = true;
      it->old_amount = co;
      it->new_amount = cn;
      it->delta = delta;
      it->currency = c->cur->norm;
      it->has_percent = jx_diff_percent(delta, co, &it->percent_cents);
    }
    return;
  }
  int cmp;
  if (jx_unit_compare(o, uo, n, un, &cmp) == 0 && cmp == 0)
    return;
  add(c, w, JX_DIFF_CHANGED, lo, ln, amount_text(c, o, uo),
      amount_text(c, n, un));
}

/* ---- Goals: multiset match, then pairs of similar leftovers -------------- */

/* la, lb: the goals' locations (NULL: not known). */
static jx_loc goal_loc(const jx_stmt_locs *l, size_t i) {
  return l ? l[i].stmt : no_loc;
}

static void goals_change(ctx *c, jx_diff_what w, const char *const *ga,
                         size_t na, const jx_stmt_locs *la,
                         const char *const *gb, size_t nb,
                         const jx_stmt_locs *lb) {
  bool *used_b = jx_xcalloc(nb + 1, 1);
  size_t *left_a = jx_xcalloc(na + 1, sizeof *left_a);
  size_t *left_b = jx_xcalloc(nb + 1, sizeof *left_b);
  size_t nla = 0, nlb = 0;
  jx_diff_map *m = jx_diff_map_new(nb);
  for (size_t j = 0; j < nb; j++)
    jx_diff_map_add(m, gb[j], j);
  for (size_t i = 0; i < na; i++) {
    size_t j = jx_diff_map_take(m, ga[i], NULL, NULL);
    if (j == SIZE_MAX)
      left_a[nla++] = i;
    else
      used_b[j] = true;
  }
  for (size_t j = 0; j < nb; j++)
    if (!used_b[j])
      left_b[nlb++] = j;
  size_t k = 0;
  for (; k < nla && k < nlb; k++) {
    size_t i = left_a[k], j = left_b[k];
    jx_diff_loc lo = loc_of(c, goal_loc(la, i));
    jx_diff_loc ln = loc_of(c, goal_loc(lb, j));
    jx_seg *segs = NULL;
    int similar = 0;
    jx_inline_diff(ga[i], gb[j], &segs, &similar);
    free(segs);
    if (similar >= 500) {
      text_change(c, w, ga[i], gb[j], lo, ln);
    } else {
      add(c, w, JX_DIFF_REMOVED, lo, ln, ga[i], NULL);
      add(c, w, JX_DIFF_ADDED, lo, ln, NULL, gb[j]);
    }
  }
  for (size_t r = k; r < nla; r++)
    add(c, w, JX_DIFF_REMOVED, loc_of(c, goal_loc(la, left_a[r])),
        (jx_diff_loc){NULL, 0}, ga[left_a[r]], NULL);
  for (size_t r = k; r < nlb; r++)
    add(c, w, JX_DIFF_ADDED, (jx_diff_loc){NULL, 0},
        loc_of(c, goal_loc(lb, left_b[r])), NULL, gb[left_b[r]]);
  jx_diff_map_free(m);
  free(used_b);
  free(left_a);
  free(left_b);
}

/* Measures: by title; a changed text is an inline diff. */
static jx_loc measure_loc(const jx_measure_locs *l, size_t i) {
  return l ? l[i].stmt : no_loc;
}

static void measures_change(ctx *c, const jx_measure *ma, size_t na,
                            const jx_measure_locs *la, const jx_measure *mb,
                            size_t nb, const jx_measure_locs *lb) {
  size_t *match = jx_xcalloc(nb + 1, sizeof *match);
  for (size_t j = 0; j < nb; j++)
    match[j] = SIZE_MAX;
  jx_diff_map *m = jx_diff_map_new(nb);
  for (size_t j = 0; j < nb; j++)
    jx_diff_map_add(m, mb[j].title ? mb[j].title : "", j);
  const char *saved = c->sub;
  for (size_t i = 0; i < na; i++) {
    jx_diff_loc lo = loc_of(c, measure_loc(la, i));
    size_t j = jx_diff_map_take(m, ma[i].title ? ma[i].title : "", NULL, NULL);
    if (j == SIZE_MAX) {
      add(c, JX_DW_MEASURE, JX_DIFF_REMOVED, lo, (jx_diff_loc){NULL, 0},
          ma[i].title, NULL);
      continue;
    }
    match[j] = i;
    c->sub = label(c, JX_M_DIFF_MEASURE, mb[j].title ? mb[j].title : "");
    text_change(c, JX_DW_MEASURE, ma[i].text, mb[j].text, lo,
                loc_of(c, measure_loc(lb, j)));
    c->sub = saved;
  }
  for (size_t j = 0; j < nb; j++)
    if (match[j] == SIZE_MAX)
      add(c, JX_DW_MEASURE, JX_DIFF_ADDED, (jx_diff_loc){NULL, 0},
          loc_of(c, measure_loc(lb, j)), NULL, mb[j].title);
  jx_diff_map_free(m);
  free(match);
}

/* ---- Indicators ---------------------------------------------------------- */

static const char *ind_key(ctx *c, const jx_indicator *x) {
  return fmt(c, "%s\x1f%s\x1f%s", x->level1 ? x->level1 : "",
             x->level2 ? x->level2 : "", x->name ? x->name : "");
}

static const char *ind_label(ctx *c, const jx_indicator *x) {
  if (x->level1_label)
    return fmt(c, "%s.%s %s", x->level1_label,
               x->level2_label ? x->level2_label : "", x->name);
  return x->name;
}

static const char *ind_value(const jx_indicator *x) {
  if (x->kind == JX_KIND_NA)
    return "不涉及";
  return x->text ? x->text : "";
}

/* Whether a smaller value is the stricter target (docs/diff.md).  The
 * framework says which categories are costs and deadlines, by role: a
 * declared framework may call them anything. */
static bool lower_is_better(const jx_indicator *x) {
  if (x->level1_role == JX_ROLE_COST || x->level2_role == JX_ROLE_COST)
    return true;
  if (x->dimension == JX_DIM_MONEY || x->dimension == JX_DIM_MONEY_PER ||
      x->kind == JX_KIND_DATE)
    return true;
  return x->level2_role == JX_ROLE_TIMELINESS && x->dimension == JX_DIM_TIME;
}

/* +1 a lower bound (≥ >), -1 an upper bound (≤ <); = reads as the bound in
 * the better direction. */
static int bound_dir(jx_op op, bool lower_better) {
  switch (op) {
  case JX_OP_GE:
  case JX_OP_GT:
    return 1;
  case JX_OP_LE:
  case JX_OP_LT:
    return -1;
  default:
    return lower_better ? -1 : 1;
  }
}

static bool strict(jx_op op) {
  return op == JX_OP_GT || op == JX_OP_LT;
}

/* cmp: the new value against the old (-1, 0, 1). */
static jx_diff_verdict classify(const jx_indicator *o, const jx_indicator *n,
                                int cmp) {
  bool lb = lower_is_better(n);
  int da = bound_dir(o->op, lb), db = bound_dir(n->op, lb);
  if (da != db)
    return JX_VERDICT_CHANGED;
  if (cmp == 0) {
    if (strict(o->op) == strict(n->op))
      return JX_VERDICT_CHANGED; /* = and ≥ read the same: wording only */
    return strict(n->op) ? JX_VERDICT_TIGHTENED : JX_VERDICT_LOOSENED;
  }
  return cmp * da > 0 ? JX_VERDICT_TIGHTENED : JX_VERDICT_LOOSENED;
}

/* The unit a model's `unit` names: a table entry, or a cost per unit
 * read into *buf (元/亩, which converts to 万元/亩 and 元/平方米). */
static const jx_unit_info *model_unit(const char *s, jx_unit_info *buf,
                                      char norm[JX_UNIT_COMPOUND_MAX]) {
  if (!s)
    return NULL;
  const jx_unit_info *u = jx_unit_lookup(s, strlen(s));
  if (!u && jx_unit_compound(s, strlen(s), buf, norm))
    u = buf;
  return u;
}

/* Returns true and sets *cmp when the two quantities are comparable. */
static bool compare_quantities(const jx_indicator *o, const jx_indicator *n,
                               int *cmp) {
  jx_unit_info bo, bn;
  char no[JX_UNIT_COMPOUND_MAX], nn[JX_UNIT_COMPOUND_MAX];
  const jx_unit_info *uo = model_unit(o->unit, &bo, no);
  const jx_unit_info *un = model_unit(n->unit, &bn, nn);
  if ((o->unit && !uo) || (n->unit && !un)) {
    /* A unit the table does not know compares only with itself. */
    if (!same_str(o->unit, n->unit))
      return false;
    *cmp = jx_decimal_cmp(n->value, o->value);
    return true;
  }
  return jx_unit_compare(n->value, un, o->value, uo, cmp) == 0;
}

/* Two deadlines are compared by the day each one ends (or starts) on, as
 * the runtime reads them (jx_date_bound), not by how they are written:
 * ≤ 2021年12月 and ≤ 2021年12月31日, or = and ≤ the same day, are the same
 * target and no change.  A date the runtime cannot read (the checker lets
 * none through) falls back to the written value. */
static jx_diff_verdict date_change(const jx_indicator *o,
                                   const jx_indicator *n) {
  jx_decimal bo, bn;
  int dir_o = jx_date_bound(o->op, o->value, &bo);
  int dir_n = jx_date_bound(n->op, n->value, &bn);
  if (dir_o == 0 || dir_n == 0) {
    int cmp = jx_decimal_cmp(n->value, o->value);
    return cmp || o->op != n->op ? classify(o, n, cmp) : JX_VERDICT_NONE;
  }
  if (dir_o != dir_n)
    return JX_VERDICT_CHANGED; /* a deadline became a start date */
  int cmp = jx_decimal_cmp(bn, bo);
  if (cmp == 0)
    return JX_VERDICT_NONE;
  /* An earlier deadline, or a later start, asks more. */
  return cmp * dir_o > 0 ? JX_VERDICT_TIGHTENED : JX_VERDICT_LOOSENED;
}

/* Two periods are the same when they run from the same first day to the
 * same last day (2023.07-2024.01 and 2023年7月-2024年1月); any other
 * difference is a change, neither stricter nor looser. */
static jx_diff_verdict range_change(const jx_indicator *o,
                                    const jx_indicator *n) {
  jx_decimal a1, a2, b1, b2;
  bool ok = jx_date_bound(JX_OP_GE, o->value, &a1) &&
            jx_date_bound(JX_OP_LE, o->value_end, &a2) &&
            jx_date_bound(JX_OP_GE, n->value, &b1) &&
            jx_date_bound(JX_OP_LE, n->value_end, &b2);
  if (!ok)
    return jx_decimal_cmp(o->value, n->value) ||
                   jx_decimal_cmp(o->value_end, n->value_end)
               ? JX_VERDICT_CHANGED
               : JX_VERDICT_NONE;
  return jx_decimal_cmp(a1, b1) || jx_decimal_cmp(a2, b2) ? JX_VERDICT_CHANGED
                                                          : JX_VERDICT_NONE;
}

static void indicator_change(ctx *c, const jx_indicator *o,
                             const jx_indicator *n, jx_loc where_o,
                             jx_loc where_n) {
  jx_diff_loc lo = loc_of(c, where_o), ln = loc_of(c, where_n);
  const char *saved = c->sub;
  c->sub = saved ? label(c, JX_M_DIFF_IN_INDICATOR, saved, ind_label(c, n))
                 : label(c, JX_M_DIFF_INDICATOR, ind_label(c, n));
  jx_diff_verdict v = JX_VERDICT_NONE;
  bool changed = false;
  if (o->kind != n->kind) {
    changed = true;
    v = JX_VERDICT_CHANGED;
  } else if (o->kind == JX_KIND_QUALITATIVE) {
    if (o->op != n->op || !same_str(o->text, n->text)) {
      jx_diff_item *it = add(c, JX_DW_IND_VALUE, JX_DIFF_CHANGED, lo, ln,
                             ind_value(o), ind_value(n));
      it->inline_diff = true;
      it->verdict = JX_VERDICT_CHANGED;
    }
  } else if (o->kind == JX_KIND_DATE) {
    v = date_change(o, n);
    changed = v != JX_VERDICT_NONE;
  } else if (o->kind == JX_KIND_DATE_RANGE) {
    v = range_change(o, n);
    changed = v != JX_VERDICT_NONE;
  } else if (o->kind != JX_KIND_NA) {
    int cmp = 0;
    if (!compare_quantities(o, n, &cmp)) {
      changed = true;
      v = JX_VERDICT_CHANGED;
    }
    if (!changed && (cmp != 0 || o->op != n->op)) {
      changed = true;
      v = classify(o, n, cmp);
    }
  }
  if (changed) {
    jx_diff_item *it = add(c, JX_DW_IND_VALUE, JX_DIFF_CHANGED, lo, ln,
                           ind_value(o), ind_value(n));
    it->verdict = v;
    if (v == JX_VERDICT_TIGHTENED)
      c->df->summary.tightened++;
    else if (v == JX_VERDICT_LOOSENED)
      c->df->summary.loosened++;
  }
  text_change(c, JX_DW_IND_DESC, o->description, n->description, lo, ln);
  text_change(c, JX_DW_IND_BASIS, o->basis, n->basis, lo, ln);
  c->sub = saved;
}

static jx_loc indicator_loc(const jx_indicator_locs *l, size_t i) {
  return l ? l[i].decl : no_loc;
}

static void indicators_change(ctx *c, const jx_indicator *va, size_t na,
                              const jx_indicator_locs *la,
                              const jx_indicator *vb, size_t nb,
                              const jx_indicator_locs *lb) {
  size_t *match = jx_xcalloc(nb + 1, sizeof *match);
  bool *used = jx_xcalloc(na + 1, 1);
  for (size_t j = 0; j < nb; j++)
    match[j] = SIZE_MAX;
  jx_diff_map *m = jx_diff_map_new(nb);
  for (size_t j = 0; j < nb; j++)
    jx_diff_map_add(m, ind_key(c, &vb[j]), j);
  for (size_t i = 0; i < na; i++) {
    size_t j = jx_diff_map_take(m, ind_key(c, &va[i]), NULL, NULL);
    if (j != SIZE_MAX) {
      match[j] = i;
      used[i] = true;
    }
  }
  for (size_t j = 0; j < nb; j++) {
    if (match[j] != SIZE_MAX) {
      indicator_change(c, &va[match[j]], &vb[j], indicator_loc(la, match[j]),
                       indicator_loc(lb, j));
      continue;
    }
    jx_diff_loc ln = loc_of(c, indicator_loc(lb, j));
    add(c, JX_DW_INDICATOR, JX_DIFF_ADDED, (jx_diff_loc){NULL, 0}, ln, NULL,
        fmt(c, "%s: %s", ind_label(c, &vb[j]), ind_value(&vb[j])));
  }
  for (size_t i = 0; i < na; i++)
    if (!used[i]) {
      jx_diff_loc lo = loc_of(c, indicator_loc(la, i));
      add(c, JX_DW_INDICATOR, JX_DIFF_REMOVED, lo, (jx_diff_loc){NULL, 0},
          fmt(c, "%s: %s", ind_label(c, &va[i]), ind_value(&va[i])), NULL);
    }
  jx_diff_map_free(m);
  free(match);
  free(used);
}

/* ---- Projects ------------------------------------------------------------ */

static void schedule_change(ctx *c, const jx_diff_project *pa,
                            const jx_diff_project *pb) {
  const jx_schedule_point *sa = pa->p->schedule, *sb = pb->p->schedule;
  const jx_decimal *ma[13] = {0}, *mb[13] = {0};
  for (size_t i = 0; i < pa->p->n_schedule; i++)
    if (sa[i].month >= 1 && sa[i].month <= 12)
      ma[sa[i].month] = &sa[i].percent;
  for (size_t i = 0; i < pb->p->n_schedule; i++)
    if (sb[i].month >= 1 && sb[i].month <= 12)
      mb[sb[i].month] = &sb[i].percent;
  jx_diff_loc lo = stmt_loc(c, pa->locs->schedule, pa->locs->decl);
  jx_diff_loc ln = stmt_loc(c, pb->locs->schedule, pb->locs->decl);
  for (int m = 1; m <= 12; m++) {
    if (!ma[m] && !mb[m])
      continue;
    if (ma[m] && mb[m] && jx_decimal_cmp(*ma[m], *mb[m]) == 0)
      continue;
    char x[JX_DECIMAL_BUFSZ], y[JX_DECIMAL_BUFSZ];
    if (ma[m])
      jx_decimal_format(*ma[m], x);
    if (mb[m])
      jx_decimal_format(*mb[m], y);
    jx_diff_op op = !ma[m]   ? JX_DIFF_ADDED
                    : !mb[m] ? JX_DIFF_REMOVED
                             : JX_DIFF_CHANGED;
    jx_diff_item *it =
        add(c, JX_DW_SCHEDULE, op, lo, ln, ma[m] ? fmt(c, "%s%%", x) : NULL,
            mb[m] ? fmt(c, "%s%%", y) : NULL);
    it->month = m;
  }
}

static const char *unit_label(ctx *c, const jx_unit *u) {
  if (!u->code)
    return word(c, JX_M_DIFF_OUTSIDE_UNITS);
  return label(c, JX_M_DIFF_UNIT, u->code, u->name ? u->name : "");
}

static const char *unit_text(ctx *c, const jx_unit *u) {
  return fmt(c, "%s %s", u->code ? u->code : "", u->name ? u->name : "");
}

static void project_change(ctx *c, const jx_diff_project *pa,
                           const jx_diff_project *pb, bool by_name) {
  const jx_project *a = pa->p, *b = pb->p;
  const jx_project_locs *xa = pa->locs, *xb = pb->locs;
  jx_diff_loc lo = loc_of(c, xa->decl), ln = loc_of(c, xb->decl);
  c->project = b->name;
  c->project_old = lo;
  c->project_new = ln;
  c->sub = NULL;
  size_t before = c->df->n_items;
  text_change(c, JX_DW_PROJECT_NAME, a->name, b->name, lo, ln);
  if (!same_str(a->code, b->code)) {
    jx_diff_item *it = add(c, JX_DW_PROJECT_CODE, JX_DIFF_CHANGED,
                           stmt_loc(c, xa->code.stmt, xa->decl),
                           stmt_loc(c, xb->code.stmt, xb->decl),
                           a->code ? a->code : word(c, JX_M_DIFF_NONE),
                           b->code ? b->code : word(c, JX_M_DIFF_NONE));
    it->by_name = by_name;
  }
  const jx_unit *ua = &c->a->units[pa->unit].u, *ub = &c->b->units[pb->unit].u;
  if (!same_str(ua->code, ub->code))
    add(c, JX_DW_PROJECT_UNIT, JX_DIFF_CHANGED, lo, ln, unit_text(c, ua),
        unit_text(c, ub));
  amount_change(c, JX_DW_BUDGET, a->budget, pa->currency, b->budget,
                pb->currency, stmt_loc(c, xa->budget.stmt, xa->decl),
                stmt_loc(c, xb->budget.stmt, xb->decl));
  amount_change(c, JX_DW_FISCAL, a->fiscal, pa->currency, b->fiscal,
                pb->currency, stmt_loc(c, xa->funds, xa->decl),
                stmt_loc(c, xb->funds, xb->decl));
  amount_change(c, JX_DW_OTHER, a->other, pa->currency, b->other, pb->currency,
                stmt_loc(c, xa->funds, xa->decl),
                stmt_loc(c, xb->funds, xb->decl));
  text_change(c, JX_DW_PURPOSE, a->purpose, b->purpose,
              stmt_loc(c, xa->purpose.stmt, xa->decl),
              stmt_loc(c, xb->purpose.stmt, xb->decl));
  schedule_change(c, pa, pb);
  goals_change(c, JX_DW_GOAL, a->goals, a->n_goals, xa->goals, b->goals,
               b->n_goals, xb->goals);
  indicators_change(c, a->indicators, a->n_indicators, xa->indicators,
                    b->indicators, b->n_indicators, xb->indicators);
  if (c->df->n_items == before)
    c->df->summary.projects_unchanged++;
  c->project = NULL;
  c->project_old = c->project_new = (jx_diff_loc){NULL, 0};
}

static const char *project_text(ctx *c, const jx_diff_project *p) {
  char buf[JX_DECIMAL_BUFSZ];
  jx_decimal v;
  if (!to_cur(c, p->p->budget, p->currency, &v))
    v = p->p->budget;
  jx_decimal_format(v, buf);
  return label(c, JX_M_DIFF_PROJECT_ABOUT, p->p->name,
               p->p->code ? p->p->code : word(c, JX_M_DIFF_NO_CODE), buf,
               to_cur(c, p->p->budget, p->currency, &v) ? c->cur->norm
                                                        : p->currency->norm);
}

static void project_added(ctx *c, const jx_diff_project *p, bool added) {
  jx_diff_loc l = loc_of(c, p->locs->decl), none = {NULL, 0};
  c->project = NULL;
  c->sub = NULL;
  const char *t = project_text(c, p);
  add(c, JX_DW_PROJECT, added ? JX_DIFF_ADDED : JX_DIFF_REMOVED,
      added ? none : l, added ? l : none, t, t);
}

/* ---- Department and units ------------------------------------------------ */

static void department_change(ctx *c) {
  const jx_department *a = c->a->department, *b = c->b->department;
  const jx_department_locs *la = c->a->department_locs,
                           *lb = c->b->department_locs;
  if (!a && !b)
    return;
  jx_diff_loc lo = loc_of(c, a ? la->decl : no_loc),
              ln = loc_of(c, b ? lb->decl : no_loc);
  c->section = label(c, JX_M_DIFF_DEPARTMENT, (b ? b : a)->name);
  c->project = c->sub = NULL;
  if (!a || !b) {
    add(c, JX_DW_DEPARTMENT, a ? JX_DIFF_REMOVED : JX_DIFF_ADDED, lo, ln,
        a ? a->name : NULL, b ? b->name : NULL);
    return;
  }
  text_change(c, JX_DW_DEPARTMENT, a->name, b->name, lo, ln);
  goals_change(c, JX_DW_GOAL, a->goals, a->n_goals, la->goals, b->goals,
               b->n_goals, lb->goals);
  measures_change(c, a->measures, a->n_measures, la->measures, b->measures,
                  b->n_measures, lb->measures);
  indicators_change(c, a->indicators, a->n_indicators, la->indicators,
                    b->indicators, b->n_indicators, lb->indicators);
  const jx_division_locs *da = la->divisions, *db = lb->divisions;
  size_t *match = jx_xcalloc(b->n_divisions + 1, sizeof *match);
  jx_diff_map *m = jx_diff_map_new(b->n_divisions);
  for (size_t j = 0; j < b->n_divisions; j++) {
    match[j] = SIZE_MAX;
    jx_diff_map_add(m, b->divisions[j].name, j);
  }
  for (size_t i = 0; i < a->n_divisions; i++) {
    const jx_division *x = &a->divisions[i];
    size_t j = jx_diff_map_take(m, x->name, NULL, NULL);
    if (j == SIZE_MAX) {
      add(c, JX_DW_DIVISION, JX_DIFF_REMOVED, loc_of(c, da[i].decl),
          (jx_diff_loc){NULL, 0}, x->name, NULL);
      continue;
    }
    match[j] = i;
    const jx_division *y = &b->divisions[j];
    c->sub = label(c, JX_M_DIFF_DIVISION, y->name);
    goals_change(c, JX_DW_GOAL, x->goals, x->n_goals, da[i].goals, y->goals,
                 y->n_goals, db[j].goals);
    indicators_change(c, x->indicators, x->n_indicators, da[i].indicators,
                      y->indicators, y->n_indicators, db[j].indicators);
    c->sub = NULL;
  }
  for (size_t j = 0; j < b->n_divisions; j++)
    if (match[j] == SIZE_MAX)
      add(c, JX_DW_DIVISION, JX_DIFF_ADDED, (jx_diff_loc){NULL, 0},
          loc_of(c, db[j].decl), NULL, b->divisions[j].name);
  jx_diff_map_free(m);
  free(match);
}

static void unit_change(ctx *c, const jx_diff_unit *a, const jx_diff_unit *b) {
  jx_diff_loc lo = loc_of(c, a->locs.decl), ln = loc_of(c, b->locs.decl);
  text_change(c, JX_DW_UNIT_NAME, a->u.name, b->u.name, lo, ln);
  goals_change(c, JX_DW_GOAL, a->u.goals, a->u.n_goals, a->locs.goals,
               b->u.goals, b->u.n_goals, b->locs.goals);
  measures_change(c, a->u.measures, a->u.n_measures, a->locs.measures,
                  b->u.measures, b->u.n_measures, b->locs.measures);
}

/* Projects of each unit, as index lists (counting sort by unit). */
typedef struct by_unit {
  size_t *start; /* n_units + 1 */
  size_t *idx;
} by_unit;

static by_unit group_projects(const jx_diff_side *s) {
  by_unit g;
  g.start = jx_xcalloc(s->n_units + 2, sizeof *g.start);
  g.idx = jx_xcalloc(s->n_projects + 1, sizeof *g.idx);
  for (size_t i = 0; i < s->n_projects; i++)
    g.start[s->projects[i].unit + 1]++;
  for (size_t u = 0; u < s->n_units; u++)
    g.start[u + 1] += g.start[u];
  size_t *fill = jx_xcalloc(s->n_units + 1, sizeof *fill);
  for (size_t i = 0; i < s->n_projects; i++) {
    size_t u = s->projects[i].unit;
    g.idx[g.start[u] + fill[u]++] = i;
  }
  free(fill);
  return g;
}

static bool avail_new(void *ud, size_t j) {
  const size_t *match_b = ud;
  return match_b[j] == SIZE_MAX;
}

static const char *unit_key(const jx_unit *u) {
  return u->code ? u->code : "\x01";
}

static bool budget_total(ctx *c, const jx_diff_side *s, jx_decimal *sum) {
  sum->micros = 0;
  for (size_t i = 0; i < s->n_projects; i++) {
    jx_decimal v;
    if (!to_cur(c, s->projects[i].p->budget, s->projects[i].currency, &v) ||
        jx_decimal_add(*sum, v, sum) != JX_DEC_OK)
      return false;
  }
  return true;
}

void jx_diff_compute(jx_diff *df, const jx_diff_side *a, const jx_diff_side *b,
                     const jx_diag *d) {
  memset(df, 0, sizeof *df);
  jx_arena_init(&df->arena);
  ctx c = {df, a, b, d, NULL, NULL, NULL, NULL, {NULL, 0}, {NULL, 0}};
  c.section = word(&c, JX_M_DIFF_PLAN);
  c.cur =
      b->checker ? jx_checker_currency(b->checker) : jx_currency_lookup("万元");
  jx_diff_summary *sum = &df->summary;
  sum->currency = c.cur->norm;
  sum->projects_old = a->n_projects;
  sum->projects_new = b->n_projects;

  /* The plan. */
  jx_diff_loc ho = loc_of(&c, a->header), hn = loc_of(&c, b->header);
  if (a->year != b->year)
    add(&c, JX_DW_YEAR, JX_DIFF_CHANGED, ho, hn,
        a->year ? fmt(&c, "%d", a->year) : word(&c, JX_M_DIFF_NONE),
        b->year ? fmt(&c, "%d", b->year) : word(&c, JX_M_DIFF_NONE));
  if (!same_str(a->framework, b->framework))
    add(&c, JX_DW_FRAMEWORK, JX_DIFF_CHANGED, ho, hn, a->framework,
        b->framework);
  department_change(&c);

  /* Units by code. */
  size_t *umatch_a = jx_xcalloc(a->n_units + 1, sizeof *umatch_a);
  size_t *umatch_b = jx_xcalloc(b->n_units + 1, sizeof *umatch_b);
  jx_diff_map *m = jx_diff_map_new(b->n_units);
  for (size_t j = 0; j < b->n_units; j++) {
    umatch_b[j] = SIZE_MAX;
    jx_diff_map_add(m, unit_key(&b->units[j].u), j);
  }
  for (size_t i = 0; i < a->n_units; i++) {
    umatch_a[i] = jx_diff_map_take(m, unit_key(&a->units[i].u), NULL, NULL);
    if (umatch_a[i] != SIZE_MAX)
      umatch_b[umatch_a[i]] = i;
  }
  jx_diff_map_free(m);

  /* Projects by code anywhere, then by name within the matched unit. */
  size_t *pm_a = jx_xcalloc(a->n_projects + 1, sizeof *pm_a);
  size_t *pm_b = jx_xcalloc(b->n_projects + 1, sizeof *pm_b);
  bool *by_name = jx_xcalloc(b->n_projects + 1, 1);
  for (size_t i = 0; i < a->n_projects; i++)
    pm_a[i] = SIZE_MAX;
  m = jx_diff_map_new(b->n_projects);
  for (size_t j = 0; j < b->n_projects; j++) {
    pm_b[j] = SIZE_MAX;
    if (b->projects[j].p->code)
      jx_diff_map_add(m, b->projects[j].p->code, j);
  }
  for (size_t i = 0; i < a->n_projects; i++) {
    const char *code = a->projects[i].p->code;
    size_t j = code ? jx_diff_map_take(m, code, avail_new, pm_b) : SIZE_MAX;
    if (j != SIZE_MAX) {
      pm_a[i] = j;
      pm_b[j] = i;
    }
  }
  jx_diff_map_free(m);
  m = jx_diff_map_new(b->n_projects);
  for (size_t j = 0; j < b->n_projects; j++)
    if (pm_b[j] == SIZE_MAX)
      jx_diff_map_add(
          m, fmt(&c, "%zu\x1f%s", b->projects[j].unit, b->projects[j].p->name),
          j);
  for (size_t i = 0; i < a->n_projects; i++) {
    size_t ub = umatch_a[a->projects[i].unit];
    if (pm_a[i] != SIZE_MAX || ub == SIZE_MAX)
      continue;
    size_t j = jx_diff_map_take(
        m, fmt(&c, "%zu\x1f%s", ub, a->projects[i].p->name), avail_new, pm_b);
    if (j != SIZE_MAX) {
      pm_a[i] = j;
      pm_b[j] = i;
      by_name[j] = true;
      sum->matched_by_name++;
    }
  }
  jx_diff_map_free(m);

  /* Report, unit by unit in the new side's order. */
  by_unit ga = group_projects(a), gb = group_projects(b);
  for (size_t j = 0; j < b->n_units; j++) {
    const jx_diff_unit *ub = &b->units[j];
    size_t i = umatch_b[j];
    c.section = unit_label(&c, &ub->u);
    c.project = c.sub = NULL;
    if (i == SIZE_MAX && ub->declared) /* the no-unit group is no unit */
      add(&c, JX_DW_UNIT, JX_DIFF_ADDED, (jx_diff_loc){NULL, 0},
          loc_of(&c, ub->locs.decl), NULL, unit_text(&c, &ub->u));
    else if (i != SIZE_MAX)
      unit_change(&c, &a->units[i], ub);
    for (size_t k = gb.start[j]; k < gb.start[j + 1]; k++) {
      size_t pj = gb.idx[k];
      if (pm_b[pj] == SIZE_MAX) {
        project_added(&c, &b->projects[pj], true);
      } else {
        sum->projects_matched++;
        project_change(&c, &a->projects[pm_b[pj]], &b->projects[pj],
                       by_name[pj]);
      }
    }
    if (i != SIZE_MAX)
      for (size_t k = ga.start[i]; k < ga.start[i + 1]; k++)
        if (pm_a[ga.idx[k]] == SIZE_MAX)
          project_added(&c, &a->projects[ga.idx[k]], false);
  }
  for (size_t i = 0; i < a->n_units; i++) {
    if (umatch_a[i] != SIZE_MAX)
      continue;
    c.section = unit_label(&c, &a->units[i].u);
    c.project = c.sub = NULL;
    if (a->units[i].declared)
      add(&c, JX_DW_UNIT, JX_DIFF_REMOVED, loc_of(&c, a->units[i].locs.decl),
          (jx_diff_loc){NULL, 0}, unit_text(&c, &a->units[i].u), NULL);
    for (size_t k = ga.start[i]; k < ga.start[i + 1]; k++)
      if (pm_a[ga.idx[k]] == SIZE_MAX)
        project_added(&c, &a->projects[ga.idx[k]], false);
  }

  sum->budget_ok = budget_total(&c, a, &sum->budget_old) &&
                   budget_total(&c, b, &sum->budget_new) &&
                   jx_decimal_sub(sum->budget_new, sum->budget_old,
                                  &sum->budget_delta) == JX_DEC_OK;
  if (sum->budget_ok)
    sum->has_percent = jx_diff_percent(sum->budget_delta, sum->budget_old,
                                       &sum->percent_cents);
  free(ga.start);
  free(ga.idx);
  free(gb.start);
  free(gb.idx);
  free(umatch_a);
  free(umatch_b);
  free(pm_a);
  free(pm_b);
  free(by_name);
}

void jx_diff_free(jx_diff *df) {
  free(df->items);
  jx_arena_free(&df->arena);
  memset(df, 0, sizeof *df);
}
