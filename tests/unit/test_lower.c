/*
 * test_lower.c — lowering copies what the checker resolved, and fills the
 * locations table beside the model.
 *
 * Sources are parsed with the tree kept and checked through the same
 * jx_check_* calls as jxc; then each declaration is lowered with its
 * locations.  The tests pin down that the answers come from the checker's
 * annotations (a reading changed on the node after checking is what the
 * model shows: lowering works nothing out again) and that every field a
 * user wrote has its place, line and byte column as the lexer saw them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "check.h"
#include "framework.h"
#include "lower.h"
#include "parse.h"

/* ---- fixture ------------------------------------------------------------- */

typedef struct fx {
  jx_diag *d;
  jx_checker *c;
  jx_arena arena; /* the tree */
  jx_arena model; /* what lowering makes */
  bool seen_decl;
  jx_node *projects[8];
  int n_projects;
  jx_node *unit, *department;
} fx;

static void quiet(void *ud, const char *text, size_t n) {
  (void)ud;
  (void)text;
  (void)n;
}

static void on_header(void *ud, jx_node *n) {
  fx *f = ud;
  jx_check_header(f->c, n, !f->seen_decl);
  f->seen_decl = true;
}
static void on_framework(void *ud, jx_node *n) {
  fx *f = ud;
  jx_check_framework(f->c, n);
  f->seen_decl = true;
}
static void on_department(void *ud, jx_node *n) {
  fx *f = ud;
  assert_true(jx_check_department(f->c, n));
  f->department = n;
  f->seen_decl = true;
}
static void on_unit_open(void *ud, jx_node *n) {
  fx *f = ud;
  jx_check_unit_open(f->c, n);
  f->seen_decl = true;
}
static void on_project(void *ud, jx_node *n, const jx_node *unit) {
  fx *f = ud;
  (void)unit;
  assert_true(jx_check_project(f->c, n, unit));
  assert_true(f->n_projects < 8);
  f->projects[f->n_projects++] = n;
  f->seen_decl = true;
}
static void on_unit_close(void *ud, jx_node *n) {
  fx *f = ud;
  assert_true(jx_check_unit_close(f->c, n));
  f->unit = n;
}

static int setup(void **state) {
  fx *f = calloc(1, sizeof *f);
  f->d = jx_diag_new();
  jx_diag_set_writer(f->d, quiet, NULL);
  f->c = jx_checker_new(f->d);
  jx_arena_init(&f->arena);
  jx_arena_init(&f->model);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fx *f = *state;
  jx_checker_free(f->c);
  jx_diag_free(f->d);
  jx_arena_free(&f->arena);
  jx_arena_free(&f->model);
  free(f);
  return 0;
}

/* Parses and checks src (a string literal), which must be clean. */
static void load(fx *f, const char *src) {
  jx_sink sink = {
      f,          on_header,    on_framework, on_department, on_unit_open,
      on_project, on_unit_close};
  jx_parse_options opt = {true, false, NULL};
  uint32_t file = jx_diag_add_source(f->d, "t.jx", src, strlen(src));
  jx_check_begin_file(f->c, file);
  jx_parse_mem(src, strlen(src), file, f->d, &f->arena, &sink, &opt, NULL);
  jx_check_end(f->c);
  assert_int_equal(jx_diag_errors(f->d), 0);
}

/* The line and column of a place, as "line:col"; "-" when nothing was
 * written there. */
static const char *at(jx_loc l) {
  static char buf[8][32];
  static int k;
  char *b = buf[k++ % 8];
  if (!jx_loc_known(l))
    return "-";
  snprintf(b, 32, "%u:%u", (unsigned)jx_loc_line(l), (unsigned)jx_loc_col(l));
  return b;
}

/* The source text a place covers (on its first line). */
static const char *text_at(const char *src, jx_loc l) {
  static char buf[4][128];
  static int k;
  char *b = buf[k++ % 4];
  size_t n = l.len < 127 ? l.len : 127;
  memcpy(b, src + l.offset, n);
  b[n] = '\0';
  return b;
}

static jx_lower_ctx ctx(fx *f) {
  jx_lower_ctx c = {&f->model, false};
  return c;
}

/* ---- resolve once ---------------------------------------------------------
 */

