/*
 * test_parser.c — the grammar (grammar/parser.y) through jx_parse_mem.
 *
 * With keep_tree the whole AST comes back, and each test walks it: node
 * kinds in order, texts, values and the line:col+len of every location the
 * checker will later point at.  Recovery is tested by counting syntax
 * errors and the declarations that still reach the sink after them, and
 * streaming by watching the parse arena while 10 000 projects go past: its
 * high-water mark must not depend on the number of projects.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "parse.h"

/* ---- fixture ----------------------------------------------------------- */

typedef struct events {
  int header, framework, department, unit_open, project, unit_close;
  char order[256]; /* one letter per event: H F D U P C */
  char names[512]; /* project names, '|'-separated */
  jx_arena *arena; /* watched during the parse */
  size_t arena_max;
} events;

static void note(events *e, char c) {
  size_t n = strlen(e->order);
  if (n + 1 < sizeof e->order) {
    e->order[n] = c;
    e->order[n + 1] = '\0';
  }
  if (e->arena) {
    size_t sz = jx_arena_size(e->arena);
    if (sz > e->arena_max)
      e->arena_max = sz;
  }
}

static void on_header(void *ud, jx_node *n) {
  assert_int_equal(n->kind, JX_N_HEADER);
  ((events *)ud)->header++;
  note(ud, 'H');
}
static void on_framework(void *ud, jx_node *n) {
  assert_int_equal(n->kind, JX_N_FRAMEWORK);
  ((events *)ud)->framework++;
  note(ud, 'F');
}
static void on_department(void *ud, jx_node *n) {
  assert_int_equal(n->kind, JX_N_DEPARTMENT);
  ((events *)ud)->department++;
  note(ud, 'D');
}
static void on_unit_open(void *ud, jx_node *n) {
  assert_int_equal(n->kind, JX_N_UNIT);
  assert_null(n->u.block.items);
  ((events *)ud)->unit_open++;
  note(ud, 'U');
}
static void on_project(void *ud, jx_node *n, const jx_node *unit) {
  events *e = ud;
  assert_int_equal(n->kind, JX_N_PROJECT);
  if (unit)
    assert_int_equal(unit->kind, JX_N_UNIT);
  e->project++;
  note(e, 'P');
  if (e->project <= 20) {
    size_t len = strlen(e->names);
    snprintf(e->names + len, sizeof e->names - len, "%s%s", len ? "|" : "",
             n->u.block.name.text);
  }
}
static void on_unit_close(void *ud, jx_node *n) {
  assert_int_equal(n->kind, JX_N_UNIT);
  ((events *)ud)->unit_close++;
  note(ud, 'C');
}

typedef struct parsed {
  jx_diag *d;
  jx_arena arena;
  jx_file_ast ast;
  events ev;
  char diags[4096]; /* JSON lines */
  size_t ndiags;
  int rc;
} parsed;

static void on_diag(void *ud, const char *text, size_t n) {
  parsed *p = ud;
  if (p->ndiags + n < sizeof p->diags) {
    memcpy(p->diags + p->ndiags, text, n);
    p->ndiags += n;
    p->diags[p->ndiags] = '\0';
  }
}

static parsed *parse_n(const char *src, size_t n, bool keep_tree) {
  parsed *p = calloc(1, sizeof *p);
  assert_non_null(p);
  p->d = jx_diag_new();
  jx_diag_set_writer(p->d, on_diag, p);
  jx_diag_set_format(p->d, JX_DIAG_JSON);
  jx_diag_set_max_errors(p->d, 1000);
  uint32_t file = jx_diag_add_source(p->d, "t.jx", src, n);
  jx_arena_init(&p->arena);
  p->ev.arena = &p->arena;
  jx_sink sink = {&p->ev,       on_header,  on_framework, on_department,
                  on_unit_open, on_project, on_unit_close};
  jx_parse_options opt = {keep_tree, false};
  p->rc = jx_parse_mem(src, n, file, p->d, &p->arena, &sink, &opt, &p->ast);
  jx_diag_flush(p->d);
  return p;
}

