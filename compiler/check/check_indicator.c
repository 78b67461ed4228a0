/*
 * check_indicator.c — the rules about indicators: the category exists in
 * the framework, the indicator has a name, its value fits its category
 * (satisfaction is a percentage; cost is money within the budget or a
 * percentage of it; other rates lie in 0–100), numbers have units, dates
 * are real dates, and no block lists the same indicator twice.  The
 * resolved category (with its roles) and the value read are stored on
 * each indicator for lowering.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_indicator.h"
#include "check_value.h"
#include "hash.h"
#include "vocab.h"

/* ---- category
 * ---------------------------------------------------------------- */

/* A category written in Chinese (产出.数亮) gets its hint in Chinese
 * (产出指标.数量指标): the suggestion should read like what the author
 * typed, and finance staff may not know the English codes. */
static void suggest_in_kind(const jx_framework *fw, const char *written,
                            char *hint, size_t cap) {
  bool chinese = false;
  for (const char *p = written; *p; p++)
    chinese |= (unsigned char)*p >= 0x80;
  char *dot = strchr(hint, '.');
  if (!chinese || !dot)
    return;
  *dot = '\0';
  const jx_level1 *a;
  const jx_level2 *b;
  bool ok = jx_framework_resolve(fw, hint, dot + 1, &a, &b);
  *dot = '.';
  if (ok && a->label && b->label)
    snprintf(hint, cap, "%s.%s", a->label, b->label);
}

/* Resolves the category and stores the answer on the node; reports it
 * with a did-you-mean hint when it does not resolve.  Returns false only
 * for a category that is written and unknown. */
static bool check_category(jx_checker *c, jx_node *n) {
  const char *l1 = n->u.indicator.level1.text;
  const char *l2 = n->u.indicator.level2.text;
  n->u.indicator.l1 = NULL;
  n->u.indicator.l2 = NULL;
  if (!l2)
    return true; /* the `indicator` keyword form has no category */
  if (jx_chk_category(c, l1, l2, &n->u.indicator.l1, &n->u.indicator.l2))
    return true;
  char written[256];
  snprintf(written, sizeof written, "%s%s%s", l1 ? l1 : "", l1 ? "." : "", l2);
  jx_loc loc = n->loc;
  loc.len = (uint32_t)strlen(written);
  jx_diag_report(c->diag, JX_E_UNKNOWN_CATEGORY, loc, written,
                 c->framework->name);
  char hint[256];
  if (jx_framework_suggest(c->framework, l1, l2, hint, sizeof hint)) {
    suggest_in_kind(c->framework, written, hint, sizeof hint);
    jx_diag_note(c->diag, JX_N_DID_YOU_MEAN, loc, hint);
    /* The path as written (n->loc: its dots may be wide, ．). */
    jx_diag_add_fixit(c->diag, n->loc, hint);
  }
  return false;
}

/* ---- values -----------------------------------------------------------------
 */

/* The fix for a satisfaction target that is not a percentage: its unit
 * becomes %, or % is added after a bare number (≥90人, ≥90 → ≥90%). */
static void percent_fixit(jx_checker *c, const jx_value *v) {
  jx_loc at = v->unit ? v->unit_loc : v->loc;
  if (!v->unit) {
    at.offset += at.len;
    at.col += at.len;
    at.len = 0;
  }
  jx_diag_add_fixit(c->diag, at, "%");
}

/* jx_decimal_cmp(d, 100) > 0, without the call (a row in three asks). */
static bool over_100(jx_decimal d) {
  const jx_decimal hundred = JX_DEC(100, 0);
  return d.micros > hundred.micros;
}

/* The fix for a cost in money over the budget that, in a smaller currency
 * unit, would be within it and more than a tenth of it: 891000万元 against
 * a budget of 89.1 万元 was copied from a form in 元.  The largest such
 * unit (元, 万元, 亿元 below the one written) replaces the unit.  A cost
 * that is only somewhat over (20万元 against 12) gets no fix: 20元 would
 * be a guess, not a conversion. */
