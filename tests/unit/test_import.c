/*
 * test_import.c — unit tests for compiler/import/: the printed conventions
 * of values (计算符号 codes, prefix and postfix words, amounts, full-width
 * digits), the shortest exact decimal of a stored double, cell names, the
 * header table, the encodings of text input, the CSV reader's grid, and
 * the import of a small text and CSV end to end (exact .jx, exact places).
 * The spreadsheet layouts are golden cases (tests/golden/import-*).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "import.h"
#include "import_impl.h"

/* ---- values
 * ------------------------------------------------------------------ */

/* Reads sign/value/unit and checks kind, operator, text and what was kept. */
static void check_value(const char *sign, const char *value, const char *unit,
                        im_vkind kind, int op, const char *text,
                        jx_diag_id kept) {
  jx_arena a;
  jx_arena_init(&a);
  im_read_value rv;
  jx_im_read_value(&a, sign, value, unit, &rv);
  assert_false(rv.unreadable);
  assert_int_equal(rv.v.kind, kind);
  assert_int_equal(rv.v.op, op);
  if (text)
    assert_string_equal(rv.v.text, text);
  assert_int_equal(rv.kept_id, kept);
  jx_arena_free(&a);
}

#define NONE JX_DIAG_COUNT

/* A value the language reads as printed: written so, without an operator
 * before it, nothing kept; op is the comparison it means. */
static void check_printed(const char *sign, const char *value, const char *unit,
                          im_vkind kind, int op, const char *text) {
  jx_arena a;
  jx_arena_init(&a);
  im_read_value rv;
  jx_im_read_value(&a, sign, value, unit, &rv);
  assert_false(rv.unreadable);
  assert_int_equal(rv.v.kind, kind);
  assert_int_equal(rv.v.op, op);
  assert_true(rv.v.bare);
  assert_string_equal(rv.v.text, text);
  assert_string_equal(jx_im_value_text(&a, &rv.v), text);
  assert_int_equal(rv.kept_id, JX_DIAG_COUNT);
  jx_arena_free(&a);
}

static void test_values_plain(void **state) {
  (void)state;
  check_value(NULL, "22人", NULL, IM_V_NUMBER, JX_OP_EQ, "22人", NONE);
  check_value(NULL, "100%", NULL, IM_V_NUMBER, JX_OP_EQ, "100%", NONE);
  check_value(NULL, "89.1万元", NULL, IM_V_NUMBER, JX_OP_EQ, "89.1万元", NONE);
  check_value(NULL, "100百分比", NULL, IM_V_NUMBER, JX_OP_EQ, "100百分比",
              NONE);
  check_value(NULL, "≥90%", NULL, IM_V_NUMBER, JX_OP_GE, "90%", NONE);
  check_value(NULL, ">95百分比", NULL, IM_V_NUMBER, JX_OP_GT, "95百分比", NONE);
  check_value(NULL, "不低于 90％", NULL, IM_V_NUMBER, JX_OP_GE, "90%", NONE);
  check_value(NULL, "小于或等于5天", NULL, IM_V_NUMBER, JX_OP_LE, "5天", NONE);
  check_value(NULL, "圆满完成", NULL, IM_V_TEXT, JX_OP_EQ, "圆满完成", NONE);
  check_value(NULL, "不涉及", NULL, IM_V_NA, JX_OP_EQ, NULL, NONE);
  /* a number, then words: not a unit */
  check_value(NULL, "3个月内完成", NULL, IM_V_TEXT, JX_OP_EQ, "3个月内完成",
              NONE);
}

