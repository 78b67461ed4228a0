/*
 * form.c — see form.h.  The interpreter of the forms: it turns a form's
 * list of row specifications (form_tables.c) and a piece of the model
 * into grid rows, and builds the summary of a plan's projects.  A row's
 * second target and its explanation columns go in its 指标值 and 依据
 * cells, under a label.
 */
#include "form_spec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Building rows ------------------------------------------------------ */

/* What one form is being filled from. */
typedef struct source {
  const jx_form_ctx *c;
  const jx_unit *unit;
  const jx_project *project;
  const jx_department *dept;
  const jx_division *division;
  const char *const *goals;
  size_t n_goals;
  const jx_measure *measures;
  size_t n_measures;
  const jx_indicator *indicators;
  size_t n_indicators;
  bool indicators_optional; /* no table at all when there are none */
  jx_form_row_fn fn;
  void *ud;
} source;

/* A row being built: at most one cell per column. */
typedef struct row {
  jx_form_cell cells[JX_SUMMARY_COLS];
  jx_form_row r;
} row;

static void row_start(row *w, jx_form_anchor a, size_t index) {
  memset(w, 0, sizeof *w);
  w->r.anchor = a;
  w->r.index = index;
  w->r.cells = w->cells;
}

static void put(row *w, int col, int colspan, int rowspan, jx_form_style st,
                const char *text) {
  jx_form_cell *c = &w->cells[w->r.n++];
  c->col = col;
  c->colspan = colspan;
  c->rowspan = rowspan;
  c->style = st;
  c->text = text;
}

static void put_num(row *w, int col, int colspan, jx_form_style st,
                    jx_decimal v) {
  put(w, col, colspan, 1, st, NULL);
  w->cells[w->r.n - 1].num = v;
}

static void row_end(const source *s, row *w) {
  s->fn(s->ud, &w->r);
}

static char *label_str(const source *s, const char *fmt, const char *a,
                       const char *b);

/* An organisation as forms print it: [505]湘西州教育和体育局. */
static const char *org_text(const source *s, jx_org o) {
  if (!o.code)
    return o.name;
  return label_str(s, "[%s]%s", o.code, o.name ? o.name : "");
}

/* A person and a telephone number: 张三 0743-8221234. */
static const char *person_text(const source *s, jx_person p) {
  if (!p.name || !p.phone)
    return p.name;
  return label_str(s, "%s %s", p.name, p.phone);
}

static const char *value_of(const source *s, value_id v) {
  switch (v) {
  case V_PROJECT_NAME:
    return s->project ? s->project->name : NULL;
  case V_PROJECT_CODE:
    return s->project ? s->project->code : NULL;
  case V_PURPOSE:
    return s->project ? s->project->purpose : NULL;
  case V_DEPARTMENT:
    if (s->project && (s->project->supervisor.name))
      return org_text(s, s->project->supervisor);
    return s->c->department;
  case V_IMPLEMENTER_NAME:
    if (s->project && s->project->implementer.name)
      return s->project->implementer.name;
    return s->unit ? s->unit->name : NULL;
  case V_IMPLEMENTER_CODE:
    if (s->project && s->project->implementer.name)
      return s->project->implementer.code;
    return s->unit ? s->unit->code : NULL;
  case V_CLASS:
    return s->project ? s->project->classification : NULL;
  case V_NATURE:
    return s->project ? s->project->nature : NULL;
  case V_POLICY:
    return s->project ? s->project->policy : NULL;
  case V_DOCUMENT:
    return s->project ? s->project->document : NULL;
  case V_SUBJECT:
    return s->project ? s->project->subject : NULL;
  case V_PERIOD:
    return s->project ? s->project->period : NULL;
  case V_MANAGER:
    return s->project ? person_text(s, s->project->manager) : NULL;
  case V_CONTACT:
    return s->project ? person_text(s, s->project->contact) : NULL;
  case V_DEPT_CODE:
    return s->dept ? s->dept->code : NULL;
  case V_UNIT_NAME:
    return s->unit ? s->unit->name : NULL;
  case V_UNIT_CODE:
    return s->unit ? s->unit->code : NULL;
  case V_DEPT_NAME:
    return s->dept ? s->dept->name : NULL;
  case V_DIVISION_NAME:
    return s->division ? s->division->name : NULL;
  case V_NONE:
  default:
    return NULL;
  }
}

