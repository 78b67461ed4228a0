/*
 * diff_actuals.c — `jxc diff` of two actuals files: what was reported
 * differently, by meaning (eval.h).
 *
 * Either side may be CSV or the language's form, so a table exported from
 * a budget system can be compared with the .jx a unit keeps.  Entries are
 * matched by project (as written: code or name), what they report (an
 * indicator by name, 执行数, 全年预算数) and, for indicators that share a
 * name, their order.  A matched pair is compared field by field: the
 * actual (numbers by value, so 0.5万元 and 5000元 are the same; texts as
 * written), the rating, the printed weight and score, the reason, the
 * measure, the likelihood.  Order and layout are not differences.
 */
#include "eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "strmap.h"

typedef struct key_map {
  char **keys;
  size_t *value;
  size_t n_slots;
} key_map;

static uint64_t hash(const char *s) {
  uint64_t h = 14695981039346656037ull; /* FNV-1a */
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

/* "project\x1fK indicator\x1fN": the N-th entry of that name. */
static char *key_of(const jx_entry *e, size_t nth) {
  const char *what = e->kind == JX_ENTRY_SPENT         ? "\x01spent"
                     : e->kind == JX_ENTRY_BUDGET_FULL ? "\x01budget_full"
                                                       : e->indicator;
  size_t n = strlen(e->project) + strlen(what) + 32;
  char *k = jx_xmalloc(n);
  snprintf(k, n, "%s\x1f%s\x1f%zu", e->project, what, nth);
  return k;
}

static size_t *slot(key_map *m, const char *k) {
  size_t i = (size_t)hash(k) & (m->n_slots - 1);
  while (m->keys[i] && strcmp(m->keys[i], k) != 0)
    i = (i + 1) & (m->n_slots - 1);
  return &m->value[i];
}

/* Each entry's key, counting repeats of a name in order. */
static char **keys_of(const jx_actuals *a) {
  char **keys = jx_xcalloc(a->n ? a->n : 1, sizeof *keys);
  key_map seen;
  seen.n_slots = 16;
  while (seen.n_slots < 2 * a->n + 2)
    seen.n_slots *= 2;
  seen.keys = jx_xcalloc(seen.n_slots, sizeof *seen.keys);
  seen.value = jx_xcalloc(seen.n_slots, sizeof *seen.value);
  for (size_t i = 0; i < a->n; i++) {
    char *base = key_of(&a->entries[i], 0);
    size_t j = (size_t)hash(base) & (seen.n_slots - 1);
    while (seen.keys[j] && strcmp(seen.keys[j], base) != 0)
      j = (j + 1) & (seen.n_slots - 1);
    if (!seen.keys[j])
      seen.keys[j] = base;
    else
      free(base);
    keys[i] = key_of(&a->entries[i], seen.value[j]++);
  }
  for (size_t j = 0; j < seen.n_slots; j++)
    free(seen.keys[j]);
  free(seen.keys);
  free(seen.value);
  return keys;
}

/* ---- Comparing two entries ------------------------------------------------
 */

static bool same_str(const char *a, const char *b) {
  return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* The same value, by meaning. */
static bool same_value(const jx_av *a, const jx_av *b) {
  if (a->kind != b->kind)
    return false;
  switch (a->kind) {
  case JX_AV_NUMBER: {
    if (!a->unit != !b->unit)
      return false;
    if (!a->unit)
      return jx_decimal_cmp(a->number, b->number) == 0;
    int c;
    if (a->unit_info && b->unit_info &&
        jx_unit_compare(a->number, a->unit_info, b->number, b->unit_info, &c) ==
            0)
      return c == 0;
    return same_str(a->unit, b->unit) &&
           jx_decimal_cmp(a->number, b->number) == 0;
  }
  case JX_AV_DATE:
    return a->year == b->year && a->month == b->month && a->day == b->day;
  case JX_AV_TEXT:
    return same_str(a->text, b->text);
  default:
    return true;
  }
}

/* What differs: one jx_msg label per field, for both renderings. */
typedef struct change {
  jx_msg field;
  const char *old_text, *new_text;
} change;

typedef struct differ {
  jx_out *o;
  jx_ev_format f;
  jx_lang lang;
  const char *old_path, *new_path;
  const jx_actuals *a, *b;
  size_t n_changes;
  const char *project; /* the heading printed last (text) */
  jx_strbuf line;
  bool json_first;
} differ;

static const char *fig(jx_strbuf *b, bool has, jx_decimal d) {
  if (!has)
    return NULL;
  char t[JX_DECIMAL_BUFSZ];
  jx_decimal_format(d, t);
  jx_sb_clear(b);
  jx_sb_puts(b, t);
  return b->p;
}

static const char *reason(jx_strbuf *b, const jx_entry *e) {
  if (!e->reason && !e->reason_text)
    return NULL;
  jx_sb_clear(b);
  if (e->reason)
    jx_sb_puts(b, jx_reason_word(e->reason, JX_LANG_ZH));
  if (e->reason && e->reason_text)
    jx_sb_puts(b, "：");
  if (e->reason_text)
    jx_sb_puts(b, e->reason_text);
  return b->p;
}

static const char *what_of(differ *df, const jx_entry *e) {
  if (e->kind == JX_ENTRY_SPENT)
    return jx_msg_text(JX_M_DA_SPENT, df->lang);
  if (e->kind == JX_ENTRY_BUDGET_FULL)
    return jx_msg_text(JX_M_DA_BUDGET_FULL, df->lang);
  return e->indicator;
}

static void place(jx_strbuf *b, const char *path, const jx_entry *e) {
  if (!e || !jx_loc_known(e->loc)) {
    jx_sb_puts(b, "-");
    return;
  }
  jx_sb_printf(b, "%s:%u", path, (unsigned)jx_loc_line(e->loc));
}

static void json_loc(jx_out *o, const char *path, const jx_entry *e) {
  if (!e || !jx_loc_known(e->loc)) {
    jx_out_puts(o, "null");
    return;
  }
  jx_out_puts(o, "{\"path\": ");
  jx_json_string(o, path);
  jx_out_printf(o, ", \"line\": %u}", (unsigned)jx_loc_line(e->loc));
}

static const char *op_key(const jx_entry *x, const jx_entry *y) {
  return !x ? "added" : !y ? "removed" : "changed";
}

/* One difference: an entry added (x NULL) or removed (y NULL), or one
 * field of a matched pair. */
static void report(differ *df, const jx_entry *x, const jx_entry *y,
                   const change *c) {
  const jx_entry *e = y ? y : x;
  df->n_changes++;
  if (df->f == JX_EV_JSON) {
    jx_out *o = df->o;
    jx_out_puts(o, df->json_first ? "\n    " : ",\n    ");
    df->json_first = false;
    jx_out_puts(o, "{\"op\": ");
    jx_json_string(o, op_key(x, y));
    jx_out_puts(o, ", \"project\": ");
    jx_json_string(o, e->project);
    jx_out_puts(o, ", \"what\": ");
    jx_json_string(o, e->kind == JX_ENTRY_SPENT         ? "spent"
                      : e->kind == JX_ENTRY_BUDGET_FULL ? "budget_full"
                                                        : "indicator");
    jx_out_puts(o, ", \"indicator\": ");
    jx_json_string(o, e->indicator);
    jx_out_puts(o, ", \"field\": ");
    jx_json_string(o, c ? jx_msg_text(c->field, JX_LANG_EN) : NULL);
    jx_out_puts(o, ",\n     \"old_loc\": ");
    json_loc(o, df->old_path, x);
    jx_out_puts(o, ", \"new_loc\": ");
    json_loc(o, df->new_path, y);
    jx_out_puts(o, ",\n     \"old\": ");
    jx_json_string(o, c ? c->old_text : x ? x->value.text : NULL);
    jx_out_puts(o, ", \"new\": ");
    jx_json_string(o, c ? c->new_text : y ? y->value.text : NULL);
    jx_out_puts(o, "}");
    return;
  }
  jx_strbuf *b = &df->line;
  jx_sb_clear(b);
  if (df->n_changes == 1) /* the heading, once there is something */
    jx_sb_printf(b, "--- %s\n+++ %s\n", df->old_path, df->new_path);
  if (!df->project || strcmp(df->project, e->project) != 0) {
    df->project = e->project;
    jx_sb_puts(b, "\n");
    jx_msg_printf(b, df->lang, JX_M_DA_PROJECT, e->project);
  }
  const char *what = what_of(df, e);
  const char *none = jx_msg_text(JX_M_DIFF_NONE, df->lang);
  if (!x)
    jx_msg_printf(b, df->lang, JX_M_DA_ADDED, what,
                  y->value.text ? y->value.text : none);
  else if (!y)
    jx_msg_printf(b, df->lang, JX_M_DA_REMOVED, what,
                  x->value.text ? x->value.text : none);
  else
    jx_msg_printf(b, df->lang, JX_M_DA_CHANGED, what, (int)c->field,
                  c->old_text ? c->old_text : none,
                  c->new_text ? c->new_text : none);
  jx_sb_puts(b, "  (");
  place(b, df->old_path, x);
  jx_sb_puts(b, " → ");
  place(b, df->new_path, y);
  jx_sb_puts(b, ")\n");
  jx_out_write(df->o, b->p, b->n);
}

static void compare(differ *df, const jx_entry *x, const jx_entry *y) {
  jx_strbuf p = {0}, q = {0};
  change c;
  jx_lang words = df->f == JX_EV_JSON ? JX_LANG_EN : df->lang;
  if (!same_value(&x->value, &y->value)) {
    c = (change){JX_M_DA_FIELD_ACTUAL, x->value.text, y->value.text};
    report(df, x, y, &c);
  }
  if (x->rating != y->rating) {
    c = (change){JX_M_DA_FIELD_RATING, jx_rating_word(x->rating, words),
                 jx_rating_word(y->rating, words)};
    report(df, x, y, &c);
  }
  if (x->has_weight != y->has_weight ||
      (x->has_weight && jx_decimal_cmp(x->weight, y->weight) != 0)) {
    c = (change){JX_M_DA_FIELD_WEIGHT, fig(&p, x->has_weight, x->weight),
                 fig(&q, y->has_weight, y->weight)};
    report(df, x, y, &c);
  }
  if (x->has_score != y->has_score ||
      (x->has_score && jx_decimal_cmp(x->score, y->score) != 0)) {
    c = (change){JX_M_DA_FIELD_SCORE, fig(&p, x->has_score, x->score),
                 fig(&q, y->has_score, y->score)};
    report(df, x, y, &c);
  }
  const char *rx = reason(&p, x), *ry = reason(&q, y);
  if (!same_str(rx, ry)) {
    c = (change){JX_M_DA_FIELD_REASON, rx, ry};
    report(df, x, y, &c);
  }
  if (!same_str(x->measure, y->measure)) {
    c = (change){JX_M_DA_FIELD_MEASURE, x->measure, y->measure};
    report(df, x, y, &c);
  }
  if (x->likelihood != y->likelihood) {
    c = (change){JX_M_DA_FIELD_LIKELIHOOD,
                 jx_likelihood_word(x->likelihood, words),
                 jx_likelihood_word(y->likelihood, words)};
    report(df, x, y, &c);
  }
  jx_sb_free(&p);
  jx_sb_free(&q);
}

int jx_ev_diff_actuals(const jx_actuals *a, const jx_actuals *b,
                       const char *old_path, const char *new_path,
                       jx_ev_format f, jx_lang lang, jx_out *o) {
  differ df;
  memset(&df, 0, sizeof df);
  df.o = o;
  df.f = f;
  df.lang = lang;
  df.old_path = old_path;
  df.new_path = new_path;
  df.a = a;
  df.b = b;
  df.json_first = true;
  char **ka = keys_of(a), **kb = keys_of(b);
  key_map m;
  m.n_slots = 16;
  while (m.n_slots < 2 * a->n + 2)
    m.n_slots *= 2;
  m.keys = jx_xcalloc(m.n_slots, sizeof *m.keys);
  m.value = jx_xcalloc(m.n_slots, sizeof *m.value);
  for (size_t i = 0; i < a->n; i++) {
    size_t *v = slot(&m, ka[i]);
    size_t j = (size_t)(v - m.value);
    m.keys[j] = ka[i];
    *v = i + 1; /* 0: free */
  }
  bool *matched = jx_xcalloc(a->n ? a->n : 1, sizeof *matched);
  /* The old side's entries of each project, in order: the removed ones
   * are found per project without a pass over all of them (linear time
   * for 10,000 projects). */
  size_t *same = jx_xmalloc((a->n ? a->n : 1) * sizeof *same);
  size_t *tail = jx_xmalloc((a->n ? a->n : 1) * sizeof *tail);
  jx_strmap *heads = jx_strmap_new(a->n);
  for (size_t i = 0; i < a->n; i++) {
    size_t h = jx_strmap_get(heads, a->entries[i].project);
    if (h == SIZE_MAX) {
      jx_strmap_add(heads, a->entries[i].project, i);
      h = i;
    } else {
      same[tail[h]] = i;
    }
    tail[h] = i;
    same[i] = SIZE_MAX;
  }
  if (f == JX_EV_JSON) {
    jx_out_puts(o, "{\n  \"old\": ");
    jx_json_string(o, old_path);
    jx_out_puts(o, ",\n  \"new\": ");
    jx_json_string(o, new_path);
    jx_out_puts(o, ",\n  \"changes\": [");
  }
  /* The new side's order; each project's removed entries after its
   * others. */
  for (size_t i = 0; i <= b->n; i++) {
    const char *proj = i < b->n ? b->entries[i].project : NULL;
    bool last_of_project = i == b->n || i + 1 == b->n ||
                           strcmp(b->entries[i + 1].project, proj) != 0;
    if (i < b->n) {
      size_t *v = slot(&m, kb[i]);
      if (*v) {
        matched[*v - 1] = true;
        compare(&df, &a->entries[*v - 1], &b->entries[i]);
      } else {
        report(&df, NULL, &b->entries[i], NULL);
      }
    }
    if (!last_of_project)
      continue;
    size_t k = proj ? jx_strmap_get(heads, proj) : 0;
    for (; k < a->n; k = proj ? same[k] : k + 1)
      if (!matched[k]) {
        matched[k] = true;
        report(&df, &a->entries[k], NULL, NULL);
      }
  }
  jx_strmap_free(heads);
  free(same);
  free(tail);
  if (f == JX_EV_JSON) {
    jx_out_puts(o, df.n_changes ? "\n  ],\n" : "],\n");
    jx_out_printf(o, "  \"identical\": %s\n}\n",
                  df.n_changes ? "false" : "true");
  } else if (df.n_changes) {
    jx_strbuf *s = &df.line;
    jx_sb_clear(s);
    jx_sb_puts(s, "\n");
    jx_msg_printf(s, lang,
                  df.n_changes == 1 ? JX_M_DA_SUMMARY_1 : JX_M_DA_SUMMARY,
                  df.n_changes);
    jx_out_write(o, s->p, s->n);
  }
  for (size_t i = 0; i < a->n; i++)
    free(ka[i]);
  for (size_t i = 0; i < b->n; i++)
    free(kb[i]);
  free(ka);
  free(kb);
  free(m.keys);
  free(m.value);
  free(matched);
  jx_sb_free(&df.line);
  return df.n_changes ? 1 : 0;
}

static void quiet(void *ud, const char *text, size_t n) {
  (void)ud;
  (void)text;
  (void)n;
}

bool jx_actuals_sniff(const char *path) {
  /* Only whether a file is actuals at all, so `jxc diff` can pick its
   * mode; the caller reads it again, reporting. */
  if (!path || strcmp(path, "-") == 0)
    return false;
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, quiet, NULL);
  jx_actuals a;
  int rc = jx_actuals_read(&a, path, d);
  bool yes = rc != 2 && (a.csv || a.n > 0 || a.blocks > 0 || a.n_profiles > 0);
  jx_diag_free(d); /* first: a held message quotes the actuals' text */
  jx_actuals_free(&a);
  return yes;
}