static void test_values_printed(void **state) {
  (void)state;
  /* full-width digits and operators, thousands separators */
  check_value(NULL, "＞＝９５％", NULL, IM_V_NUMBER, JX_OP_GE, "95%", NONE);
  check_value(NULL, "1,909.00万元", NULL, IM_V_NUMBER, JX_OP_EQ, "1909.00万元",
              NONE);
  check_value(NULL, "1,2345", NULL, IM_V_TEXT, JX_OP_EQ, "1,2345",
              JX_W_IMPORT_AS_TEXT);
  /* postfix words: the language reads them (issue 11), so the value is
   * written as printed, with no operator before it and nothing kept */
  check_printed(NULL, "90%以上", NULL, IM_V_NUMBER, JX_OP_GE, "90%以上");
  check_printed(NULL, "5天以内", NULL, IM_V_NUMBER, JX_OP_LE, "5天以内");
  check_printed(NULL, "95%及以上", NULL, IM_V_NUMBER, JX_OP_GE, "95%及以上");
  check_printed(NULL, "10个工作日内", NULL, IM_V_NUMBER, JX_OP_LE,
                "10个工作日内");
  check_printed(NULL, "9月前", NULL, IM_V_NUMBER, JX_OP_LE, "9月前");
  check_printed(NULL, "2021年10月31日前", NULL, IM_V_DATE, JX_OP_LE,
                "2021年10月31日前");
  check_printed(NULL, "2021年12月底前", NULL, IM_V_DATE, JX_OP_LE,
                "2021年12月底前");
  /* the unit column's unit goes before the word; a sign column that
   * agrees is no second operator */
  check_printed(NULL, "90以上", "%", IM_V_NUMBER, JX_OP_GE, "90%以上");
  check_printed("1", "90%以上", NULL, IM_V_NUMBER, JX_OP_GE, "90%以上");
  check_printed("≥", "９０以上", "％", IM_V_NUMBER, JX_OP_GE, "90%以上");
  /* date ranges (issue 11, item 7) */
  check_printed(NULL, "2023.07-2024.01", NULL, IM_V_DATE, JX_OP_EQ,
                "2023.07-2024.01");
  check_printed(NULL, "2023年4月-2024年2月", NULL, IM_V_DATE, JX_OP_EQ,
                "2023年4月-2024年2月");
  check_printed("3", "２０２００１-２０２０１２", NULL, IM_V_DATE, JX_OP_EQ,
                "202001-202012");
  /* costs per unit (issue 11, item 10), in the value or the unit column */
  check_value(NULL, "≤475元/亩", NULL, IM_V_NUMBER, JX_OP_LE, "475元/亩", NONE);
  check_value(NULL, "17元/人.每天", NULL, IM_V_NUMBER, JX_OP_EQ, "17元/人.每天",
              NONE);
  check_value("5", "0.16", "万元/亩", IM_V_NUMBER, JX_OP_LE, "0.16万元/亩",
              NONE);
  /* a postfix word the language has not: its operator, the text kept */
  check_value(NULL, "100人大于", NULL, IM_V_NUMBER, JX_OP_GT, "100人",
              JX_W_IMPORT_PRINTED);
  /* a word the sign column contradicts, an operator before a range */
  check_value("3", "90%以上", NULL, IM_V_TEXT, JX_OP_EQ, "90%以上",
              JX_W_IMPORT_AS_TEXT);
  check_value("1", "2023.07-2024.01", NULL, IM_V_TEXT, JX_OP_EQ,
              "2023.07-2024.01", JX_W_IMPORT_AS_TEXT);
  check_value(NULL, "2021.6.30", NULL, IM_V_DATE, JX_OP_EQ, "2021-6-30", NONE);
  /* what cannot be a number stays text, with a warning */
  check_value(NULL, "90%-95%", NULL, IM_V_TEXT, JX_OP_EQ, "90%-95%",
              JX_W_IMPORT_AS_TEXT);
  check_value(NULL, "≥90%以上", NULL, IM_V_TEXT, JX_OP_EQ, "≥90%以上",
              JX_W_IMPORT_AS_TEXT);
  check_value(NULL, "90%以上以上", NULL, IM_V_TEXT, JX_OP_EQ, "90%以上以上",
              JX_W_IMPORT_AS_TEXT);
  /* a date not in the calendar is the checker's bad-date, at both places */
  check_value(NULL, "2021年2月30日", NULL, IM_V_DATE, JX_OP_EQ, "2021-2-30",
              NONE);
}