/* Labels with a number or a short word in them, kept in the scratch
 * arena until the caller releases it after the form. */
static char *keep_label(const source *s, const char *buf, int k, size_t cap) {
  if (k < 0)
    k = 0;
  if ((size_t)k >= cap)
    k = (int)cap - 1;
  return jx_arena_strndup(s->c->scratch, buf, (size_t)k);
}

static char *label_int(const source *s, const char *fmt, int n) {
  char buf[64];
  return keep_label(s, buf, snprintf(buf, sizeof buf, fmt, n), sizeof buf);
}

static char *label_str(const source *s, const char *fmt, const char *a,
                       const char *b) {
  /* Measured first: a name or a phone number may be long. */
  int n = snprintf(NULL, 0, fmt, a, b);
  size_t cap = n > 0 ? (size_t)n + 1 : 1;
  char *buf = jx_arena_alloc(s->c->scratch, cap);
  snprintf(buf, cap, fmt, a, b);
  return buf;
}

static void title_row(const source *s, const char *text, int cols) {
  row w;
  row_start(&w, JX_FA_NONE, 0);
  w.r.heading = true;
  put(&w, 0, cols, 1, JX_FS_TITLE, text);
  row_end(s, &w);
}

static void year_row(const source *s, int cols) {
  row w;
  row_start(&w, JX_FA_NONE, 0);
  w.r.heading = true;
  const char *t =
      s->c->year > 0 ? label_int(s, "（%d年度）", s->c->year) : "（ 年度）";
  put(&w, 0, cols, 1, JX_FS_CAPTION, t);
  row_end(s, &w);
}

static void note_row(const source *s, int cols) {
  row w;
  row_start(&w, JX_FA_NONE, 0);
  w.r.heading = true;
  put(&w, 0, cols, 1, JX_FS_NOTE,
      label_str(s, "金额单位：%s%s", s->c->currency, ""));
  row_end(s, &w);
}

/* A label over n rows (at least one), the rest of each row from fill(). */
typedef void (*fill_fn)(const source *s, row *w, size_t i);

static void list_rows(const source *s, const char *label, size_t n,
                      jx_form_anchor a, fill_fn fill) {
  size_t rows = n ? n : 1;
  for (size_t i = 0; i < rows; i++) {
    row w;
    row_start(&w, a, i);
    if (i == 0)
      put(&w, 0, 1, (int)rows, JX_FS_LABEL, label);
    if (n)
      fill(s, &w, i);
    else
      put(&w, 1, JX_FORM_COLS - 1, 1, JX_FS_TEXT, NULL);
    row_end(s, &w);
  }
}

static void fill_measure(const source *s, row *w, size_t i) {
  put(w, 1, 2, 1, JX_FS_TEXT, s->measures[i].title);
  put(w, 3, JX_FORM_COLS - 3, 1, JX_FS_TEXT, s->measures[i].text);
}

/* The goals in one cell, a line each, numbered as the printed forms
 * number them: "1.保障…\n2.保障…" (a reader takes the numbers off, and
 * takes a line without the next number as the goal's own).  A goal that
 * starts with a digit gets "1、" instead: "1.5万元…" would read as the
 * number 1.5. */
static void goals_row(const source *s, const char *label,
                      const char *const *goals, size_t n_goals) {
  size_t n = 0;
  for (size_t i = 0; i < n_goals; i++)
    n += strlen(goals[i]) + 24;
  char *text = NULL;
  if (n_goals) {
    text = jx_arena_alloc(s->c->scratch, n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n_goals; i++)
      k += (size_t)snprintf(
          text + k, n + 1 - k, "%s%zu%s%s", i ? "\n" : "", i + 1,
          goals[i][0] >= '0' && goals[i][0] <= '9' ? "、" : ".", goals[i]);
  }
  row w;
  row_start(&w, JX_FA_GOAL, 0);
  put(&w, 0, 1, 1, JX_FS_LABEL, label);
  put(&w, 1, JX_FORM_COLS - 1, 1, JX_FS_TEXT, text);
  row_end(s, &w);
}