static void cost_unit_fixit(jx_checker *c, const jx_value *v, jx_decimal d,
                            const jx_unit_info *u,
                            const jx_chk_budget *budget) {
  static const char *const currencies[] = {"亿元", "万元", "元"};
  for (size_t i = 0; i < sizeof currencies / sizeof currencies[0]; i++) {
    const jx_unit_info *w = jx_currency_lookup(currencies[i]);
    int cmp;
    /* only units smaller than the one written */
    if (!w || !v->unit || u->num == 0 || w->num * u->den >= u->num * w->den)
      continue;
    jx_decimal ten = {d.micros * 10};
    int cmp10;
    if (d.micros > INT64_MAX / 10 || d.micros < 0)
      continue;
    if (jx_unit_compare(d, w, budget->amount, c->currency, &cmp) == 0 &&
        cmp <= 0 &&
        jx_unit_compare(ten, w, budget->amount, c->currency, &cmp10) == 0 &&
        cmp10 >= 0) {
      jx_diag_add_fixit(c->diag, v->unit_loc, w->spelling);
      return;
    }
  }
}

/* The fixes for a cost written as a bare number: it is rejected because
 * 元 and 万元 are both likely (docs/diagnostics.md, cost-unit), so both are
 * offered, the plan's currency first (a bare budget or fund is in it). */
static void cost_currency_fixits(jx_checker *c, const jx_value *v) {
  jx_loc at = v->loc;
  at.offset += at.len;
  at.col += at.len;
  at.len = 0;
  jx_diag_add_fixit(c->diag, at, c->currency->spelling);
  static const char *const likely[] = {"万元", "元"};
  for (size_t i = 0; i < sizeof likely / sizeof likely[0]; i++)
    if (strcmp(likely[i], c->currency->spelling) != 0)
      jx_diag_add_fixit(c->diag, at, likely[i]);
}

/* A cost in money is compared with the project's budget, exactly, across
 * units: 891000元 is 89.1 万元.  budget->known says which amount: the
 * year's budget, or (known false, total_known) the project's total. */
static void check_cost_money(jx_checker *c, const jx_value *v, jx_decimal d,
                             const jx_unit_info *u,
                             const jx_chk_budget *budget) {
  jx_decimal conv;
  jx_decimal_status st = jx_unit_convert(d, u, c->currency, &conv);
  if (st == JX_DEC_OVERFLOW) {
    jx_diag_report(c->diag, JX_E_AMOUNT_OVERFLOW, v->loc, v->text,
                   c->currency->norm);
    return;
  }
  int cmp;
  bool total = budget && !budget->known && budget->total_known;
  jx_decimal bound = total ? budget->total : budget ? budget->amount : conv;
  if (!budget || (!budget->known && !total) ||
      jx_unit_compare(d, u, bound, c->currency, &cmp) != 0 || cmp <= 0)
    return;
  /* The comparison is exact even when the conversion is not (0.0000001
   * 亿元 has no 6-place 万元 form); then the value shows in its own unit. */
  bool exact = st == JX_DEC_OK;
  char a[JX_DECIMAL_BUFSZ], b[JX_DECIMAL_BUFSZ];
  jx_diag_report(c->diag, total ? JX_E_COST_EXCEEDS_TOTAL : JX_E_COST_EXCEEDS,
                 v->loc, v->text, jx_chk_dec(exact ? conv : d, a),
                 exact ? c->currency->norm : u->norm, jx_chk_dec(bound, b),
                 c->currency->norm);
  jx_diag_note(c->diag, total ? JX_N_TOTAL_HERE : JX_N_BUDGET_HERE,
               total ? budget->total_loc : budget->loc);
  if (!total) /* the fix converts against the year's budget */
    cost_unit_fixit(c, v, d, u, budget);
}

/* The postfix word at the end of a value's text (90%以上: 以上). */
static const char *postfix_word(const jx_value *v, char *buf, size_t cap) {
  size_t n = strlen(v->text), k = v->post_len;
  snprintf(buf, cap, "%.*s", (int)k, k <= n ? v->text + n - k : "");
  return buf;
}