static parsed *parse(const char *src) {
  return parse_n(src, strlen(src), true);
}

static void parsed_free(parsed *p) {
  jx_arena_free(&p->arena);
  jx_diag_free(p->d);
  free(p);
}

static void expect_loc(jx_loc l, uint32_t line, uint32_t col, uint32_t len) {
  char got[64], want[64];
  snprintf(got, sizeof got, "%u:%u+%u", l.line, l.col, l.len);
  snprintf(want, sizeof want, "%u:%u+%u", line, col, len);
  assert_string_equal(got, want);
}

static void expect_text(jx_text t, const char *text, uint32_t line,
                        uint32_t col, uint32_t len) {
  assert_non_null(t.text);
  assert_string_equal(t.text, text);
  expect_loc(t.loc, line, col, len);
}

static int count(const jx_node *n) {
  int k = 0;
  for (; n; n = n->next)
    k++;
  return k;
}

/* ---- the design card's one-liner -------------------------------------- */

static void test_card_one_liner(void **state) {
  (void)state;
  /* Byte columns: the name is 8 CJK characters (24 bytes) plus quotes. */
  parsed *p = parse("project \"劳务派遣人员经费\" budget 89.10 "
                    "< output.quantity \"人数\" = 22人; >");
  assert_int_equal(p->rc, 0);
  assert_string_equal(p->diags, "");
  assert_string_equal(p->ev.order, "P");

  const jx_node *pr = p->ast.items;
  assert_non_null(pr);
  assert_null(pr->next);
  assert_int_equal(pr->kind, JX_N_PROJECT);
  expect_loc(pr->loc, 1, 1, 7);
  expect_text(pr->u.block.name, "劳务派遣人员经费", 1, 9, 26);
  expect_loc(pr->u.block.close, 1, 85, 1);
  assert_int_equal(count(pr->u.block.items), 2);

  const jx_node *b = pr->u.block.items;
  assert_int_equal(b->kind, JX_N_BUDGET);
  assert_true(b->u.budget.in_header);
  expect_loc(b->loc, 1, 36, 6);
  assert_int_equal(b->u.budget.amount.kind, JX_VAL_NUMBER);
  assert_string_equal(b->u.budget.amount.number, "89.10");
  assert_null(b->u.budget.amount.unit);
  expect_loc(b->u.budget.amount.loc, 1, 43, 5);

  const jx_node *in = b->next;
  assert_int_equal(in->kind, JX_N_INDICATOR);
  expect_loc(in->loc, 1, 51, 15);
  expect_text(in->u.indicator.level1, "output", 1, 51, 6);
  expect_text(in->u.indicator.level2, "quantity", 1, 58, 8);
  expect_text(in->u.indicator.name, "人数", 1, 67, 8);
  assert_int_equal(in->u.indicator.op, JX_OP_EQ);
  assert_true(in->u.indicator.op_written);
  expect_loc(in->u.indicator.op_loc, 1, 76, 1);
  const jx_value *v = &in->u.indicator.value;
  assert_int_equal(v->kind, JX_VAL_NUMBER);
  assert_string_equal(v->text, "22人");
  assert_string_equal(v->number, "22");
  assert_string_equal(v->unit, "人");
  expect_loc(v->loc, 1, 78, 5);
  expect_loc(v->unit_loc, 1, 80, 3);
  assert_null(in->u.indicator.desc.text);
  assert_null(in->u.indicator.basis.text);
  parsed_free(p);
}

