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
  jx_dcodes_init(&s->codes);
  jx_dindex_init(&s->units);
}

void jx_diff_stream_free(jx_diff_stream *s) {
  jx_ddigest_free(&s->digest);
  jx_dcodes_free(&s->codes);
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
    s->n_old++;
    if (!s->bounded)
      return true;
    /* Only a project with a code takes part: it has one partner at most,
     * whatever the order (a project without one is matched by name). */
    if (p->code)
      jx_dcodes_add(&s->codes, jx_ddigest_code(&s->digest, p->code),
                    jx_ddigest_project(&s->digest, unit, p, cur));
    return false;
  case 2: {
    s->n_new++;
    add_new_budget(s, p, cur);
    if (!s->bounded || !p->code)
      return true;
    jx_dcode *e =
        jx_dcodes_meet(&s->codes, jx_ddigest_code(&s->digest, p->code));
    if (!e || e->digest != jx_ddigest_project(&s->digest, unit, p, cur))
      return true;
    e->key |= JX_DCODE_SAME;
    s->unchanged++;
    return false;
  }
  default: {
    s->n_old3++;
    jx_decimal v;
    if (s->old_ok && (!convert(p->budget, cur, s->target, &v) ||
                      jx_decimal_add(s->old_sum, v, &s->old_sum) != JX_DEC_OK))
      s->old_ok = false;
    return !p->code || !jx_dcodes_unchanged(
                           &s->codes, jx_ddigest_code(&s->digest, p->code));
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
  /* Each pass starts from where the one before it left: a pass run again
   * (the caller loads a side anew, with the checker's set of codes) sees
   * nothing of its first run. */
  if (pass == 1) {
    jx_dcodes_free(&s->codes);
    jx_dindex_free(&s->units);
    s->n_old = s->n_units1 = 0;
  } else if (pass == 2) {
    if (s->bounded)
      jx_dcodes_restart(&s->codes);
    jx_dindex_unmark(&s->units);
    s->n_new = s->unchanged = 0;
    s->n_cur = 0;
  } else {
    s->target = jx_loaded_currency(neu);
    s->n_old3 = s->n_units3 = 0;
    s->old_ok = true;
    s->old_sum.micros = 0;
  }
  job->keep = keep;
  job->keep_unit = keep_unit;
  job->keep_ud = s;
}

bool jx_diff_stream_doubt(jx_diff_stream *s, int pass) {
  if (!s->bounded)
    return false;
  if (pass == 1) {
    jx_dcodes_seal(&s->codes);
    return s->codes.doubt_old;
  }
  jx_dcodes_end_new(&s->codes);
  return s->codes.doubt_new;
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