static void goal_row(const source *s, const char *label) {
  goals_row(s, label, s->goals, s->n_goals);
}

/* Texts joined by line breaks, each after its label ("绩效标准：计划标准"),
 * those that are NULL left out; NULL when all are. */
static const char *labelled_lines(const source *s, const char *first,
                                  const char *const *labels,
                                  const char *const *texts, size_t n) {
  size_t len = first ? strlen(first) : 0;
  for (size_t i = 0; i < n; i++)
    if (texts[i])
      len += strlen(labels[i]) + strlen(texts[i]) + 8;
  if (len == 0)
    return first;
  char *out = jx_arena_alloc(s->c->scratch, len + 1);
  size_t k = 0;
  if (first)
    k += (size_t)snprintf(out, len + 1, "%s", first);
  for (size_t i = 0; i < n; i++)
    if (texts[i])
      k += (size_t)snprintf(out + k, len + 1 - k, "%s%s：%s", k ? "\n" : "",
                            labels[i], texts[i]);
  return out;
}

/* 指标值: the target as written, and the period's under it. */
static const char *value_cell(const source *s, const jx_indicator *x) {
  const char *own = x->kind == JX_KIND_NA ? jx_form_na_text : x->text;
  const jx_target *t = x->period_target;
  if (!t)
    return own;
  static const char *const label[] = {"实施期"};
  const char *text[] = {t->kind == JX_KIND_NA ? jx_form_na_text : t->text};
  return labelled_lines(s, own, label, text, 1);
}

/* 指标值确定依据, and the explanation columns of other forms under it. */
static const char *basis_cell(const source *s, const jx_indicator *x) {
  static const char *const labels[] = {"绩效标准", "指标解释", "指标值说明",
                                       "备注", "评（扣）分标准"};
  const char *texts[] = {x->standard, x->explanation, x->value_note, x->remark,
                         x->scoring};
  return labelled_lines(s, x->basis, labels, texts, 5);
}

/* Months across, their cumulative percentages under them, five to a pair
 * of rows (the printed form's layout; a quarterly schedule is one pair,
 * a longer one repeats the block). */
#define MONTHS_PER_ROW (JX_FORM_COLS - 1)

static void schedule_rows(const source *s, const char *label) {
  const jx_schedule_point *pt = s->project->schedule;
  size_t n = s->project->n_schedule;
  size_t pairs = n ? (n + MONTHS_PER_ROW - 1) / MONTHS_PER_ROW : 1;
  for (size_t k = 0; k < pairs; k++) {
    for (int half = 0; half < 2; half++) {
      row w;
      row_start(&w, JX_FA_SCHEDULE, 0);
      /* The label beside each pair, so that every pair reads as the
       * printed block does: label, months right of it, percentages under
       * them. */
      if (half == 0)
        put(&w, 0, 1, 2, JX_FS_LABEL, label);
      for (size_t c = 0; c < MONTHS_PER_ROW; c++) {
        size_t i = k * MONTHS_PER_ROW + c;
        int col = (int)c + 1;
        if (i >= n)
          put(&w, col, 1, 1, half ? JX_FS_TEXT : JX_FS_HEADER, NULL);
        else if (half == 0)
          put(&w, col, 1, 1, JX_FS_HEADER, label_int(s, "%d月底", pt[i].month));
        else
          put_num(&w, col, 1, JX_FS_PERCENT, pt[i].percent);
      }
      row_end(s, &w);
    }
  }
}

static bool same(const char *a, const char *b) {
  return a == b || (a && b && strcmp(a, b) == 0);
}

