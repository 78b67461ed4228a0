/*
 * diff_value.c — see diff_value.h.
 *
 * A target is a bound: ≥ and > bound from below, ≤ and < from above, and =
 * reads as the bound in the direction that is better for the category.
 * Moving a bound the demanding way tightens it.  Which way is demanding
 * the framework says by role (a cost is better smaller), whatever a
 * declared framework calls its categories; so do the value's dimension (an
 * amount of money, a cost per unit) and kind (a deadline).  A period has
 * no direction: a date range that moves is changed.
 */
#include "diff_value.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "units.h"

static bool same_str(const char *x, const char *y) {
  return (!x && !y) || (x && y && strcmp(x, y) == 0);
}

/* Whether a smaller value is the stricter target. */
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

jx_diff_verdict jx_diff_target_moved(const jx_indicator *o,
                                     const jx_indicator *n) {
  if (o->kind != n->kind)
    return JX_VERDICT_CHANGED;
  switch (o->kind) {
  case JX_KIND_QUALITATIVE:
    /* Words have no direction. */
    return o->op != n->op || !same_str(o->text, n->text) ? JX_VERDICT_CHANGED
                                                         : JX_VERDICT_NONE;
  case JX_KIND_DATE:
    return date_change(o, n);
  case JX_KIND_DATE_RANGE:
    return range_change(o, n);
  case JX_KIND_NA:
    return JX_VERDICT_NONE;
  default: {
    int cmp = 0;
    if (!compare_quantities(o, n, &cmp))
      return JX_VERDICT_CHANGED;
    return cmp != 0 || o->op != n->op ? classify(o, n, cmp) : JX_VERDICT_NONE;
  }
  }
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