/* 90%以上以上, 5人及以上以上: the unit left when the last comparison word
 * is taken off ends in another one.  No unit ends so (issue 11: such a
 * unit is a diagnostic, never a unit). */
static bool twice(jx_checker *c, const jx_value *v) {
  size_t n = strlen(v->unit), len = 0;
  if (jx_vocab_postfix_slow(v->unit, n, &len) == JX_POST_NONE)
    return false;
  char w[64], first[64];
  snprintf(first, sizeof first, "%s", v->unit + n - len);
  jx_diag_report(c->diag, JX_E_POSTFIX_TWICE, v->loc, v->text, first,
                 postfix_word(v, w, sizeof w));
  return true;
}

/* Does a NUMBER name a month of the year rather than a count of months?
 * 12月底 always; 9月 and 9月份 when a deadline word follows (9月前). */
static bool names_month(const jx_value *v) {
  const unsigned char *u = (const unsigned char *)v->unit;
  if (!u || u[0] != 0xE6 || u[1] != 0x9C || u[2] != 0x88) /* 月 */
    return false;
  if (strcmp(v->unit, "月底") == 0 || strcmp(v->unit, "月末") == 0)
    return true;
  return v->post == JX_POST_BEFORE &&
         (strcmp(v->unit, "月") == 0 || strcmp(v->unit, "月份") == 0);
}

/* A date or a date range is a target only for a category that is neither
 * satisfaction nor cost. */
static void date_in_role(jx_checker *c, const jx_value *v, const char *name,
                         jx_role role) {
  if (role == JX_ROLE_SATISFACTION)
    jx_diag_report(c->diag, JX_E_SATISFACTION_PERCENT, v->loc, name, v->text);
  else if (role == JX_ROLE_COST)
    jx_diag_report(c->diag, JX_E_COST_UNIT, v->loc, name, v->text);
}

/* Where the comparison before a target was written. */
static jx_loc op_loc(const jx_node *n, bool period) {
  return period ? n->u.indicator.period_op_loc : n->u.indicator.op_loc;
}

/* What a number read into r says in the category of row n: a
 * percentage for satisfaction, money within the budget for cost, a unit
 * and a rate within 0-100 for the rest. */
static void role_rules(jx_checker *c, const jx_node *n, const jx_value *v,
                       const jx_resolved *r, const jx_chk_budget *budget) {
  const char *name = n->u.indicator.name.text ? n->u.indicator.name.text : "";
  const jx_level2 *l2 = n->u.indicator.l2;
  jx_role role = l2 ? l2->role : JX_ROLE_NONE;
  jx_decimal d = r->dec;
  const jx_unit_info *u = r->unit;
  bool percent = u && u->dimension == JX_DIM_PERCENT;
  char buf[JX_DECIMAL_BUFSZ];
  switch (role) {
  case JX_ROLE_SATISFACTION:
    if (!percent) {
      jx_diag_report(c->diag, JX_E_SATISFACTION_PERCENT, v->loc, name, v->text);
      percent_fixit(c, v);
    } else if (d.micros < 0 || over_100(d))
      jx_diag_report(c->diag, JX_E_SATISFACTION_RANGE, v->loc,
                     jx_chk_dec(d, buf));
    break;
  case JX_ROLE_COST:
    /* A cost per unit (475元/亩) is a price, not a share of the budget:
     * nothing to compare it with. */
    if (u && u->dimension == JX_DIM_MONEY)
      check_cost_money(c, v, d, u, budget);
    else if (percent && over_100(d))
      jx_diag_report(c->diag, JX_E_COST_PERCENT, v->loc, v->text);
    else if (!percent && !(u && u->dimension == JX_DIM_MONEY_PER)) {
      jx_diag_report(c->diag, JX_E_COST_UNIT, v->loc, name, v->text);
      if (!v->unit)
        cost_currency_fixits(c, v);
    }
    break;
  default:
    if (!v->unit)
      jx_diag_report(c->diag, JX_W_VALUE_UNIT_MISSING, v->loc, v->text);
    else if (percent && (d.micros < 0 || over_100(d)))
      jx_diag_report(c->diag, JX_W_RATE_RANGE, v->loc, v->text);
    break;
  }
}

