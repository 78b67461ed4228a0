/*
 * run.c — scoring or monitoring every reported project with libjixiao,
 * and what the figures themselves say (eval.h).
 *
 * The runtime computes; this file reports what a person must look at:
 * a printed score that no rounding of the computed one gives (both
 * figures, a warning: printed forms are often inconsistent, and jxc never
 * "fixes" them), weights that do not add up to their part or to the
 * total, a qualitative result without a rating, an indicator no part of
 * the profile scores, and in monitoring a red or yellow light without a
 * reason.  It also sums each unit for the reports.
 */
#include "eval.h"
#include "report.h" /* the word for a light, as reports say it */

#include <string.h>

/* Text for a decimal, in one of four rotating buffers (for messages). */
static const char *dec(jx_decimal d) {
  static char buf[4][JX_DECIMAL_BUFSZ];
  static int k;
  k = (k + 1) % 4;
  jx_decimal_format(d, buf[k]);
  return buf[k];
}

/* The exact text of a ratio: a decimal, or a fraction (2163/220). */
static const char *rat(jx_ratio r) {
  static char buf[4][JX_RATIO_BUFSZ];
  static int k;
  k = (k + 1) % 4;
  jx_ratio_format(r, buf[k]);
  return buf[k];
}

static jx_loc value_loc(const jx_ev_item *it, size_t i) {
  const jx_entry *e = it->entries[i];
  if (e && jx_loc_known(e->value.loc))
    return e->value.loc;
  if (e)
    return e->loc;
  return it->proj->locs->indicators[i].name;
}

/* The first printed weight of an indicator in part g, for a message
 * about the part's weights. */
static jx_loc part_loc(const jx_ev_item *it, int g) {
  for (size_t i = 0; i < it->proj->p->n_indicators; i++)
    if (it->scores[i].group == g && it->entries[i] &&
        it->entries[i]->has_weight)
      return it->entries[i]->weight_loc;
  return it->proj->locs->name;
}

/* A printed score that disagrees: both figures, and the exact one when
 * what is shown is rounded. */
static void differs(jx_diag *d, jx_loc at, const char *what, jx_decimal printed,
                    jx_decimal shown, jx_ratio exact) {
  jx_decimal x;
  if (jx_ratio_decimal(exact, &x) == JX_DEC_OK && jx_decimal_cmp(x, shown) == 0)
    jx_diag_report(d, JX_W_SCORE_DIFFERS, at, what, dec(printed), dec(shown));
  else
    jx_diag_report(d, JX_W_SCORE_DIFFERS_EXACT, at, what, dec(printed),
                   dec(shown), rat(exact));
}

