/*
 * check_project.c — the rules about one project: each statement at most
 * once, the budget, the sources of funds, the spending schedule, the
 * project code, and that the indicator table is complete.
 *
 * A project is checked when its block closes and then forgotten (the
 * streaming build frees it), so the only thing kept is its code, copied
 * into the checker's set with the place it was written.  The amounts in
 * the plan's currency and the schedule's months are stored on the
 * statements for lowering.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_impl.h"
#include "resolve.h"

/* The first statement of each kind in the project; later ones are
 * reported as duplicates. */
typedef struct stmts {
  jx_node *code, *budget, *funds, *purpose, *schedule;
} stmts;

static void first_or_dup(jx_checker *c, jx_node **slot, jx_node *n,
                         jx_diag_id dup) {
  if (!*slot) {
    *slot = n;
    return;
  }
  jx_diag_report(c->diag, dup, n->loc);
  jx_diag_note(c->diag, JX_N_FIRST_HERE, (*slot)->loc);
}

static stmts collect(jx_checker *c, jx_node *items) {
  stmts s;
  memset(&s, 0, sizeof s);
  for (jx_node *it = items; it; it = it->next) {
    switch (it->kind) {
    case JX_N_CODE:
      first_or_dup(c, &s.code, it, JX_E_DUP_CODE);
      break;
    case JX_N_BUDGET:
      first_or_dup(c, &s.budget, it, JX_E_DUP_BUDGET);
      break;
    case JX_N_FUNDS:
      first_or_dup(c, &s.funds, it, JX_E_DUP_FUNDS);
      /* The parser keeps the first of each part and counts the rest. */
      if (it->u.funds.n_fiscal > 1)
        jx_diag_report(c->diag, JX_E_DUP_FISCAL, it->loc);
      if (it->u.funds.n_other > 1)
        jx_diag_report(c->diag, JX_E_DUP_OTHER, it->loc);
      break;
    case JX_N_PURPOSE:
      first_or_dup(c, &s.purpose, it, JX_E_DUP_PURPOSE);
      break;
    case JX_N_SCHEDULE:
      first_or_dup(c, &s.schedule, it, JX_E_DUP_SCHEDULE);
      break;
    default:
      break;
    }
  }
  return s;
}

/* ---- budget and funds ------------------------------------------------------
 */

static jx_chk_budget check_budget(jx_checker *c, const jx_node *p, jx_node *b) {
  jx_chk_budget out;
  memset(&out, 0, sizeof out);
  const char *name = p->u.block.name.text ? p->u.block.name.text : "";
  if (!b) {
    if (!p->u.block.recovered)
      jx_diag_report(c->diag, JX_E_BUDGET_MISSING, p->u.block.name.loc, name);
    return out;
  }
  const jx_value *v = &b->u.budget.amount;
  out.loc = v->loc;
  if (!jx_chk_amount(c, v, &b->u.budget.amount_res, &out.amount))
    return out;
  b->u.budget.plan_amount = out.amount;
  out.read = true;
  if (out.amount.micros <= 0) {
    char buf[JX_DECIMAL_BUFSZ];
    jx_diag_report(c->diag, JX_E_BUDGET_POSITIVE, v->loc, name,
                   jx_chk_dec(out.amount, buf), c->currency->norm);
    return out;
  }
  out.known = true;
  return out;
}

/* One part of `funds`; absent is 0.  False when it cannot be read. */
static bool funds_part(jx_checker *c, const jx_value *v, jx_resolved *r,
                       jx_decimal *out) {
  out->micros = 0;
  if (v->kind != JX_VAL_NUMBER)
    return true;
  if (!jx_chk_amount(c, v, r, out))
    return false;
  if (out->micros < 0) {
    jx_diag_report(c->diag, JX_E_FUNDS_NEGATIVE, v->loc, v->text);
    return false;
  }
  return true;
}

