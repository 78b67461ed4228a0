/*
 * diff_stream.c — the passes of a bounded `jxc diff` (see diff_stream.h).
 */
#include "diff_stream.h"

#include <stdlib.h>
#include <string.h>

void jx_diff_stream_init(jx_diff_stream *s, bool bounded) {
  memset(s, 0, sizeof *s);
  s->bounded = bounded;
  s->old_ok = true;
  jx_ddigest_init(&s->digest);
  jx_dindex_init(&s->index);
  jx_dindex_init(&s->units);
}

void jx_diff_stream_free(jx_diff_stream *s) {
  jx_ddigest_free(&s->digest);
  jx_dindex_free(&s->index);
  jx_dindex_free(&s->units);
  free(s->cur);
  memset(s, 0, sizeof *s);
}

/* v from `from` into `to`, as diff_model.c's to_cur. */
static bool convert(jx_decimal v, const jx_unit_info *from,
                    const jx_unit_info *to, jx_decimal *out) {
  if (!from || from == to || strcmp(from->norm, to->norm) == 0) {
    *out = v;
    return true;
  }
  return jx_unit_convert(v, from, to, out) == JX_DEC_OK;
}

/* The new side's budgets, summed by currency in order of first use: with
 * one currency (nearly always) the sum is the one diff_model.c would
 * take, in the same order. */
static void add_new_budget(jx_diff_stream *s, const jx_project *p,
                           const jx_unit_info *cur) {
  size_t i = 0;
  while (i < s->n_cur && s->cur[i].currency != cur &&
         !(cur && s->cur[i].currency &&
           strcmp(s->cur[i].currency->norm, cur->norm) == 0))
    i++;
  if (i == s->n_cur) {
    s->cur = jx_xrealloc(s->cur, (s->n_cur + 1) * sizeof *s->cur);
    s->cur[i].currency = cur;
    s->cur[i].sum.micros = 0;
    s->cur[i].ok = true;
    s->n_cur++;
  }
  if (s->cur[i].ok &&
      jx_decimal_add(s->cur[i].sum, p->budget, &s->cur[i].sum) != JX_DEC_OK)
    s->cur[i].ok = false;
}

static bool keep(void *ud, const jx_unit *unit, const jx_project *p,
                 const jx_unit_info *cur) {
  jx_diff_stream *s = ud;
  switch (s->pass) {
  case 1:
    if (!s->bounded) {
      s->n_old++;
      return true;
    }
    /* Only a project with a code takes part: it has one partner at most,
     * whatever the order (a project without one is matched by name). */
    if (p->code)
      jx_dindex_add(&s->index, (uint32_t)s->n_old,
                    jx_ddigest_project(&s->digest, unit, p, cur));
    s->n_old++;
    return false;
  case 2:
    s->n_new++;
    add_new_budget(s, p, cur);
    if (!s->bounded || !p->code ||
        !jx_dindex_take(&s->index,
                        jx_ddigest_project(&s->digest, unit, p, cur)))
      return true;
    s->unchanged++;
    return false;
  default: {
    jx_decimal v;
    if (s->old_ok && (!convert(p->budget, cur, s->target, &v) ||
                      jx_decimal_add(s->old_sum, v, &s->old_sum) != JX_DEC_OK))
      s->old_ok = false;
    /* The same projects come in the same order as in pass 1. */
    return !jx_dindex_marked(&s->index, (uint32_t)s->n_old3++);
  }
  }
}

static bool keep_unit(void *ud, const jx_unit *u) {
  jx_diff_stream *s = ud;
  if (!s->bounded)
    return true;
  switch (s->pass) {
  case 1:
    jx_dindex_add(&s->units, (uint32_t)s->n_units1++,
                  jx_ddigest_unit(&s->digest, u));
    return false;
  case 2:
    return !jx_dindex_take(&s->units, jx_ddigest_unit(&s->digest, u));
  default:
    return !jx_dindex_marked(&s->units, (uint32_t)s->n_units3++);
  }
}

void jx_diff_stream_pass(jx_diff_stream *s, int pass, jx_load_job *job,
                         const jx_loaded_plan *neu) {
  s->pass = pass;
  if (pass == 3)
    s->target = jx_loaded_currency(neu);
  job->keep = keep;
  job->keep_unit = keep_unit;
  job->keep_ud = s;
}

void jx_diff_stream_summary(const jx_diff_stream *s, jx_diff *df) {
  if (!s->bounded)
    return;
  jx_diff_summary *sum = &df->summary;
  sum->projects_old = s->n_old;
  sum->projects_new = s->n_new;
  sum->projects_matched += s->unchanged;
  sum->projects_unchanged += s->unchanged;
  bool ok = s->old_ok;
  jx_decimal total = {0};
  for (size_t i = 0; i < s->n_cur && ok; i++) {
    jx_decimal v;
    ok = s->cur[i].ok &&
         convert(s->cur[i].sum, s->cur[i].currency, s->target, &v) &&
         jx_decimal_add(total, v, &total) == JX_DEC_OK;
  }
  sum->budget_ok = ok;
  sum->has_percent = false;
  sum->percent_cents = 0;
  if (ok) {
    sum->budget_old = s->old_sum;
    sum->budget_new = total;
    sum->budget_ok =
        jx_decimal_sub(total, s->old_sum, &sum->budget_delta) == JX_DEC_OK;
  }
  if (sum->budget_ok)
    sum->has_percent = jx_diff_percent(sum->budget_delta, sum->budget_old,
                                       &sum->percent_cents);
}
