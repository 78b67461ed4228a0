/*
 * check_project.c — the rules about one project: each statement at most
 * once, the budget and the total, the sources of funds, the spending
 * schedule (each required only by the forms that print it), the period,
 * the line items of the budget, who supervises and implements it, the
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

#include "check.h"
#include "check_indicator.h"
#include "check_state.h"
#include "check_value.h"
#include "resolve.h"

/* The first statement of each kind in the project; later ones are
 * reported as duplicates. */
typedef struct stmts {
  jx_node *code, *budget, *funds, *purpose, *schedule;
  jx_node *total, *period, *breakdown;
  jx_node *org[2];
  jx_node *attr[JX_ATTR_COUNT]; /* but OTHER, compared by its key */
  size_t indicators;            /* how many: the rows of the table */
} stmts;

static const jx_msg attr_field[JX_ATTR_COUNT] = {
    [JX_ATTR_CLASS] = JX_M_FIELD_CLASS,
    [JX_ATTR_NATURE] = JX_M_FIELD_NATURE,
    [JX_ATTR_POLICY] = JX_M_FIELD_POLICY,
    [JX_ATTR_DOCUMENT] = JX_M_FIELD_DOCUMENT,
    [JX_ATTR_SUBJECT] = JX_M_FIELD_SUBJECT,
    [JX_ATTR_MANAGER] = JX_M_FIELD_MANAGER,
    [JX_ATTR_CONTACT] = JX_M_FIELD_CONTACT,
    [JX_ATTR_OTHER] = JX_M_FIELD_ATTRIBUTE,
};

/* `attribute "key" …` twice with one key: the earlier one, or NULL. */
static const jx_node *same_attribute(const jx_node *items, const jx_node *n) {
  for (const jx_node *it = items; it != n; it = it->next)
    if (it->kind == JX_N_ATTR && it->u.attr.key == JX_ATTR_OTHER &&
        strcmp(it->u.attr.name.text, n->u.attr.name.text) == 0)
      return it;
  return NULL;
}

static void first_or_dup(jx_checker *c, jx_node **slot, jx_node *n,
                         jx_diag_id dup) {
  if (!*slot) {
    *slot = n;
    return;
  }
  jx_diag_report(c->diag, dup, n->loc);
  jx_diag_note(c->diag, JX_N_FIRST_HERE, (*slot)->loc);
}

/* Into *out, not returned: the struct was copied out once more. */
static void collect(jx_checker *c, jx_node *items, stmts *out) {
  stmts *s = out;
  memset(s, 0, sizeof *s);
  for (jx_node *it = items; it; it = it->next) {
    if (it->kind == JX_N_INDICATOR) { /* most items: before the switch */
      s->indicators++;
      continue;
    }
    switch (it->kind) {
    case JX_N_CODE:
      first_or_dup(c, &s->code, it, JX_E_DUP_CODE);
      break;
    case JX_N_BUDGET:
      first_or_dup(c, &s->budget, it, JX_E_DUP_BUDGET);
      break;
    case JX_N_FUNDS:
      first_or_dup(c, &s->funds, it, JX_E_DUP_FUNDS);
      /* The parser keeps the first of each part and counts the rest. */
      if (it->u.funds.n_fiscal > 1)
        jx_diag_report(c->diag, JX_E_DUP_FISCAL, it->loc);
      if (it->u.funds.n_other > 1)
        jx_diag_report(c->diag, JX_E_DUP_OTHER, it->loc);
      break;
    case JX_N_PURPOSE:
      first_or_dup(c, &s->purpose, it, JX_E_DUP_PURPOSE);
      break;
    case JX_N_SCHEDULE:
      first_or_dup(c, &s->schedule, it, JX_E_DUP_SCHEDULE);
      break;
    case JX_N_TOTAL:
      jx_chk_first(c, &s->total, it, JX_M_FIELD_TOTAL);
      break;
    case JX_N_PERIOD:
      jx_chk_first(c, &s->period, it, JX_M_FIELD_PERIOD);
      break;
    case JX_N_BREAKDOWN:
      jx_chk_first(c, &s->breakdown, it, JX_M_FIELD_BREAKDOWN);
      break;
    case JX_N_ORG:
      jx_chk_org(it);
      jx_chk_first(c, &s->org[it->u.org.role], it,
                   it->u.org.role == JX_ORG_SUPERVISOR
                       ? JX_M_FIELD_SUPERVISOR
                       : JX_M_FIELD_IMPLEMENTER);
      break;
    case JX_N_ATTR:
      if (it->u.attr.key != JX_ATTR_OTHER) {
        jx_chk_first(c, &s->attr[it->u.attr.key], it,
                     attr_field[it->u.attr.key]);
      } else {
        const jx_node *first = same_attribute(items, it);
        if (first) {
          jx_diag_report(c->diag, JX_E_DUP_FIELD, it->loc,
                         (int)JX_M_FIELD_ATTRIBUTE);
          jx_diag_note(c->diag, JX_N_FIRST_HERE, first->loc);
        }
      }
      break;
    default:
      break;
    }
  }
}

