/*
 * report_csv.c — `jxc eval -f csv` and `jxc monitor -f csv`: one row per
 * line of the form (the budget's execution first, then each indicator),
 * with the project's and unit's columns repeated on every row so that a
 * spreadsheet can filter and sum (docs/eval.md lists the columns).
 *
 * RFC 4180 with CRLF, cells escaped by the CSV back end's own writer
 * (jx_csv_text: quoting, formula leads neutralised); figures are written
 * as this file formats them, exact decimals as shown.
 */
#include "report.h"

#include <string.h>

#include "backend.h" /* jx_csv_text, jx_csv_figure */

#define LIT(o, s) jx_out_write((o), (s), sizeof(s) - 1)

static void text(jx_out *o, int *col, const char *s) {
  jx_csv_text(o, col, s);
}

static void figure(jx_out *o, int *col, const char *s) {
  jx_csv_figure(o, col, s ? s : "");
}

static void dec(jx_out *o, int *col, jx_decimal d) {
  char b[EV_FIG];
  ev_dec(d, b);
  figure(o, col, b);
}

static void end_row(jx_out *o) {
  LIT(o, "\r\n");
}

/* The columns every row starts with. */
static void lead(jx_out *o, int *col, const jx_ev_run *r,
                 const jx_ev_item *it) {
  const jx_ev_unit *u = &r->plan->units[it->proj->unit];
  text(o, col, u->code);
  text(o, col, u->name);
  text(o, col, it->proj->p->code);
  text(o, col, it->proj->p->name);
}

static const char *reason_of(const jx_entry *e, jx_strbuf *b) {
  jx_sb_clear(b);
  if (!e || (!e->reason && !e->reason_text))
    return NULL;
  if (e->reason)
    jx_sb_puts(b, jx_reason_word(e->reason, JX_LANG_ZH));
  if (e->reason && e->reason_text)
    jx_sb_puts(b, "：");
  if (e->reason_text)
    jx_sb_puts(b, e->reason_text);
  return b->p;
}

/* ---- eval -------------------------------------------------------------------
 */

static const char eval_header[] =
    "unit_code,unit_name,project_code,project_name,project_score,grade,"
    "part,indicator,target,actual,weight,score,state,printed_weight,"
    "printed_score,reason,measure\r\n";

/* The end of an eval row: what the user's form printed (weight, score),
 * the reason for a shortfall and the measure taken, from the entry. */
static void printed(jx_out *o, int *col, const jx_entry *e, jx_strbuf *rb) {
  char pw[EV_FIG] = "", pscore[EV_FIG] = "";
  if (e && e->has_weight)
    ev_dec(e->weight, pw);
  if (e && e->has_score)
    ev_dec(e->score, pscore);
  figure(o, col, pw);
  figure(o, col, pscore);
  text(o, col, reason_of(e, rb));
  text(o, col, e ? e->measure : NULL);
  end_row(o);
}

void ev_csv_eval(const jx_ev_run *r, jx_out *o) {
  const jx_profile *prof = r->profile;
  jx_strbuf rb = {0};
  LIT(o, eval_header);
  for (size_t k = 0; k < r->n_items; k++) {
    const jx_ev_item *it = &r->items[k];
    if (!it->done)
      continue;
    const jx_project_score *ps = &it->score;
    char total[EV_FIG], w[EV_FIG], s[EV_FIG];
    ev_score(prof, ps->total_shown, total);
    /* the budget's execution */
    int col = 0;
    lead(o, &col, r, it);
    figure(o, &col, total);
    text(o, &col, jx_grade_text(ps->grade));
    text(o, &col, "execution");
    text(o, &col, jx_msg_text(JX_M_EV_EXECUTION_NAME, JX_LANG_ZH));
    dec(o, &col, ps->budget_full);
    if (it->pa.has_spent)
      dec(o, &col, ps->spent);
    else
      figure(o, &col, "");
    ev_weight(ps->execution_weight, w);
    ev_score(prof, ps->execution_shown, s);
    figure(o, &col, w);
    figure(o, &col, s);
    text(o, &col, ps->has_rate ? NULL : "no-actual");
    printed(o, &col, it->spent, &rb);
    for (size_t i = 0; i < it->proj->p->n_indicators; i++) {
      const jx_indicator *x = &it->proj->p->indicators[i];
      const jx_indicator_score *is = &it->scores[i];
      col = 0;
      lead(o, &col, r, it);
      figure(o, &col, total);
      text(o, &col, jx_grade_text(ps->grade));
      text(o, &col, is->group >= 0 ? prof->groups[is->group].name : NULL);
      text(o, &col, x->name);
      text(o, &col, x->text);
      text(o, &col, it->entries[i] ? it->entries[i]->value.text : NULL);
      ev_weight(is->weight, w);
      ev_score(prof, is->shown, s);
      figure(o, &col, w);
      figure(o, &col, s);
      text(o, &col, ev_state_key(ev_state(it, i)));
      printed(o, &col, it->entries[i], &rb);
    }
  }
  jx_sb_free(&rb);
}