/* The operator may be left out: EQ, marked as not written. */
static void test_indicator_forms(void **state) {
  (void)state;
  parsed *p = parse("project \"p\" {\n"
                    "  产出指标.数量指标 \"n\" 22人 desc \"d\" basis \"b\";\n"
                    "  数量指标 \"m\" ≥ 2021年12月31日;\n"
                    "  output.quality \"q\" 不涉及 basis \"x\" basis \"y\";\n"
                    "  output.timeliness \"t\" < \"按时\";\n"
                    "}\n");
  assert_int_equal(p->rc, 0);
  const jx_node *in = p->ast.items->u.block.items;
  assert_int_equal(count(in), 4);

  expect_text(in->u.indicator.level1, "产出指标", 2, 3, 12);
  expect_text(in->u.indicator.level2, "数量指标", 2, 16, 12);
  assert_int_equal(in->u.indicator.op, JX_OP_EQ);
  assert_false(in->u.indicator.op_written);
  assert_string_equal(in->u.indicator.value.number, "22");
  expect_text(in->u.indicator.desc, "d", 2, 44, 3);
  expect_text(in->u.indicator.basis, "b", 2, 54, 3);
  assert_int_equal(in->u.indicator.n_desc, 1);
  assert_int_equal(in->u.indicator.n_basis, 1);

  in = in->next; /* a lone level-2 word, a DATE value */
  assert_null(in->u.indicator.level1.text);
  expect_text(in->u.indicator.level2, "数量指标", 3, 3, 12);
  assert_int_equal(in->u.indicator.op, JX_OP_GE);
  assert_true(in->u.indicator.op_written);
  expect_loc(in->u.indicator.op_loc, 3, 20, 3);
  assert_int_equal(in->u.indicator.value.kind, JX_VAL_DATE);
  assert_int_equal(in->u.indicator.value.year, 2021);
  assert_int_equal(in->u.indicator.value.month, 12);
  assert_int_equal(in->u.indicator.value.day, 31);

  in = in->next; /* n/a, a duplicated basis kept for the checker */
  assert_int_equal(in->u.indicator.value.kind, JX_VAL_NA);
  expect_loc(in->u.indicator.value.loc, 4, 22, 9);
  assert_int_equal(in->u.indicator.n_basis, 2);
  expect_text(in->u.indicator.basis, "x", 4, 38, 3);
  expect_loc(in->u.indicator.dup_loc, 4, 42, 5);

  in = in->next;
  assert_int_equal(in->u.indicator.op, JX_OP_LT);
  assert_int_equal(in->u.indicator.value.kind, JX_VAL_TEXT);
  assert_string_equal(in->u.indicator.value.text, "按时");
  parsed_free(p);
}

/* ---- blocks ------------------------------------------------------------- */