/* The indicator table: 一级 and 二级 span the runs of rows that share them. */
static void indicator_rows(const source *s) {
  if (s->n_indicators == 0 && s->indicators_optional)
    return;
  row w;
  row_start(&w, JX_FA_NONE, 0);
  for (int i = 0; i < JX_FORM_COLS; i++)
    put(&w, i, 1, 1, JX_FS_HEADER, jx_form_indicator_heading[i]);
  row_end(s, &w);
  const jx_indicator *v = s->indicators;
  for (size_t i = 0; i < s->n_indicators; i++) {
    const jx_indicator *x = &v[i];
    row_start(&w, JX_FA_INDICATOR, i);
    w.r.indicator = x;
    if (i == 0 || !same(v[i - 1].level1_label, x->level1_label)) {
      size_t k = i + 1;
      while (k < s->n_indicators && same(v[k].level1_label, x->level1_label))
        k++;
      put(&w, 0, 1, (int)(k - i), JX_FS_LEVEL, x->level1_label);
    }
    if (i == 0 || !same(v[i - 1].level1_label, x->level1_label) ||
        !same(v[i - 1].level2_label, x->level2_label)) {
      size_t k = i + 1;
      while (k < s->n_indicators && same(v[k].level1_label, x->level1_label) &&
             same(v[k].level2_label, x->level2_label))
        k++;
      put(&w, 1, 1, (int)(k - i), JX_FS_LEVEL, x->level2_label);
    }
    put(&w, 2, 1, 1, JX_FS_TEXT, x->name);
    put(&w, 3, 1, 1, JX_FS_TEXT, x->description);
    put(&w, 4, 1, 1, JX_FS_TEXT, value_cell(s, x));
    put(&w, 5, 1, 1, JX_FS_TEXT, basis_cell(s, x));
    row_end(s, &w);
  }
}

/* Whether the sources say more than 财政/其他: then each is a row. */
static bool sources_beyond_two(const jx_project *p) {
  for (size_t i = 0; i < p->n_sources; i++)
    if (!p->sources[i].kind || (strcmp(p->sources[i].kind, "fiscal") != 0 &&
                                strcmp(p->sources[i].kind, "other") != 0))
      return true;
  return false;
}

/* Whether the plan says where the funds come from.  The model has no
 * mark for a `funds` statement left out: it holds 0 and 0 then.  A plan
 * that writes them has fiscal + other = budget (funds-sum), so 0 and 0
 * under a budget that is not 0 means "not said"; the form leaves those
 * cells empty rather than print a 0 the plan never wrote (and that an
 * import would read back as `funds fiscal 0 other 0`).  Under a budget of
 * 0 the two readings are the same plan. */
static bool funds_given(jx_decimal budget, jx_decimal fiscal,
                        jx_decimal other) {
  return fiscal.micros != 0 || other.micros != 0 || budget.micros == 0;
}

/* An amount, or an empty cell where the plan says nothing. */
static void put_amount(row *w, int col, int colspan, jx_decimal v, bool given) {
  if (given)
    put_num(w, col, colspan, JX_FS_MONEY, v);
  else
    put(w, col, colspan, 1, JX_FS_TEXT, NULL);
}

/* 项目资金: 年度资金总额, 其中：财政拨款, 其他资金 (the national form's
 * rows), then what other forms add: 项目总预算, each source of funds, the
 * line items of the budget. */
