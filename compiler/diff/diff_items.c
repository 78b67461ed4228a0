/*
 * diff_items.c — recording what changed (see diff_impl.h): the items and
 * their labels, and the comparisons every level of a plan has — texts,
 * amounts in one currency, goals (a multiset match, then pairs of similar
 * leftovers), measures by title, named fields and organisations.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_impl.h"
#include "diff_inline.h"
#include "strmap.h"
#include "units.h"

char *jx_df_fmt(jx_df_ctx *c, const char *f, ...)
    __attribute__((format(printf, 2, 3)));
char *jx_df_fmt(jx_df_ctx *c, const char *f, ...) {
  va_list ap;
  va_start(ap, f);
  int n = vsnprintf(NULL, 0, f, ap);
  va_end(ap);
  char *s = jx_arena_alloc(&c->df->arena, (size_t)n + 1);
  va_start(ap, f);
  vsnprintf(s, (size_t)n + 1, f, ap);
  va_end(ap);
  return s;
}

/* A label from the catalog (messages.def), in the language of the run's
 * messages, in the diff's arena. */
char *jx_df_label(jx_df_ctx *c, jx_msg id, ...) {
  jx_strbuf sb = {0};
  va_list ap;
  va_start(ap, id);
  jx_msg_vprintf(&sb, jx_diag_lang(c->d), id, ap);
  va_end(ap);
  char *s = jx_arena_strndup(&c->df->arena, sb.p ? sb.p : "", sb.n);
  jx_sb_free(&sb);
  return s;
}

const char *jx_df_word(const jx_df_ctx *c, jx_msg id) {
  return jx_msg_text(id, jx_diag_lang(c->d));
}

/* A place from the locations table, as the report shows it; nowhere when
 * the thing was not written (the zero jx_loc). */
jx_diff_loc jx_df_loc_of(const jx_df_ctx *c, jx_loc l) {
  jx_diff_loc d = {NULL, 0};
  if (jx_loc_known(l)) {
    d.path = jx_diag_source_path(c->d, l.file);
    d.line = (int)jx_loc_line(l);
  }
  return d;
}

/* A statement's place, or the block's when the statement is absent. */
jx_diff_loc jx_df_stmt_loc(const jx_df_ctx *c, jx_loc stmt, jx_loc block) {
  return jx_df_loc_of(c, jx_loc_known(stmt) ? stmt : block);
}

jx_diff_item *jx_df_add(jx_df_ctx *c, jx_diff_what w, jx_diff_op op,
                        jx_diff_loc lo, jx_diff_loc ln, const char *o,
                        const char *n) {
  jx_diff *df = c->df;
  if (df->n_items == df->cap_items) {
    df->cap_items = df->cap_items ? df->cap_items * 2 : 64;
    df->items = jx_xrealloc(df->items, df->cap_items * sizeof *df->items);
  }
  jx_diff_item *it = &df->items[df->n_items++];
  memset(it, 0, sizeof *it);
  it->what = w;
  it->op = op;
  it->unit = c->section;
  it->project = c->project;
  it->sub = c->sub;
  it->project_old = c->project_old;
  it->project_new = c->project_new;
  it->old_loc = lo;
  it->new_loc = ln;
  it->old_text = op == JX_DIFF_ADDED ? NULL : o;
  it->new_text = op == JX_DIFF_REMOVED ? NULL : n;
  df->summary.count[w][op]++;
  return it;
}

bool jx_df_same_str(const char *x, const char *y) {
  return (!x && !y) || (x && y && strcmp(x, y) == 0);
}

/* A text that may have changed: both present → an inline diff. */
void jx_df_text_change(jx_df_ctx *c, jx_diff_what w, const char *o,
                       const char *n, jx_diff_loc lo, jx_diff_loc ln) {
  if (jx_df_same_str(o, n))
    return;
  jx_diff_item *it = jx_df_add(c, w, JX_DIFF_CHANGED, lo, ln, o, n);
  it->inline_diff = o && n;
}
/* ---- Amounts ------------------------------------------------------------- */

bool jx_df_to_cur(const jx_df_ctx *c, jx_decimal v, const jx_unit_info *from,
                  jx_decimal *out) {
  if (!from || from == c->cur || strcmp(from->norm, c->cur->norm) == 0) {
    *out = v;
    return true;
  }
  return jx_unit_convert(v, from, c->cur, out) == JX_DEC_OK;
}

