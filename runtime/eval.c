/*
 * eval.c — checking actuals against a plan: the functions a budget system
 * that embeds a generated header (or builds the model itself) calls to ask
 * "is this target met?", "how much should have been spent by now?" and
 * "which project is this code?".
 *
 * Everything works on the model structs of jixiao.h alone and uses only
 * exact decimals, so the runtime library stays small and has no
 * dependency beyond the C standard library.
 */
#include "jixiao.h"

#include <string.h>

int jx_indicator_met(const jx_indicator *ind, jx_decimal actual) {
  if (!ind)
    return -1;
  /* Only numbers and dates can be compared; a text target ("圆满完成") or
     a not-applicable one has no comparison the library could make. */
  if (ind->kind != JX_KIND_QUANTITATIVE && ind->kind != JX_KIND_DATE)
    return -1;
  int c = jx_decimal_cmp(actual, ind->value);
  switch (ind->op) {
  case JX_OP_EQ:
    /* A date written without a comparison is a deadline: done by then
       counts, done earlier too. */
    return ind->kind == JX_KIND_DATE ? c <= 0 : c == 0;
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
