/*
 * diff_model.c — matching two plans and recording what changed (see
 * diff_model.h).
 *
 * Every match goes through a jx_strmap, so the work is linear in the
 * number of units, projects and indicators; only texts that changed are
 * compared token by token (jx_inline_diff).  Items are appended in
 * reading order: plan, department, then each unit of the new side in
 * order (its own changes, its projects in order, then the projects it
 * lost), then the units that are gone.
 */
#include "diff_model.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_inline.h"
#include "strmap.h"
#include "units.h"

/* A project of one side, with what the comparison needs beside it. */
typedef struct dproj {
  const jx_project *p;
  const jx_project_locs *locs;  /* for the line of each statement */
  const jx_unit_info *currency; /* what p's amounts are in */
  size_t unit;                  /* index into the model's units */
} dproj;

/* One side: the loaded plan, and its projects in one array, unit by unit
 * (units[u]'s are start[u] .. start[u+1]). */
typedef struct side {
  const jx_loaded_plan *lp;
  const jx_plan *m;
  dproj *projects;
  size_t n_projects;
  size_t *start;
} side;

static side side_of(const jx_loaded_plan *lp) {
  side s;
  s.lp = lp;
  s.m = jx_loaded_model(lp);
  s.n_projects = 0;
  for (size_t u = 0; u < s.m->n_units; u++)
    s.n_projects += s.m->units[u].n_projects;
  s.projects = jx_xcalloc(s.n_projects + 1, sizeof *s.projects);
  s.start = jx_xcalloc(s.m->n_units + 1, sizeof *s.start);
  size_t i = 0;
  for (size_t u = 0; u < s.m->n_units; u++) {
    s.start[u] = i;
    for (size_t k = 0; k < s.m->units[u].n_projects; k++, i++) {
      s.projects[i].p = &s.m->units[u].projects[k];
      s.projects[i].locs = jx_loaded_project_locs(lp, u, k);
      s.projects[i].currency = jx_loaded_project_currency(lp, u, k);
      s.projects[i].unit = u;
    }
  }
  s.start[s.m->n_units] = i;
  return s;
}

static void side_free(side *s) {
  free(s->projects);
  free(s->start);
}

typedef struct ctx {
  jx_diff *df;
  const side *a, *b; /* old, new */
  const jx_diag *d;
  const jx_unit_info *cur; /* the currency amounts are reported in */
  /* The scope new items are recorded under. */
  const char *section, *project, *sub;
  jx_diff_loc project_old, project_new;
} ctx;

static char *fmt(ctx *c, const char *f, ...)
    __attribute__((format(printf, 2, 3)));