static const char plan_src[] =
    "plan 2021 framework local currency 万元;\n"
    "project \"p\" budget 891000元 {\n"
    "  code \"P-1\";\n"
    "  funds fiscal 800000元 other 9.1;\n"
    "  purpose \"用途\";\n"
    "  schedule 6月底 40% dec 100%;\n"
    "  goal \"目标一\";\n"
    "  output.quantity \"人数\" >= 22人 desc \"说明\" basis \"依据\";\n"
    "  成本指标 \"成本\" <= 5000元;\n"
    "  benefit.social \"效果\" = \"好\";\n"
    "  output.timeliness \"完成\" 2021年12月;\n"
    "}\n";

static void test_model_from_annotations(void **state) {
  fx *f = *state;
  load(f, plan_src);
  assert_int_equal(f->n_projects, 1);
  jx_lower_ctx c = ctx(f);
  const jx_project *p = jx_lower_project(&c, f->projects[0], NULL);
  /* amounts in the plan's currency, converted by the checker */
  assert_int_equal(p->budget.micros, 89100000);
  assert_int_equal(p->fiscal.micros, 80000000);
  assert_int_equal(p->other.micros, 9100000);
  assert_string_equal(p->code, "P-1");
  assert_int_equal(p->n_schedule, 2);
  assert_int_equal(p->schedule[0].month, 6); /* 6月底, read by the checker */
  assert_int_equal(p->schedule[0].percent.micros, 40000000);
  assert_int_equal(p->schedule[1].month, 12);
  assert_int_equal(p->n_indicators, 4);
  const jx_indicator *q = &p->indicators[0], *cost = &p->indicators[1],
                     *soc = &p->indicators[2], *due = &p->indicators[3];
  assert_string_equal(q->level1, "output");
  assert_string_equal(q->level2, "quantity");
  assert_int_equal(q->level1_role, JX_ROLE_OUTPUT);
  assert_int_equal(q->level2_role, JX_ROLE_QUANTITY);
  assert_int_equal(q->value.micros, 22000000);
  assert_string_equal(q->unit, "人");
  assert_int_equal(q->dimension, JX_DIM_COUNT);
  assert_string_equal(q->text, "≥22人");
  /* a bare level-2 label resolves to output.cost in local */
  assert_string_equal(cost->level1, "output");
  assert_string_equal(cost->level2, "cost");
  assert_int_equal(cost->level2_role, JX_ROLE_COST);
  assert_string_equal(cost->unit, "元"); /* a value keeps its own unit */
  assert_int_equal(cost->value.micros, 5000000000);
  assert_int_equal(soc->level1_role, JX_ROLE_BENEFIT);
  assert_int_equal(soc->level2_role, JX_ROLE_NONE);
  assert_int_equal(soc->kind, JX_KIND_QUALITATIVE);
  assert_int_equal(due->kind, JX_KIND_DATE);
  assert_int_equal(due->value.micros, 20211200 * (int64_t)JX_DECIMAL_SCALE);
  assert_int_equal(due->level2_role, JX_ROLE_TIMELINESS);
}

/* What the model holds is the checker's reading on the node, not a new
 * reading of the text: change the reading after checking, and the model
 * follows. */
static void test_lowering_only_copies(void **state) {
  fx *f = *state;
  load(f, plan_src);
  jx_node *p = f->projects[0];
  jx_node *ind = NULL, *budget = NULL, *sched = NULL;
  for (jx_node *n = p->u.block.items; n; n = n->next) {
    if (n->kind == JX_N_INDICATOR && !ind)
      ind = n;
    if (n->kind == JX_N_BUDGET)
      budget = n;
    if (n->kind == JX_N_SCHEDULE)
      sched = n;
  }
  assert_non_null(ind);
  assert_non_null(budget);
  assert_non_null(sched);
  /* the checker's answers */
  assert_true(ind->u.indicator.value_res.ok);
  assert_int_equal(ind->u.indicator.value_res.dec.micros, 22000000);
  assert_non_null(ind->u.indicator.l2);
  assert_true(budget->u.budget.amount_res.ok);
  assert_int_equal(budget->u.budget.amount_res.dec.micros, 891000000000);
  assert_int_equal(budget->u.budget.plan_amount.micros, 89100000);
  assert_int_equal(sched->u.schedule.entries->resolved_month, 6);

  const jx_framework *fw = jx_framework_builtin("local");
  ind->u.indicator.value_res.dec.micros = 7;
  ind->u.indicator.l1 = &fw->levels[2]; /* satisfaction.recipient */
  ind->u.indicator.l2 = &fw->levels[2].children[0];
  budget->u.budget.plan_amount.micros = 1;
  sched->u.schedule.entries->resolved_month = 11;
  jx_lower_ctx c = ctx(f);
  const jx_project *m = jx_lower_project(&c, p, NULL);
  assert_int_equal(m->indicators[0].value.micros, 7);
  assert_string_equal(m->indicators[0].level2, "recipient");
  assert_int_equal(m->indicators[0].level2_role, JX_ROLE_SATISFACTION);
  assert_int_equal(m->budget.micros, 1);
  assert_int_equal(m->schedule[0].month, 11);
}

