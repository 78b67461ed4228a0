/*
 * test_forms.c — unit tests of the official forms (compiler/emit/form.c)
 * and of the two back ends that print them, HTML (emit_html.c) and XLSX
 * (emit_xlsx.c).
 *
 * The layout is checked on the grid form.c produces: which label each row
 * has, which cells span rows (一级/二级指标 over their runs), the anchors
 * that --with-diagnostics places messages by.  The HTML is checked for its
 * escaping of hostile text and for the numbers' texts; the workbook for
 * being a ZIP that comes out byte for byte the same twice.  The real
 * clients (LibreOffice, openpyxl, Chromium) check real inputs in the
 * golden cases xlsx-interop and html-chromium.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "diag.h"
#include "form.h"
#include "render.h"

static const jx_schedule_point sched[] = {{3, JX_DEC(25, 0)},
                                          {12, JX_DEC(100, 0)}};
static const char *const goals[] = {"目标一", "目标二"};

static const jx_indicator inds[] = {
    {.level1_label = "产出指标",
     .level2_label = "数量指标",
     .name = "人数",
     .kind = JX_KIND_QUANTITATIVE,
     .op = JX_OP_GE,
     .value = JX_DEC(22, 0),
     .unit = "人",
     .text = "≥22人",
     .line = 7},
    {.level1_label = "产出指标",
     .level2_label = "数量指标",
     .name = "次数",
     .text = "3次",
     .line = 8},
    {.level1_label = "产出指标",
     .level2_label = "质量指标",
     .name = "合格率",
     .text = "100%",
     .line = 9},
    {.level1_label = "效益指标",
     .level2_label = "社会效益指标",
     .name = "不涉及",
     .kind = JX_KIND_NA,
     .text = "n/a",
     .line = 10},
};

static const jx_project project = {
    .code = "0130304215088YYECLPBD",
    .name = "</script><script>alert(1)</script>",
    .budget = JX_DEC(89, 100000),
    .fiscal = JX_DEC(89, 100000),
    .other = {0},
    .purpose = "a & b \"c\" 'd' <e>\x01",
    .schedule = sched,
    .n_schedule = 2,
    .goals = goals,
    .n_goals = 2,
    .indicators = inds,
    .n_indicators = 4,
    .line = 5,
};

/* ---- The grid ------------------------------------------------------------ */

typedef struct grid {
  char labels[64][64]; /* each row's first cell text, or "" */
  jx_form_anchor anchor[64];
  size_t index[64];
  int l1_rowspan[64], l2_rowspan[64]; /* indicator rows' level cells */
  char goals[256];                    /* the goal row's value */
  size_t n;
} grid;

static void collect(void *ud, const jx_form_row *row) {
  grid *g = ud;
  assert_true(g->n < 64);
  size_t i = g->n++;
  g->labels[i][0] = '\0';
  if (row->n && row->cells[0].col == 0 && row->cells[0].text)
    snprintf(g->labels[i], sizeof g->labels[i], "%s", row->cells[0].text);
  g->anchor[i] = row->anchor;
  g->index[i] = row->index;
  if (row->anchor == JX_FA_GOAL && row->n == 2 && row->cells[1].text)
    snprintf(g->goals, sizeof g->goals, "%s", row->cells[1].text);
  g->l1_rowspan[i] = g->l2_rowspan[i] = 0;
  for (size_t k = 0; k < row->n; k++) {
    if (row->anchor != JX_FA_INDICATOR)
      break;
    if (row->cells[k].col == 0)
      g->l1_rowspan[i] = row->cells[k].rowspan;
    if (row->cells[k].col == 1)
      g->l2_rowspan[i] = row->cells[k].rowspan;
  }
}

static jx_form_ctx ctx(jx_arena *a) {
  jx_form_ctx c = {2021, "local", "万元", NULL, "某部门", a};
  return c;
}