static void test_unit_with_goals_measures_projects(void **state) {
  (void)state;
  parsed *p = parse("unit 324001 \"本级\" {\n"
                    "  goal \"g1\";\n"
                    "  measure \"制度\" \"健全制度。\";\n"
                    "  project \"甲\" {\n"
                    "    code \"130304\";\n"
                    "    funds fiscal 89.10 other 0;\n"
                    "    purpose \"工资\";\n"
                    "    schedule mar 25% 6月底 50%;\n"
                    "    budget 1;\n"
                    "  }\n"
                    "  measure \"只有标题\";\n"
                    "  project \"乙\" { code 42; }\n"
                    "}\n");
  assert_int_equal(p->rc, 0);
  assert_string_equal(p->diags, "");
  assert_string_equal(p->ev.order, "UPPC");
  assert_string_equal(p->ev.names, "甲|乙");

  const jx_node *u = p->ast.items;
  assert_null(u->next);
  assert_int_equal(u->kind, JX_N_UNIT);
  expect_text(u->u.block.code, "324001", 1, 6, 6);
  expect_text(u->u.block.name, "本级", 1, 13, 8);
  expect_loc(u->u.block.close, 13, 1, 1);

  const jx_node *it = u->u.block.items;
  assert_int_equal(count(it), 5);
  assert_int_equal(it->kind, JX_N_GOAL);
  expect_text(it->u.text.text, "g1", 2, 8, 4);
  it = it->next;
  assert_int_equal(it->kind, JX_N_MEASURE);
  expect_text(it->u.measure.title, "制度", 3, 11, 8);
  expect_text(it->u.measure.text, "健全制度。", 3, 20, 17);

  it = it->next;
  assert_int_equal(it->kind, JX_N_PROJECT);
  expect_loc(it->loc, 4, 3, 7);
  const jx_node *s = it->u.block.items;
  assert_int_equal(count(s), 5);
  assert_int_equal(s->kind, JX_N_CODE);
  expect_text(s->u.text.text, "130304", 5, 10, 8);
  s = s->next;
  assert_int_equal(s->kind, JX_N_FUNDS);
  expect_loc(s->loc, 6, 5, 5);
  assert_string_equal(s->u.funds.fiscal.number, "89.10");
  assert_string_equal(s->u.funds.other.number, "0");
  assert_int_equal(s->u.funds.n_fiscal, 1);
  assert_int_equal(s->u.funds.n_other, 1);
  s = s->next;
  assert_int_equal(s->kind, JX_N_PURPOSE);
  assert_string_equal(s->u.text.text.text, "工资");
  s = s->next;
  assert_int_equal(s->kind, JX_N_SCHEDULE);
  const jx_schedule_entry *e = s->u.schedule.entries;
  assert_int_equal(e->month_no, 3);
  expect_loc(e->month.loc, 8, 14, 3);
  assert_string_equal(e->percent.text, "25%");
  e = e->next;
  assert_int_equal(e->month_no, 0); /* 6月底 is read by the checker */
  assert_string_equal(e->month.number, "6");
  assert_string_equal(e->month.unit, "月底");
  assert_string_equal(e->percent.text, "50%");
  assert_null(e->next);
  s = s->next;
  assert_int_equal(s->kind, JX_N_BUDGET);
  assert_false(s->u.budget.in_header);

  it = it->next;
  assert_int_equal(it->kind, JX_N_MEASURE);
  assert_null(it->u.measure.text.text);
  it = it->next;
  assert_int_equal(it->kind, JX_N_PROJECT);
  assert_int_equal(it->u.block.items->kind, JX_N_CODE);
  expect_text(it->u.block.items->u.text.text, "42", 12, 24, 2);
  parsed_free(p);
}

static void test_department_with_divisions(void **state) {
  (void)state;
  parsed *p = parse("部门 \"自然资源和规划局\" ｛\n"
                    "  目标 \"总体\"；\n"
                    "  处室 \"办公室\" {\n"
                    "    goal \"运转\";\n"
                    "    indicator \"及时率\" >= 95%;\n"
                    "    output.quantity \"件数\" = 10件;\n"
                    "  }\n"
                    "  division \"空\" { }\n"
                    "  措施 \"领导\" \"成立小组\"；\n"
                    "  指标 \"满意度\" 90%;\n"
                    "｝\n");
  assert_int_equal(p->rc, 0);
  assert_string_equal(p->ev.order, "D");
  const jx_node *d = p->ast.items;
  assert_int_equal(d->kind, JX_N_DEPARTMENT);
  expect_text(d->u.block.name, "自然资源和规划局", 1, 8, 26);
  expect_loc(d->u.block.close, 11, 1, 3);
  const jx_node *it = d->u.block.items;
  assert_int_equal(count(it), 5);
  assert_int_equal(it->kind, JX_N_GOAL);
  it = it->next;
  assert_int_equal(it->kind, JX_N_DIVISION);
  expect_loc(it->loc, 3, 3, 6);
  expect_text(it->u.block.name, "办公室", 3, 10, 11);
  const jx_node *g = it->u.block.items;
  assert_int_equal(count(g), 3);
  assert_int_equal(g->kind, JX_N_GOAL);
  assert_int_equal(g->next->kind, JX_N_INDICATOR);
  /* The keyword form has no category at all. */
  assert_null(g->next->u.indicator.level1.text);
  assert_null(g->next->u.indicator.level2.text);
  assert_int_equal(g->next->u.indicator.op, JX_OP_GE);
  assert_string_equal(g->next->next->u.indicator.level1.text, "output");
  it = it->next;
  assert_int_equal(it->kind, JX_N_DIVISION);
  assert_null(it->u.block.items);
  it = it->next;
  assert_int_equal(it->kind, JX_N_MEASURE);
  it = it->next;
  assert_int_equal(it->kind, JX_N_INDICATOR);
  assert_false(it->u.indicator.op_written);
  parsed_free(p);
}