static void test_values_columns(void **state) {
  (void)state;
  /* 计算符号 codes with a separate 度量单位 */
  check_value("1", "95", "%", IM_V_NUMBER, JX_OP_GE, "95%", NONE);
  check_value("2", "0", "起", IM_V_NUMBER, JX_OP_GT, "0起", NONE);
  check_value("3", "22", "人", IM_V_NUMBER, JX_OP_EQ, "22人", NONE);
  check_value("4", "5", "%", IM_V_NUMBER, JX_OP_LT, "5%", NONE);
  check_value("5", "4.8", "万元", IM_V_NUMBER, JX_OP_LE, "4.8万元", NONE);
  check_value("6", "有效", NULL, IM_V_TEXT, JX_OP_EQ, "有效", NONE);
  check_value("定性", "100%", NULL, IM_V_TEXT, JX_OP_EQ, "100%", NONE);
  check_value("9", "20", "年", IM_V_NUMBER, JX_OP_EQ, "20年", NONE);
  check_value("≥", "90", "%", IM_V_NUMBER, JX_OP_GE, "90%", NONE);
  check_value("大于等于", "90", "%", IM_V_NUMBER, JX_OP_GE, "90%", NONE);
  check_value("１", "９０", "％", IM_V_NUMBER, JX_OP_GE, "90%", NONE);
  /* the value's own unit wins over the column's */
  check_value("3", "2辆", "辆", IM_V_NUMBER, JX_OP_EQ, "2辆", NONE);
  jx_arena a;
  jx_arena_init(&a);
  im_read_value rv;
  jx_im_read_value(&a, "7", "2", "辆", &rv);
  assert_true(rv.unreadable);
  jx_im_read_value(&a, "正向", "2", "辆", &rv);
  assert_true(rv.unreadable);
  jx_arena_free(&a);
}

static void test_amounts_months_percents(void **state) {
  (void)state;
  jx_arena a;
  jx_arena_init(&a);
  assert_string_equal(jx_im_amount(&a, "89.10"), "89.10");
  assert_string_equal(jx_im_amount(&a, "1,909.00"), "1909.00");
  assert_string_equal(jx_im_amount(&a, "89.1万"), "89.1万元");
  assert_string_equal(jx_im_amount(&a, "１２００元"), "1200元");
  assert_string_equal(jx_im_amount(&a, " 5 "), "5");
  assert_null(jx_im_amount(&a, "五万"));
  assert_null(jx_im_amount(&a, "5人"));
  assert_null(jx_im_amount(&a, "1,23"));
  assert_int_equal(jx_im_month("3月底"), 3);
  assert_int_equal(jx_im_month("12月"), 12);
  assert_int_equal(jx_im_month("１０月末"), 10);
  assert_int_equal(jx_im_month("第二季度"), 6);
  assert_int_equal(jx_im_month("年底"), 12);
  assert_int_equal(jx_im_month("13月"), 0);
  assert_int_equal(jx_im_month("三月"), 0);
  assert_string_equal(jx_im_percent(&a, "25.00%", false), "25.00%");
  assert_string_equal(jx_im_percent(&a, "25", false), "25%");
  assert_string_equal(jx_im_percent(&a, "75百分比", false), "75%");
  assert_string_equal(jx_im_percent(&a, "0.25", true), "25%");
  assert_string_equal(jx_im_percent(&a, "1", true), "100%");
  assert_string_equal(jx_im_percent(&a, "0.125", true), "12.5%");
  assert_null(jx_im_percent(&a, "过半", false));
  jx_arena_free(&a);
}

static void collect_goal(void *ud, const char *item) {
  jx_strbuf *b = ud;
  jx_sb_printf(b, "[%s]", item);
}

