/*
 * print_plan.c — prints a plan compiled into a header by `jxc build -f c`,
 * one line per fact, so a test can compare it with the same lines rendered
 * from the JSON output (render_json.py).  Compiled as C99 and as C++11:
 *
 *   cc -std=c99 -pedantic -Wall -Wextra -Werror -Iruntime -I$DIR \
 *      -DPLAN_HEADER='"plan.h"' -DPLAN=prefix_plan \
 *      tests/interop/print_plan.c build/libjixiao.a
 *
 * Strings are printed with `\`, `|`, newline, tab and CR escaped and NULL as
 * `~`, so every fact stays on one line whatever the names hold.  It also
 * calls the runtime's evaluation functions (runtime/eval.c), whose answers
 * render_json.py computes independently.
 */
#include <stdio.h>
#include <string.h>

#include "jixiao.h"

#include PLAN_HEADER

static void str(const char *s) {
  putchar('|');
  if (!s) {
    putchar('~');
    return;
  }
  for (; *s; s++) {
    switch (*s) {
    case '\\':
      fputs("\\\\", stdout);
      break;
    case '|':
      fputs("\\|", stdout);
      break;
    case '\n':
      fputs("\\n", stdout);
      break;
    case '\t':
      fputs("\\t", stdout);
      break;
    case '\r':
      fputs("\\r", stdout);
      break;
    case '~':
      fputs("\\~", stdout);
      break;
    default:
      putchar(*s);
    }
  }
}

static void dec(jx_decimal d) {
  char b[JX_DECIMAL_BUFSZ];
  jx_decimal_format(d, b);
  printf("|%s", b);
}

static void date(const char *sep, jx_decimal v) {
  long long ymd = (long long)(v.micros / JX_DECIMAL_SCALE);
  if (ymd % 10000 == 0)
    printf("%s%04lld", sep, ymd / 10000);
  else if (ymd % 100 == 0)
    printf("%s%04lld-%02lld", sep, ymd / 10000, ymd / 100 % 100);
  else
    printf("%s%04lld-%02lld-%02lld", sep, ymd / 10000, ymd / 100 % 100,
           ymd % 100);
}

/* A target's value by its kind (an indicator's own, or its period's). */
static void target_value(jx_kind kind, jx_decimal v, jx_decimal end,
                         const char *text) {
  switch (kind) {
  case JX_KIND_QUANTITATIVE:
    dec(v);
    return;
  case JX_KIND_QUALITATIVE:
    str(text);
    return;
  case JX_KIND_DATE:
    date("|", v);
    return;
  case JX_KIND_DATE_RANGE:
    date("|", v);
    date("..", end);
    return;
  case JX_KIND_NA:
  case JX_KIND_EMPTY:
    str(NULL);
    return;
  }
}

static void value(const jx_indicator *x) {
  target_value(x->kind, x->value, x->value_end, x->text);
}

static void indicators(const char *tag, const jx_indicator *v, size_t n) {
  for (size_t i = 0; i < n; i++) {
    const jx_indicator *x = &v[i];
    fputs(tag, stdout);
    str(x->level1);
    str(x->level1_label);
    str(jx_role_text(x->level1_role));
    str(x->level2);
    str(x->level2_label);
    str(jx_role_text(x->level2_role));
    str(x->name);
    str(x->description);
    str(jx_kind_text(x->kind));
    str(jx_op_text(x->op));
    value(x);
    str(x->unit);
    str(x->per_unit);
    str(x->text);
    str(x->basis);
    /* met when the actual equals the target (-1: cannot say) */
    printf("|%d|%d", x->line, jx_indicator_met(x, x->value));
    /* issue 11: the period's target and the explanation columns */
    const jx_target *t = x->period_target;
    if (t) {
      str(jx_kind_text(t->kind));
      str(jx_op_text(t->op));
      target_value(t->kind, t->value, t->value_end, t->text);
      str(t->unit);
      str(t->per_unit);
      str(t->text);
    } else {
      fputs("|-", stdout);
    }
    str(x->standard);
    str(x->explanation);
    str(x->value_note);
    str(x->remark);
    str(x->scoring);
    putchar('\n');
  }
}

static void strings(const char *tag, const char *const *v, size_t n) {
  for (size_t i = 0; i < n; i++) {
    fputs(tag, stdout);
    str(v[i]);
    putchar('\n');
  }
}

