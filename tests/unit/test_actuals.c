/*
 * test_actuals.c — unit tests of the actuals readers (compiler/eval):
 * values written as text (numbers with units and thousands separators,
 * dates in every layout, months, as-targeted, not applicable, texts), the
 * word tables in both languages, and the places of CSV cells that libcsv
 * does not give (quoted line breaks, CRLF, a lone CR, semicolons), the
 * native form read into the same entries.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "eval.h"

static jx_av read(jx_arena *a, const char *text) {
  jx_av v;
  jx_loc none = {0};
  jx_av_read(a, text, none, &v);
  return v;
}

static const char *dec(jx_decimal d) {
  static char b[JX_DECIMAL_BUFSZ];
  jx_decimal_format(d, b);
  return b;
}

static void test_values(void **state) {
  (void)state;
  jx_arena a;
  jx_arena_init(&a);
  jx_av v = read(&a, "22人");
  assert_int_equal(v.kind, JX_AV_NUMBER);
  assert_string_equal(dec(v.number), "22");
  assert_string_equal(v.unit, "人");
  assert_non_null(v.unit_info);
  v = read(&a, "1,909.00");
  assert_int_equal(v.kind, JX_AV_NUMBER);
  assert_string_equal(dec(v.number), "1909");
  assert_null(v.unit);
  v = read(&a, "0.5万元");
  assert_string_equal(dec(v.number), "0.5");
  assert_string_equal(v.unit_info->norm, "万元");
  v = read(&a, "９５％"); /* full-width: NFKC */
  assert_int_equal(v.kind, JX_AV_NUMBER);
  assert_string_equal(dec(v.number), "95");
  assert_string_equal(v.unit_info->norm, "%");
  assert_string_equal(v.text, "９５％"); /* the text as written */
  v = read(&a, "-5");
  assert_string_equal(dec(v.number), "-5");
  v = read(&a, "2021.5"); /* a number, not May 2021 */
  assert_int_equal(v.kind, JX_AV_NUMBER);
  v = read(&a, "7月"); /* a month or a duration: the target decides */
  assert_int_equal(v.kind, JX_AV_NUMBER);
  assert_string_equal(v.unit, "月");
  v = read(&a, "3 people trained");
  assert_int_equal(v.kind, JX_AV_TEXT);
  v = read(&a, "九十");
  assert_int_equal(v.kind, JX_AV_TEXT);
  v = read(&a, "1.0000001");
  assert_int_equal(v.kind, JX_AV_TEXT); /* not exact in millionths */
  v = read(&a, "");
  assert_int_equal(v.kind, JX_AV_NONE);
  jx_arena_free(&a);
}

static void test_dates(void **state) {
  (void)state;
  jx_arena a;
  jx_arena_init(&a);
  static const struct {
    const char *text;
    int y, m, d;
  } ok[] = {
      {"2021年7月15日", 2021, 7, 15}, {"2021年7月", 2021, 7, 0},
      {"2021-07-15", 2021, 7, 15},    {"2021-7", 2021, 7, 0},
      {"2021/7/15", 2021, 7, 15},     {"2021.7.15", 2021, 7, 15},
      {"7月15日", 0, 7, 15},
  };
  for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
    jx_av v = read(&a, ok[i].text);
    assert_int_equal(v.kind, JX_AV_DATE);
    assert_int_equal(v.year, ok[i].y);
    assert_int_equal(v.month, ok[i].m);
    assert_int_equal(v.day, ok[i].d);
  }
  assert_int_not_equal(read(&a, "2021年13月").kind, JX_AV_DATE);
  assert_int_not_equal(read(&a, "2021-7-32").kind, JX_AV_DATE);
  assert_int_not_equal(read(&a, "21-7-15").kind, JX_AV_DATE);
  jx_arena_free(&a);
}

static void test_words(void **state) {
  (void)state;
  jx_arena a;
  jx_arena_init(&a);
  assert_int_equal(read(&a, "按目标").kind, JX_AV_TARGETED);
  assert_int_equal(read(&a, "As Targeted").kind, JX_AV_TARGETED);
  assert_int_equal(read(&a, "N/A").kind, JX_AV_NA);
  assert_int_equal(read(&a, "不涉及").kind, JX_AV_NA);
  assert_int_equal(jx_rating_lookup("部分达成"), JX_RATING_PARTLY);
  assert_int_equal(jx_rating_lookup("达到预期"), JX_RATING_MET);
  assert_int_equal(jx_rating_lookup("Missed"), JX_RATING_MISSED);
  assert_int_equal(jx_rating_lookup("很好"), JX_RATING_NONE);
  assert_int_equal(jx_reason_lookup("经费保障"), JX_REASON_FUNDING);
  assert_int_equal(jx_reason_lookup("其它"), JX_REASON_OTHER);
  assert_int_equal(jx_likelihood_lookup("完全不可能"), JX_LIKELY_IMPOSSIBLE);
  assert_string_equal(jx_reason_word(JX_REASON_HARDWARE, JX_LANG_ZH),
                      "硬件保障");
  assert_string_equal(jx_rating_word(JX_RATING_PARTLY, JX_LANG_EN), "partly");
  jx_strbuf b = {0};
  jx_likelihood_words(&b, JX_LANG_ZH);
  assert_string_equal(
      b.p, "certain/确定能、possible/有可能 或 impossible/完全不可能");
  jx_sb_free(&b);
  jx_arena_free(&a);
}

