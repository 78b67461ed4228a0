/*
 * report_json.c — `jxc eval -f json` and `jxc monitor -f json`: one
 * document, laid out as `jq .` prints it (two-space indentation, one
 * member per line), keys in a fixed order, documented in docs/eval.md.
 *
 * Each figure is a JSON number as it is shown (a score rounded by the
 * profile, or to two places), written from an exact decimal, never from a
 * double; beside it `*_exact` holds the exact value as text, a decimal
 * when it has one and a fraction when it has not ("2163/220"), so a
 * program can check the arithmetic.  Strings are escaped by the JSON back
 * end's escaper (jx_json_string).
 */
#include "report.h"

#include <stdio.h>
#include <string.h>

#include "json.h"

#define MAXD 16

typedef struct jw {
  jx_out *o;
  int depth;
  bool first[MAXD];
} jw;

static void indent(jw *w) {
  jx_out_putc(w->o, '\n');
  for (int i = 0; i < w->depth; i++)
    jx_out_write(w->o, "  ", 2);
}

static void sep(jw *w) {
  if (!w->first[w->depth])
    jx_out_putc(w->o, ',');
  w->first[w->depth] = false;
  indent(w);
}

static void key(jw *w, const char *k) {
  sep(w);
  jx_json_string(w->o, k);
  jx_out_write(w->o, ": ", 2);
}

static void open_(jw *w, char c) {
  jx_out_putc(w->o, c);
  if (w->depth + 1 < MAXD)
    w->depth++;
  w->first[w->depth] = true;
}

static void close_(jw *w, char c) {
  bool empty = w->first[w->depth];
  w->depth--;
  if (!empty)
    indent(w);
  jx_out_putc(w->o, c);
}

static void str(jw *w, const char *k, const char *v) {
  key(w, k);
  jx_json_string(w->o, v); /* NULL: null */
}

static void raw(jw *w, const char *k, const char *v) {
  key(w, k);
  jx_out_puts(w->o, v ? v : "null");
}

static void num(jw *w, const char *k, jx_decimal d) {
  char b[JX_DECIMAL_BUFSZ];
  jx_decimal_format(d, b);
  raw(w, k, b);
}

static void count(jw *w, const char *k, size_t n) {
  char b[24];
  snprintf(b, sizeof b, "%zu", n);
  raw(w, k, b);
}

static void boolean(jw *w, const char *k, int v) {
  raw(w, k, v < 0 ? "null" : v ? "true" : "false");
}

/* A figure shown at `places` (half up), and its exact text under
 * "<k>_exact". */
static void fig(jw *w, const char *k, jx_ratio r, int places) {
  jx_decimal d;
  char exact[EV_FIG], kx[64];
  if (jx_ratio_round(r, places, JX_ROUND_HALF_UP, &d) == JX_DEC_OK)
    num(w, k, d);
  else
    raw(w, k, NULL);
  ev_exact(r, exact);
  snprintf(kx, sizeof kx, "%s_exact", k);
  str(w, kx, exact);
}

/* A weight: exact when it has a decimal, else two places. */
static void weight(jw *w, const char *k, jx_ratio r) {
  fig(w, k, r, jx_ratio_decimal(r, &(jx_decimal){0}) == JX_DEC_OK ? 6 : 2);
}

static void printed(jw *w, const char *k, bool has, jx_decimal d) {
  if (has)
    num(w, k, d);
  else
    raw(w, k, NULL);
}

static void head(jw *w, const jx_ev_run *r) {
  key(w, "profile");
  open_(w, '{');
  str(w, "name", r->profile->name);
  str(w, "label", r->profile->label);
  close_(w, '}');
  if (r->plan->year) {
    char y[16];
    snprintf(y, sizeof y, "%d", r->plan->year);
    raw(w, "year", y);
  } else {
    raw(w, "year", NULL);
  }
}

static void remarks(jw *w, const jx_entry *e) {
  key(w, "reason");
  if (e && (e->reason || e->reason_text)) {
    open_(w, '{');
    str(w, "category",
        e->reason ? jx_reason_word(e->reason, JX_LANG_EN) : NULL);
    str(w, "label", e->reason ? jx_reason_word(e->reason, JX_LANG_ZH) : NULL);
    str(w, "text", e->reason_text);
    close_(w, '}');
  } else {
    jx_out_puts(w->o, "null");
  }
  str(w, "measure", e ? e->measure : NULL);
}

