/*
 * test_units.c — unit tests for compiler/domain/units.c: every spelling family
 * resolves to the right norm and dimension, and conversions and comparisons
 * are exact or refused (891000元 equals 89.10万元; 人 never meets 辆).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "units.h"

static const jx_unit_info *unit(const char *s) {
  const jx_unit_info *u = jx_unit_lookup(s, strlen(s));
  assert_non_null(u);
  return u;
}

static jx_decimal num(const char *s) {
  jx_decimal d;
  assert_int_equal(jx_decimal_parse(s, strlen(s), &d), JX_DEC_OK);
  return d;
}

static void check_unit(const char *spelling, const char *norm,
                       jx_dimension dim) {
  const jx_unit_info *u = unit(spelling);
  assert_string_equal(u->spelling, spelling);
  assert_string_equal(u->norm, norm);
  assert_int_equal(u->dimension, dim);
}

/* Converts `value` from unit `from` to `to` and checks the exact text. */
static void check_convert(const char *value, const char *from, const char *to,
                          const char *want) {
  jx_decimal out;
  char buf[JX_DECIMAL_BUFSZ];
  assert_int_equal(jx_unit_convert(num(value), unit(from), unit(to), &out),
                   JX_DEC_OK);
  jx_decimal_format(out, buf);
  assert_string_equal(buf, want);
}

/* Compares a (in ua) with b (in ub); returns the -1/0/1 result. */
static int compare(const char *a, const char *ua, const char *b,
                   const char *ub) {
  int cmp = 99;
  assert_int_equal(jx_unit_compare(num(a), unit(ua), num(b), unit(ub), &cmp),
                   0);
  return cmp;
}

static int comparable(const char *ua, const char *ub) {
  int cmp = 99;
  return jx_unit_compare(num("1"), unit(ua), num("1"), unit(ub), &cmp) == 0;
}

static void test_lookup_money_percent(void **state) {
  (void)state;
  check_unit("元", "元", JX_DIM_MONEY);
  check_unit("千元", "千元", JX_DIM_MONEY);
  check_unit("万元", "万元", JX_DIM_MONEY);
  check_unit("亿元", "亿元", JX_DIM_MONEY);
  assert_int_equal(unit("万元")->num, 10000);
  assert_int_equal(unit("亿元")->num, 100000000);
  check_unit("%", "%", JX_DIM_PERCENT);
  check_unit("％", "%", JX_DIM_PERCENT);
  check_unit("百分比", "%", JX_DIM_PERCENT);
}

static void test_lookup_counts(void **state) {
  static const char *const counts[] = {
      "人", "人次", "名", "个", "项", "次", "户", "株", "棵", "辆", "台",
      "套", "件",   "家", "所", "座", "篇", "份", "场", "期", "批", "条",
      "处", "本",   "册", "间", "张", "部", "支", "头", "只"};
  (void)state;
  for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
    check_unit(counts[i], counts[i], JX_DIM_COUNT);
    assert_int_equal(unit(counts[i])->num, 1);
    assert_int_equal(unit(counts[i])->den, 1);
  }
}

static void test_lookup_area_length_mass(void **state) {
  (void)state;
  check_unit("平方米", "平方米", JX_DIM_AREA);
  check_unit("㎡", "平方米", JX_DIM_AREA);
  check_unit("m²", "平方米", JX_DIM_AREA);
  check_unit("平方公里", "平方公里", JX_DIM_AREA);
  check_unit("公顷", "公顷", JX_DIM_AREA);
  check_unit("亩", "亩", JX_DIM_AREA);
  check_unit("万亩", "万亩", JX_DIM_AREA);
  check_unit("米", "米", JX_DIM_LENGTH);
  check_unit("m", "米", JX_DIM_LENGTH);
  check_unit("公里", "公里", JX_DIM_LENGTH);
  check_unit("千米", "公里", JX_DIM_LENGTH);
  check_unit("km", "公里", JX_DIM_LENGTH);
  check_unit("千克", "千克", JX_DIM_MASS);
  check_unit("公斤", "千克", JX_DIM_MASS);
  check_unit("kg", "千克", JX_DIM_MASS);
  check_unit("吨", "吨", JX_DIM_MASS);
  check_unit("克", "克", JX_DIM_MASS);
}