/* A target as written (check_value): a comparison word after it, a
 * date, a month, a text; a plain number goes on to role_rules. */
static void check_written(jx_checker *c, jx_node *n, bool period,
                          const jx_chk_budget *budget) {
  const jx_value *v =
      period ? &n->u.indicator.period_value : &n->u.indicator.value;
  jx_resolved *r =
      period ? &n->u.indicator.period_res : &n->u.indicator.value_res;
  const char *name = n->u.indicator.name.text ? n->u.indicator.name.text : "";
  const jx_level2 *l2 = n->u.indicator.l2;
  jx_role role = l2 ? l2->role : JX_ROLE_NONE;
  bool op_written =
      period ? n->u.indicator.period_op_written : n->u.indicator.op_written;
  if (v->post && op_written) {
    char w[64];
    jx_diag_report(c->diag, JX_E_OP_TWICE, op_loc(n, period), v->text,
                   postfix_word(v, w, sizeof w));
    return;
  }
  if (v->kind == JX_VAL_DATE_RANGE) {
    jx_op op = period ? n->u.indicator.period_op : n->u.indicator.op;
    if (op_written && op != JX_OP_EQ) {
      jx_diag_report(c->diag, JX_E_DATE_RANGE_OP, op_loc(n, period), v->text);
      return;
    }
    if (jx_chk_date_range(c, v, r))
      date_in_role(c, v, name, role);
    return;
  }
  if (v->kind == JX_VAL_DATE) {
    if (jx_chk_date(c, v, r))
      date_in_role(c, v, name, role);
    return;
  }
  /* A text target (圆满完成) and 不涉及 are allowed in every category:
   * the published tables use them for qualitative cost and satisfaction
   * rows too. */
  if (v->kind != JX_VAL_NUMBER)
    return;
  if (v->post && v->unit && twice(c, v))
    return;
  if (names_month(v)) { /* 9月前: a deadline in the plan's year */
    if (jx_chk_month_date(c, v, r))
      date_in_role(c, v, name, role);
    return;
  }
  if (v->post == JX_POST_BEFORE) {
    char w[64];
    jx_diag_report(c->diag, JX_E_POSTFIX_UNIT, v->loc, v->text,
                   postfix_word(v, w, sizeof w));
    return;
  }
  if (jx_chk_number_slow(c, v, r)) /* the same answer, out of line */
    role_rules(c, n, v, r, budget);
}

/* One target of indicator n, its own or (period) the one over the
 * project's period, each with the comparison written before it; budget
 * is the amount a cost is compared with.  Read from the node here, not
 * gathered by the caller: every row has one.  Split for the common row, a
 * plain number whose rules find nothing to say (one in ten is a cost,
 * which role_rules compares with the budget): its test is a few compares
 * here, the rest goes to the functions above. */
static void check_value(jx_checker *c, jx_node *n, bool period,
                        const jx_chk_budget *budget) {
  const jx_value *v =
      period ? &n->u.indicator.period_value : &n->u.indicator.value;
  const unsigned char *t = (const unsigned char *)v->unit;
  if (v->kind != JX_VAL_NUMBER || v->post ||
      (t && t[0] == 0xE6 && t[1] == 0x9C &&
       t[2] == 0x88)) { /* 月: names_month */
    check_written(c, n, period, budget);
    return;
  }
  jx_resolved *r =
      period ? &n->u.indicator.period_res : &n->u.indicator.value_res;
  if (!jx_chk_number(c, v, r))
    return;
  const jx_unit_info *u = r->unit;
  const jx_level2 *l2 = n->u.indicator.l2;
  jx_role role = l2 ? l2->role : JX_ROLE_NONE;
  bool percent = u && u->dimension == JX_DIM_PERCENT;
  bool in_range = r->dec.micros >= 0 && !over_100(r->dec);
  bool quiet = role == JX_ROLE_SATISFACTION ? percent && in_range
               : role == JX_ROLE_COST       ? false
                                            : v->unit && (!percent || in_range);
  if (!quiet)
    role_rules(c, n, v, r, budget);
}

