/*
 * profiles.c — the scoring profiles a run may use: libjixiao's built-in
 * tables (runtime/profile.c) and those the input files declare.
 *
 *   profile hb40 "湖北 20/40/40, 定性 80/60" {
 *     base caiyu2020;                 # start from a profile (default one)
 *     execution 20;
 *     part output "产出指标" 40 output cost;
 *     part benefit "效益指标" 40 benefit satisfaction;
 *     bands 80 60;
 *     grades 80 70 60;
 *     reverse linear;
 *     rounding 1 truncate;
 *   }
 *   profile hb40;                     # this file's actuals are scored so
 *
 * A setting is a word and its values; the words, in English and Chinese,
 * and what each takes are the table below, so a new rule of a province is
 * a row, not a branch.  A declaration is read into a jx_profile (the
 * runtime's type) once; every mistake is reported at the value it is
 * about.
 */
#include "eval.h"

#include <stdlib.h>
#include <string.h>

#include "framework.h" /* jx_role_lookup, jx_edit_distance */
#include "resolve.h"   /* jx_value_decimal */
#include "vocab.h"     /* role words in both languages */

typedef enum setting_id {
  S_BASE,
  S_EXECUTION,
  S_CAP,
  S_PART,
  S_BANDS,
  S_GRADES,
  S_REVERSE,
  S_ROUNDING,
  S_NA,
  S_LIGHTS,
  S_BUDGET_LIGHTS,
  S_BUDGET_AGAINST,
  S_REASONS
} setting_id;

/* Each setting: its words, and what its values are (a catalog text for
 * the message that refuses others). */
static const struct {
  setting_id id;
  const char *en, *zh;
  jx_msg takes;
} settings[] = {
    {S_BASE, "base", "基于", JX_M_PF_TAKES_BASE},
    {S_EXECUTION, "execution", "预算执行率", JX_M_PF_TAKES_POINTS},
    {S_CAP, "cap", "执行率封顶", JX_M_PF_TAKES_YESNO},
    {S_PART, "part", "评分部分", JX_M_PF_TAKES_PART},
    {S_BANDS, "bands", "定性档次", JX_M_PF_TAKES_BANDS},
    {S_GRADES, "grades", "等级", JX_M_PF_TAKES_GRADES},
    {S_REVERSE, "reverse", "反向指标", JX_M_PF_TAKES_REVERSE},
    {S_ROUNDING, "rounding", "舍入", JX_M_PF_TAKES_ROUNDING},
    {S_NA, "na", "不适用", JX_M_PF_TAKES_NA},
    {S_LIGHTS, "lights", "亮灯", JX_M_PF_TAKES_LIGHTS},
    {S_BUDGET_LIGHTS, "budget_lights", "预算亮灯", JX_M_PF_TAKES_LIGHTS},
    {S_BUDGET_AGAINST, "budget_against", "预算对照", JX_M_PF_TAKES_AGAINST},
    {S_REASONS, "reasons_for", "需说明原因", JX_M_PF_TAKES_REASONS},
};

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* The value words: a setting's choice, in either language. */
static const struct {
  const char *en, *zh;
  int value;
} choices[] = {
    {"yes", "是", 1},
    {"no", "否", 0},
    {"ratio", "比例", JX_REVERSE_RATIO},
    {"linear", "线性", JX_REVERSE_LINEAR},
    {"round", "四舍五入", JX_ROUND_HALF_UP},
    {"truncate", "截断", JX_ROUND_DOWN},
    {"zero", "计零", 1},
    {"keep", "保留", 0},
    {"rescale", "调整", JX_NA_RESCALE},
    {"full", "满分", JX_NA_FULL},
    {"time", "序时进度", JX_BASIS_TIME},
    {"spending", "支出进度", JX_BASIS_SCHEDULE},
    {"red", "红灯", 0},
    {"yellow", "黄灯", 1},
    {"none", "不舍入", -1},
};