static void test_split_goals(void **state) {
  (void)state;
  jx_arena a;
  jx_arena_init(&a);
  jx_strbuf b = {0};
  jx_im_split_goals(&a,
                    "1.保障工资。\r\n2、保障运转\n\n（3）维护车辆\n④提高效率",
                    collect_goal, &b);
  assert_string_equal(b.p, "[保障工资。][保障运转][维护车辆][提高效率]");
  jx_sb_clear(&b);
  /* "1.5万元" starts with a number, not a numbering mark */
  jx_im_split_goals(&a, "1.5万元用于维修", collect_goal, &b);
  assert_string_equal(b.p, "[1.5万元用于维修]");
  jx_sb_free(&b);
  jx_arena_free(&a);
}

static void test_shortest(void **state) {
  (void)state;
  char buf[128];
  jx_im_shortest(89.099999999999994, buf, sizeof buf);
  assert_string_equal(buf, "89.1");
  jx_im_shortest(4.7999999999999998, buf, sizeof buf);
  assert_string_equal(buf, "4.8");
  jx_im_shortest(1909, buf, sizeof buf);
  assert_string_equal(buf, "1909");
  jx_im_shortest(0.001, buf, sizeof buf);
  assert_string_equal(buf, "0.001");
  jx_im_shortest(-0.25, buf, sizeof buf);
  assert_string_equal(buf, "-0.25");
  jx_im_shortest(1.5e10, buf, sizeof buf);
  assert_string_equal(buf, "15000000000");
  jx_im_shortest(0, buf, sizeof buf);
  assert_string_equal(buf, "0");
}

/* ---- the grid
 * ------------------------------------------------------------------ */

static void test_cell_names(void **state) {
  (void)state;
  char buf[24];
  jx_im_cell_name(7, 3, buf);
  assert_string_equal(buf, "C7");
  jx_im_cell_name(1, 26, buf);
  assert_string_equal(buf, "Z1");
  jx_im_cell_name(12, 27, buf);
  assert_string_equal(buf, "AA12");
  jx_im_cell_name(1, 16384, buf);
  assert_string_equal(buf, "XFD1");
  assert_int_equal(jx_im_col_from_name("C"), 3);
  assert_int_equal(jx_im_col_from_name("ab"), 28);
  assert_int_equal(jx_im_col_from_name("XFD"), 16384);
  assert_int_equal(jx_im_col_from_name("XFE"), 0);
  assert_int_equal(jx_im_col_from_name("A1"), 0);
  assert_int_equal(jx_im_col_from_name(""), 0);
  /* places: a sheet name Excel would quote is quoted */
  im_book b;
  jx_im_book_init(&b, "plan.xlsx", IM_SRC_SHEET);
  jx_im_add_sheet(&b, "表1", strlen("表1"));
  jx_im_add_sheet(&b, "It's 2", strlen("It's 2"));
  im_src s = jx_im_src_none();
  s.sheet = 1;
  s.row = 9;
  s.col = 2;
  jx_strbuf o = {0};
  jx_im_place(&b, &s, JX_LANG_EN, &o);
  assert_string_equal(o.p, "'It''s 2'!B9");
  jx_sb_clear(&o);
  s.sheet = 0;
  jx_im_place(&b, &s, JX_LANG_EN, &o);
  assert_string_equal(o.p, "表1!B9");
  jx_sb_free(&o);
  jx_im_book_free(&b);
}

