/*
 * eval.c — checking actuals against a plan: the functions a budget system
 * that embeds a generated header (or builds the model itself) calls to ask
 * "is this target met?", "how much should have been spent by now?" and
 * "which project is this code?", and the calendar those answers need (what
 * day a month-only deadline ends on: jx_date_bound, shared with jxc diff).
 *
 * Everything works on the model structs of jixiao.h alone and uses only
 * exact decimals, so the runtime library stays small and has no
 * dependency beyond the C standard library.
 */
#include "jixiao.h"

#include <stdbool.h>
#include <string.h>

int jx_date_days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12)
    return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return days[month - 1] + (month == 2 && leap);
}

static jx_decimal ymd(int y, int m, int d) {
  jx_decimal v = {((int64_t)y * 10000 + m * 100 + d) * JX_DECIMAL_SCALE};
  return v;
}

int jx_date_bound(jx_op op, jx_decimal value, jx_decimal *day) {
  int64_t v = value.micros;
  if (v < 0 || v % JX_DECIMAL_SCALE != 0)
    return 0;
  v /= JX_DECIMAL_SCALE;
  if (v > 99991231)
    return 0;
  int y = (int)(v / 10000), m = (int)(v / 100 % 100), d = (int)(v % 100);
  int last = jx_date_days_in_month(y, m);
  if (last == 0 || d > last)
    return 0;
  /* A month-only date is the span from its first to its last day: a
     ceiling falls on the last day (before it: the day before the first),
     a floor on the first (after it: the day after the last).  A written
     day is a span of one. */
  int first = d ? d : 1;
  if (d == 0)
    d = last;
  switch (op) {
  case JX_OP_GE:
    *day = ymd(y, m, first);
    return 1;
  case JX_OP_GT:
    if (d < last)
      *day = ymd(y, m, d + 1);
    else
      *day = m < 12 ? ymd(y, m + 1, 1) : ymd(y + 1, 1, 1);
    return 1;
  case JX_OP_LT:
    if (first > 1)
      *day = ymd(y, m, first - 1);
    else if (m > 1)
      *day = ymd(y, m - 1, jx_date_days_in_month(y, m - 1));
    else
      *day = ymd(y - 1, 12, 31); /* before 0000-01-01: -8769, below any */
    return -1;
  case JX_OP_EQ: /* = or no op: a deadline, like <= */
  case JX_OP_LE:
    *day = ymd(y, m, d);
    return -1;
  }
  return 0; /* an op outside the enum */
}

int jx_indicator_met(const jx_indicator *ind, jx_decimal actual) {
  if (!ind)
    return -1;
  if (ind->kind == JX_KIND_DATE) {
    jx_decimal day;
    int dir = jx_date_bound(ind->op, ind->value, &day);
    if (dir == 0)
      return -1;
    int c = jx_decimal_cmp(actual, day);
    return dir < 0 ? c <= 0 : c >= 0;
  }
  if (ind->kind == JX_KIND_DATE_RANGE) {
    /* From the first day of the start to the last day of the end, as a
       floor and a deadline read them. */
    jx_decimal from, to;
    if (jx_date_bound(JX_OP_GE, ind->value, &from) == 0 ||
        jx_date_bound(JX_OP_LE, ind->value_end, &to) == 0)
      return -1;
    return jx_decimal_cmp(actual, from) >= 0 && jx_decimal_cmp(actual, to) <= 0;
  }
  /* Only numbers and dates can be compared; a text target ("圆满完成") or
     a not-applicable one has no comparison the library could make. */
  if (ind->kind != JX_KIND_QUANTITATIVE)
    return -1;
  int c = jx_decimal_cmp(actual, ind->value);
  switch (ind->op) {
  case JX_OP_EQ:
    return c == 0;
  case JX_OP_GE:
    return c >= 0;
  case JX_OP_LE:
    return c <= 0;
  case JX_OP_GT:
    return c > 0;
  case JX_OP_LT:
    return c < 0;
  }
  return -1; /* an op outside the enum: not something we can judge */
}

jx_decimal jx_schedule_expected(const jx_project *p, int month) {
  jx_decimal best = {0};
  int best_month = 0;
  if (!p || !p->schedule)
    return best;
  if (month > 12)
    month = 12;
  /* The schedule is a step function: the percentage of the latest point
     at or before `month` holds until the next point.  Points are scanned
     rather than assumed sorted, so a plan built by hand works too. */
  for (size_t i = 0; i < p->n_schedule; i++) {
    const jx_schedule_point *pt = &p->schedule[i];
    if (pt->month <= month && pt->month >= best_month) {
      best_month = pt->month;
      best = pt->percent;
    }
  }
  return best;
}

const jx_unit *jx_plan_find_unit(const jx_plan *plan, const char *code) {
  if (!plan || !code)
    return NULL;
  for (size_t i = 0; i < plan->n_units; i++)
    if (plan->units[i].code && strcmp(plan->units[i].code, code) == 0)
      return &plan->units[i];
  return NULL;
}

const jx_project *jx_plan_find_project(const jx_plan *plan, const char *code) {
  if (!plan || !code)
    return NULL;
  for (size_t i = 0; i < plan->n_units; i++) {
    const jx_unit *u = &plan->units[i];
    for (size_t j = 0; j < u->n_projects; j++)
      if (u->projects[j].code && strcmp(u->projects[j].code, code) == 0)
        return &u->projects[j];
  }
  return NULL;
}

const jx_indicator *jx_project_find_indicator(const jx_project *p,
                                              const char *name) {
  if (!p || !name)
    return NULL;
  for (size_t i = 0; i < p->n_indicators; i++)
    if (p->indicators[i].name && strcmp(p->indicators[i].name, name) == 0)
      return &p->indicators[i];
  return NULL;
}