static void test_project_rows(void **state) {
  (void)state;
  jx_arena a;
  jx_arena_init(&a);
  jx_form_ctx c = ctx(&a);
  jx_unit u = {.code = "0501002", .name = "单位"};
  grid g = {0};
  jx_form_project(&c, &u, &project, collect, &g);
  /* title, year, note, 名称, 编码, 主管部门, 实施单位, 3 × funds, 用途,
   * months and percentages, goals, heading, 4 indicators */
  assert_int_equal(g.n, 19);
  assert_string_equal(g.labels[0], "项目支出绩效目标表");
  assert_string_equal(g.labels[1], "（2021年度）");
  assert_string_equal(g.labels[2], "金额单位：万元");
  assert_string_equal(g.labels[3], "项目名称");
  assert_int_equal(g.anchor[3], JX_FA_NAME);
  assert_string_equal(g.labels[4], "项目编码");
  assert_int_equal(g.anchor[4], JX_FA_CODE);
  assert_string_equal(g.labels[5], "主管部门");
  assert_string_equal(g.labels[6], "实施单位");
  assert_string_equal(g.labels[7], "项目资金（万元）");
  assert_int_equal(g.anchor[7], JX_FA_BUDGET);
  assert_string_equal(g.labels[8], ""); /* spanned from the row above */
  assert_int_equal(g.anchor[8], JX_FA_FUNDS);
  assert_string_equal(g.labels[10], "资金用途");
  assert_string_equal(g.labels[11], "资金支出计划（%）");
  assert_int_equal(g.anchor[11], JX_FA_SCHEDULE);
  assert_int_equal(g.anchor[12], JX_FA_SCHEDULE);
  assert_string_equal(g.labels[13], "年度绩效目标");
  assert_int_equal(g.anchor[13], JX_FA_GOAL);
  assert_string_equal(g.goals, "1.目标一\n2.目标二");
  assert_string_equal(g.labels[14], "一级指标");
  /* 产出指标 over three rows, 数量指标 over two, 质量指标 one */
  assert_int_equal(g.anchor[15], JX_FA_INDICATOR);
  assert_int_equal(g.l1_rowspan[15], 3);
  assert_int_equal(g.l2_rowspan[15], 2);
  assert_int_equal(g.l1_rowspan[16], 0);
  assert_int_equal(g.l2_rowspan[16], 0);
  assert_int_equal(g.l1_rowspan[17], 0);
  assert_int_equal(g.l2_rowspan[17], 1);
  assert_int_equal(g.l1_rowspan[18], 1);
  assert_int_equal(g.index[18], 3);
  jx_arena_free(&a);
}

/* A project without schedule or goals still has one row for each, so the
 * form keeps its shape. */
static void test_empty_lists(void **state) {
  (void)state;
  jx_arena a;
  jx_arena_init(&a);
  jx_form_ctx c = ctx(&a);
  c.year = 0;
  jx_project p = {.name = "空"};
  grid g = {0};
  jx_form_project(&c, NULL, &p, collect, &g);
  assert_string_equal(g.labels[1], "（ 年度）");
  assert_string_equal(g.labels[11], "资金支出计划（%）");
  assert_string_equal(g.labels[13], "年度绩效目标");
  assert_string_equal(g.goals, "");
  assert_string_equal(g.labels[14], "一级指标");
  assert_int_equal(g.n, 15);
  jx_arena_free(&a);
}

/* What the plan does not say is an empty cell (an import reads an empty
 * cell as absent): funds without a `funds` statement, on the form and in
 * the summary.  A goal that starts with a digit is numbered "1、", so that
 * "1.5万元" is not read back as the number 1.5. */
typedef struct cells {
  int money, empty; /* amounts printed; empty cells where amounts go */
} cells;

static void funds_cells(void *ud, const jx_form_row *row) {
  cells *k = ud;
  for (size_t i = 0; i < row->n; i++) {
    const jx_form_cell *c = &row->cells[i];
    bool amount_col = row->anchor == JX_FA_BUDGET || row->anchor == JX_FA_FUNDS
                          ? c->col == 2
                          : row->anchor == JX_FA_NONE && c->col >= 5 &&
                                row->n == JX_SUMMARY_COLS;
    if (!amount_col)
      continue;
    if (c->style == JX_FS_MONEY)
      k->money++;
    else if (!c->text)
      k->empty++;
  }
}