static void check_scores(jx_ev_run *r, jx_ev_item *it, jx_diag *d) {
  const jx_project *p = it->proj->p;
  const jx_profile *prof = r->profile;
  for (size_t i = 0; i < p->n_indicators; i++) {
    const jx_indicator *x = &p->indicators[i];
    const jx_indicator_score *s = &it->scores[i];
    const jx_entry *e = it->entries[i];
    if (s->note == JX_NOTE_NO_RATING)
      jx_diag_report(d, JX_W_ACTUAL_RATING, value_loc(it, i),
                     e && e->value.text ? e->value.text : "", jx_ev_name(x));
    if (s->note == JX_NOTE_NO_GROUP)
      jx_diag_report(d, JX_W_ACTUAL_NOT_SCORED,
                     it->proj->locs->indicators[i].decl, jx_ev_name(x),
                     prof->name);
    if (s->printed_differs && e) {
      differs(d, e->score_loc, jx_ev_name(x), e->score, s->shown, s->score);
      if (s->note == JX_NOTE_PRINTED_OUT_OF_BAND) {
        jx_rating rt = it->acts[i].rating ? it->acts[i].rating : JX_RATING_MET;
        const char *lo = rt == JX_RATING_MET      ? dec(prof->band_met)
                         : rt == JX_RATING_PARTLY ? dec(prof->band_partly)
                                                  : "0";
        const char *hi = rt == JX_RATING_MET      ? "100"
                         : rt == JX_RATING_PARTLY ? dec(prof->band_met)
                                                  : dec(prof->band_partly);
        jx_diag_note(d, JX_N_EV_BAND, e->score_loc,
                     (int)(rt == JX_RATING_MET      ? JX_M_EV_RATED_MET
                           : rt == JX_RATING_PARTLY ? JX_M_EV_RATED_PARTLY
                                                    : JX_M_EV_RATED_MISSED),
                     lo, hi);
      }
    }
  }
  if (it->score.execution_printed_differs && it->spent)
    differs(d, it->spent->score_loc,
            jx_msg_text(JX_M_EV_EXECUTION_NAME, jx_diag_lang(d)),
            it->spent->score, it->score.execution_shown,
            it->score.execution_score);
  jx_ratio nominal = jx_ratio_of(prof->execution_weight);
  for (size_t g = 0; g < prof->n_groups; g++) {
    const jx_group_score *gs = &it->score.groups[g];
    jx_ratio wg = jx_ratio_of(prof->groups[g].weight);
    jx_ratio_add(nominal, wg, &nominal);
    if (gs->n > 0 && gs->n_printed == gs->n &&
        jx_ratio_cmp(gs->printed, wg) != 0)
      jx_diag_report(d, JX_W_WEIGHTS_PART, part_loc(it, (int)g),
                     prof->groups[g].name, prof->groups[g].label,
                     rat(gs->printed), prof->name, dec(prof->groups[g].weight));
  }
  if (it->score.all_printed &&
      jx_ratio_cmp(it->score.printed_total, nominal) != 0)
    jx_diag_report(d, JX_W_WEIGHTS_TOTAL,
                   it->spent ? it->spent->weight_loc : it->proj->locs->name,
                   p->name, rat(it->score.printed_total), rat(nominal));
}

int jx_ev_score(jx_ev_run *r, jx_diag *d) {
  int errors = jx_diag_errors(d);
  for (size_t k = 0; k < r->n_items; k++) {
    jx_ev_item *it = &r->items[k];
    if (!it->reported)
      continue;
    size_t n = it->proj->p->n_indicators;
    it->scores = jx_arena_alloc(&r->arena, (n ? n : 1) * sizeof *it->scores);
    if (jx_score_project(r->profile, it->proj->p, &it->pa, it->scores,
                         &it->score) != JX_DEC_OK) {
      jx_diag_report(d, JX_E_SCORE_RANGE, it->proj->locs->name,
                     it->proj->p->name);
      continue;
    }
    it->done = true;
    check_scores(r, it, d);
  }
  return jx_diag_errors(d) > errors;
}

static bool has_reason(const jx_entry *e) {
  return e && (e->reason != JX_REASON_NONE || e->reason_text);
}

/* A light that needs a reason: red, and yellow where the profile says. */
static bool needs_reason(const jx_profile *prof, jx_light l) {
  return l == JX_LIGHT_RED || (l == JX_LIGHT_YELLOW && prof->reason_for_yellow);
}