static void test_lookup_time(void **state) {
  (void)state;
  check_unit("天", "天", JX_DIM_TIME);
  check_unit("日", "天", JX_DIM_TIME);
  check_unit("工作日", "工作日", JX_DIM_TIME);
  check_unit("周", "周", JX_DIM_TIME);
  check_unit("月", "月", JX_DIM_TIME);
  check_unit("个月", "月", JX_DIM_TIME);
  check_unit("季度", "季度", JX_DIM_TIME);
  check_unit("年", "年", JX_DIM_TIME);
  check_unit("小时", "小时", JX_DIM_TIME);
  check_unit("月底", "月底", JX_DIM_TIME);
  assert_int_equal(unit("工作日")->num, 0);
  assert_int_equal(unit("月")->num, 0);
  assert_int_equal(unit("年")->num, 0);
  assert_int_equal(unit("周")->num, 7);
}

static void test_lookup_exact_bytes(void **state) {
  (void)state;
  /* the lexer hands over the unit run without a terminator */
  const jx_unit_info *u = jx_unit_lookup("万元；", 6);
  assert_non_null(u);
  assert_string_equal(u->norm, "万元");
  u = jx_unit_lookup("个月", 3);
  assert_non_null(u);
  assert_string_equal(u->norm, "个");
  /* 万 alone is 万元 (854万); with a count after it, 10000 of them */
  assert_string_equal(jx_unit_lookup("万", 3)->norm, "万元");
  assert_string_equal(jx_unit_lookup("万人；", 6)->norm, "万人");
  assert_null(jx_unit_lookup("万元x", 7));
  assert_null(jx_unit_lookup("", 0));
  assert_null(jx_unit_lookup("元", 0));
  assert_null(jx_unit_lookup("公里数", strlen("公里数")));
  assert_null(jx_unit_lookup("M", 1));
}

static void test_currency(void **state) {
  (void)state;
  assert_string_equal(jx_currency_lookup("元")->norm, "元");
  assert_string_equal(jx_currency_lookup("万元")->norm, "万元");
  assert_string_equal(jx_currency_lookup("亿元")->norm, "亿元");
  assert_null(jx_currency_lookup("千元"));
  assert_null(jx_currency_lookup("%"));
  assert_null(jx_currency_lookup("人"));
  assert_null(jx_currency_lookup(""));
  assert_null(jx_currency_lookup(NULL));
}

static void test_table_is_consistent(void **state) {
  size_t n = 0;
  const jx_unit_info *t = jx_unit_table(&n);
  (void)state;
  assert_true(n > 80);
  for (size_t i = 0; i < n; i++) {
    /* every spelling finds its own entry: no duplicates shadow each other */
    assert_ptr_equal(jx_unit_lookup(t[i].spelling, strlen(t[i].spelling)),
                     &t[i]);
    assert_true(t[i].den > 0);
    assert_true(t[i].num >= 0);
    assert_true(t[i].dimension > JX_DIM_NONE);
    assert_true(t[i].dimension < JX_DIM_OTHER);
    /* a norm is itself a spelling of the same dimension */
    const jx_unit_info *norm = unit(t[i].norm);
    assert_int_equal(norm->dimension, t[i].dimension);
    assert_true(norm->num == t[i].num && norm->den == t[i].den);
  }
}

