/*
 * test_eval.c — unit tests of the runtime's evaluation functions
 * (runtime/eval.c): targets met by op and kind, date targets (a month
 * means the whole month: its end for a deadline), date ranges (a day
 * inside the period), the expected cumulative
 * spending of a schedule as a step function, and the look-ups by code.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "jixiao.h"

static jx_indicator quant(jx_op op, int64_t units) {
  jx_indicator x = {0};
  x.name = "n";
  x.kind = JX_KIND_QUANTITATIVE;
  x.op = op;
  x.value.micros = units * JX_DECIMAL_SCALE;
  return x;
}

static jx_decimal d(int64_t units, int64_t micros) {
  jx_decimal v = {units * JX_DECIMAL_SCALE + micros};
  return v;
}

static void test_met_by_op(void **state) {
  (void)state;
  jx_indicator eq = quant(JX_OP_EQ, 22), ge = quant(JX_OP_GE, 90),
               le = quant(JX_OP_LE, 10), gt = quant(JX_OP_GT, 0),
               lt = quant(JX_OP_LT, 5);
  assert_int_equal(jx_indicator_met(&eq, d(22, 0)), 1);
  assert_int_equal(jx_indicator_met(&eq, d(22, 1)), 0);
  assert_int_equal(jx_indicator_met(&eq, d(21, 999999)), 0);
  assert_int_equal(jx_indicator_met(&ge, d(90, 0)), 1);
  assert_int_equal(jx_indicator_met(&ge, d(89, 999999)), 0);
  assert_int_equal(jx_indicator_met(&ge, d(100, 0)), 1);
  assert_int_equal(jx_indicator_met(&le, d(10, 0)), 1);
  assert_int_equal(jx_indicator_met(&le, d(10, 1)), 0);
  assert_int_equal(jx_indicator_met(&gt, d(0, 0)), 0);
  assert_int_equal(jx_indicator_met(&gt, d(0, 1)), 1);
  assert_int_equal(jx_indicator_met(&lt, d(5, 0)), 0);
  assert_int_equal(jx_indicator_met(&lt, d(-5, 0)), 1);
}

static void test_met_other_kinds(void **state) {
  (void)state;
  jx_indicator q = {0}, na = {0}, due = {0}, after = {0};
  q.kind = JX_KIND_QUALITATIVE;
  q.text = "圆满完成";
  na.kind = JX_KIND_NA;
  assert_int_equal(jx_indicator_met(&q, d(1, 0)), -1);
  assert_int_equal(jx_indicator_met(&na, d(0, 0)), -1);
  assert_int_equal(jx_indicator_met(NULL, d(0, 0)), -1);
  /* a date without an op is a deadline: on or before it */
  due.kind = JX_KIND_DATE;
  due.op = JX_OP_EQ;
  due.value = d(20211231, 0);
  assert_int_equal(jx_indicator_met(&due, d(20211231, 0)), 1);
  assert_int_equal(jx_indicator_met(&due, d(20211130, 0)), 1);
  assert_int_equal(jx_indicator_met(&due, d(20220101, 0)), 0);
  after = due;
  after.op = JX_OP_GE;
  assert_int_equal(jx_indicator_met(&after, d(20211130, 0)), 0);
  assert_int_equal(jx_indicator_met(&after, d(20220101, 0)), 1);
}

static jx_indicator date_target(jx_op op, int64_t yyyymmdd) {
  jx_indicator x = {0};
  x.name = "完成时间";
  x.kind = JX_KIND_DATE;
  x.op = op;
  x.value = d(yyyymmdd, 0);
  return x;
}

/* Whether `actual` meets the date target `op yyyymmdd`. */
static int met_on(jx_op op, int64_t target, int64_t actual) {
  jx_indicator x = date_target(op, target);
  return jx_indicator_met(&x, d(actual, 0));
}

/* ≤ 2021年12月 is met on every day of December, and on no day after. */
static void test_month_deadline(void **state) {
  (void)state;
  for (int day = 1; day <= 31; day++) {
    assert_int_equal(met_on(JX_OP_LE, 20211200, 20211200 + day), 1);
    assert_int_equal(met_on(JX_OP_EQ, 20211200, 20211200 + day), 1);
  }
  assert_int_equal(met_on(JX_OP_LE, 20211200, 20211130), 1);
  assert_int_equal(met_on(JX_OP_LE, 20211200, 20220101), 0);
  assert_int_equal(met_on(JX_OP_EQ, 20211200, 20220101), 0);
  /* a 30-day month ends on the 30th */
  assert_int_equal(met_on(JX_OP_LE, 20211100, 20211130), 1);
  assert_int_equal(met_on(JX_OP_LE, 20211100, 20211201), 0);
  /* < a month: before it starts; ≥: from its first day; >: after it */
  assert_int_equal(met_on(JX_OP_LT, 20211200, 20211130), 1);
  assert_int_equal(met_on(JX_OP_LT, 20211200, 20211201), 0);
  assert_int_equal(met_on(JX_OP_GE, 20211200, 20211130), 0);
  assert_int_equal(met_on(JX_OP_GE, 20211200, 20211201), 1);
  assert_int_equal(met_on(JX_OP_GT, 20211200, 20211231), 0);
  assert_int_equal(met_on(JX_OP_GT, 20211200, 20220101), 1);
  /* < January: before the year; > December: in the next one */
  assert_int_equal(met_on(JX_OP_LT, 20210100, 20201231), 1);
  assert_int_equal(met_on(JX_OP_LT, 20210100, 20210101), 0);
}