static void test_headers(void **state) {
  (void)state;
  assert_int_equal(jx_im_field_of("项目名称"), IM_F_PROJECT);
  assert_int_equal(jx_im_field_of("*项目名称"), IM_F_PROJECT);
  assert_int_equal(jx_im_field_of(" 项目 名称 "), IM_F_PROJECT);
  assert_int_equal(jx_im_field_of("预算数（万元）"), IM_F_BUDGET);
  assert_int_equal(jx_im_field_of("其中：财政资金"), IM_F_FISCAL);
  assert_int_equal(jx_im_field_of("评（扣）分标准"), IM_F_SCORING);
  assert_int_equal(jx_im_field_of("指标性质"), IM_F_SIGN);
  assert_int_equal(jx_im_field_of("计量单位"), IM_F_UNIT);
  assert_int_equal(jx_im_field_of("一级指标："), IM_F_L1);
  assert_int_equal(jx_im_field_of("审核人"), IM_F_NONE);
  /* issue 11: the columns and header fields of other regions' forms */
  assert_int_equal(jx_im_field_of("联系人"), IM_F_CONTACT);
  assert_int_equal(jx_im_field_of("项目属性"), IM_F_NATURE);
  assert_int_equal(jx_im_field_of("实施期指标值"), IM_F_PERIOD_VALUE);
  assert_int_equal(jx_im_field_of("指标解释"), IM_F_EXPLAIN);
  assert_int_equal(jx_im_field_of("上级资金（万元）"), IM_F_SOURCE);
  assert_int_equal(jx_im_field_info(IM_F_SCORING)->target, IM_T_EXPL);
  assert_int_equal(jx_im_field_by_name("level3"), IM_F_L3);
  assert_int_equal(jx_im_field_by_name("三级指标"), IM_F_L3);
  /* Spellings are stored in key form: nothing is normalised per look-up. */
  jx_arena a;
  jx_arena_init(&a);
  for (int f = 1; f < IM_F_COUNT; f++)
    for (const char *const *n = jx_im_field_info((im_field)f)->names; *n; n++)
      assert_string_equal(jx_im_key(&a, *n), *n);
  jx_arena_free(&a);
}

/* ---- text input
 * ---------------------------------------------------------------- */

static void check_decode(const char *in, size_t n, const char *want,
                         const char *enc) {
  size_t out_n;
  const char *got_enc = NULL;
  char *out = jx_im_decode(in, n, &out_n, &got_enc);
  if (!want) {
    assert_null(out);
    return;
  }
  assert_non_null(out);
  assert_int_equal(out_n, strlen(want));
  assert_memory_equal(out, want, out_n);
  assert_string_equal(got_enc, enc);
  free(out);
}

static void test_decode(void **state) {
  (void)state;
  check_decode("项目", strlen("项目"), "项目", "UTF-8");
  check_decode("\xEF\xBB\xBF项目", strlen("\xEF\xBB\xBF项目"), "项目", "UTF-8");
  /* GBK (what Excel on Chinese Windows writes): 项目 */
  check_decode("\xCF\xEE\xC4\xBF,1", 6, "项目,1", "GB18030");
  /* UTF-16LE with its BOM: 项目 */
  check_decode("\xFF\xFE\x79\x98\xEE\x76", 6, "项目", "UTF-16LE");
  check_decode("\xFE\xFF\x98\x79\x76\xEE", 6, "项目", "UTF-16BE");
  /* binary: a NUL; bytes GB18030 does not have */
  check_decode("a\0b", 3, NULL, NULL);
  check_decode("\x81\x20", 2, NULL, NULL);
}

static void test_delimited(void **state) {
  (void)state;
  const char *csv = "项目名称,一级指标\n规划业务费,产出指标\n";
  assert_true(jx_im_looks_delimited(csv, strlen(csv)));
  const char *tsv = "项目名称\t一级指标\n规划业务费\t产出指标\n";
  assert_true(jx_im_looks_delimited(tsv, strlen(tsv)));
  /* the text layout: tab-led cells, prose with full-width commas */
  const char *text =
      "第一部分\n一、总体绩效目标\n\t项目编码\n坚持以，全面贯彻。\n";
  assert_false(jx_im_looks_delimited(text, strlen(text)));
}