/* ---- monitor ----------------------------------------------------------------
 */

static const char monitor_header[] =
    "unit_code,unit_name,project_code,project_name,month,item,target,"
    "actual,due,percent,met,light,reason,measure,likelihood\r\n";

static void month_col(jx_out *o, int *col, int month) {
  char b[8];
  b[0] = month >= 10 ? '1' : (char)('0' + month);
  b[1] = month >= 10 ? (char)('0' + month - 10) : '\0';
  b[2] = '\0';
  figure(o, col, b);
}

void ev_csv_monitor(const jx_ev_run *r, jx_out *o) {
  jx_strbuf rb = {0};
  LIT(o, monitor_header);
  for (size_t k = 0; k < r->n_items; k++) {
    const jx_ev_item *it = &r->items[k];
    if (!it->done)
      continue;
    const jx_project_progress *pp = &it->prog;
    char b[EV_FIG], c[EV_FIG];
    int col = 0;
    lead(o, &col, r, it);
    month_col(o, &col, r->month);
    text(o, &col, jx_msg_text(JX_M_EV_EXECUTION_NAME, JX_LANG_ZH));
    dec(o, &col, pp->budget_full);
    if (it->pa.has_spent)
      dec(o, &col, pp->spent);
    else
      figure(o, &col, "");
    ev_pct(pp->time_progress, b); /* what is due: 序时进度, percent */
    figure(o, &col, b);
    if (pp->has_rate)
      ev_pct(pp->vs_time, c);
    figure(o, &col, pp->has_rate ? c : "");
    figure(o, &col, "");
    text(o, &col, jx_light_text(pp->budget_light));
    const jx_entry *e = it->spent;
    text(o, &col, reason_of(e, &rb));
    text(o, &col, e ? e->measure : NULL);
    text(o, &col,
         e && e->likelihood ? jx_likelihood_word(e->likelihood, JX_LANG_ZH)
                            : NULL);
    end_row(o);
    for (size_t i = 0; i < it->proj->p->n_indicators; i++) {
      const jx_indicator *x = &it->proj->p->indicators[i];
      const jx_indicator_progress *ip = &it->progress[i];
      e = it->entries[i];
      col = 0;
      lead(o, &col, r, it);
      month_col(o, &col, r->month);
      text(o, &col, x->name);
      text(o, &col, x->text);
      text(o, &col, e ? e->value.text : NULL);
      bool pro = ip->kind == JX_PROGRESS_PRORATED;
      if (pro) {
        ev_pct(ip->expected, b);
        ev_pct(ip->progress, c);
      }
      figure(o, &col, pro ? b : "");
      figure(o, &col, pro ? c : "");
      figure(o, &col, ip->met < 0 ? "" : ip->met ? "true" : "false");
      text(o, &col,
           ip->kind == JX_PROGRESS_PENDING ? "pending"
                                           : jx_light_text(ip->light));
      text(o, &col, reason_of(e, &rb));
      text(o, &col, e ? e->measure : NULL);
      text(o, &col,
           e && e->likelihood ? jx_likelihood_word(e->likelihood, JX_LANG_ZH)
                              : NULL);
      end_row(o);
    }
  }
  jx_sb_free(&rb);
}