static void discard(void *ud, const char *text, size_t n) {
  (void)ud;
  (void)text;
  (void)n;
}

/* Reads text as an actuals file; the entries stay in *a. */
static int load(jx_actuals *a, jx_diag **d, const char *text) {
  *d = jx_diag_new();
  jx_diag_set_writer(*d, discard, NULL);
  return jx_actuals_read_mem(a, "a.csv", text, strlen(text), *d);
}

static void test_csv_places(void **state) {
  (void)state;
  /* A quoted line break in row 2, CRLF endings, a lone CR before row 4. */
  static const char text[] = "project;indicator;actual;reason\r\n"
                             "p;\"a\nb\";1;x\r\n"
                             "p;c;2;\"y\"\"z\"\r"
                             "p;d;3;\n";
  jx_actuals a;
  jx_diag *d;
  assert_int_equal(load(&a, &d, text), 0);
  assert_true(a.csv);
  assert_int_equal(a.n, 3);
  assert_string_equal(a.entries[0].indicator, "a\nb");
  assert_int_equal(jx_loc_line(a.entries[0].indicator_loc), 2);
  assert_int_equal(jx_loc_col(a.entries[0].indicator_loc), 3);
  /* after the quoted line break: line 3, column 4 ("b";1) */
  assert_int_equal(jx_loc_line(a.entries[0].value.loc), 3);
  assert_int_equal(jx_loc_col(a.entries[0].value.loc), 4);
  assert_int_equal(a.entries[0].value.loc.len, 1);
  assert_string_equal(a.entries[1].reason_text, "y\"z");
  assert_int_equal(jx_loc_line(a.entries[1].value.loc), 4);
  assert_int_equal(jx_loc_col(a.entries[1].value.loc), 5);
  /* a lone CR ends a row but not a line: row 4 is still line 4 */
  assert_int_equal(jx_loc_line(a.entries[2].value.loc), 4);
  assert_int_equal(jx_loc_col(a.entries[2].value.loc), 18);
  jx_actuals_free(&a);
  jx_diag_free(d);
}

static void test_native(void **state) {
  (void)state;
  static const char text[] = "完成情况 \"plan.jx\" 评分规则 mine {\n"
                             "  项目 \"p\" { 执行数 9.5 分值 10; \"x\" "
                             "\"做了\" 部分达成 偏差原因 其他 "
                             "\"慢\"; \"y\" 按目标; \"z\" 达成; }\n"
                             "}\n"
                             "profile mine { bands 80 60; }\n";
  jx_actuals a;
  jx_diag *d;
  assert_int_equal(load(&a, &d, text), 0);
  assert_false(a.csv);
  assert_string_equal(a.plan, "plan.jx");
  assert_string_equal(a.profile, "mine");
  assert_int_equal(a.n_profiles, 1);
  assert_int_equal(a.n, 4);
  assert_int_equal(a.entries[0].kind, JX_ENTRY_SPENT);
  assert_true(a.entries[0].has_weight);
  assert_string_equal(a.entries[1].value.text, "做了");
  assert_int_equal(a.entries[1].rating, JX_RATING_PARTLY);
  assert_int_equal(a.entries[1].reason, JX_REASON_OTHER);
  assert_string_equal(a.entries[1].reason_text, "慢");
  assert_int_equal(a.entries[2].value.kind, JX_AV_TARGETED);
  /* a rating alone stands for the result */
  assert_int_equal(a.entries[3].value.kind, JX_AV_TEXT);
  assert_string_equal(a.entries[3].value.text, "达成");
  jx_actuals_free(&a);
  jx_diag_free(d);
}

static void test_not_actuals(void **state) {
  (void)state;
  jx_actuals a;
  jx_diag *d;
  /* a plan is not actuals, nor is a table without the three columns */
  assert_int_equal(load(&a, &d, "plan 2021; project \"p\" budget 1 {}\n"), 1);
  assert_int_equal(jx_diag_errors(d), 1);
  jx_actuals_free(&a);
  jx_diag_free(d);
  assert_int_equal(load(&a, &d, "name,value\nx,1\ny,2\n"), 1);
  jx_actuals_free(&a);
  jx_diag_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_values), cmocka_unit_test(test_dates),
      cmocka_unit_test(test_words),  cmocka_unit_test(test_csv_places),
      cmocka_unit_test(test_native), cmocka_unit_test(test_not_actuals),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