static void test_absent_funds(void **state) {
  (void)state;
  jx_arena a;
  jx_arena_init(&a);
  jx_form_ctx c = ctx(&a);
  static const char *const g2[] = {"5万元用于维修", "保障"};
  jx_project p = {
      .name = "无资金来源", .budget = JX_DEC(10, 0), .goals = g2, .n_goals = 2};
  cells k = {0};
  jx_form_project(&c, NULL, &p, funds_cells, &k);
  assert_int_equal(k.money, 1); /* 年度资金总额 */
  assert_int_equal(k.empty, 2); /* 财政拨款, 其他资金 */
  grid g = {0};
  jx_form_project(&c, NULL, &p, collect, &g);
  assert_string_equal(g.goals, "1、5万元用于维修\n2.保障");
  jx_summary sum;
  jx_summary_init(&sum);
  jx_summary_add(&sum, NULL, &p);
  jx_summary_add(&sum, NULL, &project); /* funds given: 89.1 and 0 */
  k = (cells){0};
  jx_form_summary(&c, &sum, funds_cells, &k);
  /* the two rows: 1 + 3 amounts, 2 empty; the total row has no 8 cells */
  assert_int_equal(k.money, 4);
  assert_int_equal(k.empty, 2);
  jx_summary_free(&sum);
  jx_arena_free(&a);
}

static void test_number_texts(void **state) {
  (void)state;
  char b[JX_DECIMAL_BUFSZ + 4];
  jx_form_money_text((jx_decimal){89100000}, b);
  assert_string_equal(b, "89.10");
  jx_form_money_text((jx_decimal){0}, b);
  assert_string_equal(b, "0.00");
  jx_form_money_text((jx_decimal){1}, b);
  assert_string_equal(b, "0.000001");
  jx_form_money_text((jx_decimal){-5000000}, b);
  assert_string_equal(b, "-5.00");
  jx_form_percent_text((jx_decimal){33333333}, b);
  assert_string_equal(b, "33.333333%");
  jx_form_percent_text((jx_decimal){100000000}, b);
  assert_string_equal(b, "100.00%");
}

static void test_lines(void **state) {
  (void)state;
  assert_int_equal(jx_form_lines(NULL, 10), 1);
  assert_int_equal(jx_form_lines("", 10), 1);
  assert_int_equal(jx_form_lines("abc", 10), 1);
  assert_int_equal(jx_form_lines("0123456789", 10), 1);
  assert_int_equal(jx_form_lines("0123456789a", 10), 2);
  /* ten CJK characters are 20 units */
  assert_int_equal(jx_form_lines("一二三四五六七八九十", 10), 2);
  assert_int_equal(jx_form_lines("a\nb\n", 10), 3);
  assert_int_equal(jx_form_lines("\xff\xfe", 10), 1);
}

/* ---- HTML ---------------------------------------------------------------- */

static char *render_html(bool with_department) {
  static const jx_division div = {.name = "办公室"};
  static const jx_department dept = {
      .name = "部门 <甲>", .divisions = &div, .n_divisions = 1};
  jx_unit u = {
      .code = "0501002", .name = "单位", .projects = &project, .n_projects = 1};
  jx_plan plan = {.year = 2021,
                  .framework = "local",
                  .currency = "万元",
                  .department = with_department ? &dept : NULL,
                  .units = &u,
                  .n_units = 1};
  jx_emit_options opt = {0};
  return render_plan("html", &opt, &plan);
}