static void unit_head(jw *w, const jx_ev_unit *u) {
  str(w, "code", u->code);
  str(w, "name", u->name);
}

static const char *kind_key(jx_actual_kind k) {
  switch (k) {
  case JX_ACTUAL_NUMBER:
    return "number";
  case JX_ACTUAL_DATE:
    return "date";
  case JX_ACTUAL_TEXT:
    return "text";
  case JX_ACTUAL_TARGETED:
    return "targeted";
  case JX_ACTUAL_NA:
    return "na";
  case JX_ACTUAL_NONE:
    break;
  }
  return NULL;
}

/* What was reported, as written, and as scored: a number in the target's
 * unit, or a date as ISO 8601 (2021-08 for a month). */
static void actual(jw *w, const jx_ev_item *it, size_t i) {
  str(w, "actual", it->entries[i] ? it->entries[i]->value.text : NULL);
  const jx_actual *a = &it->acts[i];
  str(w, "actual_kind", kind_key(a->kind));
  if (a->kind == JX_ACTUAL_NUMBER) {
    num(w, "actual_value", a->value);
  } else if (a->kind == JX_ACTUAL_DATE) {
    int64_t v = a->value.micros / JX_DECIMAL_SCALE;
    char b[24];
    if (v % 100)
      snprintf(b, sizeof b, "%04d-%02d-%02d", (int)(v / 10000),
               (int)(v / 100 % 100), (int)(v % 100));
    else
      snprintf(b, sizeof b, "%04d-%02d", (int)(v / 10000),
               (int)(v / 100 % 100));
    str(w, "actual_value", b);
  } else {
    raw(w, "actual_value", NULL);
  }
  str(w, "rating", a->rating ? jx_rating_word(a->rating, JX_LANG_EN) : NULL);
}

static void indicator_head(jw *w, const jx_indicator *x) {
  str(w, "name", x->name);
  str(w, "level1", x->level1);
  str(w, "level2", x->level2);
  str(w, "target", x->text);
}

static void money(jw *w, const jx_ev_item *it, jx_decimal full,
                  jx_decimal spent) {
  num(w, "budget_full", full);
  if (it->pa.has_spent)
    num(w, "spent", spent);
  else
    raw(w, "spent", NULL);
  str(w, "currency", it->proj->currency ? it->proj->currency->norm : NULL);
}

static void summary_money(jw *w, const jx_ev_summary *s) {
  if (s->money) {
    num(w, "budget_full", s->budget_full);
    num(w, "spent", s->spent);
    str(w, "currency", s->currency ? s->currency->norm : NULL);
  }
  if (s->has_rate)
    fig(w, "rate", s->rate, 2);
  else
    raw(w, "rate", NULL);
}

/* ---- eval -------------------------------------------------------------------
 */

static void eval_doc(jw *w, const jx_ev_run *r);

void ev_json_eval(const jx_ev_run *r, jx_out *o) {
  jw w;
  memset(&w, 0, sizeof w);
  w.o = o;
  eval_doc(&w, r);
  jx_out_putc(o, '\n');
}

static void eval_indicator(jw *w, const jx_ev_run *r, const jx_ev_item *it,
                           size_t i) {
  const jx_indicator *x = &it->proj->p->indicators[i];
  const jx_indicator_score *s = &it->scores[i];
  const jx_entry *e = it->entries[i];
  sep(w);
  open_(w, '{');
  indicator_head(w, x);
  str(w, "part", s->group >= 0 ? r->profile->groups[s->group].name : NULL);
  actual(w, it, i);
  weight(w, "weight", s->weight);
  num(w, "score", s->shown);
  char exact[EV_FIG];
  ev_exact(s->score, exact);
  str(w, "score_exact", exact);
  boolean(w, "met", s->met);
  str(w, "state", ev_state_key(ev_state(it, i)));
  printed(w, "printed_weight", e && e->has_weight, e ? e->weight : s->shown);
  printed(w, "printed_score", e && e->has_score, e ? e->score : s->shown);
  remarks(w, e);
  close_(w, '}');
}