/* ---- budget and funds ------------------------------------------------------
 */

/* 项目总预算: the total over the project's period.  When the form prints
 * only the total, that is the year's budget too (a one-year project). */
static void check_total(jx_checker *c, const jx_node *p, jx_node *t,
                        jx_chk_budget *out) {
  if (!t)
    return;
  const char *name = p->u.block.name.text ? p->u.block.name.text : "";
  const jx_value *v = &t->u.budget.amount;
  jx_decimal amount;
  if (!jx_chk_amount(c, v, &t->u.budget.amount_res, &amount))
    return;
  t->u.budget.plan_amount = amount;
  if (amount.micros <= 0) {
    char buf[JX_DECIMAL_BUFSZ];
    jx_diag_report(c->diag, JX_E_TOTAL_POSITIVE, v->loc, name,
                   jx_chk_dec(amount, buf), c->currency->norm);
    return;
  }
  out->total_known = true;
  out->total = amount;
  out->total_loc = v->loc;
}

static jx_chk_budget check_budget(jx_checker *c, const jx_node *p, jx_node *b,
                                  jx_node *total) {
  jx_chk_budget out;
  memset(&out, 0, sizeof out);
  const char *name = p->u.block.name.text ? p->u.block.name.text : "";
  check_total(c, p, total, &out);
  if (!b) {
    if (total) { /* the total stands for the year's budget */
      out.known = out.total_known;
      out.amount = out.total;
      out.loc = out.total_loc;
    } else if (!p->u.block.recovered) {
      jx_diag_report(c->diag, JX_E_BUDGET_MISSING, p->u.block.name.loc, name);
    }
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
  if (out.total_known && jx_decimal_cmp(out.amount, out.total) > 0) {
    char a[JX_DECIMAL_BUFSZ], t[JX_DECIMAL_BUFSZ];
    jx_diag_report(c->diag, JX_E_TOTAL_BUDGET, v->loc,
                   jx_chk_dec(out.amount, a), c->currency->norm,
                   jx_chk_dec(out.total, t), c->currency->norm);
    jx_diag_note(c->diag, JX_N_TOTAL_HERE, out.total_loc);
  }
  return out;
}

/* The kind of a part of `funds`: fiscal and other are keywords, the rest
 * words of the table of sources (forms.c). */
static const jx_source_kind *part_kind(jx_checker *c, const jx_funds_part *x) {
  if (x->token == 1)
    return jx_source_fiscal();
  if (x->token == 2)
    return jx_source_other();
  const jx_source_kind *k = jx_source_find(x->word.text);
  if (k)
    return k;
  jx_diag_report(c->diag, JX_E_UNKNOWN_SOURCE, x->word.loc, x->word.text);
  const char *hint = jx_source_suggest(x->word.text);
  if (hint)
    jx_diag_note(c->diag, JX_N_DID_YOU_MEAN, x->word.loc, hint);
  return NULL;
}

/* Each source is a kind of the table, at most once, a non-negative
 * amount; together they make the budget.  fiscal and other are stored as
 * the sums of the fiscal kinds and of the rest, so that a consumer of the
 * two-field form reads the same totals. */
static void check_funds(jx_checker *c, const jx_node *p, jx_node *f,
                        const jx_chk_budget *b) {
  if (!f) {
    if (c->form->requires_funds && !p->u.block.recovered)
      jx_diag_report(c->diag, JX_W_FUNDS_MISSING, p->u.block.name.loc,
                     p->u.block.name.text ? p->u.block.name.text : "");
    return;
  }
  jx_decimal fiscal = {0}, other = {0}, sum = {0};
  bool ok = true, words = false;
  for (jx_funds_part *x = f->u.funds.parts; x; x = x->next) {
    x->kind = part_kind(c, x);
    words |= x->token == 0;
    if (!x->kind) {
      ok = false;
      continue;
    }
    for (const jx_funds_part *y = f->u.funds.parts; y != x; y = y->next)
      if (y->kind == x->kind) {
        /* fiscal twice and other twice have their own message */
        if (!(x->token && x->token == y->token))
          jx_diag_report(c->diag, JX_E_SOURCE_TWICE, x->word.loc,
                         x->kind->label);
        ok = false;
        break;
      }
    x->plan_amount.micros = 0;
    if (!jx_chk_part(c, &x->amount, &x->res, &x->plan_amount)) {
      ok = false;
      continue;
    }
    jx_decimal *part = x->kind->fiscal ? &fiscal : &other;
    if (ok && (jx_decimal_add(*part, x->plan_amount, part) != JX_DEC_OK ||
               jx_decimal_add(sum, x->plan_amount, &sum) != JX_DEC_OK)) {
      /* Each part fits; only their sum does not. */
      jx_diag_report(c->diag, JX_E_AMOUNT_OVERFLOW, x->amount.loc,
                     x->amount.text, c->currency->norm);
      ok = false;
    }
  }
  f->u.funds.plan_fiscal = fiscal;
  f->u.funds.plan_other = other;
  if (!ok || !b->read)
    return;
  if (sum.micros == b->amount.micros)
    return;
  char a[JX_DECIMAL_BUFSZ], o[JX_DECIMAL_BUFSZ], s[JX_DECIMAL_BUFSZ],
      bb[JX_DECIMAL_BUFSZ];
  if (words)
    jx_diag_report(c->diag, JX_E_FUNDS_SUM_SOURCES, f->loc, jx_chk_dec(sum, s),
                   jx_chk_dec(b->amount, bb), c->currency->norm);
  else
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
  if (out->micros < 0 || out->micros > hundred.micros) {
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
    if (c->form->requires_schedule && !p->u.block.recovered)
      jx_diag_report(c->diag, JX_W_SCHEDULE_MISSING, p->u.block.name.loc,
                     p->u.block.name.text ? p->u.block.name.text : "");
    return;
  }
  const jx_loc *seen[13]; /* where each month was first given */
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
    /* A month keyword (mar) without the call: jx_schedule_month's
     * first answer. */
    int m = e->resolved_month =
        e->month_no ? e->month_no : jx_schedule_month(e);
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
      jx_diag_note(c->diag, JX_N_FIRST_HERE, *seen[m]);
      continue;
    }
    have[m] = true;
    seen[m] = &e->month.loc;
    if (m < prev_month) {
      jx_diag_report(c->diag, JX_E_SCHEDULE_ORDER, e->month.loc,
                     month_text(m, m1), month_text(prev_month, m2));
      continue;
    }
    if (pct_ok && prev_ok && pct.micros < prev_pct.micros)
      jx_diag_report(c->diag, JX_E_SCHEDULE_DECREASE, e->percent.loc,
                     jx_chk_dec(prev_pct, p1), month_text(prev_month, m1),
                     jx_chk_dec(pct, p2), month_text(m, m2));
    prev_month = m;
    prev_ok = pct_ok;
    prev_pct = pct;
  }
  const jx_decimal hundred = JX_DEC(100, 0);
  if (last && last_ok && last_pct.micros != hundred.micros)
    jx_diag_report(c->diag, JX_E_SCHEDULE_END, last->percent.loc,
                   jx_chk_dec(last_pct, p1), month_text(last_month, m1));
}

