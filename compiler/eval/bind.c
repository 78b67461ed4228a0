/*
 * bind.c — actuals matched to the plan (eval.h).
 *
 * Each entry names a project (by code, or by name when that is unique in
 * the plan) and an indicator of it (by its 三级指标 name), or the money
 * (执行数, 全年预算数).  Its value is converted into what the runtime
 * scores: a number into the target's own unit (0.5万元 against a target in
 * 元 is 5000, exactly, or an error), a month or a date into a day of the
 * plan's year, a text into a rated result.  Every rule an actual can break
 * is reported here, pointing at the actual and, with a note, at the
 * target in the plan it was measured against (model_locs.h).
 */
#include "eval.h"

#include <stdlib.h>
#include <string.h>

#include "framework.h" /* jx_edit_distance */

/* ---- A small string index (name → first project, chained) -------------- */

typedef struct name_index {
  const char **keys;
  size_t *first; /* per slot: a project, or SIZE_MAX */
  size_t n_slots;
  size_t *next; /* per project: the next one with the same key */
} name_index;

static uint64_t hash(const char *s) {
  uint64_t h = 14695981039346656037ull; /* FNV-1a */
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

static void index_init(name_index *ix, size_t n) {
  ix->n_slots = 16;
  while (ix->n_slots < 2 * n + 2)
    ix->n_slots *= 2;
  ix->keys = jx_xcalloc(ix->n_slots, sizeof *ix->keys);
  ix->first = jx_xmalloc(ix->n_slots * sizeof *ix->first);
  ix->next = jx_xmalloc((n ? n : 1) * sizeof *ix->next);
  for (size_t i = 0; i < ix->n_slots; i++)
    ix->first[i] = SIZE_MAX;
}

static size_t slot(const name_index *ix, const char *key) {
  size_t i = (size_t)hash(key) & (ix->n_slots - 1);
  while (ix->keys[i] && strcmp(ix->keys[i], key) != 0)
    i = (i + 1) & (ix->n_slots - 1);
  return i;
}

/* Adds value under key, after those already there. */
static void index_add(name_index *ix, const char *key, size_t value) {
  size_t i = slot(ix, key);
  ix->next[value] = SIZE_MAX;
  if (!ix->keys[i]) {
    ix->keys[i] = key;
    ix->first[i] = value;
    return;
  }
  size_t v = ix->first[i];
  while (ix->next[v] != SIZE_MAX)
    v = ix->next[v];
  ix->next[v] = value;
}

static size_t index_get(const name_index *ix, const char *key) {
  size_t i = slot(ix, key);
  return ix->keys[i] ? ix->first[i] : SIZE_MAX;
}

static void index_free(name_index *ix) {
  free(ix->keys);
  free(ix->first);
  free(ix->next);
}

/* ---- Binding ----------------------------------------------------------------
 */

typedef struct binder {
  jx_ev_run *r;
  jx_diag *d;
  name_index by_code, by_name;
  int year;
} binder;

static jx_loc target_loc(const jx_ev_item *it, size_t i) {
  const jx_indicator_locs *l = &it->proj->locs->indicators[i];
  return jx_loc_known(l->value) ? l->value : l->decl;
}

/* The note under a message about an actual: where its target is. */
static void note_target(binder *b, const jx_ev_item *it, size_t i) {
  jx_diag_note(b->d, JX_N_EV_TARGET, target_loc(it, i),
               it->proj->p->indicators[i].text);
}

/* The closest name among candidates, for a did-you-mean; NULL if none is
 * close enough to be a typo. */
static const char *closest(const char *name, const char *const *cands,
                           size_t n) {
  const char *best = NULL;
  size_t best_d = SIZE_MAX;
  for (size_t i = 0; i < n; i++) {
    if (!cands[i])
      continue;
    size_t dist = jx_edit_distance(name, cands[i]);
    if (dist < best_d) {
      best_d = dist;
      best = cands[i];
    }
  }
  size_t len = jx_edit_distance(name, "");
  if (best_d == SIZE_MAX || best_d == 0 || best_d > 2 + len / 4)
    return NULL;
  return best;
}

/* The project an entry names, or NULL (reported). */
static jx_ev_item *find_project(binder *b, const jx_entry *e) {
  jx_ev_run *r = b->r;
  size_t k = index_get(&b->by_code, e->project);
  if (k == SIZE_MAX) {
    k = index_get(&b->by_name, e->project);
    if (k != SIZE_MAX && b->by_name.next[k] != SIZE_MAX) {
      jx_diag_report(b->d, JX_E_ACTUAL_PROJECT_AMBIGUOUS, e->project_loc,
                     e->project);
      for (size_t j = k; j != SIZE_MAX; j = b->by_name.next[j])
        jx_diag_note(b->d, JX_N_EV_PROJECT, r->items[j].proj->locs->name,
                     r->items[j].proj->p->code ? r->items[j].proj->p->code
                                               : "");
      return NULL;
    }
  }
  if (k != SIZE_MAX)
    return &r->items[k];
  jx_diag_report(b->d, JX_E_ACTUAL_PROJECT_UNKNOWN, e->project_loc, e->project);
  const char **names =
      jx_xmalloc((r->n_items ? r->n_items : 1) * sizeof *names);
  for (size_t i = 0; i < r->n_items; i++)
    names[i] = r->items[i].proj->p->name;
  const char *hint = closest(e->project, names, r->n_items);
  if (hint)
    jx_diag_note(b->d, JX_N_DID_YOU_MEAN, e->project_loc, hint);
  free(names);
  return NULL;
}

static bool same_name(const jx_indicator *x, const char *name) {
  return x->name && strcmp(x->name, name) == 0;
}

/* The indicator an entry names in its project, or SIZE_MAX (reported).
 * Two indicators of one name (under different categories, as 改善环境
 * under 社会效益 and 生态效益) take their actuals in the order written. */
static size_t find_indicator(binder *b, jx_ev_item *it, const jx_entry *e) {
  const jx_project *p = it->proj->p;
  size_t first = SIZE_MAX;
  for (size_t i = 0; i < p->n_indicators; i++)
    if (same_name(&p->indicators[i], e->indicator)) {
      if (!it->entries[i])
        return i;
      if (first == SIZE_MAX)
        first = i;
    }
  if (first != SIZE_MAX)
    return first; /* all taken: a duplicate, reported by the caller */
  jx_diag_report(b->d, JX_E_ACTUAL_INDICATOR_UNKNOWN, e->indicator_loc, p->name,
                 e->indicator);
  const char **names =
      jx_xmalloc((p->n_indicators ? p->n_indicators : 1) * sizeof *names);
  for (size_t i = 0; i < p->n_indicators; i++)
    names[i] = p->indicators[i].name;
  const char *hint = closest(e->indicator, names, p->n_indicators);
  if (hint)
    jx_diag_note(b->d, JX_N_DID_YOU_MEAN, e->indicator_loc, hint);
  free(names);
  jx_diag_note(b->d, JX_N_EV_PROJECT, it->proj->locs->name,
               p->code ? p->code : "");
  return SIZE_MAX;
}

static bool is_month_unit(const char *u) {
  return u && (strcmp(u, "月") == 0 || strcmp(u, "月底") == 0 ||
               strcmp(u, "月份") == 0);
}

/* A date written (year 0: the plan's) as yyyymmdd × 10^6 (dd 00 for a
 * month), or false (reported). */
static bool day_of(binder *b, const jx_entry *e, int year, int month, int day,
                   jx_decimal *out) {
  if (year == 0)
    year = b->year;
  if (year == 0) {
    jx_diag_report(b->d, JX_E_ACTUAL_DATE_YEAR, e->value.loc, e->value.text);
    return false;
  }
  int last = jx_date_days_in_month(year, month);
  if (last == 0 || day > last || year > 9999) {
    jx_diag_report(b->d, JX_E_ACTUAL_DATE, e->value.loc, e->value.text);
    return false;
  }
  out->micros = ((int64_t)year * 10000 + month * 100 + day) * JX_DECIMAL_SCALE;
  return true;
}

/* A number into the target's unit. */
static bool to_unit(binder *b, const jx_ev_item *it, size_t i,
                    const jx_entry *e, jx_decimal *out) {
  const jx_indicator *x = &it->proj->p->indicators[i];
  const jx_av *v = &e->value;
  if (!v->unit || (x->unit && strcmp(v->unit, x->unit) == 0) ||
      (x->unit && v->unit_info && strcmp(v->unit_info->norm, x->unit) == 0)) {
    *out = v->number; /* a bare number is in the target's unit */
    return true;
  }
  const jx_unit_info *to =
      x->unit ? jx_unit_lookup(x->unit, strlen(x->unit)) : NULL;
  jx_decimal_status st = JX_DEC_INEXACT;
  if (v->unit_info && to && v->unit_info->dimension == to->dimension &&
      to->dimension != JX_DIM_OTHER)
    st = jx_unit_convert(v->number, v->unit_info, to, out);
  if (st == JX_DEC_OK)
    return true;
  if (!x->unit)
    jx_diag_report(b->d, JX_E_ACTUAL_UNIT_NONE, v->loc, v->text, jx_ev_name(x));
  else if (st == JX_DEC_INEXACT && v->unit_info && to &&
           v->unit_info->dimension == to->dimension)
    jx_diag_report(b->d, JX_E_ACTUAL_UNIT_INEXACT, v->loc, v->text, x->unit);
  else
    jx_diag_report(b->d, JX_E_ACTUAL_UNIT, v->loc, v->text, x->unit);
  note_target(b, it, i);
  return false;
}

/* The entry's value as the runtime scores it against indicator i. */
static bool convert(binder *b, jx_ev_item *it, size_t i, const jx_entry *e,
                    jx_actual *out) {
  const jx_indicator *x = &it->proj->p->indicators[i];
  const jx_av *v = &e->value;
  memset(out, 0, sizeof *out);
  out->has_weight = e->has_weight;
  out->weight = e->weight;
  out->has_score = e->has_score;
  out->score = e->score;
  out->rating = e->rating;
  switch (v->kind) {
  case JX_AV_NONE:
    jx_diag_report(b->d,
                   b->r->month ? JX_W_ACTUAL_EMPTY_NOW : JX_W_ACTUAL_EMPTY,
                   e->value.loc, jx_ev_name(x));
    return true;
  case JX_AV_NA:
    out->kind = JX_ACTUAL_NA;
    return true;
  case JX_AV_TARGETED:
    out->kind = JX_ACTUAL_TARGETED;
    return true;
  default:
    break;
  }
  switch (x->kind) {
  case JX_KIND_NA:
  case JX_KIND_EMPTY:
    /* not applicable, or a row printed without a target: nothing to read */
    return true;
  case JX_KIND_QUALITATIVE:
  case JX_KIND_DATE_RANGE: /* a period (2023.07-2024.01): rated as a text */
    out->kind = JX_ACTUAL_TEXT;
    out->text = v->text;
    if (!out->rating && (out->rating = jx_rating_lookup(v->text)))
      out->text = NULL; /* a rating alone: 达成 */
    return true;
  case JX_KIND_QUANTITATIVE:
    if (v->kind == JX_AV_NUMBER) { /* 7月 too: a duration, if 月 is its unit */
      out->kind = JX_ACTUAL_NUMBER;
      return to_unit(b, it, i, e, &out->value);
    }
    jx_diag_report(b->d, JX_E_ACTUAL_KIND_NUMBER, v->loc, v->text,
                   jx_ev_name(x));
    note_target(b, it, i);
    return false;
  case JX_KIND_DATE:
    out->kind = JX_ACTUAL_DATE;
    if (v->kind == JX_AV_DATE)
      return day_of(b, e, v->year, v->month, v->day, &out->value);
    if (v->kind == JX_AV_NUMBER && is_month_unit(v->unit) &&
        jx_decimal_is_integer(v->number) && v->number.micros > 0 &&
        v->number.micros <= 12 * (int64_t)JX_DECIMAL_SCALE)
      return day_of(b, e, 0, (int)(v->number.micros / JX_DECIMAL_SCALE), 0,
                    &out->value);
    jx_diag_report(b->d, JX_E_ACTUAL_KIND_DATE, v->loc, v->text, jx_ev_name(x));
    note_target(b, it, i);
    return false;
  }
  return true;
}

/* 执行数 and 全年预算数: an amount in the project's currency. */
static bool money(binder *b, const jx_ev_item *it, const jx_entry *e,
                  jx_decimal *out) {
  const jx_av *v = &e->value;
  const jx_unit_info *cur = it->proj->currency;
  if (v->kind != JX_AV_NUMBER) {
    jx_diag_report(b->d, JX_E_ACTUAL_MONEY, v->loc, v->text ? v->text : "");
    return false;
  }
  const jx_unit_info *u = v->unit_info;
  if (v->unit && strcmp(v->unit, "万") == 0) /* 万 alone is 万元 here */
    u = jx_unit_lookup("万元", strlen("万元"));
  if (!v->unit || (u && cur && u == cur)) {
    *out = v->number;
    return true;
  }
  if (u && cur && u->dimension == JX_DIM_MONEY &&
      jx_unit_convert(v->number, u, cur, out) == JX_DEC_OK)
    return true;
  jx_diag_report(b->d, JX_E_ACTUAL_MONEY, v->loc, v->text);
  return false;
}

static void duplicate(binder *b, const jx_entry *e, const jx_entry *first,
                      const char *what) {
  jx_diag_report(b->d, JX_E_ACTUAL_DUPLICATE, e->indicator_loc, what);
  jx_diag_note(b->d, JX_N_EV_FIRST, first->indicator_loc);
}

static void bind_entry(binder *b, const jx_entry *e) {
  jx_ev_item *it = find_project(b, e);
  if (!it)
    return;
  it->reported = true;
  if (e->kind != JX_ENTRY_INDICATOR) {
    bool spent = e->kind == JX_ENTRY_SPENT;
    const jx_entry **slot = spent ? &it->spent : &it->budget_full;
    if (*slot) {
      duplicate(b, e, *slot, e->value.text ? e->value.text : "");
      return;
    }
    *slot = e;
    if (spent) { /* printed beside the money, or beside an empty cell */
      it->pa.has_execution_weight = e->has_weight;
      it->pa.execution_weight = e->weight;
      it->pa.has_execution_score = e->has_score;
      it->pa.execution_score = e->score;
    }
    /* Named with no amount (an empty cell, `spent reason …;`): as if not
     * reported, with its reason kept. */
    if (e->value.kind == JX_AV_NONE)
      return;
    jx_decimal amount;
    if (!money(b, it, e, &amount))
      return;
    if (spent) {
      it->pa.has_spent = 1;
      it->pa.spent = amount;
    } else {
      it->pa.has_budget_full = 1;
      it->pa.budget_full = amount;
    }
    return;
  }
  size_t i = find_indicator(b, it, e);
  if (i == SIZE_MAX)
    return;
  if (it->entries[i]) {
    duplicate(b, e, it->entries[i], e->indicator);
    return;
  }
  it->entries[i] = e;
  convert(b, it, i, e, &it->acts[i]);
}

int jx_ev_bind(jx_ev_run *r, const jx_ev_plan *pl, const jx_actuals *a,
               const jx_profile *prof, int month, jx_diag *d) {
  memset(r, 0, sizeof *r);
  jx_arena_init(&r->arena);
  r->plan = pl;
  r->month = month;
  r->profile = prof ? prof : jx_profile_default();
  r->n_items = pl->n_projects;
  r->items = jx_arena_alloc(&r->arena,
                            (r->n_items ? r->n_items : 1) * sizeof *r->items);
  binder b = {r, d, {0}, {0}, pl->year};
  index_init(&b.by_code, r->n_items);
  index_init(&b.by_name, r->n_items);
  for (size_t k = 0; k < r->n_items; k++) {
    jx_ev_item *it = &r->items[k];
    it->proj = &pl->projects[k];
    size_t n = it->proj->p->n_indicators;
    it->acts = jx_arena_alloc(&r->arena, (n ? n : 1) * sizeof *it->acts);
    it->entries = jx_arena_alloc(&r->arena, (n ? n : 1) * sizeof *it->entries);
    it->pa.actuals = it->acts;
    /* A second project of a code the checker refused is never reached. */
    if (it->proj->p->code &&
        index_get(&b.by_code, it->proj->p->code) == SIZE_MAX)
      index_add(&b.by_code, it->proj->p->code, k);
    else
      b.by_code.next[k] = SIZE_MAX;
    index_add(&b.by_name, it->proj->p->name, k);
  }
  int errors = jx_diag_errors(d);
  for (size_t k = 0; k < a->n && !jx_diag_too_many(d); k++)
    bind_entry(&b, &a->entries[k]);
  index_free(&b.by_code);
  index_free(&b.by_name);
  if (jx_diag_errors(d) > errors)
    return 1;
  /* What the plan asks for and nobody reported. */
  for (size_t k = 0; k < r->n_items; k++) {
    jx_ev_item *it = &r->items[k];
    const jx_project *p = it->proj->p;
    if (!it->reported) {
      jx_diag_report(d, JX_W_ACTUAL_PROJECT_MISSING, it->proj->locs->name,
                     p->name);
      continue;
    }
    if (!it->pa.has_spent)
      jx_diag_report(
          d, month ? JX_W_ACTUAL_SPENT_MISSING_NOW : JX_W_ACTUAL_SPENT_MISSING,
          it->proj->locs->name, p->name);
    for (size_t i = 0; i < p->n_indicators; i++)
      if (!it->entries[i] && p->indicators[i].kind != JX_KIND_NA &&
          p->indicators[i].kind != JX_KIND_EMPTY)
        jx_diag_report(d, month ? JX_W_ACTUAL_MISSING_NOW : JX_W_ACTUAL_MISSING,
                       it->proj->locs->indicators[i].name,
                       jx_ev_name(&p->indicators[i]));
  }
  return 0;
}
