/*
 * diff_project.c — comparing two matched projects (see diff_impl.h): their
 * indicators (by category and name), schedule, the forms' header fields
 * (issue 11) and everything else a project carries, and a project added
 * or removed.
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

/* ---- Indicators ---------------------------------------------------------- */

/* Rows without a name (a value printed alone, an empty row) are keyed by
 * their value as well, so that two of them under one category pair with
 * the same row on the other side rather than with any other. */
static const char *ind_key(jx_df_ctx *c, const jx_indicator *x) {
  if (!x->name)
    return jx_df_fmt(c, "%s\x1f%s\x1e%s", x->level1 ? x->level1 : "",
                     x->level2 ? x->level2 : "", x->text ? x->text : "");
  return jx_df_fmt(c, "%s\x1f%s\x1f%s", x->level1 ? x->level1 : "",
                   x->level2 ? x->level2 : "", x->name);
}

static const char *ind_label(jx_df_ctx *c, const jx_indicator *x) {
  const char *name = x->name ? x->name : "";
  if (x->level1_label)
    return jx_df_fmt(c, "%s.%s %s", x->level1_label,
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
static void value_change(jx_df_ctx *c, jx_diff_what w, const jx_indicator *o,
                         const jx_indicator *n, jx_diff_loc lo,
                         jx_diff_loc ln) {
  jx_diff_verdict v = jx_diff_target_moved(o, n);
  if (v != JX_VERDICT_NONE) {
    jx_diff_item *it =
        jx_df_add(c, w, JX_DIFF_CHANGED, lo, ln, ind_value(o), ind_value(n));
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

static void indicator_change(jx_df_ctx *c, const jx_indicator *o,
                             const jx_indicator *n, jx_loc where_o,
                             jx_loc where_n) {
  jx_diff_loc lo = jx_df_loc_of(c, where_o), ln = jx_df_loc_of(c, where_n);
  const char *saved = c->sub;
  c->sub = saved
               ? jx_df_label(c, JX_M_DIFF_IN_INDICATOR, saved, ind_label(c, n))
               : jx_df_label(c, JX_M_DIFF_INDICATOR, ind_label(c, n));
  value_change(c, JX_DW_IND_VALUE, o, n, lo, ln);
  if (o->period_target && n->period_target) {
    jx_indicator po = period_view(o), pn = period_view(n);
    value_change(c, JX_DW_IND_PERIOD, &po, &pn, lo, ln);
  } else if (o->period_target || n->period_target) {
    jx_df_add(c, JX_DW_IND_PERIOD,
              o->period_target ? JX_DIFF_REMOVED : JX_DIFF_ADDED, lo, ln,
              o->period_target ? o->period_target->text : NULL,
              n->period_target ? n->period_target->text : NULL);
  }
  jx_df_text_change(c, JX_DW_IND_DESC, o->description, n->description, lo, ln);
  jx_df_text_change(c, JX_DW_IND_BASIS, o->basis, n->basis, lo, ln);
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
    jx_df_field_change(c, JX_DW_IND_NOTE, notes[i].label, notes[i].id,
                       *(const char *const *)((const char *)o + notes[i].off),
                       *(const char *const *)((const char *)n + notes[i].off),
                       lo, ln);
  c->sub = saved;
}

static jx_loc indicator_loc(const jx_indicator_locs *l, size_t i) {
  return l ? l[i].decl : no_loc;
}

void jx_df_indicators_change(jx_df_ctx *c, const jx_indicator *va, size_t na,
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
    jx_diff_loc ln = jx_df_loc_of(c, indicator_loc(lb, j));
    jx_df_add(c, JX_DW_INDICATOR, JX_DIFF_ADDED, (jx_diff_loc){NULL, 0}, ln,
              NULL,
              jx_df_fmt(c, "%s: %s", ind_label(c, &vb[j]), ind_value(&vb[j])));
  }
  for (size_t i = 0; i < na; i++)
    if (!used[i]) {
      jx_diff_loc lo = jx_df_loc_of(c, indicator_loc(la, i));
      jx_df_add(c, JX_DW_INDICATOR, JX_DIFF_REMOVED, lo, (jx_diff_loc){NULL, 0},
                jx_df_fmt(c, "%s: %s", ind_label(c, &va[i]), ind_value(&va[i])),
                NULL);
    }
  jx_strmap_free(m);
  free(match);
  free(used);
}

/* ---- Projects ------------------------------------------------------------ */

static void schedule_change(jx_df_ctx *c, const jx_df_proj *pa,
                            const jx_df_proj *pb) {
  const jx_schedule_point *sa = pa->p->schedule, *sb = pb->p->schedule;
  const jx_decimal *ma[13] = {0}, *mb[13] = {0};
  for (size_t i = 0; i < pa->p->n_schedule; i++)
    if (sa[i].month >= 1 && sa[i].month <= 12)
      ma[sa[i].month] = &sa[i].percent;
  for (size_t i = 0; i < pb->p->n_schedule; i++)
    if (sb[i].month >= 1 && sb[i].month <= 12)
      mb[sb[i].month] = &sb[i].percent;
  jx_diff_loc lo = jx_df_stmt_loc(c, pa->locs->schedule, pa->locs->decl);
  jx_diff_loc ln = jx_df_stmt_loc(c, pb->locs->schedule, pb->locs->decl);
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
    jx_diff_item *it = jx_df_add(c, JX_DW_SCHEDULE, op, lo, ln,
                                 ma[m] ? jx_df_fmt(c, "%s%%", x) : NULL,
                                 mb[m] ? jx_df_fmt(c, "%s%%", y) : NULL);
    it->month = m;
  }
}

/* ---- The forms' header fields (issue 11) ----------------------------------
 */

static const char *person_text(jx_df_ctx *c, jx_person p) {
  if (!p.name)
    return NULL;
  return p.phone ? jx_df_fmt(c, "%s %s", p.name, p.phone) : p.name;
}

/* Two periods are the same when their dates are, however written. */
static bool same_period(const jx_project *a, const jx_project *b) {
  if (jx_df_same_str(a->period, b->period))
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

static void named_change(jx_df_ctx *c, jx_diff_what w, const named *va,
                         size_t na, const named *vb, size_t nb,
                         const jx_unit_info *ua, const jx_unit_info *ub) {
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
      jx_df_amount_opt_change(c, w, true, va[i].amount, ua, false, va[i].amount,
                              ub, jx_df_loc_of(c, va[i].loc),
                              (jx_diff_loc){NULL, 0});
    } else {
      match[j] = i;
      jx_df_amount_change(c, w, va[i].amount, ua, vb[j].amount, ub,
                          jx_df_loc_of(c, va[i].loc),
                          jx_df_loc_of(c, vb[j].loc));
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
    jx_df_amount_opt_change(c, w, false, vb[j].amount, ua, true, vb[j].amount,
                            ub, (jx_diff_loc){NULL, 0},
                            jx_df_loc_of(c, vb[j].loc));
    jx_diff_item *it = &c->df->items[c->df->n_items - 1];
    it->field = vb[j].label;
    it->field_id = vb[j].key;
  }
  jx_strmap_free(m);
  free(match);
}

static named *sources_named(jx_df_ctx *c, const jx_project *p,
                            const jx_project_locs *l) {
  named *v = jx_xcalloc(p->n_sources + 1, sizeof *v);
  for (size_t i = 0; i < p->n_sources; i++) {
    const jx_source *s = &p->sources[i];
    v[i].key = s->kind ? s->kind : jx_df_fmt(c, "\x01%s", s->label);
    v[i].label = s->label;
    v[i].amount = s->amount;
    v[i].loc = l->sources ? l->sources[i].stmt : l->funds;
  }
  return v;
}

static named *lines_named(jx_df_ctx *c, const jx_line_item *x, size_t n,
                          const jx_loc *locs) {
  named *v = jx_xcalloc(n + 1, sizeof *v);
  for (size_t i = 0; i < n; i++) {
    /* A line without a name is known by its place. */
    v[i].key = x[i].name ? x[i].name : jx_df_fmt(c, "#%zu", i + 1);
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

void jx_df_lines_change(jx_df_ctx *c, const jx_line_item *a, size_t na,
                        const jx_loc *la, const jx_unit_info *ua,
                        const jx_line_item *b, size_t nb, const jx_loc *lb,
                        const jx_unit_info *ub) {
  named *va = lines_named(c, a, na, la), *vb = lines_named(c, b, nb, lb);
  named_change(c, JX_DW_LINE, va, na, vb, nb, ua, ub);
  free(va);
  free(vb);
}

static void header_change(jx_df_ctx *c, const jx_df_proj *pa,
                          const jx_df_proj *pb) {
  const jx_project *a = pa->p, *b = pb->p;
  const jx_project_locs *xa = pa->locs, *xb = pb->locs;
  jx_df_amount_opt_change(c, JX_DW_TOTAL, a->has_total, a->total, pa->currency,
                          b->has_total, b->total, pb->currency,
                          jx_df_stmt_loc(c, xa->total.stmt, xa->decl),
                          jx_df_stmt_loc(c, xb->total.stmt, xb->decl));
  /* Sources that are only 财政 and 其他 are the fiscal and other totals,
   * reported as such; beyond them, each source by its kind. */
  if (!two_sources(a) || !two_sources(b)) {
    named *sa = sources_named(c, a, xa), *sb = sources_named(c, b, xb);
    named_change(c, JX_DW_SOURCE, sa, a->n_sources, sb, b->n_sources,
                 pa->currency, pb->currency);
    free(sa);
    free(sb);
  }
  jx_df_lines_change(c, a->breakdown, a->n_breakdown, xa->lines, pa->currency,
                     b->breakdown, b->n_breakdown, xb->lines, pb->currency);
  if (!same_period(a, b))
    jx_df_field_change(c, JX_DW_PERIOD, JX_M_NONE, NULL, a->period, b->period,
                       jx_df_stmt_loc(c, xa->period.stmt, xa->decl),
                       jx_df_stmt_loc(c, xb->period.stmt, xb->decl));
  /* What both projects take from their units is the units' change. */
  if (!inherited(xa, xa->supervisor) || !inherited(xb, xb->supervisor))
    jx_df_org_change(c, JX_DW_SUPERVISOR, a->supervisor, b->supervisor,
                     jx_df_stmt_loc(c, xa->supervisor.stmt, xa->decl),
                     jx_df_stmt_loc(c, xb->supervisor.stmt, xb->decl));
  if (!inherited(xa, xa->implementer) || !inherited(xb, xb->implementer))
    jx_df_org_change(c, JX_DW_IMPLEMENTER, a->implementer, b->implementer,
                     jx_df_stmt_loc(c, xa->implementer.stmt, xa->decl),
                     jx_df_stmt_loc(c, xb->implementer.stmt, xb->decl));
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
    jx_df_field_change(c, JX_DW_FIELD, fields[i].label, fields[i].id,
                       fields[i].o, fields[i].n,
                       jx_df_stmt_loc(c, fields[i].lo, xa->decl),
                       jx_df_stmt_loc(c, fields[i].ln, xb->decl));
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
    jx_df_field_change(c, JX_DW_FIELD, JX_M_NONE, NULL, a->attributes[i].value,
                       nv, jx_df_stmt_loc(c, xa->attributes[i].stmt, xa->decl),
                       j < b->n_attributes
                           ? jx_df_stmt_loc(c, xb->attributes[j].stmt, xb->decl)
                           : (jx_diff_loc){NULL, 0});
    if (c->df->n_items > before)
      c->df->items[c->df->n_items - 1].field =
          c->df->items[c->df->n_items - 1].field_id = a->attributes[i].key;
  }
  for (size_t j = 0; j < b->n_attributes; j++)
    if (!used[j]) {
      jx_df_add(c, JX_DW_FIELD, JX_DIFF_ADDED, (jx_diff_loc){NULL, 0},
                jx_df_stmt_loc(c, xb->attributes[j].stmt, xb->decl), NULL,
                b->attributes[j].value);
      c->df->items[c->df->n_items - 1].field =
          c->df->items[c->df->n_items - 1].field_id = b->attributes[j].key;
    }
  free(used);
}

const char *jx_df_unit_text(jx_df_ctx *c, const jx_unit *u) {
  if (!u->code)
    return u->name ? u->name : "";
  return jx_df_fmt(c, "%s %s", u->code, u->name ? u->name : "");
}

/* What a unit is matched by: its code; without one, its name (units
 * without a code pair only when their names do); the projects outside
 * any unit form one group of their own. */
const char *jx_df_unit_key(jx_df_ctx *c, const jx_unit *u) {
  if (u->code)
    return u->code;
  if (!u->name)
    return "\x01";
  return jx_df_fmt(c, "\x02%s", u->name);
}

void jx_df_project_change(jx_df_ctx *c, const jx_df_proj *pa,
                          const jx_df_proj *pb, bool by_name) {
  const jx_project *a = pa->p, *b = pb->p;
  const jx_project_locs *xa = pa->locs, *xb = pb->locs;
  jx_diff_loc lo = jx_df_loc_of(c, xa->decl), ln = jx_df_loc_of(c, xb->decl);
  c->project = b->name;
  c->project_old = lo;
  c->project_new = ln;
  c->sub = NULL;
  size_t before = c->df->n_items;
  jx_df_text_change(c, JX_DW_PROJECT_NAME, a->name, b->name, lo, ln);
  if (!jx_df_same_str(a->code, b->code)) {
    jx_diff_item *it =
        jx_df_add(c, JX_DW_PROJECT_CODE, JX_DIFF_CHANGED,
                  jx_df_stmt_loc(c, xa->code.stmt, xa->decl),
                  jx_df_stmt_loc(c, xb->code.stmt, xb->decl),
                  a->code ? a->code : jx_df_word(c, JX_M_DIFF_NONE),
                  b->code ? b->code : jx_df_word(c, JX_M_DIFF_NONE));
    it->by_name = by_name;
  }
  const jx_unit *ua = &c->a->m->units[pa->unit],
                *ub = &c->b->m->units[pb->unit];
  if (strcmp(jx_df_unit_key(c, ua), jx_df_unit_key(c, ub)) != 0)
    jx_df_add(c, JX_DW_PROJECT_UNIT, JX_DIFF_CHANGED, lo, ln,
              jx_df_unit_text(c, ua), jx_df_unit_text(c, ub));
  jx_df_amount_change(c, JX_DW_BUDGET, a->budget, pa->currency, b->budget,
                      pb->currency,
                      jx_df_stmt_loc(c, xa->budget.stmt, xa->decl),
                      jx_df_stmt_loc(c, xb->budget.stmt, xb->decl));
  jx_df_amount_change(c, JX_DW_FISCAL, a->fiscal, pa->currency, b->fiscal,
                      pb->currency, jx_df_stmt_loc(c, xa->funds, xa->decl),
                      jx_df_stmt_loc(c, xb->funds, xb->decl));
  jx_df_amount_change(c, JX_DW_OTHER, a->other, pa->currency, b->other,
                      pb->currency, jx_df_stmt_loc(c, xa->funds, xa->decl),
                      jx_df_stmt_loc(c, xb->funds, xb->decl));
  jx_df_text_change(c, JX_DW_PURPOSE, a->purpose, b->purpose,
                    jx_df_stmt_loc(c, xa->purpose.stmt, xa->decl),
                    jx_df_stmt_loc(c, xb->purpose.stmt, xb->decl));
  schedule_change(c, pa, pb);
  header_change(c, pa, pb);
  jx_df_goals_change(c, JX_DW_OVERALL_GOAL, a->overall_goals,
                     a->n_overall_goals, xa->overall_goals, b->overall_goals,
                     b->n_overall_goals, xb->overall_goals);
  jx_df_goals_change(c, JX_DW_GOAL, a->goals, a->n_goals, xa->goals, b->goals,
                     b->n_goals, xb->goals);
  jx_df_indicators_change(c, a->indicators, a->n_indicators, xa->indicators,
                          b->indicators, b->n_indicators, xb->indicators);
  if (c->df->n_items == before)
    c->df->summary.projects_unchanged++;
  c->project = NULL;
  c->project_old = c->project_new = (jx_diff_loc){NULL, 0};
}

static const char *project_text(jx_df_ctx *c, const jx_df_proj *p) {
  char buf[JX_DECIMAL_BUFSZ];
  jx_decimal v;
  if (!jx_df_to_cur(c, p->p->budget, p->currency, &v))
    v = p->p->budget;
  jx_decimal_format(v, buf);
  return jx_df_label(
      c, JX_M_DIFF_PROJECT_ABOUT, p->p->name,
      p->p->code ? p->p->code : jx_df_word(c, JX_M_DIFF_NO_CODE), buf,
      jx_df_to_cur(c, p->p->budget, p->currency, &v) ? c->cur->norm
                                                     : p->currency->norm);
}

void jx_df_project_added(jx_df_ctx *c, const jx_df_proj *p, bool added) {
  jx_diff_loc l = jx_df_loc_of(c, p->locs->decl), none = {NULL, 0};
  c->project = NULL;
  c->sub = NULL;
  const char *t = project_text(c, p);
  jx_df_add(c, JX_DW_PROJECT, added ? JX_DIFF_ADDED : JX_DIFF_REMOVED,
            added ? none : l, added ? l : none, t, t);
}