/* February ends on the 29th in a leap year (2024, 2000), on the 28th
 * otherwise (2021, 1900). */
static void test_month_deadline_february(void **state) {
  (void)state;
  assert_int_equal(met_on(JX_OP_LE, 20240200, 20240229), 1);
  assert_int_equal(met_on(JX_OP_LE, 20240200, 20240301), 0);
  assert_int_equal(met_on(JX_OP_GT, 20240200, 20240229), 0);
  assert_int_equal(met_on(JX_OP_GT, 20240200, 20240301), 1);
  assert_int_equal(met_on(JX_OP_LE, 20210200, 20210228), 1);
  assert_int_equal(met_on(JX_OP_LE, 20210200, 20210301), 0);
  assert_int_equal(met_on(JX_OP_LT, 20210300, 20210228), 1);
  assert_int_equal(met_on(JX_OP_LT, 20210300, 20210301), 0);
  assert_int_equal(jx_date_days_in_month(2024, 2), 29);
  assert_int_equal(jx_date_days_in_month(2021, 2), 28);
  assert_int_equal(jx_date_days_in_month(2000, 2), 29);
  assert_int_equal(jx_date_days_in_month(1900, 2), 28);
  assert_int_equal(jx_date_days_in_month(2021, 4), 30);
  assert_int_equal(jx_date_days_in_month(2021, 12), 31);
  assert_int_equal(jx_date_days_in_month(2021, 0), 0);
  assert_int_equal(jx_date_days_in_month(2021, 13), 0);
}

/* A written day: < and > are one day off, across month and year ends. */
static void test_day_bounds(void **state) {
  (void)state;
  jx_decimal day;
  assert_int_equal(jx_date_bound(JX_OP_LE, d(20211231, 0), &day), -1);
  assert_int_equal(day.micros, d(20211231, 0).micros);
  assert_int_equal(jx_date_bound(JX_OP_LT, d(20211231, 0), &day), -1);
  assert_int_equal(day.micros, d(20211230, 0).micros);
  assert_int_equal(jx_date_bound(JX_OP_LT, d(20210301, 0), &day), -1);
  assert_int_equal(day.micros, d(20210228, 0).micros);
  assert_int_equal(jx_date_bound(JX_OP_LT, d(20240301, 0), &day), -1);
  assert_int_equal(day.micros, d(20240229, 0).micros);
  assert_int_equal(jx_date_bound(JX_OP_GT, d(20211231, 0), &day), 1);
  assert_int_equal(day.micros, d(20220101, 0).micros);
  assert_int_equal(jx_date_bound(JX_OP_GT, d(20211130, 0), &day), 1);
  assert_int_equal(day.micros, d(20211201, 0).micros);
  assert_int_equal(jx_date_bound(JX_OP_GE, d(20211130, 0), &day), 1);
  assert_int_equal(day.micros, d(20211130, 0).micros);
  /* a month and its last day written out are the same deadline */
  jx_decimal month;
  assert_int_equal(jx_date_bound(JX_OP_LE, d(20211200, 0), &month), -1);
  assert_int_equal(jx_date_bound(JX_OP_LE, d(20211231, 0), &day), -1);
  assert_int_equal(month.micros, day.micros);
  assert_int_equal(met_on(JX_OP_LT, 20211231, 20211230), 1);
  assert_int_equal(met_on(JX_OP_LT, 20211231, 20211231), 0);
  assert_int_equal(met_on(JX_OP_GT, 20211231, 20211231), 0);
  assert_int_equal(met_on(JX_OP_GT, 20211231, 20220101), 1);
}

/* A value that is not a date is not judged (a model built by hand). */
static void test_not_a_date(void **state) {
  (void)state;
  static const int64_t bad[] = {20210230, 20210229, 20211131, 20211232,
                                20211300, 20210000, 20210001, -20211231};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    jx_decimal day = {42};
    assert_int_equal(jx_date_bound(JX_OP_LE, d(bad[i], 0), &day), 0);
    assert_int_equal(day.micros, 42);
    assert_int_equal(met_on(JX_OP_LE, bad[i], 20210101), -1);
  }
  jx_decimal day;
  assert_int_equal(jx_date_bound(JX_OP_LE, d(20211231, 1), &day), 0);
  assert_int_equal(jx_date_bound((jx_op)99, d(20211231, 0), &day), 0);
}

/* Points out of order on purpose: the step function must not rely on it. */
static const jx_schedule_point sched[] = {
    {6, JX_DEC(50, 0)},
    {3, JX_DEC(25, 500000)},
    {12, JX_DEC(100, 0)},
    {10, JX_DEC(75, 0)},
};

