/*
 * test_decimal.c — unit tests for runtime/decimal.c: parsing, formatting,
 * checked arithmetic and exact scaling of jx_decimal, plus the code names.
 *
 * Budget figures must survive every step unchanged, so the tests check exact
 * millionths and exact text, including the edges of the int64 range.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "jixiao.h"

static jx_decimal dec(int64_t micros) {
  jx_decimal d = {micros};
  return d;
}

static jx_decimal_status parse(const char *s, jx_decimal *out) {
  return jx_decimal_parse(s, strlen(s), out);
}

/* Parses s, which must be valid, and checks its shortest text. */
static void check_round_trip(const char *s, int64_t micros, const char *text) {
  jx_decimal d = {-1};
  char buf[JX_DECIMAL_BUFSZ];
  assert_int_equal(parse(s, &d), JX_DEC_OK);
  assert_true(d.micros == micros);
  assert_int_equal(jx_decimal_format(d, buf), strlen(text));
  assert_string_equal(buf, text);
}

static void test_parse_format_round_trip(void **state) {
  (void)state;
  check_round_trip("89.10", 89100000, "89.1");
  check_round_trip("89.1", 89100000, "89.1");
  check_round_trip("0", 0, "0");
  check_round_trip("-0", 0, "0");
  check_round_trip("+0.0", 0, "0");
  check_round_trip("-0.000000", 0, "0");
  check_round_trip("0.000001", 1, "0.000001");
  check_round_trip("-0.25", -250000, "-0.25");
  check_round_trip("100", 100000000, "100");
  check_round_trip("100.00", 100000000, "100");
  check_round_trip("+22", 22000000, "22");
  check_round_trip("1909.00", 1909000000, "1909");
  check_round_trip("007.50", 7500000, "7.5");
  check_round_trip("9223372036854.775807", INT64_MAX, "9223372036854.775807");
  check_round_trip("-9223372036854.775808", INT64_MIN, "-9223372036854.775808");
}

static void test_parse_precision(void **state) {
  jx_decimal d;
  (void)state;
  assert_int_equal(parse("0.0000001", &d), JX_DEC_PRECISION);
  assert_int_equal(parse("1.1234567", &d), JX_DEC_PRECISION);
  assert_int_equal(parse("0.0000000000001", &d), JX_DEC_PRECISION);
  /* trailing zeros beyond six places lose nothing */
  assert_int_equal(parse("0.10000000", &d), JX_DEC_OK);
  assert_true(d.micros == 100000);
  assert_int_equal(parse("89.1000000", &d), JX_DEC_OK);
  assert_true(d.micros == 89100000);
  assert_int_equal(parse("1.1234560000", &d), JX_DEC_OK);
  assert_true(d.micros == 1123456);
}

static void test_parse_overflow(void **state) {
  jx_decimal d;
  (void)state;
  assert_int_equal(parse("9223372036854.775808", &d), JX_DEC_OVERFLOW);
  assert_int_equal(parse("-9223372036854.775809", &d), JX_DEC_OVERFLOW);
  assert_int_equal(parse("9223372036855", &d), JX_DEC_OVERFLOW);
  assert_int_equal(parse("99999999999999999999999", &d), JX_DEC_OVERFLOW);
  assert_int_equal(parse("9223372036854", &d), JX_DEC_OK);
  assert_true(d.micros == INT64_C(9223372036854000000));
  assert_int_equal(parse("0000000000000000000000001", &d), JX_DEC_OK);
  assert_true(d.micros == 1000000);
}

static void test_parse_syntax(void **state) {
  static const char *const bad[] = {
      "",    "-",  "+",  ".5",    "1.",   "1..2", "1.2.3", "--1",
      "1e3", " 1", "1 ", "1,000", "0x10", "１２", "12人",  "-.5"};
  jx_decimal d = {42};
  (void)state;
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    assert_int_equal(parse(bad[i], &d), JX_DEC_SYNTAX);
    assert_true(d.micros == 42); /* untouched on failure */
  }
}

static void test_parse_uses_exactly_n_bytes(void **state) {
  jx_decimal d;
  (void)state;
  /* the lexer passes the digits of "22人" without a terminator */
  assert_int_equal(jx_decimal_parse("22人", 2, &d), JX_DEC_OK);
  assert_true(d.micros == 22000000);
  assert_int_equal(jx_decimal_parse("89.10万元", 5, &d), JX_DEC_OK);
  assert_true(d.micros == 89100000);
  assert_int_equal(jx_decimal_parse("12345", 3, &d), JX_DEC_OK);
  assert_true(d.micros == 123000000);
  assert_int_equal(jx_decimal_parse("5", 0, &d), JX_DEC_SYNTAX);
}