static void test_csv_grid(void **state) {
  (void)state;
  /* quoted fields, doubled quotes, a line break in quotes, CRLF, a blank
   * spacer row that keeps its number */
  const char *csv = "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\r\n\"x\ny\",,z\r\nlast";
  im_book b;
  jx_im_book_init(&b, "dir/plan.csv", IM_SRC_CSV);
  assert_int_equal(jx_im_read_csv(&b, csv, strlen(csv)), 0);
  assert_int_equal(b.n_sheets, 1);
  im_sheet *s = &b.sheets[0];
  assert_string_equal(s->name, "plan");
  assert_string_equal(jx_im_at(s, 1, 1)->text, "a");
  assert_string_equal(jx_im_at(s, 1, 2)->text, "b,c");
  assert_string_equal(jx_im_at(s, 1, 3)->text, "say \"hi\"");
  size_t n;
  jx_im_row(s, 2, &n);
  assert_int_equal(n, 0);
  assert_string_equal(jx_im_at(s, 3, 1)->text, "x\ny");
  assert_null(jx_im_at(s, 3, 2));
  assert_string_equal(jx_im_at(s, 3, 3)->text, "z");
  assert_string_equal(jx_im_at(s, 4, 1)->text, "last");
  jx_im_book_free(&b);
}

typedef struct captured {
  jx_strbuf text;
} captured;

static void capture(void *ud, const char *text, size_t n) {
  jx_sb_add(&((captured *)ud)->text, text, n);
}

static void test_limits(void **state) {
  (void)state;
  im_book b;
  jx_im_book_init(&b, "plan.xlsx", IM_SRC_SHEET);
  im_sheet *s = jx_im_add_sheet(&b, "S", 1);
  assert_non_null(jx_im_put(&b, s, 1048576, 16384, IM_TEXT, "x", 1));
  assert_false(b.failed);
  assert_null(jx_im_put(&b, s, 1048577, 1, IM_TEXT, "x", 1));
  assert_true(b.failed);
  assert_int_equal(b.fail_id, JX_E_IMPORT_BIG_PLACE);
  assert_int_equal(b.fail_n, 4);
  assert_string_equal(b.fail_args[0], "1048577");
  assert_string_equal(b.fail_args[3], "16384");
  /* reported as import-too-large, in either language */
  jx_diag *d = jx_diag_new();
  captured c = {{0}};
  jx_diag_set_writer(d, capture, &c);
  jx_im_report_failure(&b, d);
  jx_diag_flush(d); /* records are worded when they are sent */
  jx_diag_set_lang(d, JX_LANG_ZH);
  jx_im_report_failure(&b, d);
  jx_diag_flush(d);
  assert_string_equal(
      c.text.p,
      "jxc: error: cannot import plan.xlsx: a cell at row 1048577, "
      "column 1 is outside 1048576 rows and 16384 columns "
      "[import-too-large]\n"
      "jxc: 错误: 无法导入 plan.xlsx：第 1048577 行第 1 列的单元格超出了 "
      "1048576 行、16384 列的范围 [import-too-large]\n");
  jx_sb_free(&c.text);
  jx_diag_free(d);
  jx_im_book_free(&b);
}

/* ---- whole imports
 * --------------------------------------------------------------- */

/* Imports text; returns the .jx (caller frees) and the diagnostics. */
static char *import(const char *in, jx_import_format f, int *rc, captured *c) {
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, capture, c);
  jx_out out;
  jx_out_init_mem(&out);
  *rc = jx_import_mem("in.txt", in, strlen(in), f, false, d, &out);
  jx_diag_free(d);
  size_t n;
  const char *jx = jx_out_data(&out, &n);
  char *copy = malloc(n + 1);
  memcpy(copy, jx, n + 1);
  jx_out_free(&out);
  return copy;
}