static void test_html_escaping(void **state) {
  (void)state;
  char *h = render_html(true);
  assert_non_null(strstr(h, "<td class=\"text\" colspan=\"5\">&lt;/script&gt;"
                            "&lt;script&gt;alert(1)&lt;/script&gt;</td>"));
  /* & < > " ' escaped; the control character replaced */
  assert_non_null(strstr(h, "a &amp; b &quot;c&quot; &#39;d&#39; &lt;e&gt;"
                            "\xEF\xBF\xBD</td>"));
  assert_null(strstr(h, "<script"));
  assert_null(strstr(h, "\x01"));
  assert_non_null(strstr(h, "<td class=\"code\" colspan=\"5\">"
                            "0130304215088YYECLPBD</td>"));
  assert_non_null(strstr(h, "<td class=\"money\" colspan=\"4\">89.10</td>"));
  assert_non_null(strstr(
      h, "<th class=\"header\">3月底</th><th class=\"header\">12月底</th>"));
  assert_non_null(strstr(
      h,
      "<td class=\"percent\">25.00%</td><td class=\"percent\">100.00%</td>"));
  assert_non_null(strstr(h, "<td class=\"level\" rowspan=\"3\">产出指标</td>"
                            "<td class=\"level\" rowspan=\"2\">数量指标</td>"));
  assert_non_null(strstr(h, "<td class=\"text\">不涉及</td>"));
  assert_non_null(
      strstr(h, "<td class=\"text\" colspan=\"5\">部门 &lt;甲&gt;"));
  assert_non_null(strstr(h, "<td class=\"text\" colspan=\"5\">办公室</td>"));
  /* one page, nothing outside it */
  assert_non_null(strstr(h, "default-src 'none'"));
  assert_null(strstr(h, "http:"));
  assert_null(strstr(h, "https:"));
  assert_null(strstr(h, "src="));
  size_t n = strlen(h);
  assert_true(n > 7 && strcmp(h + n - 8, "</html>\n") == 0);
  free(h);
}

/* Ill-formed UTF-8 never reaches the page. */
static void test_html_bad_utf8(void **state) {
  (void)state;
  jx_project p = project;
  p.name = "a\xC0\xAF"
           "b\xED\xA0\x80"
           "c\xC2\x85"
           "d";
  jx_unit u = {.code = "1", .name = "u", .projects = &p, .n_projects = 1};
  jx_plan plan = {.year = 2021, .currency = "万元", .units = &u, .n_units = 1};
  jx_emit_options opt = {0};
  char *h = render_plan("html", &opt, &plan);
  assert_non_null(strstr(h, "a\xEF\xBF\xBD\xEF\xBF\xBD"
                            "b\xEF\xBF\xBD"
                            "\xEF\xBF\xBD\xEF\xBF\xBD"
                            "c\xEF\xBF\xBD"
                            "d"));
  free(h);
}

/* The diagnostics of a build, beside their rows. */
static void discard(void *ud, const char *text, size_t n) {
  (void)ud;
  (void)text;
  (void)n;
}

static char *build_mem(const char *src, bool with_dx, int *rc) {
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, discard, NULL);
  jx_out o;
  jx_out_init_mem(&o);
  const char *name = "t.jx";
  jx_load_text text = {src, strlen(src)};
  jx_load_job in;
  memset(&in, 0, sizeof in);
  in.paths = &name;
  in.texts = &text;
  in.n = 1;
  jx_emit_options eo;
  memset(&eo, 0, sizeof eo);
  eo.with_diagnostics = with_dx;
  eo.diag = d;
  *rc = jx_build(&in, jx_backend_find("html"), &o, &eo, d);
  jx_diag_free(d);
  size_t n;
  const char *data = jx_out_data(&o, &n);
  char *copy = malloc(n + 1);
  memcpy(copy, data ? data : "", n + 1);
  jx_out_free(&o);
  return copy;
}

static const char dx_src[] = "plan 2021 form hebei2021;\n"
                             "unit 1 \"u\" {\n"
                             "  project \"p\" budget 5 {\n"
                             "    funds fiscal 5 other 0;\n"
                             "    schedule dec 100%;\n"
                             "    output.quality \"合格率\" = 120%;\n"
                             "    benefit.social \"效果\" = \"好\";\n"
                             "  }\n"
                             "  project \"bad\" budget 5 {\n"
                             "    funds fiscal 1 other 0;\n"
                             "    output.quality \"q\" = 1%;\n"
                             "    benefit.social \"b\" = \"好\";\n"
                             "  }\n"
                             "}\n";