/* ---- period ----------------------------------------------------------------
 */

/* One end of a period as yyyy-mm-dd (as much as it has), for messages. */
static const char *date_text(jx_decimal d, char buf[32]) {
  int64_t v = d.micros / JX_DECIMAL_SCALE;
  int y = (int)(v / 10000), m = (int)(v / 100 % 100), dd = (int)(v % 100);
  if (m == 0)
    snprintf(buf, 32, "%04d", y);
  else if (dd == 0)
    snprintf(buf, 32, "%04d-%02d", y, m);
  else
    snprintf(buf, 32, "%04d-%02d-%02d", y, m, dd);
  return buf;
}

/* A date of a period is a year, a month or a day that exists. */
static bool period_date_ok(jx_decimal d) {
  int64_t v = d.micros / JX_DECIMAL_SCALE;
  int y = (int)(v / 10000), m = (int)(v / 100 % 100), dd = (int)(v % 100);
  if (y < 1 || y > 9999 || m > 12 || (m == 0 && dd != 0))
    return false;
  return dd == 0 || dd <= jx_date_days_in_month(y, m);
}

/* The first and the last day an end of a period stands for, yyyymmdd. */
static int64_t first_day(jx_decimal d) {
  int64_t v = d.micros / JX_DECIMAL_SCALE;
  int64_t y = v / 10000, m = v / 100 % 100, dd = v % 100;
  return y * 10000 + (m ? m : 1) * 100 + (dd ? dd : 1);
}