static char *amount_text(jx_df_ctx *c, jx_decimal v, const jx_unit_info *u) {
  char buf[JX_DECIMAL_BUFSZ];
  jx_decimal_format(v, buf);
  return jx_df_fmt(c, "%s%s", buf, u ? u->norm : "");
}

void jx_df_amount_change(jx_df_ctx *c, jx_diff_what w, jx_decimal o,
                         const jx_unit_info *uo, jx_decimal n,
                         const jx_unit_info *un, jx_diff_loc lo,
                         jx_diff_loc ln) {
  jx_decimal co, cn, delta;
  if (jx_df_to_cur(c, o, uo, &co) && jx_df_to_cur(c, n, un, &cn)) {
    if (jx_decimal_cmp(co, cn) == 0)
      return;
    jx_diff_item *it =
        jx_df_add(c, w, JX_DIFF_CHANGED, lo, ln, amount_text(c, co, c->cur),
                  amount_text(c, cn, c->cur));
    if (jx_decimal_sub(cn, co, &delta) == JX_DEC_OK) {
      it->has_amount = true;
      it->old_amount = co;
      it->new_amount = cn;
      it->delta = delta;
      it->currency = c->cur->norm;
      it->has_percent = jx_diff_percent(delta, co, &it->percent_cents);
    }
    return;
  }
  int cmp;
  if (jx_unit_compare(o, uo, n, un, &cmp) == 0 && cmp == 0)
    return;
  jx_df_add(c, w, JX_DIFF_CHANGED, lo, ln, amount_text(c, o, uo),
            amount_text(c, n, un));
}

/* An amount that one side may not have. */
void jx_df_amount_opt_change(jx_df_ctx *c, jx_diff_what w, bool ho,
                             jx_decimal o, const jx_unit_info *uo, bool hn,
                             jx_decimal n, const jx_unit_info *un,
                             jx_diff_loc lo, jx_diff_loc ln) {
  if (ho && hn) {
    jx_df_amount_change(c, w, o, uo, n, un, lo, ln);
    return;
  }
  if (!ho && !hn)
    return;
  jx_decimal v;
  const jx_unit_info *u = ho ? uo : un;
  if (!jx_df_to_cur(c, ho ? o : n, u, &v)) {
    v = ho ? o : n;
  } else {
    u = c->cur;
  }
  const char *t = amount_text(c, v, u);
  jx_df_add(c, w, ho ? JX_DIFF_REMOVED : JX_DIFF_ADDED, lo, ln, t, t);
}
/* ---- Goals: multiset match, then pairs of similar leftovers -------------- */

/* la, lb: the goals' locations (NULL: not known). */
static jx_loc goal_loc(const jx_stmt_locs *l, size_t i) {
  return l ? l[i].stmt : no_loc;
}

void jx_df_goals_change(jx_df_ctx *c, jx_diff_what w, const char *const *ga,
                        size_t na, const jx_stmt_locs *la,
                        const char *const *gb, size_t nb,
                        const jx_stmt_locs *lb) {
  bool *used_b = jx_xcalloc(nb + 1, 1);
  size_t *left_a = jx_xcalloc(na + 1, sizeof *left_a);
  size_t *left_b = jx_xcalloc(nb + 1, sizeof *left_b);
  size_t nla = 0, nlb = 0;
  jx_strmap *m = jx_strmap_new(nb);
  for (size_t j = 0; j < nb; j++)
    jx_strmap_add(m, gb[j], j);
  for (size_t i = 0; i < na; i++) {
    size_t j = jx_strmap_take(m, ga[i], NULL, NULL);
    if (j == SIZE_MAX)
      left_a[nla++] = i;
    else
      used_b[j] = true;
  }
  for (size_t j = 0; j < nb; j++)
    if (!used_b[j])
      left_b[nlb++] = j;
  size_t k = 0;
  for (; k < nla && k < nlb; k++) {
    size_t i = left_a[k], j = left_b[k];
    jx_diff_loc lo = jx_df_loc_of(c, goal_loc(la, i));
    jx_diff_loc ln = jx_df_loc_of(c, goal_loc(lb, j));
    jx_seg *segs = NULL;
    int similar = 0;
    jx_inline_diff(ga[i], gb[j], &segs, &similar);
    free(segs);
    if (similar >= 500) {
      jx_df_text_change(c, w, ga[i], gb[j], lo, ln);
    } else {
      jx_df_add(c, w, JX_DIFF_REMOVED, lo, ln, ga[i], NULL);
      jx_df_add(c, w, JX_DIFF_ADDED, lo, ln, NULL, gb[j]);
    }
  }
  for (size_t r = k; r < nla; r++)
    jx_df_add(c, w, JX_DIFF_REMOVED, jx_df_loc_of(c, goal_loc(la, left_a[r])),
              (jx_diff_loc){NULL, 0}, ga[left_a[r]], NULL);
  for (size_t r = k; r < nlb; r++)
    jx_df_add(c, w, JX_DIFF_ADDED, (jx_diff_loc){NULL, 0},
              jx_df_loc_of(c, goal_loc(lb, left_b[r])), NULL, gb[left_b[r]]);
  jx_strmap_free(m);
  free(used_b);
  free(left_a);
  free(left_b);
}