int jx_ev_monitor(jx_ev_run *r, int month, jx_diag *d) {
  int errors = jx_diag_errors(d);
  r->month = month;
  for (size_t k = 0; k < r->n_items; k++) {
    jx_ev_item *it = &r->items[k];
    if (!it->reported)
      continue;
    const jx_project *p = it->proj->p;
    size_t n = p->n_indicators;
    it->progress =
        jx_arena_alloc(&r->arena, (n ? n : 1) * sizeof *it->progress);
    if (jx_monitor_project(r->profile, p, &it->pa, r->plan->year, month,
                           it->progress, &it->prog) != JX_DEC_OK) {
      jx_diag_report(d, JX_E_SCORE_RANGE, it->proj->locs->name, p->name);
      continue;
    }
    it->done = true;
    jx_light bl = it->prog.budget_light;
    if (needs_reason(r->profile, bl) && !has_reason(it->spent))
      jx_diag_report(d, JX_W_MONITOR_REASON,
                     it->spent ? it->spent->value.loc : it->proj->locs->name,
                     (int)ev_light_word(bl),
                     jx_msg_text(JX_M_EV_EXECUTION_NAME, jx_diag_lang(d)));
    for (size_t i = 0; i < n; i++) {
      const jx_indicator_progress *ip = &it->progress[i];
      const jx_entry *e = it->entries[i];
      if (needs_reason(r->profile, ip->light) && !has_reason(e))
        jx_diag_report(d, JX_W_MONITOR_REASON, value_loc(it, i),
                       (int)ev_light_word(ip->light),
                       jx_ev_name(&p->indicators[i]));
      if (ip->kind == JX_PROGRESS_NONE && e &&
          p->indicators[i].kind == JX_KIND_QUALITATIVE &&
          it->acts[i].kind == JX_ACTUAL_TEXT && !it->acts[i].rating)
        jx_diag_report(d, JX_W_ACTUAL_RATING, value_loc(it, i),
                       e->value.text ? e->value.text : "",
                       jx_ev_name(&p->indicators[i]));
    }
  }
  return jx_diag_errors(d) > errors;
}

bool jx_ev_any_red(const jx_ev_run *r) {
  for (size_t k = 0; k < r->n_items; k++)
    if (r->items[k].done && r->items[k].prog.n_red > 0)
      return true;
  return false;
}

void jx_ev_run_free(jx_ev_run *r) {
  jx_arena_free(&r->arena);
  memset(r, 0, sizeof *r);
}

/* ---- Sums per unit --------------------------------------------------------
 */

static void count_light(jx_ev_summary *s, jx_light l) {
  if (l != JX_LIGHT_NONE)
    s->lights[l]++;
}

void jx_ev_summarize(const jx_ev_run *r, size_t unit, jx_ev_summary *s) {
  memset(s, 0, sizeof *s);
  s->total.den = s->average.den = s->rate.den = 1;
  s->money = true;
  const jx_unit_info *cur = NULL;
  bool ok = true;
  for (size_t k = 0; k < r->n_items; k++) {
    const jx_ev_item *it = &r->items[k];
    if (!it->done || it->proj->unit != unit)
      continue;
    s->projects++;
    if (!cur)
      cur = it->proj->currency;
    if (cur != it->proj->currency)
      s->money = false; /* files in other currencies: no sum of money */
    s->currency = cur;
    jx_decimal bf = it->score.budget_full, sp = it->score.spent;
    bool has_spent = it->pa.has_spent;
    if (r->month) {
      bf = it->prog.budget_full;
      sp = it->prog.spent;
      count_light(s, it->prog.budget_light);
      for (size_t i = 0; i < it->proj->p->n_indicators; i++)
        count_light(s, it->progress[i].light);
    } else {
      s->grades[it->score.grade]++;
      ok =
          ok && jx_ratio_add(s->total, it->score.total, &s->total) == JX_DEC_OK;
    }
    if (has_spent)
      ok = ok && jx_decimal_add(s->spent, sp, &s->spent) == JX_DEC_OK;
    ok = ok && jx_decimal_add(s->budget_full, bf, &s->budget_full) == JX_DEC_OK;
  }
  s->ok = ok;
  if (!ok || !s->projects)
    return;
  jx_ratio_div(s->total, jx_ratio_int((int64_t)s->projects), &s->average);
  if (s->money && s->budget_full.micros > 0 &&
      jx_ratio_div(jx_ratio_of(s->spent), jx_ratio_of(s->budget_full),
                   &s->rate) == JX_DEC_OK &&
      jx_ratio_mul(s->rate, jx_ratio_int(100), &s->rate) == JX_DEC_OK)
    s->has_rate = true;
}