/* ---- locations ------------------------------------------------------------
 */

static void test_project_locs(void **state) {
  fx *f = *state;
  load(f, plan_src);
  jx_lower_ctx c = ctx(f);
  const jx_project_locs *l = NULL;
  const jx_project *p = jx_lower_project(&c, f->projects[0], &l);
  assert_non_null(l);
  assert_string_equal(at(l->decl), "2:1");
  assert_string_equal(at(l->name), "2:9");
  assert_string_equal(text_at(plan_src, l->name), "\"p\"");
  /* the budget in the project's header is its statement */
  assert_string_equal(text_at(plan_src, l->budget.stmt), "budget");
  assert_string_equal(text_at(plan_src, l->budget.value), "891000元");
  assert_string_equal(at(l->code.stmt), "3:3");
  assert_string_equal(text_at(plan_src, l->code.value), "\"P-1\"");
  assert_string_equal(at(l->funds), "4:3");
  assert_string_equal(text_at(plan_src, l->fiscal), "800000元");
  assert_string_equal(text_at(plan_src, l->other), "9.1");
  assert_string_equal(at(l->purpose.stmt), "5:3");
  assert_string_equal(at(l->schedule), "6:3");
  assert_int_equal(p->n_schedule, 2);
  assert_string_equal(text_at(plan_src, l->points[0].month), "6月底");
  assert_string_equal(text_at(plan_src, l->points[0].percent), "40%");
  assert_string_equal(text_at(plan_src, l->points[1].month), "dec");
  assert_string_equal(text_at(plan_src, l->points[1].percent), "100%");
  assert_string_equal(at(l->goals[0].stmt), "7:3");
  assert_string_equal(text_at(plan_src, l->goals[0].value), "\"目标一\"");

  const jx_indicator_locs *q = &l->indicators[0];
  assert_string_equal(at(q->decl), "8:3");
  assert_string_equal(text_at(plan_src, q->category), "output.quantity");
  assert_string_equal(text_at(plan_src, q->name), "\"人数\"");
  assert_string_equal(text_at(plan_src, q->op), ">=");
  assert_string_equal(text_at(plan_src, q->value), "22人");
  assert_string_equal(text_at(plan_src, q->unit), "人");
  assert_string_equal(text_at(plan_src, q->desc), "\"说明\"");
  assert_string_equal(text_at(plan_src, q->basis), "\"依据\"");
  /* the line is the model's too */
  assert_int_equal(p->indicators[0].line, (int)jx_loc_line(q->decl));

  const jx_indicator_locs *cost = &l->indicators[1];
  assert_string_equal(text_at(plan_src, cost->category), "成本指标");
  assert_string_equal(text_at(plan_src, cost->unit), "元");
  /* nothing written, nothing known */
  const jx_indicator_locs *soc = &l->indicators[2], *due = &l->indicators[3];
  assert_string_equal(text_at(plan_src, soc->op), "=");
  assert_string_equal(at(soc->unit), "-");
  assert_string_equal(at(soc->desc), "-");
  assert_string_equal(at(due->op), "-");
  assert_string_equal(text_at(plan_src, due->value), "2021年12月");
}