/* Settings whose values are choice words (the rest take numbers and
 * names, which jxc fmt keeps as written). */
static bool takes_choice(setting_id id) {
  return id == S_CAP || id == S_REVERSE || id == S_ROUNDING || id == S_NA ||
         id == S_BUDGET_AGAINST || id == S_REASONS;
}

static int setting_index(const char *name) {
  for (size_t i = 0; name && i < COUNT(settings); i++)
    if (strcmp(name, settings[i].en) == 0 || strcmp(name, settings[i].zh) == 0)
      return (int)i;
  return -1;
}

const char *jx_ev_setting_spelling(const char *name, bool zh) {
  int i = setting_index(name);
  return i < 0 ? NULL : zh ? settings[i].zh : settings[i].en;
}

const char *jx_ev_choice_spelling(const char *setting, const char *word,
                                  bool zh) {
  int i = setting_index(setting);
  if (i < 0 || !takes_choice(settings[i].id) || !word)
    return NULL;
  for (size_t j = 0; j < COUNT(choices); j++)
    if (strcmp(word, choices[j].en) == 0 || strcmp(word, choices[j].zh) == 0)
      return zh ? choices[j].zh : choices[j].en;
  return NULL;
}

/* The value of a choice word among those allowed (by English word), or
 * INT_MIN. */
static int choice(const jx_value *v, const char *const *allowed) {
  if (v->kind != JX_VAL_WORD && v->kind != JX_VAL_TEXT)
    return -1000;
  for (size_t i = 0; i < COUNT(choices); i++)
    if (strcmp(v->text, choices[i].en) == 0 ||
        strcmp(v->text, choices[i].zh) == 0)
      for (const char *const *a = allowed; *a; a++)
        if (strcmp(*a, choices[i].en) == 0)
          return choices[i].value;
  return -1000;
}

void jx_ev_profiles_init(jx_ev_profiles *ps) {
  memset(ps, 0, sizeof *ps);
  jx_arena_init(&ps->arena);
}

void jx_ev_profiles_free(jx_ev_profiles *ps) {
  free(ps->declared);
  jx_arena_free(&ps->arena);
  memset(ps, 0, sizeof *ps);
}

const char *jx_ev_profiles_keep(jx_ev_profiles *ps, const char *s) {
  return s ? jx_arena_strdup(&ps->arena, s) : NULL;
}

const jx_profile *jx_ev_profiles_find(const jx_ev_profiles *ps,
                                      const char *name) {
  if (!name)
    return NULL;
  for (size_t i = 0; ps && i < ps->n; i++)
    if (strcmp(ps->declared[i].profile->name, name) == 0)
      return ps->declared[i].profile;
  return jx_profile_builtin(name);
}

void jx_ev_profiles_names(const jx_ev_profiles *ps, jx_strbuf *out,
                          jx_lang lang) {
  size_t nb, n = 0;
  const jx_profile *list = jx_profile_list(&nb);
  const char *names[32];
  for (size_t i = 0; i < nb && n < 32; i++)
    names[n++] = list[i].name;
  for (size_t i = 0; ps && i < ps->n && n < 32; i++)
    names[n++] = ps->declared[i].profile->name;
  jx_join(out, lang, names, n, false);
}

/* ---- Reading a declaration ------------------------------------------------
 */

typedef struct reader {
  jx_ev_profiles *ps;
  jx_diag *d;
  jx_profile *pr;
  bool parts_given; /* the first `part` replaces the base's parts */
  int errors;
} reader;

/* "SETTING takes …": at the first value that does not fit (or the
 * setting's name when a value is missing). */
static void refuse(reader *r, const jx_node *s, size_t k, jx_loc at) {
  r->errors++;
  jx_diag_report(r->d, JX_E_PROFILE_VALUE, at, s->u.setting.name.text,
                 (int)settings[k].takes);
}

