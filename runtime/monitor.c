/*
 * monitor.c — monitoring during the year (绩效运行监控, the "双监控" of
 * spending and targets): a project's progress by the end of a month, as
 * lights (jixiao_score.h).
 *
 * The rules of the published monitoring forms, with the thresholds taken
 * from the profile:
 *
 *   - 序时进度 = month ÷ 12.  The budget: 执行率 ÷ 序时进度 (or ÷ the plan's
 *     own schedule, if the profile says so), as a percentage of what was
 *     due: red below 60, yellow below 80, blue from 120, else green.
 *   - Quantity, benefit and satisfaction indicators with a floor (≥ > =):
 *     the actual against target × month ÷ 12, with the same lights.
 *   - Everything else that has a figure — quality, timeliness, cost, and
 *     any ceiling (≤ <) — is met (green) or not (red).
 *   - A qualitative result by its rating: 达到预期 green, 部分达到 yellow,
 *     未达到 red.
 *   - A deadline with no actual yet is pending until its day has passed
 *     by the end of the month, then red.
 */
#include "jixiao_score.h"

#include <string.h>

static const jx_ratio ZERO = {0, 1};

/* month ÷ 12, in lowest terms */
static jx_ratio of_year(int month) {
  jx_ratio r = ZERO;
  jx_ratio_div(jx_ratio_int(month), jx_ratio_int(12), &r);
  return r;
}

const char *jx_light_text(jx_light l) {
  switch (l) {
  case JX_LIGHT_NONE:
    return NULL;
  case JX_LIGHT_GREEN:
    return "green";
  case JX_LIGHT_YELLOW:
    return "yellow";
  case JX_LIGHT_RED:
    return "red";
  case JX_LIGHT_BLUE:
    return "blue";
  }
  return NULL;
}

jx_light jx_progress_light(jx_ratio progress, jx_decimal red, jx_decimal yellow,
                           jx_decimal blue) {
  if (jx_ratio_cmp(progress, jx_ratio_of(red)) < 0)
    return JX_LIGHT_RED;
  if (jx_ratio_cmp(progress, jx_ratio_of(yellow)) < 0)
    return JX_LIGHT_YELLOW;
  if (blue.micros > 0 && jx_ratio_cmp(progress, jx_ratio_of(blue)) >= 0)
    return JX_LIGHT_BLUE;
  return JX_LIGHT_GREEN;
}

/* Indicators whose progress accrues over the year. */
static int accrues(const jx_indicator *x) {
  return x->level2_role == JX_ROLE_QUANTITY ||
         x->level1_role == JX_ROLE_BENEFIT ||
         x->level1_role == JX_ROLE_SATISFACTION ||
         x->level2_role == JX_ROLE_SATISFACTION;
}

static int is_cost(const jx_indicator *x) {
  return x->level1_role == JX_ROLE_COST || x->level2_role == JX_ROLE_COST;
}

/* A floor: ≥ >, and = except on a cost. */
static int is_floor(const jx_indicator *x) {
  return x->op == JX_OP_GE || x->op == JX_OP_GT ||
         (x->op == JX_OP_EQ && !is_cost(x));
}

/* Has a deadline passed by the end of `month` of `year` (0: the
 * deadline's own year)? */
static int deadline_passed(const jx_indicator *x, int year, int month) {
  jx_decimal bound;
  if (jx_date_bound(x->op, x->value, &bound) >= 0)
    return 0; /* not a deadline */
  int64_t b = bound.micros / JX_DECIMAL_SCALE;
  if (year == 0)
    year = (int)(b / 10000);
  int64_t end =
      (int64_t)year * 10000 + month * 100 + jx_date_days_in_month(year, month);
  return b < end;
}