static void funds_rows(const source *s, const char *label) {
  const jx_project *p = s->project;
  const jx_decimal v[3] = {p->budget, p->fiscal, p->other};
  bool given = p->n_sources > 0 || funds_given(p->budget, p->fiscal, p->other);
  const char *full = label_str(s, "%s（%s）", label, s->c->currency);
  size_t n_src = sources_beyond_two(p) ? p->n_sources : 0;
  size_t rows = 3 + (p->has_total ? 1 : 0) + n_src + p->n_breakdown;
  size_t r = 0;
  row w;
  for (int i = 0; i < 3; i++, r++) {
    row_start(&w, i == 0 ? JX_FA_BUDGET : JX_FA_FUNDS, (size_t)(i ? i - 1 : 0));
    if (i == 0)
      put(&w, 0, 1, (int)rows, JX_FS_LABEL, full);
    put(&w, 1, 1, 1, JX_FS_LABEL, jx_form_funds_labels[i]);
    put_amount(&w, 2, JX_FORM_COLS - 2, v[i], i == 0 || given);
    row_end(s, &w);
  }
  if (p->has_total) {
    row_start(&w, JX_FA_BUDGET, 0);
    put(&w, 1, 1, 1, JX_FS_LABEL, "项目总预算");
    put_num(&w, 2, JX_FORM_COLS - 2, JX_FS_MONEY, p->total);
    row_end(s, &w);
  }
  for (size_t i = 0; i < n_src; i++) {
    row_start(&w, JX_FA_FUNDS, 0);
    put(&w, 1, 1, 1, JX_FS_LABEL,
        label_str(s, "资金来源：%s%s", p->sources[i].label, ""));
    put_num(&w, 2, JX_FORM_COLS - 2, JX_FS_MONEY, p->sources[i].amount);
    row_end(s, &w);
  }
  for (size_t i = 0; i < p->n_breakdown; i++) {
    row_start(&w, JX_FA_BUDGET, 0);
    const char *name = p->breakdown[i].name;
    put(&w, 1, 1, 1, JX_FS_LABEL,
        name ? label_str(s, "明细：%s%s", name, "") : "明细");
    put_num(&w, 2, JX_FORM_COLS - 2, JX_FS_MONEY, p->breakdown[i].amount);
    row_end(s, &w);
  }
}

/* 部门预算 and its line items, when the department gives them. */
static void dept_budget_rows(const source *s, const char *label) {
  const jx_department *d = s->dept;
  if (!d->has_budget && d->n_breakdown == 0)
    return;
  const char *full = label_str(s, "%s（%s）", label, s->c->currency);
  size_t rows = (d->has_budget ? 1 : 0) + d->n_breakdown;
  row w;
  for (size_t i = 0; i < rows; i++) {
    row_start(&w, JX_FA_NAME, 0);
    if (i == 0)
      put(&w, 0, 1, (int)rows, JX_FS_LABEL, full);
    if (d->has_budget && i == 0) {
      put(&w, 1, 1, 1, JX_FS_LABEL, "预算数");
      put_num(&w, 2, JX_FORM_COLS - 2, JX_FS_MONEY, d->budget);
    } else {
      const jx_line_item *x = &d->breakdown[i - (d->has_budget ? 1 : 0)];
      put(&w, 1, 1, 1, JX_FS_LABEL,
          x->name ? label_str(s, "明细：%s%s", x->name, "") : "明细");
      put_num(&w, 2, JX_FORM_COLS - 2, JX_FS_MONEY, x->amount);
    }
    row_end(s, &w);
  }
}

/* The project's other header fields (属性 "key" "value"), a row each. */
static void attribute_rows(const source *s) {
  const jx_project *p = s->project;
  for (size_t i = 0; p && i < p->n_attributes; i++) {
    row w;
    row_start(&w, JX_FA_NAME, 0);
    put(&w, 0, 1, 1, JX_FS_LABEL, p->attributes[i].key);
    put(&w, 1, JX_FORM_COLS - 1, 1, JX_FS_TEXT, p->attributes[i].value);
    row_end(s, &w);
  }
}

static void run(const source *s, const row_spec *spec, size_t n);

static void division_rows(const source *s) {
  const jx_department *d = s->dept;
  for (size_t i = 0; i < d->n_divisions; i++) {
    source t = *s;
    t.division = &d->divisions[i];
    t.goals = t.division->goals;
    t.n_goals = t.division->n_goals;
    t.indicators = t.division->indicators;
    t.n_indicators = t.division->n_indicators;
    t.indicators_optional = true;
    run(&t, jx_form_division_rows, jx_form_division_n);
  }
}