/* Measures: by title; a changed text is an inline diff. */
static jx_loc measure_loc(const jx_measure_locs *l, size_t i) {
  return l ? l[i].stmt : no_loc;
}

void jx_df_measures_change(jx_df_ctx *c, const jx_measure *ma, size_t na,
                           const jx_measure_locs *la, const jx_measure *mb,
                           size_t nb, const jx_measure_locs *lb) {
  size_t *match = jx_xcalloc(nb + 1, sizeof *match);
  for (size_t j = 0; j < nb; j++)
    match[j] = SIZE_MAX;
  jx_strmap *m = jx_strmap_new(nb);
  for (size_t j = 0; j < nb; j++)
    jx_strmap_add(m, mb[j].title ? mb[j].title : "", j);
  const char *saved = c->sub;
  for (size_t i = 0; i < na; i++) {
    jx_diff_loc lo = jx_df_loc_of(c, measure_loc(la, i));
    size_t j = jx_strmap_take(m, ma[i].title ? ma[i].title : "", NULL, NULL);
    if (j == SIZE_MAX) {
      jx_df_add(c, JX_DW_MEASURE, JX_DIFF_REMOVED, lo, (jx_diff_loc){NULL, 0},
                ma[i].title, NULL);
      continue;
    }
    match[j] = i;
    c->sub = jx_df_label(c, JX_M_DIFF_MEASURE, mb[j].title ? mb[j].title : "");
    jx_df_text_change(c, JX_DW_MEASURE, ma[i].text, mb[j].text, lo,
                      jx_df_loc_of(c, measure_loc(lb, j)));
    c->sub = saved;
  }
  for (size_t j = 0; j < nb; j++)
    if (match[j] == SIZE_MAX)
      jx_df_add(c, JX_DW_MEASURE, JX_DIFF_ADDED, (jx_diff_loc){NULL, 0},
                jx_df_loc_of(c, measure_loc(lb, j)), NULL, mb[j].title);
  jx_strmap_free(m);
  free(match);
}

/* A text field that may have changed, named (field: as shown, field_id:
 * as JSON says it). */
void jx_df_field_change(jx_df_ctx *c, jx_diff_what w, jx_msg field,
                        const char *field_id, const char *o, const char *n,
                        jx_diff_loc lo, jx_diff_loc ln) {
  size_t before = c->df->n_items;
  if (o && n)
    jx_df_text_change(c, w, o, n, lo, ln);
  else if (o || n)
    jx_df_add(c, w, o ? JX_DIFF_REMOVED : JX_DIFF_ADDED, lo, ln, o, n);
  if (c->df->n_items > before) {
    jx_diff_item *it = &c->df->items[c->df->n_items - 1];
    it->field = field_id ? jx_df_word(c, field) : NULL;
    it->field_id = field_id;
  }
}

static const char *org_text(jx_df_ctx *c, jx_org o) {
  if (!o.code && !o.name)
    return NULL;
  if (!o.code)
    return o.name;
  return jx_df_fmt(c, "%s %s", o.code, o.name ? o.name : "");
}

void jx_df_org_change(jx_df_ctx *c, jx_diff_what w, jx_org o, jx_org n,
                      jx_diff_loc lo, jx_diff_loc ln) {
  if (jx_df_same_str(o.code, n.code) && jx_df_same_str(o.name, n.name))
    return;
  const char *to = org_text(c, o), *tn = org_text(c, n);
  jx_df_add(c, w,
            !to   ? JX_DIFF_ADDED
            : !tn ? JX_DIFF_REMOVED
                  : JX_DIFF_CHANGED,
            lo, ln, to, tn);
}