static void eval_project_full(jw *w, const jx_ev_run *r, const jx_ev_item *it) {
  const jx_profile *prof = r->profile;
  const jx_project *p = it->proj->p;
  const jx_project_score *ps = &it->score;
  char exact[EV_FIG];
  sep(w);
  open_(w, '{');
  str(w, "code", p->code);
  str(w, "name", p->name);
  num(w, "score", ps->total_shown);
  ev_exact(ps->total, exact);
  str(w, "score_exact", exact);
  str(w, "grade", jx_grade_text(ps->grade));
  key(w, "execution");
  open_(w, '{');
  money(w, it, ps->budget_full, ps->spent);
  if (ps->has_rate) {
    jx_ratio pct;
    if (jx_ratio_mul(ps->rate, jx_ratio_int(100), &pct) == JX_DEC_OK)
      fig(w, "rate", pct, 2);
    else
      raw(w, "rate", NULL);
  } else {
    raw(w, "rate", NULL);
    raw(w, "rate_exact", NULL);
  }
  weight(w, "weight", ps->execution_weight);
  num(w, "score", ps->execution_shown);
  ev_exact(ps->execution_score, exact);
  str(w, "score_exact", exact);
  printed(w, "printed_weight", it->spent && it->spent->has_weight,
          it->spent ? it->spent->weight : ps->spent);
  printed(w, "printed_score", it->spent && it->spent->has_score,
          it->spent ? it->spent->score : ps->spent);
  remarks(w, it->spent);
  close_(w, '}');
  key(w, "parts");
  open_(w, '[');
  for (size_t g = 0; g < prof->n_groups; g++) {
    sep(w);
    open_(w, '{');
    str(w, "name", prof->groups[g].name);
    str(w, "label", prof->groups[g].label);
    weight(w, "weight", ps->groups[g].weight);
    fig(w, "score", ps->groups[g].score, ev_places(prof));
    count(w, "indicators", ps->groups[g].n);
    close_(w, '}');
  }
  close_(w, ']');
  if (jx_ratio_cmp(ps->rescale, jx_ratio_int(1)) != 0) {
    ev_exact(ps->rescale, exact);
    str(w, "rescale", exact);
  } else {
    raw(w, "rescale", NULL);
  }
  key(w, "indicators");
  open_(w, '[');
  for (size_t i = 0; i < p->n_indicators; i++)
    eval_indicator(w, r, it, i);
  close_(w, ']');
  close_(w, '}');
}

static void eval_doc(jw *w, const jx_ev_run *r) {
  open_(w, '{');
  head(w, r);
  key(w, "units");
  open_(w, '[');
  for (size_t u = 0; u < r->plan->n_units; u++) {
    jx_ev_summary s;
    jx_ev_summarize(r, u, &s);
    if (!s.projects)
      continue;
    sep(w);
    open_(w, '{');
    unit_head(w, &r->plan->units[u]);
    key(w, "projects");
    open_(w, '[');
    for (size_t k = 0; k < r->n_items; k++)
      if (r->items[k].done && r->items[k].proj->unit == u)
        eval_project_full(w, r, &r->items[k]);
    close_(w, ']');
    key(w, "summary");
    open_(w, '{');
    count(w, "projects", s.projects);
    if (s.ok)
      fig(w, "average", s.average, 2);
    key(w, "grades");
    open_(w, '{');
    for (int g = 0; g < 4; g++)
      count(w, jx_grade_text((jx_grade)g), s.grades[g]);
    close_(w, '}');
    summary_money(w, &s);
    close_(w, '}');
    close_(w, '}');
  }
  close_(w, ']');
  close_(w, '}');
}

/* ---- monitor
 * ------------------------------------------------------------------ */

static const char *progress_key(jx_progress_kind k) {
  switch (k) {
  case JX_PROGRESS_PRORATED:
    return "prorated";
  case JX_PROGRESS_BOUND:
    return "bound";
  case JX_PROGRESS_RATED:
    return "rated";
  case JX_PROGRESS_PENDING:
    return "pending";
  case JX_PROGRESS_NONE:
    break;
  }
  return "none";
}