static void run(const source *s, const row_spec *spec, size_t n) {
  for (size_t i = 0; i < n; i++) {
    const row_spec *r = &spec[i];
    row w;
    switch (r->kind) {
    case R_TITLE:
      title_row(s, r->label, JX_FORM_COLS);
      break;
    case R_YEAR:
      year_row(s, JX_FORM_COLS);
      break;
    case R_NOTE:
      note_row(s, JX_FORM_COLS);
      break;
    case R_FIELD:
      if (r->optional && !value_of(s, r->v))
        break;
      row_start(&w, r->anchor, 0);
      put(&w, 0, 1, 1, JX_FS_LABEL, r->label);
      put(&w, 1, JX_FORM_COLS - 1, 1, r->st, value_of(s, r->v));
      row_end(s, &w);
      break;
    case R_PAIR:
      if (r->optional && !(s->project && s->project->implementer.name))
        break;
      row_start(&w, r->anchor, 0);
      put(&w, 0, 1, 1, JX_FS_LABEL, r->label);
      put(&w, 1, 3, 1, r->st, value_of(s, r->v));
      put(&w, 4, 1, 1, JX_FS_LABEL, r->label2);
      put(&w, 5, 1, 1, r->st2, value_of(s, r->v2));
      row_end(s, &w);
      break;
    case R_SECTION:
      /* Only in front of something: the department's own indicators. */
      if (s->n_indicators == 0)
        break;
      row_start(&w, JX_FA_NONE, 0);
      put(&w, 0, JX_FORM_COLS, 1, JX_FS_LABEL, r->label);
      row_end(s, &w);
      break;
    case R_FUNDS:
      funds_rows(s, r->label);
      break;
    case R_SCHEDULE:
      schedule_rows(s, r->label);
      break;
    case R_GOALS:
      goal_row(s, r->label);
      break;
    case R_MEASURES:
      list_rows(s, r->label, s->n_measures, JX_FA_MEASURE, fill_measure);
      break;
    case R_INDICATORS:
      indicator_rows(s);
      break;
    case R_DIVISIONS:
      division_rows(s);
      break;
    case R_ATTRIBUTES:
      attribute_rows(s);
      break;
    case R_OVERALL:
      if (s->project && s->project->n_overall_goals)
        goals_row(s, r->label, s->project->overall_goals,
                  s->project->n_overall_goals);
      break;
    case R_DEPT_BUDGET:
      dept_budget_rows(s, r->label);
      break;
    }
  }
}

void jx_form_project(const jx_form_ctx *c, const jx_unit *u,
                     const jx_project *p, jx_form_row_fn fn, void *ud) {
  source s = {0};
  s.c = c;
  s.unit = u;
  s.project = p;
  s.goals = p->goals;
  s.n_goals = p->n_goals;
  s.indicators = p->indicators;
  s.n_indicators = p->n_indicators;
  s.fn = fn;
  s.ud = ud;
  run(&s, jx_form_project_rows, jx_form_project_n);
}

void jx_form_unit_head(const jx_form_ctx *c, const jx_unit *u,
                       jx_form_row_fn fn, void *ud) {
  source s = {0};
  s.c = c;
  s.unit = u;
  s.fn = fn;
  s.ud = ud;
  run(&s, jx_form_unit_head_rows, jx_form_unit_head_n);
}

void jx_form_unit_tail(const jx_form_ctx *c, const jx_unit *u,
                       jx_form_row_fn fn, void *ud) {
  source s = {0};
  s.c = c;
  s.unit = u;
  s.goals = u->goals;
  s.n_goals = u->n_goals;
  s.measures = u->measures;
  s.n_measures = u->n_measures;
  s.fn = fn;
  s.ud = ud;
  run(&s, jx_form_unit_tail_rows, jx_form_unit_tail_n);
}

void jx_form_department(const jx_form_ctx *c, const jx_department *d,
                        jx_form_row_fn fn, void *ud) {
  source s = {0};
  s.c = c;
  s.dept = d;
  s.goals = d->goals;
  s.n_goals = d->n_goals;
  s.measures = d->measures;
  s.n_measures = d->n_measures;
  s.indicators = d->indicators;
  s.n_indicators = d->n_indicators;
  s.indicators_optional = true;
  s.fn = fn;
  s.ud = ud;
  run(&s, jx_form_department_rows, jx_form_department_n);
}

/* ---- The summary -------------------------------------------------------- */

void jx_summary_init(jx_summary *s) {
  memset(s, 0, sizeof *s);
  jx_arena_init(&s->arena);
}

void jx_summary_free(jx_summary *s) {
  free(s->items);
  jx_arena_free(&s->arena);
  memset(s, 0, sizeof *s);
}