static void measures(const char *tag, const jx_measure *m, size_t n) {
  for (size_t i = 0; i < n; i++) {
    fputs(tag, stdout);
    str(m[i].title);
    str(m[i].text);
    putchar('\n');
  }
}

static void org(const char *tag, jx_org o) {
  fputs(tag, stdout);
  str(o.code);
  str(o.name);
  putchar('\n');
}

static void lines(const char *tag, const jx_line_item *v, size_t n) {
  for (size_t i = 0; i < n; i++) {
    fputs(tag, stdout);
    str(v[i].name);
    dec(v[i].amount);
    putchar('\n');
  }
}

/* issue 11: what the forms of other regions print in a project's header */
static void project_fields(const jx_project *pr) {
  printf("total|%d", pr->has_total);
  dec(pr->total);
  str(pr->period);
  if (pr->period_start.micros)
    date("|", pr->period_start);
  else
    str(NULL);
  if (pr->period_end.micros)
    date("|", pr->period_end);
  else
    str(NULL);
  putchar('\n');
  org("supervisor", pr->supervisor);
  org("implementer", pr->implementer);
  for (size_t k = 0; k < pr->n_sources; k++) {
    fputs("source", stdout);
    str(pr->sources[k].kind);
    str(pr->sources[k].label);
    dec(pr->sources[k].amount);
    printf("|%d\n", pr->sources[k].fiscal);
  }
  lines("line", pr->breakdown, pr->n_breakdown);
  fputs("fields", stdout);
  str(pr->classification);
  str(pr->nature);
  printf("|%d", (int)pr->continuity);
  str(pr->policy);
  str(pr->document);
  str(pr->subject);
  str(pr->manager.name);
  str(pr->manager.phone);
  str(pr->contact.name);
  str(pr->contact.phone);
  putchar('\n');
  for (size_t k = 0; k < pr->n_attributes; k++) {
    fputs("attribute", stdout);
    str(pr->attributes[k].key);
    str(pr->attributes[k].value);
    putchar('\n');
  }
  strings("overall_goal", pr->overall_goals, pr->n_overall_goals);
}

int main(void) {
  const jx_plan *p = &PLAN;
  printf("plan|%d", p->year);
  str(p->framework);
  str(p->currency);
  printf("|%zu", p->n_units);
  str(p->form);
  putchar('\n');
  for (size_t i = 0; i < p->n_units; i++) {
    const jx_unit *u = &p->units[i];
    fputs("unit", stdout);
    str(u->code);
    str(u->name);
    printf("|%zu\n", u->n_projects);
    for (size_t j = 0; j < u->n_projects; j++) {
      const jx_project *pr = &u->projects[j];
      fputs("project", stdout);
      str(pr->code);
      str(pr->name);
      dec(pr->budget);
      dec(pr->fiscal);
      dec(pr->other);
      str(pr->purpose);
      printf("|%d\n", pr->line);
      for (size_t k = 0; k < pr->n_schedule; k++) {
        printf("schedule|%d", pr->schedule[k].month);
        dec(pr->schedule[k].percent);
        putchar('\n');
      }
      fputs("expected", stdout);
      for (int m = 1; m <= 12; m++)
        dec(jx_schedule_expected(pr, m));
      putchar('\n');
      strings("goal", pr->goals, pr->n_goals);
      indicators("indicator", pr->indicators, pr->n_indicators);
      project_fields(pr);
      if (pr->code && jx_plan_find_project(p, pr->code) == NULL)
        printf("error|project code not found\n");
    }
    strings("unit_goal", u->goals, u->n_goals);
    measures("unit_measure", u->measures, u->n_measures);
    org("unit_supervisor", u->supervisor);
    org("unit_implementer", u->implementer);
  }
  const jx_department *d = p->department;
  if (d) {
    fputs("department", stdout);
    str(d->name);
    str(d->code);
    printf("|%d", d->has_budget);
    dec(d->budget);
    putchar('\n');
    lines("department_line", d->breakdown, d->n_breakdown);
    strings("department_goal", d->goals, d->n_goals);
    for (size_t i = 0; i < d->n_divisions; i++) {
      fputs("division", stdout);
      str(d->divisions[i].name);
      putchar('\n');
      strings("division_goal", d->divisions[i].goals, d->divisions[i].n_goals);
      indicators("division_indicator", d->divisions[i].indicators,
                 d->divisions[i].n_indicators);
    }
    measures("department_measure", d->measures, d->n_measures);
    indicators("department_indicator", d->indicators, d->n_indicators);
  }
  return 0;
}