/* A date range is met by a day inside it: from the first day of its start
 * to the last day of its end, a month being the whole month. */
static void test_date_range(void **state) {
  (void)state;
  jx_indicator r = {0};
  r.kind = JX_KIND_DATE_RANGE;
  r.value = d(20230700, 0);     /* 2023.07 */
  r.value_end = d(20240100, 0); /* 2024.01 */
  assert_int_equal(jx_indicator_met(&r, d(20230630, 0)), 0);
  assert_int_equal(jx_indicator_met(&r, d(20230701, 0)), 1);
  assert_int_equal(jx_indicator_met(&r, d(20231231, 0)), 1);
  assert_int_equal(jx_indicator_met(&r, d(20240131, 0)), 1);
  assert_int_equal(jx_indicator_met(&r, d(20240201, 0)), 0);
  /* days as ends: both inside */
  r.value = d(20210101, 0);
  r.value_end = d(20211231, 0);
  assert_int_equal(jx_indicator_met(&r, d(20210101, 0)), 1);
  assert_int_equal(jx_indicator_met(&r, d(20211231, 0)), 1);
  assert_int_equal(jx_indicator_met(&r, d(20220101, 0)), 0);
  /* February's end in a leap year */
  r.value = d(20240200, 0);
  r.value_end = d(20240200, 0);
  assert_int_equal(jx_indicator_met(&r, d(20240229, 0)), 1);
  assert_int_equal(jx_indicator_met(&r, d(20240301, 0)), 0);
  /* an end that is not a date: cannot say */
  r.value_end = d(20241300, 0);
  assert_int_equal(jx_indicator_met(&r, d(20240210, 0)), -1);
  r.value = d(-1, 0);
  r.value_end = d(20240200, 0);
  assert_int_equal(jx_indicator_met(&r, d(20240210, 0)), -1);
  /* the op is not read: a range is a period, not a bound */
  r.value = d(20230700, 0);
  r.value_end = d(20240100, 0);
  r.op = JX_OP_GT;
  assert_int_equal(jx_indicator_met(&r, d(20230701, 0)), 1);
}

static void test_schedule_expected(void **state) {
  (void)state;
  jx_project p = {0};
  p.schedule = sched;
  p.n_schedule = 4;
  static const int64_t want[13] = {
      0,        0,        0,        25500000, 25500000, 25500000, 50000000,
      50000000, 50000000, 50000000, 75000000, 75000000, 100000000};
  for (int m = 0; m <= 12; m++)
    assert_int_equal(jx_schedule_expected(&p, m).micros, want[m]);
  assert_int_equal(jx_schedule_expected(&p, 13).micros, 100000000);
  assert_int_equal(jx_schedule_expected(&p, -1).micros, 0);
  jx_project none = {0};
  assert_int_equal(jx_schedule_expected(&none, 12).micros, 0);
  assert_int_equal(jx_schedule_expected(NULL, 12).micros, 0);
}

static const jx_indicator inds[] = {
    {.name = "人数", .kind = JX_KIND_QUANTITATIVE},
    {.name = "满意度", .kind = JX_KIND_QUANTITATIVE},
};
static const jx_project projs_a[] = {
    {.code = NULL, .name = "无编码"},
    {.code = "A1", .name = "甲", .indicators = inds, .n_indicators = 2},
};
static const jx_project projs_b[] = {
    {.code = "B1", .name = "乙"},
    {.code = "A1", .name = "重复编码"},
};
static const jx_unit units[] = {
    {.code = NULL, .name = NULL, .projects = projs_a, .n_projects = 2},
    {.code = "324001", .name = "局", .projects = projs_b, .n_projects = 2},
};
static const jx_plan plan = {.year = 2021, .units = units, .n_units = 2};

static void test_lookups(void **state) {
  (void)state;
  assert_ptr_equal(jx_plan_find_project(&plan, "A1"), &projs_a[1]);
  assert_ptr_equal(jx_plan_find_project(&plan, "B1"), &projs_b[0]);
  assert_null(jx_plan_find_project(&plan, "C1"));
  assert_null(jx_plan_find_project(&plan, NULL));
  assert_null(jx_plan_find_project(NULL, "A1"));
  assert_ptr_equal(jx_plan_find_unit(&plan, "324001"), &units[1]);
  assert_null(jx_plan_find_unit(&plan, "324002"));
  assert_ptr_equal(jx_project_find_indicator(&projs_a[1], "满意度"), &inds[1]);
  assert_null(jx_project_find_indicator(&projs_a[1], "满意"));
  assert_null(jx_project_find_indicator(&projs_a[0], "人数"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_met_by_op),
      cmocka_unit_test(test_met_other_kinds),
      cmocka_unit_test(test_month_deadline),
      cmocka_unit_test(test_month_deadline_february),
      cmocka_unit_test(test_day_bounds),
      cmocka_unit_test(test_not_a_date),
      cmocka_unit_test(test_date_range),
      cmocka_unit_test(test_schedule_expected),
      cmocka_unit_test(test_lookups),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
