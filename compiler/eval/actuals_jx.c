/*
 * actuals_jx.c — the language's form of actuals (docs/eval.md):
 *
 *   actuals "beidaihe-2021.jx" {
 *     project "130304215088YYECLPBDL" {
 *       budget_full 89.10;
 *       spent 87.36 weight 10 score 9.8;
 *       "保障劳务派遣人员数量" 21人 reason staff "一名派遣人员年中离职";
 *       "绿色办公" "纸质档案电子化尚未完成" 部分达成;
 *       "项目实施受益期限" targeted;
 *     }
 *   }
 *
 * in English or Chinese keywords (完成情况, 全年预算数, 执行数, 分值, 得分,
 * 偏差原因, 措施, 完成可能性, 按目标), with `profile` declarations and a
 * `profile NAME;` that picks one.  The parser builds the tree
 * (grammar/parser.y); this file turns each actual statement into the same
 * jx_entry a CSV row becomes, reading numbers with the checker's own
 * readers (resolve.h), so that both forms are matched and scored by one
 * path (bind.c).
 */
#include "eval.h"

#include <string.h>

#include "parse.h"
#include "resolve.h"

typedef struct jx_reader {
  jx_actuals *a;
  jx_diag *d;
  int found; /* actuals blocks and profile declarations seen */
} jx_reader;

static void no_project(void *ud, jx_node *n, const jx_node *unit) {
  (void)ud;
  (void)n;
  (void)unit;
}

static void count_actuals(void *ud, jx_node *n) {
  (void)n;
  ((jx_reader *)ud)->found++;
}

/* A word of one of the tables, or an error listing them. */
static int word(jx_reader *r, const jx_text *t, int (*lookup)(const char *),
                void (*list)(jx_strbuf *, jx_lang)) {
  int v = lookup(t->text);
  if (v)
    return v;
  jx_strbuf w[JX_LANG_COUNT];
  const char *wt[JX_LANG_COUNT];
  memset(w, 0, sizeof w);
  for (int l = 0; l < JX_LANG_COUNT; l++) {
    list(&w[l], (jx_lang)l);
    wt[l] = w[l].p;
  }
  jx_diag_report(r->d, JX_E_ACTUAL_WORD, t->loc, t->text, wt);
  for (int l = 0; l < JX_LANG_COUNT; l++)
    jx_sb_free(&w[l]);
  return 0;
}

static int rating_of(const char *w) {
  return (int)jx_rating_lookup(w);
}
static int reason_of(const char *w) {
  return (int)jx_reason_lookup(w);
}
static int likelihood_of(const char *w) {
  return (int)jx_likelihood_lookup(w);
}

/* A weight or a score: a plain number (分 allowed). */
static bool figure(jx_reader *r, const jx_value *v, jx_decimal *out,
                   jx_loc *loc) {
  if (v->kind == JX_VAL_NONE)
    return false;
  *loc = v->loc;
  if ((!v->unit || strcmp(v->unit, "分") == 0) &&
      jx_value_decimal(v, out) == JX_DEC_OK)
    return true;
  jx_diag_report(r->d, JX_E_ACTUAL_NUMBER, v->loc, v->text);
  return false;
}

/* The value as written, as the CSV reader would have read it. */
static void value(jx_reader *r, const jx_node *n, jx_av *av) {
  const jx_value *v = &n->u.actual.value;
  memset(av, 0, sizeof *av);
  av->loc = v->loc;
  av->text = v->text;
  if (n->u.actual.targeted) {
    av->kind = JX_AV_TARGETED;
    av->loc = n->u.actual.targeted_loc;
    av->text = jx_msg_text(JX_M_EV_TARGETED, jx_diag_lang(r->d));
    return;
  }
  switch (v->kind) {
  case JX_VAL_NUMBER:
    av->kind = JX_AV_NUMBER;
    av->unit = v->unit;
    av->unit_info = jx_value_unit(v);
    if (jx_value_decimal(v, &av->number) != JX_DEC_OK) {
      jx_diag_report(r->d, JX_E_ACTUAL_NUMBER, v->loc, v->text);
      av->kind = JX_AV_NONE;
    }
    return;
  case JX_VAL_DATE:
    av->kind = JX_AV_DATE;
    av->year = v->year;
    av->month = v->month;
    av->day = v->day;
    return;
  case JX_VAL_TEXT:
  case JX_VAL_DATE_RANGE: /* 2023.07-2024.01: rated like a text result */
    av->kind = JX_AV_TEXT;
    return;
  case JX_VAL_NA:
    av->kind = JX_AV_NA;
    return;
  case JX_VAL_NONE:
  case JX_VAL_WORD:
    break;
  }
  /* A rating alone (部分达成): the rating stands for the result. */
  if (n->u.actual.rating.text) {
    av->kind = JX_AV_TEXT;
    av->text = n->u.actual.rating.text;
    av->loc = n->u.actual.rating.loc;
  } else { /* no value: what is said of it is said at its name */
    av->loc =
        n->u.actual.what == JX_ACT_INDICATOR ? n->u.actual.name.loc : n->loc;
  }
}

