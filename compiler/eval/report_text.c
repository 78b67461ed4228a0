/*
 * report_text.c — `jxc eval` and `jxc monitor` for a person: per unit,
 * per project its total and grade (or its budget light), a line for the
 * budget's execution, and under each part of the profile a line per
 * indicator; a summary per unit.  Every word comes from the catalog, in
 * the run's language.  Names and texts from the input are printed as they
 * are, except what would drive the terminal (controls, bad bytes, bidi
 * overrides), which is shown as diagnostics show it (jx_diag_put_safe).
 */
#include "report.h"

#include <stdio.h>
#include <string.h>

typedef struct tctx {
  jx_lang lang;
  jx_out *o;
  const jx_ev_run *r;
  jx_strbuf line;
  jx_strbuf safe[8]; /* rotating: one per argument of a line */
  int k;
} tctx;

/* s as it may reach a terminal, as diagnostics show text from the input:
 * controls and bad bytes as \xNN, bidi controls as <U+202E>; valid until
 * 8 more calls. */
static const char *safe(tctx *t, const char *s) {
  jx_strbuf *b = &t->safe[t->k];
  t->k = (t->k + 1) % 8;
  jx_sb_clear(b);
  if (s)
    jx_diag_put_safe(b, s, strlen(s));
  if (!b->p)
    jx_sb_puts(b, "");
  return b->p;
}

/* A line of the report: `indent` spaces, then the catalog's text. */
static void emit(tctx *t, int indent, jx_msg id, ...) {
  va_list ap;
  va_start(ap, id);
  jx_sb_clear(&t->line);
  jx_sb_fill(&t->line, ' ', (size_t)indent);
  jx_msg_vprintf(&t->line, t->lang, id, ap);
  va_end(ap);
  jx_out_write(t->o, t->line.p, t->line.n);
}

static void done(tctx *t) {
  jx_sb_free(&t->line);
  for (int i = 0; i < 8; i++)
    jx_sb_free(&t->safe[i]);
}

/* " [code]" after a project's name, when it has one. */
static const char *code_part(tctx *t, const jx_project *p) {
  if (!p->code)
    return "";
  jx_strbuf *b = &t->safe[t->k];
  t->k = (t->k + 1) % 8;
  jx_sb_clear(b);
  jx_sb_printf(b, " [%s]", p->code);
  return safe(t, b->p);
}

static void unit_line(tctx *t, const jx_ev_unit *u) {
  jx_sb_clear(&t->line);
  ev_unit_title(&t->line, u, t->lang);
  jx_out_write(t->o, t->line.p, t->line.n);
}

/* 偏差原因, 改进措施, 完成可能性 under an indicator, when reported. */
static void remarks(tctx *t, int indent, const jx_entry *e) {
  if (!e)
    return;
  if (e->reason || e->reason_text) {
    const char *cat = e->reason ? jx_reason_word(e->reason, t->lang) : NULL;
    jx_strbuf *b = &t->safe[t->k];
    t->k = (t->k + 1) % 8;
    jx_sb_clear(b);
    jx_sb_printf(b, "%s%s%s", cat ? cat : "", cat && e->reason_text ? " " : "",
                 e->reason_text ? e->reason_text : "");
    emit(t, indent, JX_M_EV_REASON, safe(t, b->p));
  }
  if (e->measure)
    emit(t, indent, JX_M_EV_MEASURE, safe(t, e->measure));
  if (e->likelihood)
    emit(t, indent, JX_M_EV_LIKELIHOOD,
         jx_likelihood_word(e->likelihood, t->lang));
}

/* ---- eval ------------------------------------------------------------------
 */

static void eval_indicator(tctx *t, const jx_ev_item *it, size_t i) {
  const jx_indicator *x = &it->proj->p->indicators[i];
  const jx_indicator_score *s = &it->scores[i];
  jx_msg st = ev_state(it, i);
  const char *target = safe(t, x->text);
  if (st == JX_M_EV_NA || st == JX_M_EV_NOT_SCORED) {
    emit(t, 6, JX_M_EV_INDICATOR_NONE, safe(t, x->name), target, (int)st);
    return;
  }
  char score[EV_FIG], weight[EV_FIG];
  ev_score(t->r->profile, s->shown, score);
  ev_weight(s->weight, weight);
  const char *actual = ev_actual_text(it, i, t->lang);
  emit(t, 6, JX_M_EV_INDICATOR, safe(t, x->name), target,
       actual ? safe(t, actual) : "—", (int)st, score, weight);
  remarks(t, 8, it->entries[i]);
}