static const char unit_src[] = "unit 324001 \"局\" {\n"
                               "  goal \"单位目标\";\n"
                               "  measure \"措施\" \"内容\";\n"
                               "  measure \"只有标题\";\n"
                               "  project \"q\" {\n"
                               "    budget 1;\n"
                               "    funds fiscal 1;\n"
                               "    schedule dec 100%;\n"
                               "    output.quantity \"数\" = 1个;\n"
                               "    benefit.social \"效\" = \"好\";\n"
                               "  }\n"
                               "}\n"
                               "department \"部门\" {\n"
                               "  goal \"部门目标\";\n"
                               "  division \"科\" {\n"
                               "    goal \"科室目标\";\n"
                               "    indicator \"完成率\" = 100%;\n"
                               "  }\n"
                               "  measure \"部门措施\";\n"
                               "  indicator \"总\" = 不涉及;\n"
                               "}\n";

static void test_unit_and_department_locs(void **state) {
  fx *f = *state;
  load(f, unit_src);
  jx_lower_ctx c = ctx(f);
  const jx_project_locs *pl = NULL;
  jx_lower_project(&c, f->projects[0], &pl);
  /* statements never written have no place */
  assert_string_equal(at(pl->code.stmt), "-");
  assert_string_equal(at(pl->purpose.stmt), "-");
  assert_string_equal(at(pl->other), "-");
  assert_string_equal(at(pl->budget.stmt), "6:5");

  jx_unit u;
  jx_unit_locs ul;
  assert_non_null(f->unit);
  jx_lower_unit(&c, f->unit, &u, &ul);
  assert_string_equal(at(ul.decl), "1:1");
  assert_string_equal(text_at(unit_src, ul.code), "324001");
  assert_string_equal(text_at(unit_src, ul.name), "\"局\"");
  assert_int_equal(u.n_goals, 1);
  assert_string_equal(at(ul.goals[0].stmt), "2:3");
  assert_int_equal(u.n_measures, 2);
  assert_string_equal(at(ul.measures[0].stmt), "3:3");
  assert_string_equal(text_at(unit_src, ul.measures[0].title), "\"措施\"");
  assert_string_equal(text_at(unit_src, ul.measures[0].text), "\"内容\"");
  assert_string_equal(at(ul.measures[1].text), "-");

  const jx_department_locs *dl = NULL;
  assert_non_null(f->department);
  const jx_department *d = jx_lower_department(&c, f->department, &dl);
  assert_string_equal(at(dl->decl), "13:1");
  assert_string_equal(text_at(unit_src, dl->name), "\"部门\"");
  assert_string_equal(at(dl->goals[0].stmt), "14:3");
  assert_int_equal(d->n_divisions, 1);
  assert_string_equal(at(dl->divisions[0].decl), "15:3");
  assert_string_equal(text_at(unit_src, dl->divisions[0].name), "\"科\"");
  assert_string_equal(at(dl->divisions[0].goals[0].stmt), "16:5");
  assert_string_equal(at(dl->divisions[0].indicators[0].decl), "17:5");
  /* the keyword form has no category */
  assert_string_equal(at(dl->divisions[0].indicators[0].category), "-");
  assert_string_equal(at(dl->measures[0].stmt), "19:3");
  assert_int_equal(d->n_indicators, 1);
  assert_string_equal(text_at(unit_src, dl->indicators[0].value), "不涉及");
  assert_int_equal(d->indicators[0].level1_role, JX_ROLE_NONE);
}

/* Without a table to fill, lowering makes the same model. */
static void test_locs_optional(void **state) {
  fx *f = *state;
  load(f, plan_src);
  jx_lower_ctx c = ctx(f);
  const jx_project_locs *l = NULL;
  const jx_project *a = jx_lower_project(&c, f->projects[0], NULL);
  const jx_project *b = jx_lower_project(&c, f->projects[0], &l);
  assert_non_null(l);
  assert_int_equal(a->n_indicators, b->n_indicators);
  assert_int_equal(a->budget.micros, b->budget.micros);
  for (size_t i = 0; i < a->n_indicators; i++) {
    assert_int_equal(a->indicators[i].value.micros,
                     b->indicators[i].value.micros);
    assert_int_equal(a->indicators[i].level2_role,
                     b->indicators[i].level2_role);
    assert_string_equal(a->indicators[i].text, b->indicators[i].text);
  }
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      T(test_model_from_annotations), T(test_lowering_only_copies),
      T(test_project_locs),           T(test_unit_and_department_locs),
      T(test_locs_optional),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