static void test_format_shortest(void **state) {
  char buf[JX_DECIMAL_BUFSZ];
  (void)state;
  assert_int_equal(jx_decimal_format(dec(-1), buf), 9);
  assert_string_equal(buf, "-0.000001");
  jx_decimal_format(dec(120000), buf);
  assert_string_equal(buf, "0.12");
  jx_decimal_format(dec(-5000000), buf);
  assert_string_equal(buf, "-5");
  jx_decimal_format(dec(10000000000), buf);
  assert_string_equal(buf, "10000");
  jx_decimal_format(dec(1000001), buf);
  assert_string_equal(buf, "1.000001");
}

static void test_cmp(void **state) {
  (void)state;
  assert_int_equal(jx_decimal_cmp(dec(1), dec(2)), -1);
  assert_int_equal(jx_decimal_cmp(dec(2), dec(1)), 1);
  assert_int_equal(jx_decimal_cmp(dec(7), dec(7)), 0);
  assert_int_equal(jx_decimal_cmp(dec(INT64_MIN), dec(INT64_MAX)), -1);
  assert_int_equal(jx_decimal_cmp(dec(INT64_MAX), dec(INT64_MIN)), 1);
}

static void test_add_sub(void **state) {
  jx_decimal r;
  (void)state;
  assert_int_equal(jx_decimal_add(dec(89100000), dec(900000), &r), JX_DEC_OK);
  assert_true(r.micros == 90000000);
  assert_int_equal(jx_decimal_sub(dec(20000000), dec(89100000), &r), JX_DEC_OK);
  assert_true(r.micros == -69100000);
  assert_int_equal(jx_decimal_add(dec(INT64_MAX), dec(1), &r), JX_DEC_OVERFLOW);
  assert_int_equal(jx_decimal_add(dec(INT64_MIN), dec(-1), &r),
                   JX_DEC_OVERFLOW);
  assert_int_equal(jx_decimal_add(dec(INT64_MAX), dec(INT64_MIN), &r),
                   JX_DEC_OK);
  assert_true(r.micros == -1);
  assert_int_equal(jx_decimal_sub(dec(INT64_MIN), dec(1), &r), JX_DEC_OVERFLOW);
  assert_int_equal(jx_decimal_sub(dec(0), dec(INT64_MIN), &r), JX_DEC_OVERFLOW);
  assert_int_equal(jx_decimal_sub(dec(-1), dec(INT64_MIN), &r), JX_DEC_OK);
  assert_true(r.micros == INT64_MAX);
  assert_int_equal(jx_decimal_sub(dec(INT64_MAX), dec(-1), &r),
                   JX_DEC_OVERFLOW);
  assert_int_equal(jx_decimal_sub(dec(INT64_MAX), dec(INT64_MAX), &r),
                   JX_DEC_OK);
  assert_true(r.micros == 0);
}

static void test_scale_exact(void **state) {
  jx_decimal r;
  (void)state;
  /* 0.5万元 → 元 */
  assert_int_equal(jx_decimal_scale(dec(500000), 10000, 1, &r), JX_DEC_OK);
  assert_true(r.micros == INT64_C(5000000000));
  /* 89.1万元 → 元 and back */
  assert_int_equal(jx_decimal_scale(dec(89100000), 10000, 1, &r), JX_DEC_OK);
  assert_true(r.micros == INT64_C(891000000000));
  assert_int_equal(jx_decimal_scale(r, 1, 10000, &r), JX_DEC_OK);
  assert_true(r.micros == 89100000);
  /* 1元 → 万元 */
  assert_int_equal(jx_decimal_scale(dec(1000000), 1, 10000, &r), JX_DEC_OK);
  assert_true(r.micros == 100);
  /* 15亩 → 公顷: × 1/15 */
  assert_int_equal(jx_decimal_scale(dec(15000000), 1, 15, &r), JX_DEC_OK);
  assert_true(r.micros == 1000000);
  /* negatives keep their sign, and zero stays 0 */
  assert_int_equal(jx_decimal_scale(dec(-250000), 4, 1, &r), JX_DEC_OK);
  assert_true(r.micros == -1000000);
  assert_int_equal(jx_decimal_scale(dec(250000), -4, 2, &r), JX_DEC_OK);
  assert_true(r.micros == -500000);
  assert_int_equal(jx_decimal_scale(dec(0), 7, 3, &r), JX_DEC_OK);
  assert_true(r.micros == 0);
  assert_int_equal(jx_decimal_scale(dec(-5), 0, 3, &r), JX_DEC_OK);
  assert_true(r.micros == 0);
}