static void eval_project(tctx *t, const jx_ev_item *it) {
  const jx_profile *prof = t->r->profile;
  const jx_project *p = it->proj->p;
  const jx_project_score *ps = &it->score;
  char total[EV_FIG], score[EV_FIG], weight[EV_FIG];
  ev_score(prof, ps->total_shown, total);
  emit(t, 2, JX_M_EV_PROJECT, safe(t, p->name), code_part(t, p), total,
       (int)ev_grade_word(ps->grade));
  ev_score(prof, ps->execution_shown, score);
  ev_weight(ps->execution_weight, weight);
  const char *name = jx_msg_text(JX_M_EV_EXECUTION_NAME, t->lang);
  if (ps->has_rate) {
    char spent[EV_FIG], full[EV_FIG], rate[EV_FIG];
    jx_ratio pct;
    ev_dec(ps->spent, spent);
    ev_dec(ps->budget_full, full);
    if (jx_ratio_mul(ps->rate, jx_ratio_int(100), &pct) != JX_DEC_OK)
      pct = ps->rate;
    ev_pct(pct, rate);
    emit(t, 4, JX_M_EV_EXECUTION, name, spent, full,
         it->proj->currency ? it->proj->currency->norm : "", rate, score,
         weight);
  } else {
    emit(t, 4, JX_M_EV_EXECUTION_NONE, name, score, weight);
  }
  remarks(t, 6, it->spent);
  size_t n = p->n_indicators;
  for (size_t g = 0; g < prof->n_groups; g++) {
    const jx_group_score *gs = &ps->groups[g];
    bool any = false;
    for (size_t i = 0; i < n && !any; i++)
      any = it->scores[i].group == (int)g;
    if (!any)
      continue;
    jx_decimal shown;
    if (jx_ratio_round(gs->score, ev_places(prof), JX_ROUND_HALF_UP, &shown) !=
        JX_DEC_OK)
      shown.micros = 0;
    ev_score(prof, shown, score);
    ev_weight(gs->weight, weight);
    emit(t, 4, JX_M_EV_PART, ev_part_name(prof, (int)g, t->lang), score,
         weight);
    for (size_t i = 0; i < n; i++)
      if (it->scores[i].group == (int)g)
        eval_indicator(t, it, i);
  }
  bool header = false;
  for (size_t i = 0; i < n; i++)
    if (it->scores[i].group < 0) {
      if (!header)
        emit(t, 4, JX_M_EV_NOT_SCORED_HEAD);
      header = true;
      eval_indicator(t, it, i);
    }
}

static void money_line(tctx *t, const jx_ev_summary *s) {
  if (!s->money || !s->has_rate)
    return;
  char spent[EV_FIG], full[EV_FIG], rate[EV_FIG];
  ev_dec(s->spent, spent);
  ev_dec(s->budget_full, full);
  ev_pct(s->rate, rate);
  emit(t, 2, JX_M_EV_SUMMARY_MONEY, spent, full,
       s->currency ? s->currency->norm : "", rate);
}

/* Each unit with at least one project done, in the plan's order. */
static void each_unit(tctx *t, void (*project)(tctx *, const jx_ev_item *),
                      void (*summary)(tctx *, const jx_ev_summary *)) {
  const jx_ev_run *r = t->r;
  for (size_t u = 0; u < r->plan->n_units; u++) {
    jx_ev_summary s;
    jx_ev_summarize(r, u, &s);
    if (!s.projects)
      continue;
    jx_out_putc(t->o, '\n');
    unit_line(t, &r->plan->units[u]);
    for (size_t k = 0; k < r->n_items; k++)
      if (r->items[k].done && r->items[k].proj->unit == u)
        project(t, &r->items[k]);
    if (s.ok)
      summary(t, &s);
  }
}

static void eval_summary(tctx *t, const jx_ev_summary *s) {
  char avg[EV_FIG];
  ev_pct(s->average, avg);
  emit(t, 2, s->projects == 1 ? JX_M_EV_SUMMARY_1 : JX_M_EV_SUMMARY,
       s->projects, avg);
  emit(t, 2, JX_M_EV_GRADES, (int)JX_M_GRADE_A, s->grades[0], (int)JX_M_GRADE_B,
       s->grades[1], (int)JX_M_GRADE_C, s->grades[2], (int)JX_M_GRADE_D,
       s->grades[3]);
  money_line(t, s);
}

void ev_text_eval(const jx_ev_run *r, jx_lang lang, jx_out *o) {
  tctx t;
  memset(&t, 0, sizeof t);
  t.lang = lang;
  t.o = o;
  t.r = r;
  if (r->profile->label)
    emit(&t, 0, JX_M_EV_PROFILE, safe(&t, r->profile->name),
         safe(&t, r->profile->label));
  else
    emit(&t, 0, JX_M_EV_PROFILE_BARE, safe(&t, r->profile->name));
  each_unit(&t, eval_project, eval_summary);
  done(&t);
}

/* ---- monitor ----------------------------------------------------------------
 */