/* The values of a setting as an array (at most max); returns how many. */
static size_t values(const jx_node *s, const jx_value **out, size_t max) {
  size_t n = 0;
  for (const jx_setting_arg *a = s->u.setting.args; a; a = a->next) {
    if (n < max)
      out[n] = &a->value;
    n++;
  }
  return n;
}

/* A figure 0–1000 (points, percent), or false. */
static bool figure(const jx_value *v, jx_decimal *out) {
  if (v->kind != JX_VAL_NUMBER ||
      (v->unit && strcmp(v->unit, "%") != 0 && strcmp(v->unit, "分") != 0))
    return false;
  if (jx_value_decimal(v, out) != JX_DEC_OK)
    return false;
  return out->micros >= 0 && out->micros <= 1000 * (int64_t)JX_DECIMAL_SCALE;
}

/* A level-1 role word, English or Chinese. */
static jx_role role_of(const jx_value *v) {
  unsigned levels = 0;
  if (v->kind != JX_VAL_WORD)
    return JX_ROLE_NONE;
  int i = jx_vocab_role_find(v->text, &levels);
  if (i < 0 || !(levels & 1u))
    return JX_ROLE_NONE;
  return jx_role_lookup(jx_vocab_role_word(i, false), 1);
}

static void part(reader *r, const jx_node *s, size_t k) {
  const jx_value *v[16];
  size_t n = values(s, v, 16), i = 0;
  jx_profile *pr = r->pr;
  if (!r->parts_given) {
    pr->n_groups = 0;
    r->parts_given = true;
  }
  if (n < 3 || n > 16 || v[0]->kind != JX_VAL_WORD) {
    refuse(r, s, k, n ? v[0]->loc : s->loc);
    return;
  }
  if (pr->n_groups == JX_PROFILE_MAX_GROUPS) {
    r->errors++;
    jx_diag_report(r->d, JX_E_PROFILE_PARTS, s->loc,
                   (int)JX_PROFILE_MAX_GROUPS);
    return;
  }
  jx_score_group g;
  memset(&g, 0, sizeof g);
  /* The declaration may be gone when the profile is used (a plan file's
   * is parsed and released): its texts are copied. */
  g.name = jx_ev_profiles_keep(r->ps, v[i++]->text);
  if (v[i]->kind == JX_VAL_TEXT)
    g.label = jx_ev_profiles_keep(r->ps, v[i++]->text);
  if (i >= n || !figure(v[i], &g.weight)) {
    refuse(r, s, k, v[i < n ? i : n - 1]->loc);
    return;
  }
  for (i++; i < n; i++) {
    jx_role role = role_of(v[i]);
    if (role == JX_ROLE_NONE) {
      r->errors++;
      char words[128];
      jx_diag_report(r->d, JX_E_PROFILE_ROLE, v[i]->loc, v[i]->text,
                     jx_role_words(1, words, sizeof words));
      return;
    }
    g.roles |= JX_ROLE_BIT(role);
  }
  if (!g.roles) {
    refuse(r, s, k, v[n - 1]->loc);
    return;
  }
  pr->groups[pr->n_groups++] = g;
}

/* Up to three descending figures (bands, grades) or ascending (lights). */
static bool figures(reader *r, const jx_node *s, size_t k, size_t min,
                    size_t max, bool ascending, jx_decimal *out) {
  const jx_value *v[4];
  size_t n = values(s, v, 4);
  if (n < min || n > max) {
    refuse(r, s, k, n > max ? v[max]->loc : s->loc);
    return false;
  }
  for (size_t i = 0; i < n; i++) {
    if (!figure(v[i], &out[i]) ||
        (i > 0 && (ascending ? jx_decimal_cmp(out[i], out[i - 1]) <= 0
                             : jx_decimal_cmp(out[i], out[i - 1]) >= 0))) {
      refuse(r, s, k, v[i]->loc);
      return false;
    }
  }
  return true;
}