static const char *keep(jx_summary *s, const char *t) {
  return t ? jx_arena_strdup(&s->arena, t) : NULL;
}

void jx_summary_add(jx_summary *s, const jx_unit *u, const jx_project *p) {
  if (s->n == s->cap) {
    s->cap = s->cap ? 2 * s->cap : 64;
    s->items = jx_xrealloc(s->items, s->cap * sizeof *s->items);
  }
  jx_summary_item *it = &s->items[s->n++];
  /* A unit's code and name are the same for all its projects: share them
   * with the previous item instead of copying them again. */
  const jx_summary_item *prev = s->n > 1 ? it - 1 : NULL;
  const char *uc = u ? u->code : NULL, *un = u ? u->name : NULL;
  it->unit_code =
      prev && same(prev->unit_code, uc) ? prev->unit_code : keep(s, uc);
  it->unit_name =
      prev && same(prev->unit_name, un) ? prev->unit_name : keep(s, un);
  it->code = keep(s, p->code);
  it->name = keep(s, p->name);
  it->budget = p->budget;
  it->fiscal = p->fiscal;
  it->other = p->other;
}

void jx_form_summary(const jx_form_ctx *c, const jx_summary *sum,
                     jx_form_row_fn fn, void *ud) {
  source s = {0};
  s.c = c;
  s.fn = fn;
  s.ud = ud;
  row w;
  title_row(&s, "项目支出绩效目标汇总表", JX_SUMMARY_COLS);
  const char *fields[4] = {c->year > 0 ? label_int(&s, "%d", c->year) : NULL,
                           c->framework, c->currency, c->form};
  int n_fields = c->form && strcmp(c->form, "generic") != 0 ? 4 : 3;
  for (int i = 0; i < n_fields; i++) {
    row_start(&w, JX_FA_NONE, 0);
    put(&w, 0, 2, 1, JX_FS_LABEL, jx_form_summary_fields[i]);
    put(&w, 2, JX_SUMMARY_COLS - 2, 1, i == 0 ? JX_FS_CODE : JX_FS_TEXT,
        fields[i]);
    row_end(&s, &w);
  }
  row_start(&w, JX_FA_NONE, 0);
  for (int i = 0; i < JX_SUMMARY_COLS; i++)
    put(&w, i, 1, 1, JX_FS_HEADER, jx_form_summary_heading[i]);
  row_end(&s, &w);
  jx_decimal total[3] = {{0}, {0}, {0}};
  bool overflow[3] = {false, false, false};
  for (size_t i = 0; i < sum->n; i++) {
    const jx_summary_item *it = &sum->items[i];
    const jx_decimal v[3] = {it->budget, it->fiscal, it->other};
    bool given = funds_given(it->budget, it->fiscal, it->other);
    row_start(&w, JX_FA_NONE, i);
    jx_decimal no = {(int64_t)(i + 1) * JX_DECIMAL_SCALE};
    put_num(&w, 0, 1, JX_FS_INT, no);
    put(&w, 1, 1, 1, JX_FS_CODE, it->unit_code);
    put(&w, 2, 1, 1, JX_FS_TEXT, it->unit_name);
    put(&w, 3, 1, 1, JX_FS_CODE, it->code);
    put(&w, 4, 1, 1, JX_FS_TEXT, it->name);
    for (int k = 0; k < 3; k++) {
      put_amount(&w, 5 + k, 1, v[k], k == 0 || given);
      if (!overflow[k] &&
          jx_decimal_add(total[k], v[k], &total[k]) != JX_DEC_OK)
        overflow[k] = true;
    }
    row_end(&s, &w);
  }
  row_start(&w, JX_FA_NONE, 0);
  put(&w, 0, 5, 1, JX_FS_LABEL, "合计");
  for (int k = 0; k < 3; k++) {
    if (overflow[k])
      put(&w, 5 + k, 1, 1, JX_FS_TEXT, NULL); /* beyond any real budget */
    else
      put_num(&w, 5 + k, 1, JX_FS_MONEY, total[k]);
  }
  row_end(&s, &w);
}