static void monitor_indicator(tctx *t, const jx_ev_item *it, size_t i) {
  const jx_indicator *x = &it->proj->p->indicators[i];
  const jx_indicator_progress *ip = &it->progress[i];
  const char *name = safe(t, x->name), *target = safe(t, x->text);
  const char *actual = ev_actual_text(it, i, t->lang);
  const char *a = actual ? safe(t, actual) : "—";
  switch (ip->kind) {
  case JX_PROGRESS_PRORATED: {
    char pct[EV_FIG], due[EV_FIG + 32];
    ev_pct(ip->progress, pct);
    ev_weight(ip->expected, due);
    if (x->unit)
      strncat(due, x->unit, sizeof due - strlen(due) - 1);
    emit(t, 4, JX_M_MO_PRORATED, name, target, a, pct, safe(t, due),
         (int)ev_light_word(ip->light));
    break;
  }
  case JX_PROGRESS_BOUND:
    emit(t, 4, JX_M_MO_BOUND, name, target, a,
         (int)(ip->met == 1 ? JX_M_EV_RATED_MET : JX_M_EV_RATED_MISSED),
         (int)ev_light_word(ip->light));
    break;
  case JX_PROGRESS_RATED:
    emit(t, 4, JX_M_MO_RATED, name, target, a, (int)ev_light_word(ip->light));
    break;
  case JX_PROGRESS_PENDING:
    emit(t, 4, JX_M_MO_PENDING, name, target);
    break;
  case JX_PROGRESS_NONE:
    emit(t, 4, JX_M_MO_NONE, name, target,
         (int)(x->kind == JX_KIND_NA || x->kind == JX_KIND_EMPTY ||
                       it->acts[i].kind == JX_ACTUAL_NA
                   ? JX_M_EV_NA
               : it->entries[i] && it->entries[i]->value.kind != JX_AV_NONE
                   ? JX_M_MO_NOT_JUDGED
                   : JX_M_EV_NO_ACTUAL));
    break;
  }
  remarks(t, 6, it->entries[i]);
}

static void monitor_project(tctx *t, const jx_ev_item *it) {
  const jx_project *p = it->proj->p;
  const jx_project_progress *pp = &it->prog;
  emit(t, 2, JX_M_MO_PROJECT, safe(t, p->name), code_part(t, p));
  const char *name = jx_msg_text(JX_M_EV_EXECUTION_NAME, t->lang);
  if (pp->has_rate) {
    char spent[EV_FIG], full[EV_FIG], rate[EV_FIG], vs[EV_FIG];
    ev_dec(pp->spent, spent);
    ev_dec(pp->budget_full, full);
    ev_pct(pp->rate, rate);
    ev_pct(pp->vs_time, vs);
    emit(t, 4, JX_M_MO_BUDGET, name, spent, full,
         it->proj->currency ? it->proj->currency->norm : "", rate, vs,
         (int)ev_light_word(pp->budget_light));
    if (pp->has_schedule) {
      char due[EV_FIG], of[EV_FIG];
      ev_dec(pp->schedule_expected, due);
      ev_pct(pp->vs_schedule, of);
      emit(t, 6, JX_M_MO_SCHEDULE, due, of);
    }
  } else {
    emit(t, 4, JX_M_MO_BUDGET_NONE, name);
  }
  remarks(t, 6, it->spent);
  for (size_t i = 0; i < p->n_indicators; i++)
    monitor_indicator(t, it, i);
}

static void monitor_summary(tctx *t, const jx_ev_summary *s) {
  emit(t, 2, s->projects == 1 ? JX_M_MO_SUMMARY_1 : JX_M_MO_SUMMARY,
       s->projects);
  emit(t, 2, JX_M_EV_GRADES, (int)JX_M_LIGHT_RED, s->lights[JX_LIGHT_RED],
       (int)JX_M_LIGHT_YELLOW, s->lights[JX_LIGHT_YELLOW],
       (int)JX_M_LIGHT_GREEN, s->lights[JX_LIGHT_GREEN], (int)JX_M_LIGHT_BLUE,
       s->lights[JX_LIGHT_BLUE]);
  money_line(t, s);
}

void ev_text_monitor(const jx_ev_run *r, jx_lang lang, jx_out *o) {
  tctx t;
  memset(&t, 0, sizeof t);
  t.lang = lang;
  t.o = o;
  t.r = r;
  char tp[EV_FIG];
  jx_ratio p = {0, 1};
  jx_ratio_div(jx_ratio_int(r->month * 100), jx_ratio_int(12), &p);
  ev_pct(p, tp);
  if (r->profile->label)
    emit(&t, 0, JX_M_MO_HEADER, r->month, tp, safe(&t, r->profile->name),
         safe(&t, r->profile->label));
  else
    emit(&t, 0, JX_M_MO_HEADER_BARE, r->month, tp, safe(&t, r->profile->name));
  each_unit(&t, monitor_project, monitor_summary);
  done(&t);
}