/* One choice word among `allowed`, into *out. */
static bool one_choice(reader *r, const jx_node *s, size_t k,
                       const char *const *allowed, int *out) {
  const jx_value *v[2];
  size_t n = values(s, v, 2);
  int c = n == 1 ? choice(v[0], allowed) : -1000;
  if (c == -1000) {
    refuse(r, s, k, n ? v[n > 1 ? 1 : 0]->loc : s->loc);
    return false;
  }
  *out = c;
  return true;
}

static void lights(reader *r, const jx_node *s, size_t k, jx_decimal *red,
                   jx_decimal *yellow, jx_decimal *blue) {
  jx_decimal f[3] = {{0}, {0}, {0}};
  if (!figures(r, s, k, 2, 3, true, f))
    return;
  *red = f[0];
  *yellow = f[1];
  *blue = f[2]; /* 0 when not given: no blue */
}

static void setting(reader *r, const jx_node *s) {
  const char *name = s->u.setting.name.text;
  size_t k = COUNT(settings);
  for (size_t i = 0; i < COUNT(settings); i++)
    if (strcmp(name, settings[i].en) == 0 || strcmp(name, settings[i].zh) == 0)
      k = i;
  jx_profile *pr = r->pr;
  if (k == COUNT(settings)) {
    r->errors++;
    jx_diag_report(r->d, JX_E_PROFILE_SETTING, s->u.setting.name.loc, name);
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    /* The nearest spelling; of two as near, one that starts alike. */
    for (size_t i = 0; i < 2 * COUNT(settings); i++) {
      const char *w = i % 2 ? settings[i / 2].zh : settings[i / 2].en;
      size_t dist = jx_edit_distance(name, w);
      if (dist < best_d ||
          (dist == best_d && best && *w == *name && *best != *name))
        best_d = dist, best = w;
    }
    if (best && best_d <= (strlen(name) + 1) / 2)
      jx_diag_note(r->d, JX_N_DID_YOU_MEAN, s->u.setting.name.loc, best);
    return;
  }
  const jx_value *v[4];
  size_t n = values(s, v, 4);
  int c;
  jx_decimal f[3];
  switch (settings[k].id) {
  case S_BASE: {
    const jx_profile *base = n == 1 && v[0]->kind == JX_VAL_WORD
                                 ? jx_ev_profiles_find(r->ps, v[0]->text)
                                 : NULL;
    if (!base) {
      refuse(r, s, k, n ? v[0]->loc : s->loc);
      return;
    }
    const char *nm = pr->name, *label = pr->label;
    *pr = *base;
    pr->name = nm;
    pr->label = label;
    r->parts_given = false;
    return;
  }
  case S_EXECUTION:
    if (n != 1 || !figure(v[0], &pr->execution_weight))
      refuse(r, s, k, n ? v[0]->loc : s->loc);
    return;
  case S_CAP: {
    static const char *const a[] = {"yes", "no", NULL};
    if (one_choice(r, s, k, a, &c))
      pr->execution_cap = c;
    return;
  }
  case S_PART:
    part(r, s, k);
    return;
  case S_BANDS:
    if (figures(r, s, k, 2, 2, false, f)) {
      pr->band_met = f[0];
      pr->band_partly = f[1];
    }
    return;
  case S_GRADES:
    if (figures(r, s, k, 3, 3, false, f)) {
      pr->grade_a = f[0];
      pr->grade_b = f[1];
      pr->grade_c = f[2];
    }
    return;
  case S_REVERSE: {
    static const char *const a[] = {"ratio", "linear", NULL};
    if (one_choice(r, s, k, a, &c))
      pr->reverse = (jx_reverse_rule)c;
    return;
  }
  case S_ROUNDING: {
    static const char *const none[] = {"none", NULL};
    static const char *const modes[] = {"round", "truncate", NULL};
    jx_decimal places;
    if (n == 1 && choice(v[0], none) == -1) {
      pr->round_places = -1;
      return;
    }
    if (n < 1 || n > 2 || v[0]->kind != JX_VAL_NUMBER || v[0]->unit ||
        jx_value_decimal(v[0], &places) != JX_DEC_OK ||
        !jx_decimal_is_integer(places) || places.micros < 0 ||
        places.micros > 6 * (int64_t)JX_DECIMAL_SCALE) {
      refuse(r, s, k, n ? v[0]->loc : s->loc);
      return;
    }
    c = JX_ROUND_HALF_UP;
    if (n == 2 && (c = choice(v[1], modes)) == -1000) {
      refuse(r, s, k, v[1]->loc);
      return;
    }
    pr->round_places = (int)(places.micros / JX_DECIMAL_SCALE);
    pr->round_mode = (jx_round)c;
    return;
  }
  case S_NA: {
    static const char *const a[] = {"rescale", "full", NULL};
    if (one_choice(r, s, k, a, &c))
      pr->na = (jx_na_rule)c;
    return;
  }
  case S_LIGHTS:
    lights(r, s, k, &pr->light_red, &pr->light_yellow, &pr->light_blue);
    return;
  case S_BUDGET_LIGHTS:
    lights(r, s, k, &pr->budget_red, &pr->budget_yellow, &pr->budget_blue);
    return;
  case S_BUDGET_AGAINST: {
    static const char *const a[] = {"time", "spending", NULL};
    if (one_choice(r, s, k, a, &c))
      pr->budget_basis = (jx_budget_basis)c;
    return;
  }
  case S_REASONS: {
    static const char *const a[] = {"red", "yellow", NULL};
    if (one_choice(r, s, k, a, &c))
      pr->reason_for_yellow = c;
    return;
  }
  }
}