static void test_import_csv(void **state) {
  (void)state;
  const char *csv =
      "项目名称,预算数,财政资金,其他资金,一级指标,二级指标,三级指标,"
      "计算符号,指标值,度量单位\n"
      "规划业务费,5,5,0,产出指标,数量指标,公务车,3,2,\n"
      ",,,,效益指标,社会效益指标,运转,6,有效,\n"
      ",,,,满意度指标,服务对象满意度指标,满意度,1,９０,%\n";
  captured c = {{0}};
  int rc;
  char *jx = import(csv, JX_IMPORT_AUTO, &rc, &c);
  assert_int_equal(rc, 0);
  assert_string_equal(jx, "# Imported from in.txt\n"
                          "\n"
                          "plan framework local currency 万元;\n"
                          "\n"
                          "# A2:B2\n"
                          "project \"规划业务费\" budget 5 {\n"
                          "  # C2:D2\n"
                          "  funds fiscal 5 other 0;\n"
                          "  # F2:I2\n"
                          "  output.quantity \"公务车\" = 2;\n"
                          "  # F3:I3\n"
                          "  benefit.social \"运转\" = \"有效\";\n"
                          "  # F4:J4\n"
                          "  satisfaction.recipient \"满意度\" >= 90%;\n"
                          "}\n");
  /* the checker's warning names the .jx line and the cell (a plan that
   * names no form is not asked for a spending schedule: issue 11) */
  assert_non_null(strstr(c.text.p, "<stdout>:10:27: warning: target value "
                                   "'2' has no unit"));
  assert_non_null(strstr(c.text.p, "= note: from in.txt:I2\n"));
  assert_null(strstr(c.text.p, "schedule"));
  free(jx);
  jx_sb_free(&c.text);
}

static void test_import_text(void **state) {
  (void)state;
  const char *text = "一、总体绩效目标\n"
                     "做好本年度工作。\n"
                     "二、分项绩效目标\n"
                     "（一）办公室\n"
                     "绩效目标：负责日常运转。\n"
                     "绩效指标：完成各项工作，完成率≥95%。\n"
                     "三、保障措施\n"
                     "（一）加强领导。明确责任。\n";
  captured c = {{0}};
  int rc;
  char *jx = import(text, JX_IMPORT_TEXT, &rc, &c);
  assert_int_equal(rc, 0);
  assert_non_null(strstr(jx, "  # line 2\n  goal \"做好本年度工作。\";\n"));
  assert_non_null(
      strstr(jx, "  division \"办公室\" {\n"
                 "    # line 5\n"
                 "    goal \"负责日常运转。\";\n"
                 "    # 绩效指标：完成各项工作，完成率≥95%。\n"
                 "    # line 6\n"
                 "    indicator \"完成率\" >= 95% desc \"完成各项工作\";\n"
                 "  }\n"));
  assert_non_null(strstr(jx, "  measure \"加强领导\" \"明确责任。\";\n"));
  /* no title and no 本级 unit: the department's name is a guess */
  assert_non_null(strstr(c.text.p, "[import-guess]"));
  free(jx);
  jx_sb_free(&c.text);
}

static void test_import_nothing(void **state) {
  (void)state;
  captured c = {{0}};
  int rc;
  char *jx = import("just some words\nand more\n", JX_IMPORT_AUTO, &rc, &c);
  assert_int_equal(rc, 3);
  assert_string_equal(jx, "");
  assert_non_null(strstr(c.text.p, "[import-no-layout]"));
  free(jx);
  jx_sb_free(&c.text);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_values_plain),
      cmocka_unit_test(test_values_printed),
      cmocka_unit_test(test_values_columns),
      cmocka_unit_test(test_amounts_months_percents),
      cmocka_unit_test(test_split_goals),
      cmocka_unit_test(test_shortest),
      cmocka_unit_test(test_cell_names),
      cmocka_unit_test(test_headers),
      cmocka_unit_test(test_decode),
      cmocka_unit_test(test_delimited),
      cmocka_unit_test(test_csv_grid),
      cmocka_unit_test(test_limits),
      cmocka_unit_test(test_import_csv),
      cmocka_unit_test(test_import_text),
      cmocka_unit_test(test_import_nothing),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