/* ---- one indicator ---------------------------------------------------------
 */

/* What a cost target is compared with: a target over the period, and
 * the only target of a project that has a total, with the total (a cost
 * row of a one-column table often states the whole project's cost); the
 * year's target beside a period's one with the year's budget. */
static jx_chk_budget cost_bound(const jx_chk_budget *b, bool period_target,
                                bool has_period_target) {
  jx_chk_budget out = *b;
  if (b->total_known && (period_target || !has_period_target))
    out.known = false; /* check_cost_money: then the total */
  return out;
}

static const jx_msg expl_field[JX_EXPL_COUNT] = {
    JX_M_FIELD_STANDARD, JX_M_FIELD_EXPLANATION, JX_M_FIELD_NOTE,
    JX_M_FIELD_REMARK, JX_M_FIELD_SCORING};

/* The key of an indicator in the duplicate rule: its category (a NULL
 * unless b is known) and its name, with the name's hash (0 when the block
 * is scanned: there the category tells rows apart first). */
struct dup_key {
  const jx_level1 *a;
  const jx_level2 *b;
  const char *name;
  uint64_t h;
};

static bool same_dup(const struct jx_chk_dup *d, const struct dup_key *k) {
  const char *name = d->n->u.indicator.name.text;
  return d->b == k->b && d->a == k->a && d->h == k->h &&
         strcmp(name, k->name) == 0;
}

/* The slot for the key in the checker's duplicate table: the one holding
 * the same category and name, or an empty one.  A block of up to
 * JX_CHK_DUP_SCAN indicators (a project's table: 5-15 rows) is looked
 * through in order instead, without clearing the table: its first n_seen
 * entries are the rows kept so far. */
static struct jx_chk_dup *dup_slot(jx_checker *c, const struct dup_key *k,
                                   bool scan, size_t n_seen) {
  if (scan) {
    for (size_t i = 0; i < n_seen; i++)
      if (same_dup(&c->dups[i], k))
        return &c->dups[i];
    c->dups[n_seen].n = NULL;
    return &c->dups[n_seen];
  }
  size_t mask = c->dups_cap - 1, j = (size_t)k->h & mask;
  for (; c->dups[j].n; j = (j + 1) & mask)
    if (same_dup(&c->dups[j], k))
      break;
  return &c->dups[j];
}

/* Sizes the duplicate table for a block of n indicators: at most half
 * full, so probes stay short; cleared only when it is probed. */
static void dups_reset(jx_checker *c, size_t n, bool scan) {
  size_t cap = 16;
  while (cap < 2 * n)
    cap *= 2;
  if (cap > c->dups_cap) {
    free(c->dups);
    c->dups = jx_xmalloc(cap * sizeof *c->dups);
    c->dups_cap = cap;
  }
  if (!scan)
    memset(c->dups, 0, c->dups_cap * sizeof *c->dups);
}