static void monitor_indicator(jw *w, const jx_ev_item *it, size_t i) {
  const jx_indicator *x = &it->proj->p->indicators[i];
  const jx_indicator_progress *ip = &it->progress[i];
  const jx_entry *e = it->entries[i];
  sep(w);
  open_(w, '{');
  indicator_head(w, x);
  actual(w, it, i);
  str(w, "progress", progress_key(ip->kind));
  if (ip->kind == JX_PROGRESS_PRORATED) {
    fig(w, "due", ip->expected, 2);
    fig(w, "percent", ip->progress, 2);
  } else {
    raw(w, "due", NULL);
    raw(w, "due_exact", NULL);
    raw(w, "percent", NULL);
    raw(w, "percent_exact", NULL);
  }
  boolean(w, "met", ip->met);
  str(w, "light", jx_light_text(ip->light));
  remarks(w, e);
  str(w, "likelihood",
      e && e->likelihood ? jx_likelihood_word(e->likelihood, JX_LANG_EN)
                         : NULL);
  close_(w, '}');
}

static void monitor_project(jw *w, const jx_ev_item *it) {
  const jx_project *p = it->proj->p;
  const jx_project_progress *pp = &it->prog;
  sep(w);
  open_(w, '{');
  str(w, "code", p->code);
  str(w, "name", p->name);
  key(w, "budget");
  open_(w, '{');
  money(w, it, pp->budget_full, pp->spent);
  if (pp->has_rate) {
    fig(w, "rate", pp->rate, 2);
    fig(w, "of_time", pp->vs_time, 2);
  } else {
    raw(w, "rate", NULL);
    raw(w, "rate_exact", NULL);
    raw(w, "of_time", NULL);
    raw(w, "of_time_exact", NULL);
  }
  if (pp->has_schedule) {
    num(w, "schedule", pp->schedule_expected);
    if (pp->has_rate)
      fig(w, "of_schedule", pp->vs_schedule, 2);
    else
      raw(w, "of_schedule", NULL);
  } else {
    raw(w, "schedule", NULL);
    raw(w, "of_schedule", NULL);
  }
  str(w, "light", jx_light_text(pp->budget_light));
  remarks(w, it->spent);
  str(w, "likelihood",
      it->spent && it->spent->likelihood
          ? jx_likelihood_word(it->spent->likelihood, JX_LANG_EN)
          : NULL);
  close_(w, '}');
  count(w, "red", pp->n_red);
  count(w, "yellow", pp->n_yellow);
  key(w, "indicators");
  open_(w, '[');
  for (size_t i = 0; i < p->n_indicators; i++)
    monitor_indicator(w, it, i);
  close_(w, ']');
  close_(w, '}');
}

void ev_json_monitor(const jx_ev_run *r, jx_out *o) {
  jw w;
  memset(&w, 0, sizeof w);
  w.o = o;
  open_(&w, '{');
  head(&w, r);
  char m[16];
  snprintf(m, sizeof m, "%d", r->month);
  raw(&w, "month", m);
  jx_ratio tp = {0, 1};
  jx_ratio_div(jx_ratio_int(r->month * 100), jx_ratio_int(12), &tp);
  fig(&w, "time_progress", tp, 2);
  boolean(&w, "red", jx_ev_any_red(r));
  key(&w, "units");
  open_(&w, '[');
  for (size_t u = 0; u < r->plan->n_units; u++) {
    jx_ev_summary s;
    jx_ev_summarize(r, u, &s);
    if (!s.projects)
      continue;
    sep(&w);
    open_(&w, '{');
    unit_head(&w, &r->plan->units[u]);
    key(&w, "projects");
    open_(&w, '[');
    for (size_t k = 0; k < r->n_items; k++)
      if (r->items[k].done && r->items[k].proj->unit == u)
        monitor_project(&w, &r->items[k]);
    close_(&w, ']');
    key(&w, "summary");
    open_(&w, '{');
    count(&w, "projects", s.projects);
    key(&w, "lights");
    open_(&w, '{');
    for (int l = JX_LIGHT_GREEN; l <= JX_LIGHT_BLUE; l++)
      count(&w, jx_light_text((jx_light)l), s.lights[l]);
    close_(&w, '}');
    summary_money(&w, &s);
    close_(&w, '}');
    close_(&w, '}');
  }
  close_(&w, ']');
  close_(&w, '}');
  jx_out_putc(o, '\n');
}