static void test_headers(void **state) {
  (void)state;
  parsed *p = parse("plan 2021 framework local currency 万元;\n"
                    "计划 2022 指标体系 中央 金额单位 元；\n"
                    "plan;\n");
  assert_int_equal(p->rc, 0);
  assert_string_equal(p->ev.order, "HHH");
  const jx_node *h = p->ast.items;
  assert_int_equal(h->kind, JX_N_HEADER);
  expect_loc(h->loc, 1, 1, 4);
  assert_string_equal(h->u.header.year.number, "2021");
  expect_text(h->u.header.framework, "local", 1, 21, 5);
  expect_text(h->u.header.currency, "万元", 1, 36, 6);
  h = h->next;
  assert_string_equal(h->u.header.year.number, "2022");
  expect_text(h->u.header.framework, "中央", 2, 26, 6);
  expect_text(h->u.header.currency, "元", 2, 46, 3);
  h = h->next;
  assert_int_equal(h->u.header.year.kind, JX_VAL_NONE);
  assert_null(h->u.header.framework.text);
  assert_null(h->u.header.currency.text);
  assert_null(h->next);
  parsed_free(p);
}

static void test_framework_declaration(void **state) {
  (void)state;
  parsed *p =
      parse("framework mine \"自定义\" {\n"
            "  out \"产出指标\" { qty \"数量指标\"; c \"成本\" role cost; }\n"
            "  sat \"满意度指标\" { }\n"
            "}\n"
            "framework bare { }\n");
  assert_int_equal(p->rc, 0);
  assert_string_equal(p->ev.order, "FF");
  const jx_node *f = p->ast.items;
  assert_int_equal(f->kind, JX_N_FRAMEWORK);
  expect_text(f->u.block.code, "mine", 1, 11, 4);
  expect_text(f->u.block.name, "自定义", 1, 16, 11);
  const jx_node *l1 = f->u.block.items;
  assert_int_equal(count(l1), 2);
  assert_int_equal(l1->kind, JX_N_LEVEL1);
  expect_text(l1->u.block.code, "out", 2, 3, 3);
  expect_text(l1->u.block.name, "产出指标", 2, 7, 14);
  const jx_node *l2 = l1->u.block.items;
  assert_int_equal(count(l2), 2);
  assert_int_equal(l2->kind, JX_N_LEVEL2);
  expect_text(l2->u.level2.code, "qty", 2, 24, 3);
  expect_text(l2->u.level2.label, "数量指标", 2, 28, 14);
  assert_null(l2->u.level2.role.text);
  expect_text(l2->next->u.level2.role, "cost", 2, 60, 4);
  assert_null(l1->next->u.block.items);
  assert_null(f->next->u.block.name.text);
  parsed_free(p);
}

/* ---- error recovery ----------------------------------------------------- */

/* Three errors in three blocks: each reported once, and everything after
 * each one still reaches the sink; project a, which needed recovery inside,
 * is marked so the checker does not call anything in it missing. */