static void check_funds(jx_checker *c, const jx_node *p, jx_node *f,
                        const jx_chk_budget *b) {
  if (!f) {
    if (!p->u.block.recovered)
      jx_diag_report(c->diag, JX_W_FUNDS_MISSING, p->u.block.name.loc,
                     p->u.block.name.text ? p->u.block.name.text : "");
    return;
  }
  jx_decimal fiscal, other, sum;
  bool ok = funds_part(c, &f->u.funds.fiscal, &f->u.funds.fiscal_res, &fiscal);
  ok = funds_part(c, &f->u.funds.other, &f->u.funds.other_res, &other) && ok;
  f->u.funds.plan_fiscal = fiscal;
  f->u.funds.plan_other = other;
  if (!ok || !b->read)
    return;
  if (jx_decimal_add(fiscal, other, &sum) != JX_DEC_OK) {
    /* Each part fits; only their sum does not. */
    jx_diag_report(c->diag, JX_E_AMOUNT_OVERFLOW, f->u.funds.other.loc,
                   f->u.funds.other.text, c->currency->norm);
    return;
  }
  if (jx_decimal_cmp(sum, b->amount) == 0)
    return;
  char a[JX_DECIMAL_BUFSZ], o[JX_DECIMAL_BUFSZ], s[JX_DECIMAL_BUFSZ],
      bb[JX_DECIMAL_BUFSZ];
  jx_diag_report(c->diag, JX_E_FUNDS_SUM, f->loc, jx_chk_dec(fiscal, a),
                 jx_chk_dec(other, o), jx_chk_dec(sum, s),
                 jx_chk_dec(b->amount, bb), c->currency->norm);
  jx_diag_note(c->diag, JX_N_BUDGET_HERE, b->loc);
}

/* ---- schedule
 * ---------------------------------------------------------------- */

static bool schedule_percent(jx_checker *c, const jx_value *v, jx_resolved *r,
                             jx_decimal *out) {
  out->micros = 0;
  if (!jx_chk_number(c, v, r))
    return false;
  *out = r->dec;
  const jx_unit_info *u = r->unit;
  if (!u || u->dimension != JX_DIM_PERCENT) {
    jx_diag_report(c->diag, JX_E_SCHEDULE_PERCENT, v->loc, v->text);
    return false;
  }
  /* 百分比 and ％ are both exactly % (factor 1), so *out is in percent. */
  const jx_decimal hundred = JX_DEC(100, 0);
  if (out->micros < 0 || jx_decimal_cmp(*out, hundred) > 0) {
    char buf[JX_DECIMAL_BUFSZ];
    jx_diag_report(c->diag, JX_E_SCHEDULE_RANGE, v->loc, jx_chk_dec(*out, buf));
    return false;
  }
  return true;
}

static const char *month_text(int m, char buf[16]) {
  snprintf(buf, 16, "%d", m);
  return buf;
}

/* Months 1–12, each once and in order; cumulative percentages never fall
 * and the last is 100. */
static void check_schedule(jx_checker *c, const jx_node *p, jx_node *s) {
  if (!s || !s->u.schedule.entries) { /* `schedule;` says nothing either */
    if (!p->u.block.recovered)
      jx_diag_report(c->diag, JX_W_SCHEDULE_MISSING, p->u.block.name.loc,
                     p->u.block.name.text ? p->u.block.name.text : "");
    return;
  }
  jx_loc seen[13];
  bool have[13] = {false};
  int prev_month = 0;
  bool prev_ok = false;
  jx_decimal prev_pct = {0};
  const jx_schedule_entry *last = NULL;
  bool last_ok = false;
  jx_decimal last_pct = {0};
  int last_month = 0;
  char m1[16], m2[16], p1[JX_DECIMAL_BUFSZ], p2[JX_DECIMAL_BUFSZ];
  for (jx_schedule_entry *e = s->u.schedule.entries; e; e = e->next) {
    int m = e->resolved_month = jx_schedule_month(e);
    if (!m)
      jx_diag_report(c->diag, JX_E_BAD_MONTH, e->month.loc,
                     e->month.text ? e->month.text : "");
    jx_decimal pct;
    bool pct_ok = schedule_percent(c, &e->percent, &e->percent_res, &pct);
    last = e;
    last_ok = pct_ok && m;
    last_pct = pct;
    last_month = m;
    if (!m)
      continue;
    if (have[m]) {
      jx_diag_report(c->diag, JX_E_SCHEDULE_MONTH, e->month.loc,
                     month_text(m, m1));
      jx_diag_note(c->diag, JX_N_FIRST_HERE, seen[m]);
      continue;
    }
    have[m] = true;
    seen[m] = e->month.loc;
    if (m < prev_month) {
      jx_diag_report(c->diag, JX_E_SCHEDULE_ORDER, e->month.loc,
                     month_text(m, m1), month_text(prev_month, m2));
      continue;
    }
    if (pct_ok && prev_ok && jx_decimal_cmp(pct, prev_pct) < 0)
      jx_diag_report(c->diag, JX_E_SCHEDULE_DECREASE, e->percent.loc,
                     jx_chk_dec(prev_pct, p1), month_text(prev_month, m1),
                     jx_chk_dec(pct, p2), month_text(m, m2));
    prev_month = m;
    prev_ok = pct_ok;
    prev_pct = pct;
  }
  const jx_decimal hundred = JX_DEC(100, 0);
  if (last && last_ok && jx_decimal_cmp(last_pct, hundred) != 0)
    jx_diag_report(c->diag, JX_E_SCHEDULE_END, last->percent.loc,
                   jx_chk_dec(last_pct, p1), month_text(last_month, m1));
}