static int64_t last_day(jx_decimal d) {
  int64_t v = d.micros / JX_DECIMAL_SCALE;
  int64_t y = v / 10000, m = v / 100 % 100, dd = v % 100;
  if (!m)
    m = 12;
  return y * 10000 + m * 100 +
         (dd ? dd : jx_date_days_in_month((int)y, (int)m));
}

/* 实施期: read as a range of dates where it is one (2023.07-2024.01,
 * 2023年4月-2024年2月, 2020年-2022年, one year or month; in quotes, or
 * unquoted as a date range value); a duration (3年)
 * or a text is kept as written.  A range must be real dates, in order,
 * and hold the plan's year. */
static void check_period(jx_checker *c, jx_node *n) {
  const jx_value *v = &n->u.period.value;
  jx_decimal start = {0}, end = {0};
  bool read = false;
  switch (v->kind) {
  case JX_VAL_DATE: /* 2021年12月, 2021-12-31: a single month or day */
    start.micros =
        ((int64_t)v->year * 10000 + v->month * 100 + v->day) * JX_DECIMAL_SCALE;
    end = start;
    read = true;
    break;
  case JX_VAL_DATE_RANGE: /* 2023.07-2024.01 written as a value */
    start.micros = ((int64_t)v->year * 10000 +
                    (v->flags & JX_VF_MONTH ? v->month : 0) * 100 +
                    (v->flags & JX_VF_DAY ? v->day : 0)) *
                   JX_DECIMAL_SCALE;
    end.micros = ((int64_t)v->year2 * 10000 +
                  (v->flags & JX_VF_MONTH2 ? v->month2 : 0) * 100 +
                  (v->flags & JX_VF_DAY2 ? v->day2 : 0)) *
                 JX_DECIMAL_SCALE;
    read = true;
    break;
  case JX_VAL_NUMBER: /* 2020年, 2023.07, 202001; not a duration (3年) */
  case JX_VAL_TEXT:
    read = v->text && jx_period_read(v->text, &start, &end);
    break;
  default:
    break;
  }
  if (!read)
    return;
  char a[32], b[32];
  if (!period_date_ok(start) || !period_date_ok(end)) {
    jx_diag_report(c->diag, JX_E_PERIOD_DATE, v->loc, v->text,
                   date_text(period_date_ok(start) ? end : start, a));
    return;
  }
  if (last_day(end) < first_day(start)) {
    jx_diag_report(c->diag, JX_E_PERIOD_ORDER, v->loc, v->text);
    return;
  }
  n->u.period.start = start;
  n->u.period.end = end;
  int from = (int)(first_day(start) / 10000), to = (int)(last_day(end) / 10000);
  if (c->year && (c->year < from || c->year > to)) {
    snprintf(b, sizeof b, "%d", c->year);
    jx_diag_report(c->diag, JX_W_PERIOD_YEAR, v->loc, b, v->text);
  }
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
  int before = jx_diag_errors(c->diag);
  const jx_framework *fw = jx_chk_framework(c);
  jx_node *items = p->u.block.items;
  stmts s;
  collect(c, items, &s);
  jx_chk_budget b = check_budget(c, p, s.budget, s.total);
  check_funds(c, p, s.funds, &b);
  check_schedule(c, p, s.schedule);
  if (s.code)
    check_code(c, s.code);
  if (s.period)
    check_period(c, s.period);
  if (s.breakdown)
    jx_chk_breakdown(c, s.breakdown, &b);
  /* Who supervises and implements it: its own statement, else what its
   * unit said before it. */
  for (int r = 0; r < 2; r++) {
    jx_node *from_unit = unit ? (jx_node *)unit->u.block.org[r] : NULL;
    if (!s.org[r] && from_unit)
      jx_chk_org(from_unit);
    p->u.block.org[r] = s.org[r] ? s.org[r] : from_unit;
  }

  bool small[16], *found = small;
  if (fw->n_levels > 16)
    found = jx_xcalloc(fw->n_levels, sizeof *found);
  memset(found, 0, (fw->n_levels > 16 ? fw->n_levels : 16) * sizeof *found);
  if (jx_chk_indicators(c, items, s.indicators, &b, found) == 0 &&
      !p->u.block.recovered)
    check_complete(c, p, fw, found);
  if (found != small)
    free(found);
  return jx_diag_errors(c->diag) == before;
}