static void test_recovery_three_errors(void **state) {
  (void)state;
  parsed *p = parse("plan 2021;\n"
                    "unit 1 \"u\" {\n"
                    "  goal \"g\" \"extra\";\n"
                    "  project \"a\" budget 1 {\n"
                    "    output.quantity \"n\" = ;\n"
                    "    goal \"kept\";\n"
                    "  }\n"
                    "  project \"b\" { goal \"x\"; }\n"
                    "}\n"
                    "department \"d\" {\n"
                    "  division \"v\" { goal ; goal \"g2\"; }\n"
                    "  goal \"after\";\n"
                    "}\n"
                    "project \"c\" { goal \"y\"; }\n");
  assert_int_equal(p->rc, 1);
  assert_string_equal(
      p->diags,
      "{\"file\":\"t.jx\",\"line\":3,\"column\":12,\"end_line\":3,"
      "\"end_column\":19,\"byte_offset\":35,\"severity\":\"error\","
      "\"code\":\"syntax\",\"message\":\"unexpected string\",\"notes\":"
      "[{\"severity\":\"help\",\"message\":\"expected ';'\"}]}\n"
      "{\"file\":\"t.jx\",\"line\":5,\"column\":27,\"end_line\":5,"
      "\"end_column\":28,\"byte_offset\":95,\"severity\":\"error\","
      "\"code\":\"syntax\",\"message\":\"unexpected ';'\",\"notes\":"
      "[{\"severity\":\"help\",\"message\":\"expected string, number, "
      "date or 'n/a'\"}]}\n"
      "{\"file\":\"t.jx\",\"line\":11,\"column\":23,\"end_line\":11,"
      "\"end_column\":24,\"byte_offset\":187,\"severity\":\"error\","
      "\"code\":\"syntax\",\"message\":\"unexpected ';'\",\"notes\":"
      "[{\"severity\":\"help\",\"message\":\"expected string\"}]}\n");
  assert_int_equal(jx_diag_errors(p->d), 3);
  assert_string_equal(p->ev.order, "HUPPCDP");
  assert_string_equal(p->ev.names, "a|b|c");
  /* What follows each error is in the tree. */
  const jx_node *u = p->ast.items->next;
  assert_int_equal(count(u->u.block.items), 2); /* the goal is dropped */
  const jx_node *a = u->u.block.items;
  assert_int_equal(count(a->u.block.items), 2); /* budget, goal "kept" */
  assert_true(a->u.block.recovered);
  assert_false(a->next->u.block.recovered);
  assert_string_equal(a->u.block.items->next->u.text.text.text, "kept");
  const jx_node *d = u->next;
  assert_int_equal(count(d->u.block.items), 2);
  const jx_node *v = d->u.block.items;
  assert_int_equal(count(v->u.block.items), 1);
  assert_string_equal(v->u.block.items->u.text.text.text, "g2");
  assert_string_equal(d->u.block.items->next->u.text.text.text, "after");
  parsed_free(p);
}

/* A missing closing brace does not swallow the declarations after it: a
 * bad token at top level is skipped up to the next ';' or '}'. */
static void test_recovery_at_top_level(void **state) {
  (void)state;
  parsed *p = parse("plan 2021 currency;\n"
                    "oops ;\n"
                    "project \"ok\" { }\n");
  assert_int_equal(p->rc, 1);
  assert_int_equal(jx_diag_errors(p->d), 2);
  assert_string_equal(p->ev.order, "P");
  assert_string_equal(p->ev.names, "ok");
  parsed_free(p);
}

/* A block left open: the error is at the end of the input, after the
 * trailing comment, and the project never reaches the sink. */
static void test_unexpected_end_of_file(void **state) {
  (void)state;
  parsed *p = parse("project \"x\" { # c");
  assert_int_equal(p->rc, 1);
  assert_string_equal(p->diags,
                      "{\"file\":\"t.jx\",\"line\":1,\"column\":18,"
                      "\"end_line\":1,\"end_column\":18,\"byte_offset\":17,"
                      "\"severity\":\"error\",\"code\":\"syntax\","
                      "\"message\":\"unexpected end of file\",\"notes\":[]}\n");
  assert_string_equal(p->ev.order, "");
  parsed_free(p);
}

/* ---- streaming ---------------------------------------------------------- */