/* ---- project code -------------------------------------------------------- */

/* Codes are unique across every input file.  A code such as
 * 130304 21 5088YYECLPBDL carries the region (6 digits) and then the year
 * (2 digits); only a code that looks like that is compared with the plan's
 * year, so other coding schemes pass unchecked. */
static void check_code(jx_checker *c, const jx_node *n) {
  const jx_text *t = &n->u.text.text;
  if (!t->text)
    return;
  size_t len = strlen(t->text);
  const jx_loc *first = jx_chk_set_add(&c->project_codes, t->text, len, t->loc);
  if (first) {
    jx_diag_report(c->diag, JX_E_CODE_DUPLICATE, t->loc, t->text);
    jx_diag_note(c->diag, JX_N_FIRST_HERE, *first);
  }
  const char *s = t->text;
  if (len < 8 || !c->year || s[6] < '0' || s[6] > '9' || s[7] < '0' ||
      s[7] > '9')
    return;
  for (int i = 0; i < 6; i++)
    if (s[i] < '0' || s[i] > '9')
      return;
  int yy = (s[6] - '0') * 10 + (s[7] - '0');
  if (yy == c->year % 100)
    return;
  char digits[3] = {s[6], s[7], 0}, year[16];
  snprintf(year, sizeof year, "%d", c->year);
  jx_diag_report(c->diag, JX_W_CODE_YEAR, t->loc, t->text, digits, year);
}

/* ---- the project ----------------------------------------------------------
 */

/* Every level-1 category the framework marks required has an indicator.
 * Skipped when a category did not resolve: the author is mid-fix. */
static void check_complete(jx_checker *c, const jx_node *p,
                           const jx_framework *fw, const bool *found) {
  const char *name = p->u.block.name.text ? p->u.block.name.text : "";
  for (size_t i = 0; i < fw->n_levels; i++) {
    const jx_level1 *l1 = &fw->levels[i];
    if (!l1->required || found[i])
      continue;
    jx_diag_id id = l1->role == JX_ROLE_OUTPUT    ? JX_W_MISSING_OUTPUT
                    : l1->role == JX_ROLE_BENEFIT ? JX_W_MISSING_BENEFIT
                                                  : JX_W_MISSING_CATEGORY;
    jx_diag_report(c->diag, id, p->u.block.name.loc, name, l1->label);
  }
}

bool jx_check_project(jx_checker *c, jx_node *p, const jx_node *unit) {
  (void)unit;
  int before = jx_diag_errors(c->diag);
  const jx_framework *fw = jx_chk_framework(c);
  jx_node *items = p->u.block.items;
  stmts s = collect(c, items);
  jx_chk_budget b = check_budget(c, p, s.budget);
  check_funds(c, p, s.funds, &b);
  check_schedule(c, p, s.schedule);
  if (s.code)
    check_code(c, s.code);

  bool small[16], *found = small;
  if (fw->n_levels > 16)
    found = jx_xcalloc(fw->n_levels, sizeof *found);
  memset(found, 0, (fw->n_levels > 16 ? fw->n_levels : 16) * sizeof *found);
  if (jx_chk_indicators(c, items, &b, found) == 0 && !p->u.block.recovered)
    check_complete(c, p, fw, found);
  if (found != small)
    free(found);
  return jx_diag_errors(c->diag) == before;
}