static char *fmt(ctx *c, const char *f, ...) {
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
static char *label(ctx *c, jx_msg id, ...) {
  jx_strbuf sb = {0};
  va_list ap;
  va_start(ap, id);
  jx_msg_vprintf(&sb, jx_diag_lang(c->d), id, ap);
  va_end(ap);
  char *s = jx_arena_strndup(&c->df->arena, sb.p ? sb.p : "", sb.n);
  jx_sb_free(&sb);
  return s;
}

static const char *word(const ctx *c, jx_msg id) {
  return jx_msg_text(id, jx_diag_lang(c->d));
}

/* A place from the locations table, as the report shows it; nowhere when
 * the thing was not written (the zero jx_loc). */
static jx_diff_loc loc_of(const ctx *c, jx_loc l) {
  jx_diff_loc d = {NULL, 0};
  if (jx_loc_known(l)) {
    d.path = jx_diag_source_path(c->d, l.file);
    d.line = (int)jx_loc_line(l);
  }
  return d;
}

/* A statement's place, or the block's when the statement is absent. */
static jx_diff_loc stmt_loc(const ctx *c, jx_loc stmt, jx_loc block) {
  return loc_of(c, jx_loc_known(stmt) ? stmt : block);
}

static const jx_loc no_loc;

static jx_diff_item *add(ctx *c, jx_diff_what w, jx_diff_op op, jx_diff_loc lo,
                         jx_diff_loc ln, const char *o, const char *n) {
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

static bool same_str(const char *x, const char *y) {
  return (!x && !y) || (x && y && strcmp(x, y) == 0);
}

/* A text that may have changed: both present → an inline diff. */
static void text_change(ctx *c, jx_diff_what w, const char *o, const char *n,
                        jx_diff_loc lo, jx_diff_loc ln) {
  if (same_str(o, n))
    return;
  jx_diff_item *it = add(c, w, JX_DIFF_CHANGED, lo, ln, o, n);
  it->inline_diff = o && n;
}

/* ---- Percentages --------------------------------------------------------- */

__extension__ typedef __int128 i128;

bool jx_diff_percent(jx_decimal delta, jx_decimal base, int64_t *cents) {
  if (base.micros == 0)
    return false;
  /* delta / base × 100 %, in hundredths: delta × 10000 / base.  The
   * product needs more than 64 bits for large budgets. */
  i128 num = (i128)delta.micros * 10000;
  i128 den = base.micros;
  i128 q = num / den, r = num % den;
  if (r < 0)
    r = -r;
  if (den < 0)
    den = -den;
  if (2 * r >= den) /* half away from zero */
    q += ((num < 0) != (base.micros < 0)) ? -1 : 1;
  *cents = (int64_t)q;
  return true;
}

/* ---- Amounts ------------------------------------------------------------- */

static bool to_cur(const ctx *c, jx_decimal v, const jx_unit_info *from,
                   jx_decimal *out) {
  if (!from || from == c->cur || strcmp(from->norm, c->cur->norm) == 0) {
    *out = v;
    return true;
  }
  return jx_unit_convert(v, from, c->cur, out) == JX_DEC_OK;
}

static char *amount_text(ctx *c, jx_decimal v, const jx_unit_info *u) {
  char buf[JX_DECIMAL_BUFSZ];
  jx_decimal_format(v, buf);
  return fmt(c, "%s%s", buf, u ? u->norm : "");
}

static void amount_change(ctx *c, jx_diff_what w, jx_decimal o,
                          const jx_unit_info *uo, jx_decimal n,
                          const jx_unit_info *un, jx_diff_loc lo,
                          jx_diff_loc ln) {
  jx_decimal co, cn, delta;
  if (to_cur(c, o, uo, &co) && to_cur(c, n, un, &cn)) {
    if (jx_decimal_cmp(co, cn) == 0)
      return;
    jx_diff_item *it =
        add(c, w, JX_DIFF_CHANGED, lo, ln, amount_text(c, co, c->cur),
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
  add(c, w, JX_DIFF_CHANGED, lo, ln, amount_text(c, o, uo),
      amount_text(c, n, un));
}

/* ---- Goals: multiset match, then pairs of similar leftovers -------------- */

/* la, lb: the goals' locations (NULL: not known). */
static jx_loc goal_loc(const jx_stmt_locs *l, size_t i) {
  return l ? l[i].stmt : no_loc;
}

static void goals_change(ctx *c, jx_diff_what w, const char *const *ga,
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
    jx_diff_loc lo = loc_of(c, goal_loc(la, i));
    jx_diff_loc ln = loc_of(c, goal_loc(lb, j));
    jx_seg *segs = NULL;
    int similar = 0;
    jx_inline_diff(ga[i], gb[j], &segs, &similar);
    free(segs);
    if (similar >= 500) {
      text_change(c, w, ga[i], gb[j], lo, ln);
    } else {
      add(c, w, JX_DIFF_REMOVED, lo, ln, ga[i], NULL);
      add(c, w, JX_DIFF_ADDED, lo, ln, NULL, gb[j]);
    }
  }
  for (size_t r = k; r < nla; r++)
    add(c, w, JX_DIFF_REMOVED, loc_of(c, goal_loc(la, left_a[r])),
        (jx_diff_loc){NULL, 0}, ga[left_a[r]], NULL);
  for (size_t r = k; r < nlb; r++)
    add(c, w, JX_DIFF_ADDED, (jx_diff_loc){NULL, 0},
        loc_of(c, goal_loc(lb, left_b[r])), NULL, gb[left_b[r]]);
  jx_strmap_free(m);
  free(used_b);
  free(left_a);
  free(left_b);
}

/* Measures: by title; a changed text is an inline diff. */
static jx_loc measure_loc(const jx_measure_locs *l, size_t i) {
  return l ? l[i].stmt : no_loc;
}

static void measures_change(ctx *c, const jx_measure *ma, size_t na,
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
    jx_diff_loc lo = loc_of(c, measure_loc(la, i));
    size_t j = jx_strmap_take(m, ma[i].title ? ma[i].title : "", NULL, NULL);
    if (j == SIZE_MAX) {
      add(c, JX_DW_MEASURE, JX_DIFF_REMOVED, lo, (jx_diff_loc){NULL, 0},
          ma[i].title, NULL);
      continue;
    }
    match[j] = i;
    c->sub = label(c, JX_M_DIFF_MEASURE, mb[j].title ? mb[j].title : "");
    text_change(c, JX_DW_MEASURE, ma[i].text, mb[j].text, lo,
                loc_of(c, measure_loc(lb, j)));
    c->sub = saved;
  }
  for (size_t j = 0; j < nb; j++)
    if (match[j] == SIZE_MAX)
      add(c, JX_DW_MEASURE, JX_DIFF_ADDED, (jx_diff_loc){NULL, 0},
          loc_of(c, measure_loc(lb, j)), NULL, mb[j].title);
  jx_strmap_free(m);
  free(match);
}

/* ---- Indicators ---------------------------------------------------------- */

/* Rows without a name (a value printed alone, an empty row) are keyed by
 * their value as well, so that two of them under one category pair with
 * the same row on the other side rather than with any other. */
static const char *ind_key(ctx *c, const jx_indicator *x) {
  if (!x->name)
    return fmt(c, "%s\x1f%s\x1e%s", x->level1 ? x->level1 : "",
               x->level2 ? x->level2 : "", x->text ? x->text : "");
  return fmt(c, "%s\x1f%s\x1f%s", x->level1 ? x->level1 : "",
             x->level2 ? x->level2 : "", x->name);
}

static const char *ind_label(ctx *c, const jx_indicator *x) {
  const char *name = x->name ? x->name : "";
  if (x->level1_label)
    return fmt(c, "%s.%s %s", x->level1_label,
               x->level2_label ? x->level2_label : "", name);
  return name;
}

static const char *ind_value(const jx_indicator *x) {
  if (x->kind == JX_KIND_NA)
    return "不涉及";
  return x->text ? x->text : "";
}

/* A target compared: the indicator's own (w IND_VALUE), or the one over
 * the period (IND_PERIOD, o and n carrying it in their value fields). */
static void value_change(ctx *c, jx_diff_what w, const jx_indicator *o,
                         const jx_indicator *n, jx_diff_loc lo,
                         jx_diff_loc ln) {
  jx_diff_verdict v = jx_diff_target_moved(o, n);
  if (v != JX_VERDICT_NONE) {
    jx_diff_item *it =
        add(c, w, JX_DIFF_CHANGED, lo, ln, ind_value(o), ind_value(n));
    it->verdict = v;
    /* Two texts: show what changed in the words. */
    it->inline_diff =
        o->kind == JX_KIND_QUALITATIVE && n->kind == JX_KIND_QUALITATIVE;
    if (v == JX_VERDICT_TIGHTENED)
      c->df->summary.tightened++;
    else if (v == JX_VERDICT_LOOSENED)
      c->df->summary.loosened++;
  }
}

/* x with its period's target in place of its own, for value_change. */
static jx_indicator period_view(const jx_indicator *x) {
  jx_indicator y = *x;
  const jx_target *t = x->period_target;
  y.kind = t->kind;
  y.op = t->op;
  y.value = t->value;
  y.unit = t->unit;
  y.dimension = t->dimension;
  y.text = t->text;
  return y;
}

/* A text field that may have changed, named (field: as shown, field_id:
 * as JSON says it). */
static void field_change(ctx *c, jx_diff_what w, jx_msg field,
                         const char *field_id, const char *o, const char *n,
                         jx_diff_loc lo, jx_diff_loc ln) {
  size_t before = c->df->n_items;
  if (o && n)
    text_change(c, w, o, n, lo, ln);
  else if (o || n)
    add(c, w, o ? JX_DIFF_REMOVED : JX_DIFF_ADDED, lo, ln, o, n);
  if (c->df->n_items > before) {
    jx_diff_item *it = &c->df->items[c->df->n_items - 1];
    it->field = field_id ? word(c, field) : NULL;
    it->field_id = field_id;
  }
}

static void indicator_change(ctx *c, const jx_indicator *o,
                             const jx_indicator *n, jx_loc where_o,
                             jx_loc where_n) {
  jx_diff_loc lo = loc_of(c, where_o), ln = loc_of(c, where_n);
  const char *saved = c->sub;
  c->sub = saved ? label(c, JX_M_DIFF_IN_INDICATOR, saved, ind_label(c, n))
                 : label(c, JX_M_DIFF_INDICATOR, ind_label(c, n));
  value_change(c, JX_DW_IND_VALUE, o, n, lo, ln);
  if (o->period_target && n->period_target) {
    jx_indicator po = period_view(o), pn = period_view(n);
    value_change(c, JX_DW_IND_PERIOD, &po, &pn, lo, ln);
  } else if (o->period_target || n->period_target) {
    add(c, JX_DW_IND_PERIOD, o->period_target ? JX_DIFF_REMOVED : JX_DIFF_ADDED,
        lo, ln, o->period_target ? o->period_target->text : NULL,
        n->period_target ? n->period_target->text : NULL);
  }
  text_change(c, JX_DW_IND_DESC, o->description, n->description, lo, ln);
  text_change(c, JX_DW_IND_BASIS, o->basis, n->basis, lo, ln);
  static const struct {
    jx_msg label;
    const char *id;
    size_t off;
  } notes[] = {
      {JX_M_DIFF_F_STANDARD, "standard", offsetof(jx_indicator, standard)},
      {JX_M_DIFF_F_EXPLANATION, "explanation",
       offsetof(jx_indicator, explanation)},
      {JX_M_DIFF_F_NOTE, "value_note", offsetof(jx_indicator, value_note)},
      {JX_M_DIFF_F_REMARK, "remark", offsetof(jx_indicator, remark)},
      {JX_M_DIFF_F_SCORING, "scoring", offsetof(jx_indicator, scoring)},
  };
  for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++)
    field_change(c, JX_DW_IND_NOTE, notes[i].label, notes[i].id,
                 *(const char *const *)((const char *)o + notes[i].off),
                 *(const char *const *)((const char *)n + notes[i].off), lo,
                 ln);
  c->sub = saved;
}

static jx_loc indicator_loc(const jx_indicator_locs *l, size_t i) {
  return l ? l[i].decl : no_loc;
}

static void indicators_change(ctx *c, const jx_indicator *va, size_t na,
                              const jx_indicator_locs *la,
                              const jx_indicator *vb, size_t nb,
                              const jx_indicator_locs *lb) {
  size_t *match = jx_xcalloc(nb + 1, sizeof *match);
  bool *used = jx_xcalloc(na + 1, 1);
  for (size_t j = 0; j < nb; j++)
    match[j] = SIZE_MAX;
  jx_strmap *m = jx_strmap_new(nb);
  for (size_t j = 0; j < nb; j++)
    jx_strmap_add(m, ind_key(c, &vb[j]), j);
  for (size_t i = 0; i < na; i++) {
    size_t j = jx_strmap_take(m, ind_key(c, &va[i]), NULL, NULL);
    if (j != SIZE_MAX) {
      match[j] = i;
      used[i] = true;
    }
  }
  for (size_t j = 0; j < nb; j++) {
    if (match[j] != SIZE_MAX) {
      indicator_change(c, &va[match[j]], &vb[j], indicator_loc(la, match[j]),
                       indicator_loc(lb, j));
      continue;
    }
    jx_diff_loc ln = loc_of(c, indicator_loc(lb, j));
    add(c, JX_DW_INDICATOR, JX_DIFF_ADDED, (jx_diff_loc){NULL, 0}, ln, NULL,
        fmt(c, "%s: %s", ind_label(c, &vb[j]), ind_value(&vb[j])));
  }
  for (size_t i = 0; i < na; i++)
    if (!used[i]) {
      jx_diff_loc lo = loc_of(c, indicator_loc(la, i));
      add(c, JX_DW_INDICATOR, JX_DIFF_REMOVED, lo, (jx_diff_loc){NULL, 0},
          fmt(c, "%s: %s", ind_label(c, &va[i]), ind_value(&va[i])), NULL);
    }
  jx_strmap_free(m);
  free(match);
  free(used);
}

/* ---- Projects ------------------------------------------------------------ */

static void schedule_change(ctx *c, const dproj *pa, const dproj *pb) {
  const jx_schedule_point *sa = pa->p->schedule, *sb = pb->p->schedule;
  const jx_decimal *ma[13] = {0}, *mb[13] = {0};
  for (size_t i = 0; i < pa->p->n_schedule; i++)
    if (sa[i].month >= 1 && sa[i].month <= 12)
      ma[sa[i].month] = &sa[i].percent;
  for (size_t i = 0; i < pb->p->n_schedule; i++)
    if (sb[i].month >= 1 && sb[i].month <= 12)
      mb[sb[i].month] = &sb[i].percent;
  jx_diff_loc lo = stmt_loc(c, pa->locs->schedule, pa->locs->decl);
  jx_diff_loc ln = stmt_loc(c, pb->locs->schedule, pb->locs->decl);
  for (int m = 1; m <= 12; m++) {
    if (!ma[m] && !mb[m])
      continue;
    if (ma[m] && mb[m] && jx_decimal_cmp(*ma[m], *mb[m]) == 0)
      continue;
    char x[JX_DECIMAL_BUFSZ], y[JX_DECIMAL_BUFSZ];
    if (ma[m])
      jx_decimal_format(*ma[m], x);
    if (mb[m])
      jx_decimal_format(*mb[m], y);
    jx_diff_op op = !ma[m]   ? JX_DIFF_ADDED
                    : !mb[m] ? JX_DIFF_REMOVED
                             : JX_DIFF_CHANGED;
    jx_diff_item *it =
        add(c, JX_DW_SCHEDULE, op, lo, ln, ma[m] ? fmt(c, "%s%%", x) : NULL,
            mb[m] ? fmt(c, "%s%%", y) : NULL);
    it->month = m;
  }
}

/* ---- The forms' header fields (issue 11) ----------------------------------
 */

/* An amount that one side may not have. */
static void amount_opt_change(ctx *c, jx_diff_what w, bool ho, jx_decimal o,
                              const jx_unit_info *uo, bool hn, jx_decimal n,
                              const jx_unit_info *un, jx_diff_loc lo,
                              jx_diff_loc ln) {
  if (ho && hn) {
    amount_change(c, w, o, uo, n, un, lo, ln);
    return;
  }
  if (!ho && !hn)
    return;
  jx_decimal v;
  const jx_unit_info *u = ho ? uo : un;
  if (!to_cur(c, ho ? o : n, u, &v)) {
    v = ho ? o : n;
  } else {
    u = c->cur;
  }
  const char *t = amount_text(c, v, u);
  add(c, w, ho ? JX_DIFF_REMOVED : JX_DIFF_ADDED, lo, ln, t, t);
}

static const char *org_text(ctx *c, jx_org o) {
  if (!o.code && !o.name)
    return NULL;
  if (!o.code)
    return o.name;
  return fmt(c, "%s %s", o.code, o.name ? o.name : "");
}

static void org_change(ctx *c, jx_diff_what w, jx_org o, jx_org n,
                       jx_diff_loc lo, jx_diff_loc ln) {
  if (same_str(o.code, n.code) && same_str(o.name, n.name))
    return;
  const char *to = org_text(c, o), *tn = org_text(c, n);
  add(c, w,
      !to   ? JX_DIFF_ADDED
      : !tn ? JX_DIFF_REMOVED
            : JX_DIFF_CHANGED,
      lo, ln, to, tn);
}

static const char *person_text(ctx *c, jx_person p) {
  if (!p.name)
    return NULL;
  return p.phone ? fmt(c, "%s %s", p.name, p.phone) : p.name;
}

/* Two periods are the same when their dates are, however written. */
static bool same_period(const jx_project *a, const jx_project *b) {
  if (same_str(a->period, b->period))
    return true;
  return a->period && b->period && a->period_start.micros &&
         a->period_start.micros == b->period_start.micros &&
         a->period_end.micros == b->period_end.micros;
}

/* Named amounts (sources by kind, line items by name): changed, added,
 * removed; keys[i] and texts[i] for each side. */
typedef struct named {
  const char *key, *label;
  jx_decimal amount;
  jx_loc loc;
} named;

static void named_change(ctx *c, jx_diff_what w, const named *va, size_t na,
                         const named *vb, size_t nb, const jx_unit_info *ua,
                         const jx_unit_info *ub) {
  size_t *match = jx_xcalloc(nb + 1, sizeof *match);
  jx_strmap *m = jx_strmap_new(nb);
  for (size_t j = 0; j < nb; j++) {
    match[j] = SIZE_MAX;
    jx_strmap_add(m, vb[j].key, j);
  }
  for (size_t i = 0; i < na; i++) {
    size_t j = jx_strmap_take(m, va[i].key, NULL, NULL);
    size_t before = c->df->n_items;
    if (j == SIZE_MAX) {
      amount_opt_change(c, w, true, va[i].amount, ua, false, va[i].amount, ub,
                        loc_of(c, va[i].loc), (jx_diff_loc){NULL, 0});
    } else {
      match[j] = i;
      amount_change(c, w, va[i].amount, ua, vb[j].amount, ub,
                    loc_of(c, va[i].loc), loc_of(c, vb[j].loc));
    }
    if (c->df->n_items > before) {
      jx_diff_item *it = &c->df->items[c->df->n_items - 1];
      it->field = j == SIZE_MAX ? va[i].label : vb[j].label;
      it->field_id = j == SIZE_MAX ? va[i].key : vb[j].key;
    }
  }
  for (size_t j = 0; j < nb; j++) {
    if (match[j] != SIZE_MAX)
      continue;
    amount_opt_change(c, w, false, vb[j].amount, ua, true, vb[j].amount, ub,
                      (jx_diff_loc){NULL, 0}, loc_of(c, vb[j].loc));
    jx_diff_item *it = &c->df->items[c->df->n_items - 1];
    it->field = vb[j].label;
    it->field_id = vb[j].key;
  }
  jx_strmap_free(m);
  free(match);
}

static named *sources_named(ctx *c, const jx_project *p,
                            const jx_project_locs *l) {
  named *v = jx_xcalloc(p->n_sources + 1, sizeof *v);
  for (size_t i = 0; i < p->n_sources; i++) {
    const jx_source *s = &p->sources[i];
    v[i].key = s->kind ? s->kind : fmt(c, "\x01%s", s->label);
    v[i].label = s->label;
    v[i].amount = s->amount;
    v[i].loc = l->sources ? l->sources[i].stmt : l->funds;
  }
  return v;
}

static named *lines_named(ctx *c, const jx_line_item *x, size_t n,
                          const jx_loc *locs) {
  named *v = jx_xcalloc(n + 1, sizeof *v);
  for (size_t i = 0; i < n; i++) {
    /* A line without a name is known by its place. */
    v[i].key = x[i].name ? x[i].name : fmt(c, "#%zu", i + 1);
    v[i].label = v[i].key;
    v[i].amount = x[i].amount;
    v[i].loc = locs ? locs[i] : no_loc;
  }
  return v;
}

/* A project's supervisor or implementer written in its unit, before it. */
static bool inherited(const jx_project_locs *l, jx_stmt_locs org) {
  return jx_loc_known(org.stmt) && org.stmt.file == l->decl.file &&
         org.stmt.offset < l->decl.offset;
}

static bool two_sources(const jx_project *p) {
  for (size_t i = 0; i < p->n_sources; i++)
    if (!p->sources[i].kind || (strcmp(p->sources[i].kind, "fiscal") != 0 &&
                                strcmp(p->sources[i].kind, "other") != 0))
      return false;
  return true;
}

static void lines_change(ctx *c, const jx_line_item *a, size_t na,
                         const jx_loc *la, const jx_unit_info *ua,
                         const jx_line_item *b, size_t nb, const jx_loc *lb,
                         const jx_unit_info *ub) {
  named *va = lines_named(c, a, na, la), *vb = lines_named(c, b, nb, lb);
  named_change(c, JX_DW_LINE, va, na, vb, nb, ua, ub);
  free(va);
  free(vb);
}

static void header_change(ctx *c, const dproj *pa, const dproj *pb) {
  const jx_project *a = pa->p, *b = pb->p;
  const jx_project_locs *xa = pa->locs, *xb = pb->locs;
  amount_opt_change(c, JX_DW_TOTAL, a->has_total, a->total, pa->currency,
                    b->has_total, b->total, pb->currency,
                    stmt_loc(c, xa->total.stmt, xa->decl),
                    stmt_loc(c, xb->total.stmt, xb->decl));
  /* Sources that are only 财政 and 其他 are the fiscal and other totals,
   * reported as such; beyond them, each source by its kind. */
  if (!two_sources(a) || !two_sources(b)) {
    named *sa = sources_named(c, a, xa), *sb = sources_named(c, b, xb);
    named_change(c, JX_DW_SOURCE, sa, a->n_sources, sb, b->n_sources,
                 pa->currency, pb->currency);
    free(sa);
    free(sb);
  }
  lines_change(c, a->breakdown, a->n_breakdown, xa->lines, pa->currency,
               b->breakdown, b->n_breakdown, xb->lines, pb->currency);
  if (!same_period(a, b))
    field_change(c, JX_DW_PERIOD, JX_M_NONE, NULL, a->period, b->period,
                 stmt_loc(c, xa->period.stmt, xa->decl),
                 stmt_loc(c, xb->period.stmt, xb->decl));
  /* What both projects take from their units is the units' change. */
  if (!inherited(xa, xa->supervisor) || !inherited(xb, xb->supervisor))
    org_change(c, JX_DW_SUPERVISOR, a->supervisor, b->supervisor,
               stmt_loc(c, xa->supervisor.stmt, xa->decl),
               stmt_loc(c, xb->supervisor.stmt, xb->decl));
  if (!inherited(xa, xa->implementer) || !inherited(xb, xb->implementer))
    org_change(c, JX_DW_IMPLEMENTER, a->implementer, b->implementer,
               stmt_loc(c, xa->implementer.stmt, xa->decl),
               stmt_loc(c, xb->implementer.stmt, xb->decl));
  const struct {
    jx_msg label;
    const char *id, *o, *n;
    jx_loc lo, ln;
  } fields[] = {
      {JX_M_DIFF_F_CLASS, "classification", a->classification,
       b->classification, xa->classification.stmt, xb->classification.stmt},
      {JX_M_DIFF_F_NATURE, "nature", a->nature, b->nature, xa->nature.stmt,
       xb->nature.stmt},
      {JX_M_DIFF_F_POLICY, "policy", a->policy, b->policy, xa->policy.stmt,
       xb->policy.stmt},
      {JX_M_DIFF_F_DOCUMENT, "document", a->document, b->document,
       xa->document.stmt, xb->document.stmt},
      {JX_M_DIFF_F_SUBJECT, "subject", a->subject, b->subject, xa->subject.stmt,
       xb->subject.stmt},
      {JX_M_DIFF_F_MANAGER, "manager", person_text(c, a->manager),
       person_text(c, b->manager), xa->manager.stmt, xb->manager.stmt},
      {JX_M_DIFF_F_CONTACT, "contact", person_text(c, a->contact),
       person_text(c, b->contact), xa->contact.stmt, xb->contact.stmt},
  };
  for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
    field_change(c, JX_DW_FIELD, fields[i].label, fields[i].id, fields[i].o,
                 fields[i].n, stmt_loc(c, fields[i].lo, xa->decl),
                 stmt_loc(c, fields[i].ln, xb->decl));
  /* The other header fields, by their key. */
  bool *used = jx_xcalloc(b->n_attributes + 1, 1);
  for (size_t i = 0; i < a->n_attributes; i++) {
    size_t j = 0;
    while (j < b->n_attributes &&
           (used[j] || strcmp(a->attributes[i].key, b->attributes[j].key)))
      j++;
    const char *nv = j < b->n_attributes ? b->attributes[j].value : NULL;
    if (j < b->n_attributes)
      used[j] = true;
    size_t before = c->df->n_items;
    field_change(c, JX_DW_FIELD, JX_M_NONE, NULL, a->attributes[i].value, nv,
                 stmt_loc(c, xa->attributes[i].stmt, xa->decl),
                 j < b->n_attributes
                     ? stmt_loc(c, xb->attributes[j].stmt, xb->decl)
                     : (jx_diff_loc){NULL, 0});
    if (c->df->n_items > before)
      c->df->items[c->df->n_items - 1].field =
          c->df->items[c->df->n_items - 1].field_id = a->attributes[i].key;
  }
  for (size_t j = 0; j < b->n_attributes; j++)
    if (!used[j]) {
      add(c, JX_DW_FIELD, JX_DIFF_ADDED, (jx_diff_loc){NULL, 0},
          stmt_loc(c, xb->attributes[j].stmt, xb->decl), NULL,
          b->attributes[j].value);
      c->df->items[c->df->n_items - 1].field =
          c->df->items[c->df->n_items - 1].field_id = b->attributes[j].key;
    }
  free(used);
}

static const char *unit_label(ctx *c, const jx_unit *u) {
  if (!u->code && !u->name)
    return word(c, JX_M_DIFF_OUTSIDE_UNITS);
  if (!u->code) /* a unit known by its name alone */
    return label(c, JX_M_DIFF_UNIT_NAMED, u->name);
  return label(c, JX_M_DIFF_UNIT, u->code, u->name ? u->name : "");
}

static const char *unit_text(ctx *c, const jx_unit *u) {
  if (!u->code)
    return u->name ? u->name : "";
  return fmt(c, "%s %s", u->code, u->name ? u->name : "");
}

/* What a unit is matched by: its code; without one, its name (units
 * without a code pair only when their names do); the projects outside
 * any unit form one group of their own. */
static const char *unit_key(ctx *c, const jx_unit *u) {
  if (u->code)
    return u->code;
  if (!u->name)
    return "\x01";
  return fmt(c, "\x02%s", u->name);
}

static void project_change(ctx *c, const dproj *pa, const dproj *pb,
                           bool by_name) {
  const jx_project *a = pa->p, *b = pb->p;
  const jx_project_locs *xa = pa->locs, *xb = pb->locs;
  jx_diff_loc lo = loc_of(c, xa->decl), ln = loc_of(c, xb->decl);
  c->project = b->name;
  c->project_old = lo;
  c->project_new = ln;
  c->sub = NULL;
  size_t before = c->df->n_items;
  text_change(c, JX_DW_PROJECT_NAME, a->name, b->name, lo, ln);
  if (!same_str(a->code, b->code)) {
    jx_diff_item *it = add(c, JX_DW_PROJECT_CODE, JX_DIFF_CHANGED,
                           stmt_loc(c, xa->code.stmt, xa->decl),
                           stmt_loc(c, xb->code.stmt, xb->decl),
                           a->code ? a->code : word(c, JX_M_DIFF_NONE),
                           b->code ? b->code : word(c, JX_M_DIFF_NONE));
    it->by_name = by_name;
  }
  const jx_unit *ua = &c->a->m->units[pa->unit],
                *ub = &c->b->m->units[pb->unit];
  if (strcmp(unit_key(c, ua), unit_key(c, ub)) != 0)
    add(c, JX_DW_PROJECT_UNIT, JX_DIFF_CHANGED, lo, ln, unit_text(c, ua),
        unit_text(c, ub));
  amount_change(c, JX_DW_BUDGET, a->budget, pa->currency, b->budget,
                pb->currency, stmt_loc(c, xa->budget.stmt, xa->decl),
                stmt_loc(c, xb->budget.stmt, xb->decl));
  amount_change(c, JX_DW_FISCAL, a->fiscal, pa->currency, b->fiscal,
                pb->currency, stmt_loc(c, xa->funds, xa->decl),
                stmt_loc(c, xb->funds, xb->decl));
  amount_change(c, JX_DW_OTHER, a->other, pa->currency, b->other, pb->currency,
                stmt_loc(c, xa->funds, xa->decl),
                stmt_loc(c, xb->funds, xb->decl));
  text_change(c, JX_DW_PURPOSE, a->purpose, b->purpose,
              stmt_loc(c, xa->purpose.stmt, xa->decl),
              stmt_loc(c, xb->purpose.stmt, xb->decl));
  schedule_change(c, pa, pb);
  header_change(c, pa, pb);
  goals_change(c, JX_DW_OVERALL_GOAL, a->overall_goals, a->n_overall_goals,
               xa->overall_goals, b->overall_goals, b->n_overall_goals,
               xb->overall_goals);
  goals_change(c, JX_DW_GOAL, a->goals, a->n_goals, xa->goals, b->goals,
               b->n_goals, xb->goals);
  indicators_change(c, a->indicators, a->n_indicators, xa->indicators,
                    b->indicators, b->n_indicators, xb->indicators);
  if (c->df->n_items == before)
    c->df->summary.projects_unchanged++;
  c->project = NULL;
  c->project_old = c->project_new = (jx_diff_loc){NULL, 0};
}

static const char *project_text(ctx *c, const dproj *p) {
  char buf[JX_DECIMAL_BUFSZ];
  jx_decimal v;
  if (!to_cur(c, p->p->budget, p->currency, &v))
    v = p->p->budget;
  jx_decimal_format(v, buf);
  return label(c, JX_M_DIFF_PROJECT_ABOUT, p->p->name,
               p->p->code ? p->p->code : word(c, JX_M_DIFF_NO_CODE), buf,
               to_cur(c, p->p->budget, p->currency, &v) ? c->cur->norm
                                                        : p->currency->norm);
}

static void project_added(ctx *c, const dproj *p, bool added) {
  jx_diff_loc l = loc_of(c, p->locs->decl), none = {NULL, 0};
  c->project = NULL;
  c->sub = NULL;
  const char *t = project_text(c, p);
  add(c, JX_DW_PROJECT, added ? JX_DIFF_ADDED : JX_DIFF_REMOVED,
      added ? none : l, added ? l : none, t, t);
}

/* ---- Department and units ------------------------------------------------ */

static void department_change(ctx *c) {
  const jx_department *a = c->a->m->department, *b = c->b->m->department;
  const jx_department_locs *la = jx_loaded_department_locs(c->a->lp),
                           *lb = jx_loaded_department_locs(c->b->lp);
  if (!a && !b)
    return;
  jx_diff_loc lo = loc_of(c, a ? la->decl : no_loc),
              ln = loc_of(c, b ? lb->decl : no_loc);
  c->section = label(c, JX_M_DIFF_DEPARTMENT, (b ? b : a)->name);
  c->project = c->sub = NULL;
  if (!a || !b) {
    add(c, JX_DW_DEPARTMENT, a ? JX_DIFF_REMOVED : JX_DIFF_ADDED, lo, ln,
        a ? a->name : NULL, b ? b->name : NULL);
    return;
  }
  text_change(c, JX_DW_DEPARTMENT, a->name, b->name, lo, ln);
  field_change(c, JX_DW_FIELD, JX_M_DIFF_F_CODE, "code", a->code, b->code,
               stmt_loc(c, la->code.stmt, la->decl),
               stmt_loc(c, lb->code.stmt, lb->decl));
  const jx_unit_info *cur_a = jx_loaded_currency(c->a->lp);
  amount_opt_change(c, JX_DW_BUDGET, a->has_budget, a->budget, cur_a,
                    b->has_budget, b->budget, c->cur,
                    stmt_loc(c, la->budget.stmt, la->decl),
                    stmt_loc(c, lb->budget.stmt, lb->decl));
  lines_change(c, a->breakdown, a->n_breakdown, la->lines, cur_a, b->breakdown,
               b->n_breakdown, lb->lines, c->cur);
  goals_change(c, JX_DW_GOAL, a->goals, a->n_goals, la->goals, b->goals,
               b->n_goals, lb->goals);
  measures_change(c, a->measures, a->n_measures, la->measures, b->measures,
                  b->n_measures, lb->measures);
  indicators_change(c, a->indicators, a->n_indicators, la->indicators,
                    b->indicators, b->n_indicators, lb->indicators);
  const jx_division_locs *da = la->divisions, *db = lb->divisions;
  size_t *match = jx_xcalloc(b->n_divisions + 1, sizeof *match);
  jx_strmap *m = jx_strmap_new(b->n_divisions);
  for (size_t j = 0; j < b->n_divisions; j++) {
    match[j] = SIZE_MAX;
    jx_strmap_add(m, b->divisions[j].name, j);
  }
  for (size_t i = 0; i < a->n_divisions; i++) {
    const jx_division *x = &a->divisions[i];
    size_t j = jx_strmap_take(m, x->name, NULL, NULL);
    if (j == SIZE_MAX) {
      add(c, JX_DW_DIVISION, JX_DIFF_REMOVED, loc_of(c, da[i].decl),
          (jx_diff_loc){NULL, 0}, x->name, NULL);
      continue;
    }
    match[j] = i;
    const jx_division *y = &b->divisions[j];
    c->sub = label(c, JX_M_DIFF_DIVISION, y->name);
    goals_change(c, JX_DW_GOAL, x->goals, x->n_goals, da[i].goals, y->goals,
                 y->n_goals, db[j].goals);
    indicators_change(c, x->indicators, x->n_indicators, da[i].indicators,
                      y->indicators, y->n_indicators, db[j].indicators);
    c->sub = NULL;
  }
  for (size_t j = 0; j < b->n_divisions; j++)
    if (match[j] == SIZE_MAX)
      add(c, JX_DW_DIVISION, JX_DIFF_ADDED, (jx_diff_loc){NULL, 0},
          loc_of(c, db[j].decl), NULL, b->divisions[j].name);
  jx_strmap_free(m);
  free(match);
}

static void unit_change(ctx *c, size_t ia, size_t ib) {
  const jx_unit *a = &c->a->m->units[ia], *b = &c->b->m->units[ib];
  const jx_unit_locs *la = jx_loaded_unit_locs(c->a->lp, ia),
                     *lb = jx_loaded_unit_locs(c->b->lp, ib);
  jx_diff_loc lo = loc_of(c, la->decl), ln = loc_of(c, lb->decl);
  text_change(c, JX_DW_UNIT_NAME, a->name, b->name, lo, ln);
  org_change(c, JX_DW_SUPERVISOR, a->supervisor, b->supervisor,
             stmt_loc(c, la->supervisor.stmt, la->decl),
             stmt_loc(c, lb->supervisor.stmt, lb->decl));
  org_change(c, JX_DW_IMPLEMENTER, a->implementer, b->implementer,
             stmt_loc(c, la->implementer.stmt, la->decl),
             stmt_loc(c, lb->implementer.stmt, lb->decl));
  goals_change(c, JX_DW_GOAL, a->goals, a->n_goals, la->goals, b->goals,
               b->n_goals, lb->goals);
  measures_change(c, a->measures, a->n_measures, la->measures, b->measures,
                  b->n_measures, lb->measures);
}

static bool avail_new(void *ud, size_t j) {
  const size_t *match_b = ud;
  return match_b[j] == SIZE_MAX;
}

static bool budget_total(ctx *c, const side *s, jx_decimal *sum) {
  sum->micros = 0;
  for (size_t i = 0; i < s->n_projects; i++) {
    jx_decimal v;
    if (!to_cur(c, s->projects[i].p->budget, s->projects[i].currency, &v) ||
        jx_decimal_add(*sum, v, sum) != JX_DEC_OK)
      return false;
  }
  return true;
}

void jx_diff_compute(jx_diff *df, const jx_loaded_plan *old,
                     const jx_loaded_plan *neu, const jx_diag *d) {
  memset(df, 0, sizeof *df);
  jx_arena_init(&df->arena);
  side sa = side_of(old), sb = side_of(neu);
  const side *a = &sa, *b = &sb;
  const jx_plan *ma = a->m, *mb = b->m;
  ctx c = {df, a, b, d, NULL, NULL, NULL, NULL, {NULL, 0}, {NULL, 0}};
  c.section = word(&c, JX_M_DIFF_PLAN);
  c.cur = jx_loaded_currency(neu);
  jx_diff_summary *sum = &df->summary;
  sum->currency = c.cur->norm;
  sum->projects_old = a->n_projects;
  sum->projects_new = b->n_projects;

  /* The plan. */
  jx_diff_loc ho = loc_of(&c, jx_loaded_header_loc(old)),
              hn = loc_of(&c, jx_loaded_header_loc(neu));
  if (ma->year != mb->year)
    add(&c, JX_DW_YEAR, JX_DIFF_CHANGED, ho, hn,
        ma->year ? fmt(&c, "%d", ma->year) : word(&c, JX_M_DIFF_NONE),
        mb->year ? fmt(&c, "%d", mb->year) : word(&c, JX_M_DIFF_NONE));
  if (!same_str(ma->framework, mb->framework))
    add(&c, JX_DW_FRAMEWORK, JX_DIFF_CHANGED, ho, hn, ma->framework,
        mb->framework);
  department_change(&c);

  /* Units by code. */
  size_t *umatch_a = jx_xcalloc(ma->n_units + 1, sizeof *umatch_a);
  size_t *umatch_b = jx_xcalloc(mb->n_units + 1, sizeof *umatch_b);
  jx_strmap *m = jx_strmap_new(mb->n_units);
  for (size_t j = 0; j < mb->n_units; j++) {
    umatch_b[j] = SIZE_MAX;
    jx_strmap_add(m, unit_key(&c, &mb->units[j]), j);
  }
  for (size_t i = 0; i < ma->n_units; i++) {
    umatch_a[i] = jx_strmap_take(m, unit_key(&c, &ma->units[i]), NULL, NULL);
    if (umatch_a[i] != SIZE_MAX)
      umatch_b[umatch_a[i]] = i;
  }
  jx_strmap_free(m);

  /* Projects by code anywhere, then by name within the matched unit. */
  size_t *pm_a = jx_xcalloc(a->n_projects + 1, sizeof *pm_a);
  size_t *pm_b = jx_xcalloc(b->n_projects + 1, sizeof *pm_b);
  bool *by_name = jx_xcalloc(b->n_projects + 1, 1);
  for (size_t i = 0; i < a->n_projects; i++)
    pm_a[i] = SIZE_MAX;
  m = jx_strmap_new(b->n_projects);
  for (size_t j = 0; j < b->n_projects; j++) {
    pm_b[j] = SIZE_MAX;
    if (b->projects[j].p->code)
      jx_strmap_add(m, b->projects[j].p->code, j);
  }
  for (size_t i = 0; i < a->n_projects; i++) {
    const char *code = a->projects[i].p->code;
    size_t j = code ? jx_strmap_take(m, code, avail_new, pm_b) : SIZE_MAX;
    if (j != SIZE_MAX) {
      pm_a[i] = j;
      pm_b[j] = i;
    }
  }
  jx_strmap_free(m);
  m = jx_strmap_new(b->n_projects);
  for (size_t j = 0; j < b->n_projects; j++)
    if (pm_b[j] == SIZE_MAX)
      jx_strmap_add(
          m, fmt(&c, "%zu\x1f%s", b->projects[j].unit, b->projects[j].p->name),
          j);
  for (size_t i = 0; i < a->n_projects; i++) {
    size_t ub = umatch_a[a->projects[i].unit];
    if (pm_a[i] != SIZE_MAX || ub == SIZE_MAX)
      continue;
    size_t j = jx_strmap_take(
        m, fmt(&c, "%zu\x1f%s", ub, a->projects[i].p->name), avail_new, pm_b);
    if (j != SIZE_MAX) {
      pm_a[i] = j;
      pm_b[j] = i;
      by_name[j] = true;
      sum->matched_by_name++;
    }
  }
  jx_strmap_free(m);

  /* Report, unit by unit in the new side's order. */
  for (size_t j = 0; j < mb->n_units; j++) {
    const jx_unit *ub = &mb->units[j];
    size_t i = umatch_b[j];
    c.section = unit_label(&c, ub);
    c.project = c.sub = NULL;
    if (i == SIZE_MAX && (ub->code || ub->name)) /* the no-unit group is none */
      add(&c, JX_DW_UNIT, JX_DIFF_ADDED, (jx_diff_loc){NULL, 0},
          loc_of(&c, jx_loaded_unit_locs(neu, j)->decl), NULL,
          unit_text(&c, ub));
    else if (i != SIZE_MAX)
      unit_change(&c, i, j);
    for (size_t pj = b->start[j]; pj < b->start[j + 1]; pj++) {
      if (pm_b[pj] == SIZE_MAX) {
        project_added(&c, &b->projects[pj], true);
      } else {
        sum->projects_matched++;
        project_change(&c, &a->projects[pm_b[pj]], &b->projects[pj],
                       by_name[pj]);
      }
    }
    if (i != SIZE_MAX)
      for (size_t pi = a->start[i]; pi < a->start[i + 1]; pi++)
        if (pm_a[pi] == SIZE_MAX)
          project_added(&c, &a->projects[pi], false);
  }
  for (size_t i = 0; i < ma->n_units; i++) {
    if (umatch_a[i] != SIZE_MAX)
      continue;
    const jx_unit *ua = &ma->units[i];
    c.section = unit_label(&c, ua);
    c.project = c.sub = NULL;
    if (ua->code || ua->name)
      add(&c, JX_DW_UNIT, JX_DIFF_REMOVED,
          loc_of(&c, jx_loaded_unit_locs(old, i)->decl), (jx_diff_loc){NULL, 0},
          unit_text(&c, ua), NULL);
    for (size_t pi = a->start[i]; pi < a->start[i + 1]; pi++)
      if (pm_a[pi] == SIZE_MAX)
        project_added(&c, &a->projects[pi], false);
  }

  sum->budget_ok = budget_total(&c, a, &sum->budget_old) &&
                   budget_total(&c, b, &sum->budget_new) &&
                   jx_decimal_sub(sum->budget_new, sum->budget_old,
                                  &sum->budget_delta) == JX_DEC_OK;
  if (sum->budget_ok)
    sum->has_percent = jx_diff_percent(sum->budget_delta, sum->budget_old,
                                       &sum->percent_cents);
  free(umatch_a);
  free(umatch_b);
  free(pm_a);
  free(pm_b);
  free(by_name);
  side_free(&sa);
  side_free(&sb);
}

void jx_diff_free(jx_diff *df) {
  free(df->items);
  jx_arena_free(&df->arena);
  memset(df, 0, sizeof *df);
}