/* n projects, inside a unit or not, each with a few statements. */
static char *many_projects(int n, bool in_unit, size_t *len) {
  size_t cap = (size_t)n * 200 + 100, used = 0;
  char *s = malloc(cap);
  assert_non_null(s);
  if (in_unit)
    used += (size_t)snprintf(s + used, cap - used, "unit 1 \"u\" {\n");
  for (int i = 0; i < n; i++)
    used +=
        (size_t)snprintf(s + used, cap - used,
                         "project \"项目%d\" budget %d {\n  code \"C%d\";\n"
                         "  output.quantity \"人数\" >= %d人 basis \"历史\";\n"
                         "  goal \"保障第%d项工作\";\n}\n",
                         i, i + 1, i, i, i);
  if (in_unit)
    used += (size_t)snprintf(s + used, cap - used, "}\n");
  *len = used;
  return s;
}

static size_t stream(int n, bool in_unit, bool keep_tree) {
  size_t len;
  char *src = many_projects(n, in_unit, &len);
  parsed *p = parse_n(src, len, keep_tree);
  assert_int_equal(p->rc, 0);
  assert_int_equal(p->ev.project, n);
  size_t max = p->ev.arena_max;
  parsed_free(p);
  free(src);
  return max;
}

/* Without keep_tree the arena's high-water mark is the same for 10 and for
 * 10 000 projects: each project's memory is given back once the sink has
 * seen it.  With keep_tree it grows, which shows the measure is real. */
static void test_streaming_memory_is_bounded(void **state) {
  (void)state;
  for (int in_unit = 0; in_unit <= 1; in_unit++) {
    size_t small = stream(10, in_unit, false);
    size_t big = stream(10000, in_unit, false);
    assert_true(small > 0);
    assert_int_equal(big, small);
    size_t kept = stream(10000, in_unit, true);
    assert_true(kept > 50 * small);
  }
}

/* ---- reading: time linear in the length of a token -------------------- */

/* CPU seconds to parse a project whose name, body or a comment before it
 * is one token of `big` bytes. */
static double parse_seconds(int shape, size_t big) {
  const char *heads[] = {"# ", "project \"", "project \"x\" {"};
  const char *tails[] = {"\nproject \"p\" { }\n", "\" { }\n", "}\n"};
  size_t head = strlen(heads[shape]), tail = strlen(tails[shape]);
  size_t len = head + big + tail;
  char *src = malloc(len);
  assert_non_null(src);
  memcpy(src, heads[shape], head);
  memset(src + head, shape == 2 ? ' ' : 'a', big);
  memcpy(src + head + big, tails[shape], tail);
  clock_t t0 = clock();
  parsed *p = parse_n(src, len, false);
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  assert_int_equal(p->rc, 0);
  assert_int_equal(p->ev.project, 1);
  parsed_free(p);
  free(src);
  return secs;
}

/* flex moves and rescans the token in progress at every refill; when each
 * read was capped at 64 KiB, one huge comment, string or run of spaces took
 * quadratic time (100 MB of spaces: 415 s).  16 times the bytes must now
 * cost about 16 times the time; quadratic scanning made it over 200. */
static void test_long_tokens_scan_in_linear_time(void **state) {
  (void)state;
  for (int shape = 0; shape < 3; shape++) {
    double small = 1.0;
    for (int i = 0; i < 3; i++) { /* the least noisy of three */
      double t = parse_seconds(shape, 512u << 10);
      if (t < small)
        small = t;
    }
    double big = parse_seconds(shape, 8u << 20);
    if (small < 1e-4)
      small = 1e-4; /* clock() granularity */
    assert_true(big / small < 64.0);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_card_one_liner),
      cmocka_unit_test(test_indicator_forms),
      cmocka_unit_test(test_unit_with_goals_measures_projects),
      cmocka_unit_test(test_department_with_divisions),
      cmocka_unit_test(test_headers),
      cmocka_unit_test(test_framework_declaration),
      cmocka_unit_test(test_recovery_three_errors),
      cmocka_unit_test(test_recovery_at_top_level),
      cmocka_unit_test(test_unexpected_end_of_file),
      cmocka_unit_test(test_streaming_memory_is_bounded),
      cmocka_unit_test(test_long_tokens_scan_in_linear_time),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