bool jx_ev_profiles_declare(jx_ev_profiles *ps, const jx_node *decl,
                            jx_diag *d) {
  const char *name = decl->u.block.code.text;
  for (size_t i = 0; i < ps->n; i++)
    if (strcmp(ps->declared[i].profile->name, name) == 0) {
      jx_diag_report(d, JX_E_PROFILE_TWICE, decl->u.block.code.loc, name);
      jx_diag_note(d, JX_N_FIRST_HERE, ps->declared[i].where);
      return false;
    }
  if (jx_profile_builtin(name)) {
    jx_diag_report(d, JX_E_PROFILE_BUILTIN, decl->u.block.code.loc, name, name);
    return false;
  }
  jx_profile *pr = jx_arena_alloc(&ps->arena, sizeof *pr);
  *pr = *jx_profile_default();
  pr->name = jx_ev_profiles_keep(ps, name);
  pr->label = jx_ev_profiles_keep(ps, decl->u.block.name.text);
  reader r = {ps, d, pr, false, 0};
  for (const jx_node *s = decl->u.block.items; s; s = s->next)
    if (s->kind == JX_N_SETTING)
      setting(&r, s);
  if (r.parts_given && pr->n_groups == 0)
    r.errors++; /* every `part` was refused (reported) */
  if (r.errors)
    return false;
  /* The parts and the execution add up to what a score is out of. */
  jx_decimal total = pr->execution_weight;
  bool fits = true;
  for (size_t g = 0; g < pr->n_groups; g++)
    fits = fits &&
           jx_decimal_add(total, pr->groups[g].weight, &total) == JX_DEC_OK;
  if (!fits || total.micros != 100 * (int64_t)JX_DECIMAL_SCALE) {
    char t[JX_DECIMAL_BUFSZ];
    jx_decimal_format(total, t);
    jx_diag_report(d, JX_W_PROFILE_TOTAL, decl->u.block.code.loc, name, t);
  }
  if (ps->n == ps->cap) {
    ps->cap = ps->cap ? 2 * ps->cap : 4;
    ps->declared = jx_xrealloc(ps->declared, ps->cap * sizeof *ps->declared);
  }
  ps->declared[ps->n].profile = pr;
  ps->declared[ps->n].where = decl->u.block.code.loc;
  ps->n++;
  return true;
}