static void progress_one(const jx_profile *prof, const jx_indicator *x,
                         const jx_actual *ac, int year, int month,
                         jx_indicator_progress *o, jx_decimal_status *st) {
  o->met = -1;
  o->expected = o->progress = ZERO;
  if (x->kind == JX_KIND_NA || x->kind == JX_KIND_EMPTY ||
      (ac && ac->kind == JX_ACTUAL_NA))
    return;
  if (!ac || ac->kind == JX_ACTUAL_NONE) {
    if (x->kind == JX_KIND_DATE) {
      o->kind = JX_PROGRESS_PENDING;
      if (deadline_passed(x, year, month)) {
        o->kind = JX_PROGRESS_BOUND;
        o->met = 0;
        o->light = JX_LIGHT_RED;
      }
    }
    return;
  }
  jx_actual_kind k = ac->kind;
  jx_decimal a = ac->value;
  if (k == JX_ACTUAL_TARGETED) {
    if (x->kind != JX_KIND_QUANTITATIVE) {
      o->kind = JX_PROGRESS_BOUND;
      o->met = 1;
      o->light = JX_LIGHT_GREEN;
      return;
    }
    k = JX_ACTUAL_NUMBER;
    a = x->value;
  }
  if (x->kind == JX_KIND_QUALITATIVE && k == JX_ACTUAL_TEXT) {
    jx_rating rt = ac->rating;
    if (rt == JX_RATING_NONE && ac->text && x->text &&
        strcmp(ac->text, x->text) == 0)
      rt = JX_RATING_MET;
    if (rt == JX_RATING_NONE)
      return;
    o->kind = JX_PROGRESS_RATED;
    o->light = rt == JX_RATING_MET      ? JX_LIGHT_GREEN
               : rt == JX_RATING_PARTLY ? JX_LIGHT_YELLOW
                                        : JX_LIGHT_RED;
    return;
  }
  if (x->kind == JX_KIND_DATE && k == JX_ACTUAL_DATE) {
    o->met = jx_actual_date_met(x, a);
    if (o->met < 0)
      return;
    o->kind = JX_PROGRESS_BOUND;
    o->light = o->met ? JX_LIGHT_GREEN : JX_LIGHT_RED;
    return;
  }
  if (x->kind != JX_KIND_QUANTITATIVE || k != JX_ACTUAL_NUMBER)
    return;
  if (a.micros < 0) /* a negative actual counts as 0 */
    a.micros = 0;
  if (accrues(x) && is_floor(x) && x->value.micros > 0) {
    jx_ratio due;
    if (*st == JX_DEC_OK)
      *st = jx_ratio_mul(jx_ratio_of(x->value), of_year(month), &due);
    jx_ratio p = ZERO;
    if (*st == JX_DEC_OK)
      *st = jx_ratio_div(jx_ratio_of(a), due, &p);
    if (*st == JX_DEC_OK)
      *st = jx_ratio_mul(p, jx_ratio_int(100), &p);
    if (*st != JX_DEC_OK)
      return;
    o->expected = due;
    o->progress = p;
    o->kind = JX_PROGRESS_PRORATED;
    o->light = jx_progress_light(p, prof->light_red, prof->light_yellow,
                                 prof->light_blue);
    return;
  }
  o->kind = JX_PROGRESS_BOUND;
  o->met = jx_actual_number_met(x, a);
  o->light = o->met ? JX_LIGHT_GREEN : JX_LIGHT_RED;
}

static void count(jx_project_progress *out, jx_light l) {
  if (l == JX_LIGHT_RED)
    out->n_red++;
  else if (l == JX_LIGHT_YELLOW)
    out->n_yellow++;
}

jx_decimal_status jx_monitor_project(const jx_profile *prof,
                                     const jx_project *p,
                                     const jx_project_actuals *a, int year,
                                     int month, jx_indicator_progress *ind,
                                     jx_project_progress *out) {
  static const jx_project_actuals none;
  jx_decimal_status st = JX_DEC_OK;
  if (!prof)
    prof = jx_profile_default();
  if (!a)
    a = &none;
  if (!p || !out || (p->n_indicators && !ind))
    return JX_DEC_SYNTAX;
  if (month < 1 || month > 12)
    return JX_DEC_SYNTAX;
  memset(out, 0, sizeof *out);
  out->month = month;
  jx_ratio hundred = jx_ratio_int(100);
  st = jx_ratio_mul(of_year(month), hundred, &out->time_progress);

  out->budget_full = a->has_budget_full ? a->budget_full : p->budget;
  out->spent = a->has_spent ? a->spent : (jx_decimal){0};
  jx_decimal due = jx_schedule_expected(p, month);
  out->schedule_expected = due;
  out->has_schedule = p->n_schedule > 0 && due.micros > 0;
  out->rate = out->vs_time = out->vs_schedule = ZERO;
  if (st == JX_DEC_OK && a->has_spent && out->budget_full.micros > 0) {
    jx_decimal s = out->spent;
    if (s.micros < 0)
      s.micros = 0;
    out->has_rate = 1;
    st =
        jx_ratio_div(jx_ratio_of(s), jx_ratio_of(out->budget_full), &out->rate);
    if (st == JX_DEC_OK)
      st = jx_ratio_mul(out->rate, hundred, &out->rate);
    if (st == JX_DEC_OK)
      st = jx_ratio_div(out->rate, out->time_progress, &out->vs_time);
    if (st == JX_DEC_OK)
      st = jx_ratio_mul(out->vs_time, hundred, &out->vs_time);
    if (st == JX_DEC_OK && out->has_schedule) {
      st = jx_ratio_div(out->rate, jx_ratio_of(due), &out->vs_schedule);
      if (st == JX_DEC_OK)
        st = jx_ratio_mul(out->vs_schedule, hundred, &out->vs_schedule);
    }
    if (st == JX_DEC_OK) {
      jx_ratio by = prof->budget_basis == JX_BASIS_SCHEDULE && out->has_schedule
                        ? out->vs_schedule
                        : out->vs_time;
      out->budget_light = jx_progress_light(
          by, prof->budget_red, prof->budget_yellow, prof->budget_blue);
      count(out, out->budget_light);
    }
  }
  for (size_t i = 0; i < p->n_indicators && st == JX_DEC_OK; i++) {
    memset(&ind[i], 0, sizeof ind[i]);
    progress_one(prof, &p->indicators[i], a->actuals ? &a->actuals[i] : NULL,
                 year, month, &ind[i], &st);
    count(out, ind[i].light);
  }
  return st;
}