static void test_scale_no_spurious_overflow(void **state) {
  jx_decimal r;
  (void)state;
  /* d × num alone would overflow; cancelling first does not */
  assert_int_equal(
      jx_decimal_scale(dec(INT64_C(9000000000000000000)), 1000, 1000, &r),
      JX_DEC_OK);
  assert_true(r.micros == INT64_C(9000000000000000000));
  assert_int_equal(jx_decimal_scale(dec(INT64_MIN), 3, 3, &r), JX_DEC_OK);
  assert_true(r.micros == INT64_MIN);
  assert_int_equal(jx_decimal_scale(dec(INT64_MIN), 1, 2, &r), JX_DEC_OK);
  assert_true(r.micros == INT64_MIN / 2);
  assert_int_equal(
      jx_decimal_scale(dec(INT64_C(-4611686018427387904)), 2, 1, &r),
      JX_DEC_OK);
  assert_true(r.micros == INT64_MIN);
}

static void test_scale_inexact_and_overflow(void **state) {
  jx_decimal r = {42};
  (void)state;
  /* 0.001元 → 万元 would be 0.0000001 */
  assert_int_equal(jx_decimal_scale(dec(1000), 1, 10000, &r), JX_DEC_INEXACT);
  /* 1亩 → 平方米 is 666.666… */
  assert_int_equal(jx_decimal_scale(dec(1000000), 10000, 15, &r),
                   JX_DEC_INEXACT);
  assert_int_equal(jx_decimal_scale(dec(1), 1, 3, &r), JX_DEC_INEXACT);
  assert_true(r.micros == 42);
  assert_int_equal(jx_decimal_scale(dec(INT64_MAX), 2, 1, &r), JX_DEC_OVERFLOW);
  assert_int_equal(jx_decimal_scale(dec(INT64_MIN), -1, 1, &r),
                   JX_DEC_OVERFLOW);
  assert_int_equal(
      jx_decimal_scale(dec(INT64_C(10000000000000000)), 100000000, 1, &r),
      JX_DEC_OVERFLOW);
  assert_int_equal(jx_decimal_scale(dec(1), 1, 0, &r), JX_DEC_INEXACT);
  assert_int_equal(jx_decimal_scale(dec(1), 1, -1, &r), JX_DEC_INEXACT);
  assert_true(r.micros == 42);
}

static void test_is_integer(void **state) {
  (void)state;
  assert_true(jx_decimal_is_integer(dec(0)));
  assert_true(jx_decimal_is_integer(dec(22000000)));
  assert_true(jx_decimal_is_integer(dec(-3000000)));
  assert_false(jx_decimal_is_integer(dec(89100000)));
  assert_false(jx_decimal_is_integer(dec(-1)));
  assert_false(jx_decimal_is_integer(dec(INT64_MIN)));
}

static void test_code_names(void **state) {
  (void)state;
  assert_string_equal(jx_op_text(JX_OP_EQ), "=");
  assert_string_equal(jx_op_text(JX_OP_GE), ">=");
  assert_string_equal(jx_op_text(JX_OP_LE), "<=");
  assert_string_equal(jx_op_text(JX_OP_GT), ">");
  assert_string_equal(jx_op_text(JX_OP_LT), "<");
  assert_string_equal(jx_kind_text(JX_KIND_QUANTITATIVE), "quantitative");
  assert_string_equal(jx_kind_text(JX_KIND_QUALITATIVE), "qualitative");
  assert_string_equal(jx_kind_text(JX_KIND_NA), "na");
  assert_string_equal(jx_kind_text(JX_KIND_DATE), "date");
}

static void test_static_initialiser(void **state) {
  /* generated headers write values with JX_DEC */
  static const jx_decimal budget = JX_DEC(89, 100000);
  char buf[JX_DECIMAL_BUFSZ];
  (void)state;
  jx_decimal_format(budget, buf);
  assert_string_equal(buf, "89.1");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_parse_format_round_trip),
      cmocka_unit_test(test_parse_precision),
      cmocka_unit_test(test_parse_overflow),
      cmocka_unit_test(test_parse_syntax),
      cmocka_unit_test(test_parse_uses_exactly_n_bytes),
      cmocka_unit_test(test_format_shortest),
      cmocka_unit_test(test_cmp),
      cmocka_unit_test(test_add_sub),
      cmocka_unit_test(test_scale_exact),
      cmocka_unit_test(test_scale_no_spurious_overflow),
      cmocka_unit_test(test_scale_inexact_and_overflow),
      cmocka_unit_test(test_is_integer),
      cmocka_unit_test(test_code_names),
      cmocka_unit_test(test_static_initialiser),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