int jx_chk_indicators(jx_checker *c, jx_node *items, size_t count,
                      const jx_chk_budget *budget, bool *found) {
  int unresolved = 0;
  if (count == JX_CHK_UNCOUNTED) {
    count = 0;
    for (const jx_node *n = items; n; n = n->next)
      count += n->kind == JX_N_INDICATOR;
  }
  bool scan = count <= JX_CHK_DUP_SCAN;
  size_t n_seen = 0;
  /* A scanned block's categories so far, a bit each (by a hash of the
   * pointer): a row whose bit is clear has no earlier row to be the same
   * as, and most rows of a table differ in their category. */
  uint64_t cats = 0;
  dups_reset(c, count, scan);
  const jx_framework *fw = c->framework;
  /* What a cost target over the period, or the only target of a row, is
   * compared with (cost_bound): made once for the block, not per row. */
  jx_chk_budget total_bound;
  if (budget)
    total_bound = cost_bound(budget, true, true);
  for (jx_node *n = items; n; n = n->next) {
    if (n->kind != JX_N_INDICATOR)
      continue;
    if (!check_category(c, n))
      unresolved++;
    const jx_level1 *a = n->u.indicator.l1;
    const jx_level2 *b = n->u.indicator.l2;
    if (a && found)
      found[a - fw->levels] = true;

    /* `indicator` without a category is for a department or a
     * division; a project's rows each have one. */
    if (found && !n->u.indicator.level2.text)
      jx_diag_report(c->diag, JX_E_INDICATOR_IN_PROJECT, n->loc);

    /* A row may lack a name (a value printed without one) or be empty,
     * but a name written empty is a mistake. */
    const jx_text *name = &n->u.indicator.name;
    bool nameless = !name->text;
    bool blank = jx_chk_blank(name->text);
    if (!nameless && blank)
      jx_diag_report(c->diag, JX_E_INDICATOR_NAME, name->loc);
    if (n->u.indicator.n_desc > 1)
      jx_diag_report(c->diag, JX_E_DUP_DESC, n->u.indicator.dup_loc);
    if (n->u.indicator.n_basis > 1)
      jx_diag_report(c->diag, JX_E_DUP_BASIS,
                     n->u.indicator.n_desc > 1 ? n->loc
                                               : n->u.indicator.dup_loc);
    if (n->u.indicator.n_expl_dup > 0)
      jx_diag_report(c->diag, JX_E_DUP_FIELD, n->u.indicator.expl_dup_loc,
                     (int)expl_field[n->u.indicator.expl_dup]);
    if (n->u.indicator.n_period > 1)
      jx_diag_report(c->diag, JX_E_DUP_FIELD, n->loc,
                     (int)JX_M_FIELD_PERIOD_TARGET);
    /* The year's target beside one over the period is compared with the
     * year's budget (cost_bound). */
    bool two = n->u.indicator.has_period;
    const jx_chk_budget *own = !budget ? NULL : two ? budget : &total_bound;
    check_value(c, n, false, own);
    /* A target over the period (rare) the long way, which gives the same
     * answers: check_value, called once, is then inlined here. */
    if (two)
      check_written(c, n, true, budget ? &total_bound : NULL);

    /* An unknown category already has its error; comparing it would
     * report the same line twice.  Rows without a name are never the
     * same row twice. */
    if (blank || (n->u.indicator.level2.text && !b))
      continue;
    struct dup_key k = {b ? a : NULL, b, name->text, 0};
    struct jx_chk_dup *slot;
    if (scan) {
      uint64_t bit = (uint64_t)1
                     << ((uint64_t)(uintptr_t)b * 0x9E3779B97F4A7C15u >> 58);
      if (cats & bit) {
        slot = dup_slot(c, &k, true, n_seen);
      } else {
        cats |= bit;
        slot = &c->dups[n_seen];
        slot->n = NULL;
      }
    } else {
      k.h = jx_hash_bytes(k.name, strlen(k.name)) ^ (uint64_t)(uintptr_t)b;
      slot = dup_slot(c, &k, false, n_seen);
    }
    if (!slot->n) {
      slot->n = n;
      slot->a = k.a;
      slot->b = b;
      slot->h = k.h;
      n_seen++;
      continue;
    }
    const jx_loc *first = &slot->n->u.indicator.name.loc;
    if (a && b) {
      char label[256];
      snprintf(label, sizeof label, "%s.%s", a->label, b->label);
      jx_diag_report(c->diag, JX_E_INDICATOR_DUPLICATE, name->loc, name->text,
                     label);
    } else {
      jx_diag_report(c->diag, JX_E_INDICATOR_DUPLICATE_PLAIN, name->loc,
                     name->text);
    }
    jx_diag_note(c->diag, JX_N_FIRST_HERE, *first);
  }
  return unresolved;
}