static void actual(jx_reader *r, const jx_node *proj, const jx_node *n) {
  jx_entry *e = jx_actuals_add(r->a);
  e->loc = n->loc;
  e->project = proj->u.block.name.text;
  e->project_loc = proj->u.block.name.loc;
  switch (n->u.actual.what) {
  case JX_ACT_INDICATOR:
    e->kind = JX_ENTRY_INDICATOR;
    e->indicator = n->u.actual.name.text;
    e->indicator_loc = n->u.actual.name.loc;
    break;
  case JX_ACT_SPENT:
    e->kind = JX_ENTRY_SPENT;
    e->indicator_loc = n->loc;
    break;
  case JX_ACT_BUDGET_FULL:
    e->kind = JX_ENTRY_BUDGET_FULL;
    e->indicator_loc = n->loc;
    break;
  }
  value(r, n, &e->value);
  const jx_text *rt = &n->u.actual.rating;
  if (rt->text && n->u.actual.value.kind != JX_VAL_NONE) {
    e->rating = (jx_rating)word(r, rt, rating_of, jx_rating_words);
    e->rating_loc = rt->loc;
  }
  e->has_weight = figure(r, &n->u.actual.weight, &e->weight, &e->weight_loc);
  e->has_score = figure(r, &n->u.actual.score, &e->score, &e->score_loc);
  if (n->u.actual.reason.text) {
    e->reason =
        (jx_reason)word(r, &n->u.actual.reason, reason_of, jx_reason_words);
    e->reason_loc = n->u.actual.reason.loc;
  }
  e->reason_text = n->u.actual.reason_text.text;
  if (!e->reason && e->reason_text)
    e->reason_loc = n->u.actual.reason_text.loc;
  e->measure = n->u.actual.measure.text;
  if (n->u.actual.likelihood.text) {
    e->likelihood = (jx_likelihood)word(r, &n->u.actual.likelihood,
                                        likelihood_of, jx_likelihood_words);
    e->likelihood_loc = n->u.actual.likelihood.loc;
  }
}

/* A profile named for this file: `actuals … profile NAME` or a top-level
 * `profile NAME;`.  The first one counts; another is an error. */
static void select_profile(jx_reader *r, const jx_text *name) {
  jx_actuals *a = r->a;
  if (a->profile && strcmp(a->profile, name->text) != 0) {
    jx_diag_report(r->d, JX_E_PROFILE_CHOSEN_TWICE, name->loc, name->text,
                   a->profile);
    jx_diag_note(r->d, JX_N_FIRST_HERE, a->profile_loc);
    return;
  }
  if (!a->profile) {
    a->profile = name->text;
    a->profile_loc = name->loc;
  }
}

static void on_actuals(void *ud, jx_node *n) {
  jx_reader *r = ud;
  r->a->blocks++;
  if (n->u.block.code.text)
    select_profile(r, &n->u.block.code);
  if (n->u.block.name.text && !r->a->plan) {
    r->a->plan = n->u.block.name.text;
    r->a->plan_loc = n->u.block.name.loc;
  }
  for (const jx_node *p = n->u.block.items; p; p = p->next)
    for (const jx_node *s = p->u.block.items; s; s = s->next)
      actual(r, p, s);
}

static void on_profile(void *ud, jx_node *n) {
  jx_reader *r = ud;
  jx_actuals *a = r->a;
  if (n->u.block.uses) {
    select_profile(r, &n->u.block.code);
    return;
  }
  if (a->n_profiles == a->cap_profiles) {
    a->cap_profiles = a->cap_profiles ? 2 * a->cap_profiles : 4;
    a->profiles =
        jx_xrealloc(a->profiles, a->cap_profiles * sizeof *a->profiles);
  }
  a->profiles[a->n_profiles++] = n;
}

static void discard(void *ud, const char *text, size_t n) {
  (void)ud;
  (void)text;
  (void)n;
}

int jx_actuals_read_jx(jx_actuals *a, uint32_t file, const char *text, size_t n,
                       jx_diag *d) {
  /* First, quietly: is this jixiao with actuals or profiles at all?  A
   * spreadsheet's bytes or a plan would only make syntax errors. */
  jx_diag *quiet = jx_diag_new();
  jx_diag_set_writer(quiet, discard, NULL);
  jx_arena scratch;
  jx_arena_init(&scratch);
  jx_reader probe = {a, quiet, 0};
  jx_sink look = {&probe,     NULL, NULL,          NULL,         NULL,
                  no_project, NULL, count_actuals, count_actuals};
  jx_parse_options opt = {false, false, NULL};
  uint32_t qf = jx_diag_add_source(quiet, "", text, n);
  jx_parse_mem(text, n, qf, quiet, &scratch, &look, &opt, NULL);
  jx_arena_free(&scratch);
  jx_diag_free(quiet);
  if (!probe.found)
    return -1;
  /* Then for real, into the actuals' own arena (the tree's strings are
   * the entries'). */
  jx_reader r = {a, d, 0};
  jx_sink sink = {&r,         NULL, NULL,       NULL,      NULL,
                  no_project, NULL, on_actuals, on_profile};
  jx_parse_options keep = {true, false, NULL}; /* a->profiles point into it */
  int errors = jx_diag_errors(d);
  jx_parse_mem(text, n, file, d, &a->arena, &sink, &keep, NULL);
  return jx_diag_errors(d) > errors;
}