/* 万 in front of a count or measure: 10000 of it, and only of it. */
static void test_wan(void **state) {
  size_t n = 0;
  const jx_unit_info *t = jx_unit_wan_table(&n);
  (void)state;
  assert_true(n > 40);
  for (size_t i = 0; i < n; i++) {
    assert_ptr_equal(jx_unit_lookup(t[i].spelling, strlen(t[i].spelling)),
                     &t[i]);
    assert_null(jx_unit_lookup(t[i].spelling + 3, 0)); /* exact bytes */
  }
  check_unit("万", "万元", JX_DIM_MONEY);
  check_unit("万人", "万人", JX_DIM_COUNT);
  check_unit("万人次", "万人次", JX_DIM_COUNT);
  check_unit("万平方米", "万平方米", JX_DIM_AREA);
  check_convert("854", "万", "万元", "854");
  check_convert("854", "万", "元", "8540000");
  check_convert("2", "万人", "人", "20000");
  check_convert("15000", "株", "万株", "1.5");
  check_convert("3", "万平方米", "公顷", "3");
  assert_int_equal(compare("2", "万人", "19999", "人"), 1);
  assert_false(comparable("万人", "人次"));
  assert_false(comparable("万人", "辆"));
  assert_null(jx_unit_lookup("万分", strlen("万分"))); /* not 10000 points */
  assert_null(jx_unit_lookup("万%", strlen("万%")));
}

/* A compound unit, read into *u (norm in buf); false when it is none. */
static bool compound(const char *s, jx_unit_info *u,
                     char buf[JX_UNIT_COMPOUND_MAX]) {
  return jx_unit_compound(s, strlen(s), u, buf);
}

static void test_compound(void **state) {
  jx_unit_info a, b;
  char na[JX_UNIT_COMPOUND_MAX], nb[JX_UNIT_COMPOUND_MAX];
  jx_decimal out;
  char text[JX_DECIMAL_BUFSZ];
  int cmp = 99;
  (void)state;
  assert_true(compound("元/亩", &a, na));
  assert_string_equal(a.norm, "元/亩");
  assert_string_equal(a.base, "亩");
  assert_int_equal(a.dimension, JX_DIM_MONEY_PER);
  assert_string_equal(a.money->norm, "元");
  assert_true(compound("万元/亩", &b, nb));
  /* 0.16万元/亩 is 1600元/亩 */
  assert_int_equal(jx_unit_convert(num("0.16"), &b, &a, &out), JX_DEC_OK);
  jx_decimal_format(out, text);
  assert_string_equal(text, "1600");
  /* 元/平方米 ↔ 元/公顷, exactly; 元/亩 → 元/公顷 is 15 times */
  assert_true(compound("元/平方米", &a, na));
  assert_true(compound("元/公顷", &b, nb));
  assert_int_equal(jx_unit_convert(num("3000"), &a, &b, &out), JX_DEC_OK);
  jx_decimal_format(out, text);
  assert_string_equal(text, "30000000");
  assert_true(compound("元/亩", &a, na));
  assert_int_equal(jx_unit_convert(num("475"), &a, &b, &out), JX_DEC_OK);
  jx_decimal_format(out, text);
  assert_string_equal(text, "7125");
  /* 1元/亩 in 元/平方米 is 0.0015 exactly; 1元/平方米 in 元/亩 is not */
  assert_true(compound("元/平方米", &b, nb));
  assert_int_equal(jx_unit_convert(num("1"), &a, &b, &out), JX_DEC_OK);
  jx_decimal_format(out, text);
  assert_string_equal(text, "0.0015");
  assert_int_equal(jx_unit_convert(num("1"), &b, &a, &out), JX_DEC_INEXACT);
  assert_int_equal(jx_unit_compare(num("1"), &b, num("666"), &a, &cmp), 0);
  assert_int_equal(cmp, 1);
  /* two parts, any joint */
  assert_true(compound("元/人.每天", &a, na));
  assert_string_equal(a.norm, "元/人·天");
  assert_string_equal(a.base, "人·天");
  assert_true(compound("元/人·天", &b, nb));
  assert_int_equal(jx_unit_compare(num("17"), &a, num("17"), &b, &cmp), 0);
  assert_int_equal(cmp, 0);
  assert_true(compound("元每亩", &a, na));
  assert_string_equal(a.norm, "元/亩");
  assert_true(compound("万/亩", &a, na));
  assert_string_equal(a.norm, "万元/亩");
  assert_true(compound("元/人/月", &a, na));
  assert_string_equal(a.norm, "元/人·月");
  /* per month: no fixed factor, so only the same unit */
  assert_true(compound("万元/人/月", &b, nb));
  assert_int_equal(jx_unit_compare(num("1"), &b, num("10000"), &a, &cmp), 0);
  assert_int_equal(cmp, 0);
  assert_true(compound("元/人·年", &b, nb));
  assert_int_equal(jx_unit_compare(num("1"), &a, num("1"), &b, &cmp), -1);
  /* a part the table does not know compares with the same word only */
  assert_true(compound("元/套餐", &a, na));
  assert_string_equal(a.base, "套餐");
  assert_true(compound("万元/套餐", &b, nb));
  assert_int_equal(jx_unit_compare(num("1"), &b, num("10000"), &a, &cmp), 0);
  assert_int_equal(cmp, 0);
  assert_true(compound("元/份", &b, nb));
  assert_int_equal(jx_unit_compare(num("1"), &a, num("1"), &b, &cmp), -1);
  assert_int_equal(jx_unit_compare(num("1"), &a, num("1"), unit("元"), &cmp),
                   -1);
  /* per 人 and per 辆 are different things */
  assert_true(compound("元/人", &a, na));
  assert_true(compound("元/辆", &b, nb));
  assert_int_equal(jx_unit_compare(num("1"), &a, num("1"), &b, &cmp), -1);
  /* not costs per unit */
  assert_false(compound("元", &a, na));
  assert_false(compound("元/", &a, na));
  assert_false(compound("人/天", &a, na));
  assert_false(compound("元/%", &a, na));
  assert_false(compound("元/万元", &a, na));
  assert_false(compound("元/3人", &a, na));
  assert_false(compound("元/人/天/次", &a, na));
  assert_false(compound("元//亩", &a, na));
}