static void test_html_diagnostics(void **state) {
  (void)state;
  int rc;
  char *h = build_mem(dx_src, true, &rc);
  assert_int_equal(rc, 1);
  /* the warning on the indicator's row, in the seventh column */
  assert_non_null(strstr(h, "<td class=\"text\">120%</td><td class=\"text\">"
                            "</td><td class=\"dx\"><p class=\"warning\">6: "
                            "warning: "));
  /* the rejected project's errors in a box, in source order */
  const char *box = strstr(h, "<aside class=\"dx-box\">");
  assert_non_null(box);
  const char *e1 = strstr(box, "t.jx:9: warning:");
  const char *e2 = strstr(box, "t.jx:10: error:");
  assert_non_null(e1);
  assert_non_null(e2);
  assert_true(e1 < e2);
  assert_null(strstr(h, "<td class=\"text\" colspan=\"5\">bad</td>"));
  free(h);
  /* Without the option: nothing after an error, no diagnostics column. */
  h = build_mem(dx_src, false, &rc);
  assert_int_equal(rc, 1);
  assert_null(strstr(h, "class=\"dx"));
  free(h);
}

/* ---- XLSX ---------------------------------------------------------------- */

static char *render_xlsx(jx_sheet_mode mode, size_t *len) {
  jx_unit u = {
      .code = "0501002", .name = "单位", .projects = &project, .n_projects = 1};
  jx_plan plan = {.year = 2021, .currency = "万元", .units = &u, .n_units = 1};
  jx_emit_options opt = {0};
  opt.sheet = mode;
  const jx_backend *be = jx_backend_find("xlsx");
  assert_non_null(be);
  assert_true(be->binary);
  jx_out o;
  jx_out_init_mem(&o);
  void *st = be->create(&o, &opt);
  jx_plan header = plan;
  header.units = NULL;
  header.n_units = 0;
  be->begin(st, &header);
  jx_unit opening = {.code = u.code, .name = u.name};
  be->unit_open(st, &opening);
  be->project(st, &opening, &project);
  be->unit_close(st, &u);
  be->end(st);
  be->destroy(st);
  assert_int_equal(jx_out_flush(&o), 0);
  const char *data = jx_out_data(&o, len);
  char *copy = malloc(*len + 1);
  memcpy(copy, data, *len + 1);
  jx_out_free(&o);
  return copy;
}

static void test_xlsx_deterministic(void **state) {
  (void)state;
  for (int mode = JX_SHEET_PROJECT; mode <= JX_SHEET_UNIT; mode++) {
    size_t n1, n2;
    char *a = render_xlsx((jx_sheet_mode)mode, &n1);
    char *b = render_xlsx((jx_sheet_mode)mode, &n2);
    assert_true(n1 > 1000);
    assert_memory_equal(a, "PK\x03\x04", 4); /* a ZIP */
    assert_int_equal(n1, n2);
    assert_memory_equal(a, b, n1);
    free(a);
    free(b);
  }
}

/* A run that ends early (errors in the input): destroy without end. */
static void test_xlsx_abandoned(void **state) {
  (void)state;
  jx_out o;
  jx_out_init_mem(&o);
  jx_emit_options opt = {0};
  const jx_backend *be = jx_backend_find("xlsx");
  void *st = be->create(&o, &opt);
  jx_plan header = {.year = 2021, .currency = "万元"};
  be->begin(st, &header);
  be->destroy(st);
  size_t n;
  jx_out_data(&o, &n);
  assert_int_equal(n, 0);
  jx_out_free(&o);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_project_rows),
      cmocka_unit_test(test_empty_lists),
      cmocka_unit_test(test_absent_funds),
      cmocka_unit_test(test_number_texts),
      cmocka_unit_test(test_lines),
      cmocka_unit_test(test_html_escaping),
      cmocka_unit_test(test_html_bad_utf8),
      cmocka_unit_test(test_html_diagnostics),
      cmocka_unit_test(test_xlsx_deterministic),
      cmocka_unit_test(test_xlsx_abandoned),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