static void test_convert_money(void **state) {
  jx_decimal out = {42};
  (void)state;
  check_convert("0.5", "万元", "元", "5000");
  check_convert("1", "元", "万元", "0.0001");
  check_convert("89.10", "万元", "元", "891000");
  check_convert("891000", "元", "万元", "89.1");
  check_convert("1909", "万元", "亿元", "0.1909");
  check_convert("3", "亿元", "万元", "30000");
  check_convert("2.5", "千元", "万元", "0.25");
  assert_int_equal(
      jx_unit_convert(num("0.001"), unit("元"), unit("万元"), &out),
      JX_DEC_INEXACT);
  assert_true(out.micros == 42);
  assert_int_equal(
      jx_unit_convert(num("9223372036854"), unit("亿元"), unit("元"), &out),
      JX_DEC_OVERFLOW);
}

static void test_convert_area_and_others(void **state) {
  jx_decimal out;
  (void)state;
  check_convert("15", "亩", "公顷", "1");
  check_convert("1", "公顷", "亩", "15");
  check_convert("150", "亩", "公顷", "10");
  check_convert("100", "公顷", "亩", "1500");
  check_convert("3", "亩", "平方米", "2000");
  check_convert("1.5", "万亩", "亩", "15000");
  check_convert("2", "平方公里", "公顷", "200");
  check_convert("1", "㎡", "平方米", "1");
  check_convert("2.5", "公里", "米", "2500");
  check_convert("2.5", "吨", "千克", "2500");
  check_convert("500", "克", "公斤", "0.5");
  check_convert("2", "周", "天", "14");
  check_convert("36", "小时", "天", "1.5");
  check_convert("90", "％", "百分比", "90");
  check_convert("3", "个月", "月", "3");
  /* 100亩 is 6.666…公顷 and 66666.666…平方米 */
  assert_int_equal(jx_unit_convert(num("100"), unit("亩"), unit("公顷"), &out),
                   JX_DEC_INEXACT);
  assert_int_equal(
      jx_unit_convert(num("100"), unit("亩"), unit("平方米"), &out),
      JX_DEC_INEXACT);
  assert_int_equal(jx_unit_convert(num("1"), unit("亩"), unit("平方米"), &out),
                   JX_DEC_INEXACT);
}

static void test_convert_refused(void **state) {
  jx_decimal out;
  (void)state;
  assert_int_equal(jx_unit_convert(num("2"), unit("人"), unit("辆"), &out),
                   JX_DEC_INEXACT);
  assert_int_equal(jx_unit_convert(num("2"), unit("万元"), unit("%"), &out),
                   JX_DEC_INEXACT);
  assert_int_equal(jx_unit_convert(num("2"), unit("月"), unit("天"), &out),
                   JX_DEC_INEXACT);
  assert_int_equal(jx_unit_convert(num("2"), unit("年"), unit("月"), &out),
                   JX_DEC_INEXACT);
  assert_int_equal(jx_unit_convert(num("2"), NULL, unit("元"), &out),
                   JX_DEC_INEXACT);
  assert_int_equal(jx_unit_convert(num("2"), NULL, NULL, &out), JX_DEC_OK);
  assert_true(out.micros == 2000000);
}

static void test_compare_money(void **state) {
  (void)state;
  assert_int_equal(compare("891000", "元", "89.10", "万元"), 0);
  assert_int_equal(compare("89.10", "万元", "891000", "元"), 0);
  assert_int_equal(compare("90", "万元", "89.10", "万元"), 1);
  assert_int_equal(compare("89.10", "万元", "90", "万元"), -1);
  assert_int_equal(compare("891000.01", "元", "89.1", "万元"), 1);
  assert_int_equal(compare("-1", "元", "0", "亿元"), -1);
  /* 0.001元 has no exact value in 万元, yet compares exactly */
  assert_int_equal(compare("0.001", "元", "0.0001", "万元"), -1);
  assert_int_equal(compare("0.000001", "亿元", "100", "元"), 0);
}

static void test_compare_exact_across_inexact(void **state) {
  (void)state;
  assert_int_equal(compare("15", "亩", "1", "公顷"), 0);
  assert_int_equal(compare("100", "亩", "6.666666", "公顷"), 1);
  assert_int_equal(compare("100", "亩", "6.666667", "公顷"), -1);
  assert_int_equal(compare("100", "亩", "66666.67", "平方米"), -1);
  assert_int_equal(compare("100", "亩", "66666.66", "平方米"), 1);
  assert_int_equal(compare("9223372036854", "亿元", "9223372036854", "元"), 1);
  assert_int_equal(compare("-9223372036854", "亿元", "-9223372036854", "元"),
                   -1);
  assert_int_equal(compare("95", "百分比", "90", "%"), 1);
  assert_int_equal(compare("2", "周", "14", "日"), 0);
}

static void test_compare_refused(void **state) {
  int cmp = 99;
  (void)state;
  assert_false(comparable("人", "辆"));
  assert_false(comparable("人", "人次"));
  assert_false(comparable("万元", "%"));
  assert_false(comparable("亩", "米"));
  assert_false(comparable("月", "天"));
  assert_false(comparable("年", "月"));
  assert_false(comparable("工作日", "天"));
  assert_true(comparable("人", "人"));
  assert_true(comparable("月", "个月"));
  assert_true(comparable("年", "年"));
  assert_int_equal(compare("22", "人", "2", "人"), 1);
  assert_int_equal(compare("20", "年", "20", "年"), 0);
  assert_int_equal(jx_unit_compare(num("1"), NULL, num("1"), unit("元"), &cmp),
                   -1);
  assert_int_equal(jx_unit_compare(num("1"), unit("元"), num("1"), NULL, &cmp),
                   -1);
  assert_int_equal(cmp, 99);
  assert_int_equal(jx_unit_compare(num("3"), NULL, num("2.5"), NULL, &cmp), 0);
  assert_int_equal(cmp, 1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_lookup_money_percent),
      cmocka_unit_test(test_lookup_counts),
      cmocka_unit_test(test_lookup_area_length_mass),
      cmocka_unit_test(test_lookup_time),
      cmocka_unit_test(test_lookup_exact_bytes),
      cmocka_unit_test(test_currency),
      cmocka_unit_test(test_wan),
      cmocka_unit_test(test_compound),
      cmocka_unit_test(test_table_is_consistent),
      cmocka_unit_test(test_convert_money),
      cmocka_unit_test(test_convert_area_and_others),
      cmocka_unit_test(test_convert_refused),
      cmocka_unit_test(test_compare_money),
      cmocka_unit_test(test_compare_exact_across_inexact),
      cmocka_unit_test(test_compare_refused),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
