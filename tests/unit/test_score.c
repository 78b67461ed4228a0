/*
 * test_score.c — unit tests of the runtime's scoring and monitoring
 * (runtime/ratio.c, score.c, monitor.c, profile.c): exact rationals and
 * their rounding and overflow, each scoring rule of the default profile
 * and its variants, weights printed and shared, not-applicable indicators
 * rescaled, the printed-score comparison, and the lights of monitoring.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "jixiao_score.h"

static jx_decimal d(int64_t units, int64_t micros) {
  jx_decimal v = {units * JX_DECIMAL_SCALE + micros};
  return v;
}

static jx_ratio q(int64_t n, int64_t den) {
  jx_ratio r;
  assert_int_equal(jx_ratio_div(jx_ratio_int(n), jx_ratio_int(den), &r),
                   JX_DEC_OK);
  return r;
}

static const char *fmt(jx_ratio r) {
  static char b[4][JX_RATIO_BUFSZ];
  static int k;
  k = (k + 1) % 4;
  jx_ratio_format(r, b[k]);
  return b[k];
}

static const char *dfmt(jx_decimal v) {
  static char b[4][JX_DECIMAL_BUFSZ];
  static int k;
  k = (k + 1) % 4;
  jx_decimal_format(v, b[k]);
  return b[k];
}

/* ---- rationals ---------------------------------------------------------- */

static void test_ratio_arith(void **state) {
  (void)state;
  jx_ratio r;
  assert_string_equal(fmt(jx_ratio_of(d(89, 100000))), "89.1");
  assert_int_equal(jx_ratio_of(d(89, 100000)).den, 10);
  assert_int_equal(jx_ratio_add(q(1, 3), q(1, 6), &r), JX_DEC_OK);
  assert_string_equal(fmt(r), "0.5");
  assert_int_equal(jx_ratio_sub(q(1, 3), q(1, 2), &r), JX_DEC_OK);
  assert_string_equal(fmt(r), "-1/6");
  /* 10.3 × 21 ÷ 22 */
  assert_int_equal(jx_ratio_mul(jx_ratio_of(d(10, 300000)), q(21, 22), &r),
                   JX_DEC_OK);
  assert_string_equal(fmt(r), "2163/220");
  assert_int_equal(jx_ratio_div(q(1, 2), jx_ratio_int(0), &r),
                   JX_DEC_UNDEFINED);
  assert_int_equal(jx_ratio_div(q(-3, 4), q(-1, 2), &r), JX_DEC_OK);
  assert_string_equal(fmt(r), "1.5");
  /* extremes: within ±INT64_MAX, anything beyond is refused */
  jx_ratio big = jx_ratio_int(INT64_MAX);
  assert_int_equal(jx_ratio_add(big, jx_ratio_int(1), &r), JX_DEC_OVERFLOW);
  assert_int_equal(jx_ratio_mul(big, jx_ratio_int(2), &r), JX_DEC_OVERFLOW);
  assert_int_equal(jx_ratio_mul(big, q(1, 2), &r), JX_DEC_OK);
  assert_int_equal(jx_ratio_add(q(1, INT64_MAX), q(1, INT64_MAX - 1), &r),
                   JX_DEC_OVERFLOW);
  assert_int_equal(jx_ratio_of(d(INT64_MIN / JX_DECIMAL_SCALE, 0)).den, 1);
  jx_decimal mn = {INT64_MIN};
  assert_true(jx_ratio_of(mn).num < 0);
}

static void test_ratio_cmp(void **state) {
  (void)state;
  assert_int_equal(jx_ratio_cmp(q(1, 3), q(1, 3)), 0);
  assert_int_equal(jx_ratio_cmp(q(1, 3), q(1, 2)), -1);
  assert_int_equal(jx_ratio_cmp(q(-1, 3), q(-1, 2)), 1);
  assert_int_equal(jx_ratio_cmp(q(-1, 3), jx_ratio_int(0)), -1);
  /* products past 2^64 are compared exactly */
  jx_ratio a = q(INT64_MAX - 1, INT64_MAX), b = q(INT64_MAX - 2, INT64_MAX - 1);
  assert_int_equal(jx_ratio_cmp(a, b), 1);
  assert_int_equal(jx_ratio_cmp(b, a), -1);
}

static void test_ratio_round(void **state) {
  (void)state;
  jx_decimal v;
  assert_int_equal(jx_ratio_round(q(2163, 220), 2, JX_ROUND_HALF_UP, &v),
                   JX_DEC_OK);
  assert_string_equal(dfmt(v), "9.83");
  jx_ratio_round(q(2163, 220), 1, JX_ROUND_DOWN, &v);
  assert_string_equal(dfmt(v), "9.8");
  jx_ratio_round(q(2163, 220), 0, JX_ROUND_HALF_UP, &v);
  assert_string_equal(dfmt(v), "10");
  jx_ratio_round(q(19, 2), 0, JX_ROUND_HALF_UP, &v); /* 9.5: half up */
  assert_string_equal(dfmt(v), "10");
  jx_ratio_round(q(-19, 2), 0, JX_ROUND_HALF_UP, &v); /* away from zero */
  assert_string_equal(dfmt(v), "-10");
  jx_ratio_round(q(-19, 2), 0, JX_ROUND_DOWN, &v);
  assert_string_equal(dfmt(v), "-9");
  jx_ratio_round(q(1, 3), 6, JX_ROUND_HALF_UP, &v);
  assert_string_equal(dfmt(v), "0.333333");
  assert_int_equal(jx_ratio_round(q(1, 3), 7, JX_ROUND_HALF_UP, &v),
                   JX_DEC_SYNTAX);
  assert_int_equal(
      jx_ratio_round(jx_ratio_int(INT64_MAX / 1000), 2, JX_ROUND_DOWN, &v),
      JX_DEC_OVERFLOW);
  assert_int_equal(jx_ratio_decimal(q(1, 3), &v), JX_DEC_INEXACT);
  assert_int_equal(jx_ratio_decimal(q(1, 64), &v), JX_DEC_OK);
  assert_string_equal(dfmt(v), "0.015625");
}

/* ---- scoring ------------------------------------------------------------ */

static jx_indicator ind(jx_role l1, jx_role l2, jx_kind k, jx_op op,
                        jx_decimal v) {
  jx_indicator x;
  memset(&x, 0, sizeof x);
  x.name = "x";
  x.level1_role = l1;
  x.level2_role = l2;
  x.kind = k;
  x.op = op;
  x.value = v;
  x.text = "圆满完成";
  return x;
}

static jx_actual num(jx_decimal v) {
  jx_actual a;
  memset(&a, 0, sizeof a);
  a.kind = JX_ACTUAL_NUMBER;
  a.value = v;
  return a;
}

/* One project: output (quantity, cost), benefit (qualitative),
 * satisfaction; budget 100. */
typedef struct fixture {
  jx_indicator x[4];
  jx_actual a[4];
  jx_project p;
  jx_project_actuals pa;
  jx_indicator_score is[4];
  jx_project_score ps;
} fixture;

static void setup(fixture *f) {
  memset(f, 0, sizeof *f);
  f->x[0] = ind(JX_ROLE_OUTPUT, JX_ROLE_QUANTITY, JX_KIND_QUANTITATIVE,
                JX_OP_EQ, d(22, 0));
  f->x[1] = ind(JX_ROLE_OUTPUT, JX_ROLE_COST, JX_KIND_QUANTITATIVE, JX_OP_EQ,
                d(89, 100000));
  f->x[2] = ind(JX_ROLE_BENEFIT, JX_ROLE_NONE, JX_KIND_QUALITATIVE, JX_OP_EQ,
                d(0, 0));
  f->x[3] = ind(JX_ROLE_SATISFACTION, JX_ROLE_SATISFACTION,
                JX_KIND_QUANTITATIVE, JX_OP_GE, d(90, 0));
  f->a[0] = num(d(22, 0));
  f->a[1] = num(d(88, 200000));
  f->a[2].kind = JX_ACTUAL_TEXT;
  f->a[2].text = "圆满完成";
  f->a[3] = num(d(92, 0));
  f->p.name = "p";
  f->p.budget = d(100, 0);
  f->p.indicators = f->x;
  f->p.n_indicators = 4;
  f->pa.has_spent = 1;
  f->pa.spent = d(95, 0);
  f->pa.actuals = f->a;
}

static jx_decimal_status run(fixture *f, const jx_profile *prof) {
  return jx_score_project(prof, &f->p, &f->pa, f->is, &f->ps);
}

static void test_score_all_met(void **state) {
  (void)state;
  fixture f;
  setup(&f);
  assert_int_equal(run(&f, NULL), JX_DEC_OK);
  /* 产出 50 shared by two, 效益 30, 满意度 10; 执行率 95 % of 10 */
  assert_string_equal(fmt(f.is[0].weight), "25");
  assert_string_equal(fmt(f.is[1].score), "25"); /* cost: under is met */
  assert_int_equal(f.is[1].met, 1);
  assert_string_equal(fmt(f.is[2].score), "30"); /* text as targeted */
  assert_string_equal(fmt(f.ps.execution_score), "9.5");
  assert_string_equal(fmt(f.ps.total), "99.5");
  assert_string_equal(dfmt(f.ps.total_shown), "99.5");
  assert_int_equal(f.ps.grade, JX_GRADE_A);
  assert_string_equal(jx_grade_text(f.ps.grade), "优");
}

static void test_score_missed(void **state) {
  (void)state;
  fixture f;
  setup(&f);
  f.a[0] = num(d(21, 0)); /* 21 of 22 people */
  f.a[1] = num(d(99, 0)); /* cost over: 89.1 ÷ 99 */
  f.a[3] = num(d(-5, 0)); /* negative: counts as 0 */
  f.pa.spent = d(120, 0); /* over the budget: capped */
  assert_int_equal(run(&f, NULL), JX_DEC_OK);
  assert_string_equal(fmt(f.is[0].score), "525/22");
  assert_int_equal(f.is[0].met, 0);
  assert_string_equal(fmt(f.is[1].score), "22.5");
  assert_string_equal(fmt(f.is[3].score), "0");
  assert_string_equal(fmt(f.ps.execution_score), "10");
  assert_string_equal(dfmt(f.is[0].shown), "23.86");
  /* 10 + 525/22 + 22.5 + 30 + 0 */
  assert_string_equal(fmt(f.ps.total), "950/11");
  assert_string_equal(dfmt(f.ps.total_shown), "86.36");
  assert_int_equal(f.ps.grade, JX_GRADE_B);
}

static jx_profile variant(void) {
  return *jx_profile_default();
}

static void test_score_linear_and_rounding(void **state) {
  (void)state;
  fixture f;
  setup(&f);
  f.a[0] = num(d(21, 0));
  f.a[1] = num(d(99, 0)); /* 1 − (99 − 89.1) ÷ 89.1 = 8/9 */
  jx_profile pr = variant();
  pr.reverse = JX_REVERSE_LINEAR;
  pr.round_places = 1;
  pr.round_mode = JX_ROUND_DOWN;
  pr.execution_cap = 0;
  f.pa.spent = d(120, 0);
  assert_int_equal(run(&f, &pr), JX_DEC_OK);
  assert_string_equal(fmt(f.is[1].score), "200/9");
  assert_string_equal(dfmt(f.is[1].shown), "22.2"); /* 22.22…, truncated */
  assert_string_equal(dfmt(f.is[0].shown), "23.8");
  assert_string_equal(fmt(f.ps.execution_score), "12"); /* not capped */
  /* the total is the sum of what is shown: 12 + 23.8 + 22.2 + 30 + 10 */
  assert_string_equal(fmt(f.ps.total), "98");
  /* twice the target or more: nothing */
  f.a[1] = num(d(178, 200000));
  assert_int_equal(run(&f, &pr), JX_DEC_OK);
  assert_string_equal(fmt(f.is[1].score), "0");
}

static void test_score_qualitative_bands(void **state) {
  (void)state;
  fixture f;
  setup(&f);
  f.a[2].text = "基本完成";
  assert_int_equal(run(&f, NULL), JX_DEC_OK);
  assert_int_equal(f.is[2].note, JX_NOTE_NO_RATING);
  assert_string_equal(fmt(f.is[2].score), "0");
  f.a[2].rating = JX_RATING_PARTLY; /* the band's floor: 50 % of 30 */
  assert_int_equal(run(&f, NULL), JX_DEC_OK);
  assert_string_equal(fmt(f.is[2].score), "15");
  jx_profile pr = variant();
  pr.band_partly = d(60, 0);
  assert_int_equal(run(&f, &pr), JX_DEC_OK);
  assert_string_equal(fmt(f.is[2].score), "18");
  /* a printed score inside the band is the evaluator's choice */
  f.a[2].has_score = 1;
  f.a[2].score = d(21, 0); /* 70 % */
  assert_int_equal(run(&f, NULL), JX_DEC_OK);
  assert_string_equal(fmt(f.is[2].score), "21");
  assert_int_equal(f.is[2].note, JX_NOTE_PRINTED_IN_BAND);
  assert_int_equal(f.is[2].printed_differs, 0);
  f.a[2].score = d(27, 0); /* 90 %: not 部分达成 */
  assert_int_equal(run(&f, NULL), JX_DEC_OK);
  assert_string_equal(fmt(f.is[2].score), "15");
  assert_int_equal(f.is[2].note, JX_NOTE_PRINTED_OUT_OF_BAND);
  assert_int_equal(f.is[2].printed_differs, 1);
  f.a[2].rating = JX_RATING_MISSED;
  f.a[2].has_score = 0;
  assert_int_equal(run(&f, NULL), JX_DEC_OK);
  assert_string_equal(fmt(f.is[2].score), "0");
  assert_int_equal(f.is[2].met, 0);
}

static void test_score_weights_printed(void **state) {
  (void)state;
  fixture f;
  setup(&f);
  f.a[0].has_weight = 1;
  f.a[0].weight = d(20, 300000); /* 20.3; the other output gets 29.7 */
  assert_int_equal(run(&f, NULL), JX_DEC_OK);
  assert_string_equal(fmt(f.is[0].weight), "20.3");
  assert_string_equal(fmt(f.is[1].weight), "29.7");
  assert_int_equal(f.ps.groups[0].n_printed, 1);
  assert_int_equal(f.ps.all_printed, 0);
  /* every weight printed, adding to 110: used as printed, reported */
  for (int i = 0; i < 4; i++) {
    f.a[i].has_weight = 1;
    f.a[i].weight = d(i == 3 ? 20 : 25, 0);
  }
  f.a[2].weight = d(30, 0);
  f.pa.has_execution_weight = 1;
  f.pa.execution_weight = d(10, 0);
  assert_int_equal(run(&f, NULL), JX_DEC_OK);
  assert_int_equal(f.ps.all_printed, 1);
  assert_string_equal(fmt(f.ps.printed_total), "110");
  assert_string_equal(fmt(f.ps.groups[2].printed), "20");
  assert_string_equal(fmt(f.is[3].score), "20");
}

static void test_score_na(void **state) {
  (void)state;
  fixture f;
  setup(&f);
  f.x[2].kind = JX_KIND_NA; /* the only benefit indicator */
  assert_int_equal(run(&f, NULL), JX_DEC_OK);
  assert_int_equal(f.is[2].note, JX_NOTE_NA);
  assert_string_equal(fmt(f.ps.rescale), "10/7");
  assert_string_equal(fmt(f.is[0].weight), "250/7");
  assert_string_equal(fmt(f.ps.execution_weight), "100/7");
  /* (9.5 + 50 + 10) × 10/7 */
  assert_string_equal(fmt(f.ps.total), "695/7");
  jx_profile pr = variant();
  pr.na = JX_NA_FULL;
  assert_int_equal(run(&f, &pr), JX_DEC_OK);
  assert_string_equal(fmt(f.ps.rescale), "1");
  assert_string_equal(fmt(f.is[2].score), "30");
  /* an actual of n/a does the same as a target of n/a */
  setup(&f);
  f.a[3].kind = JX_ACTUAL_NA;
  assert_int_equal(run(&f, NULL), JX_DEC_OK);
  assert_string_equal(fmt(f.ps.rescale), "10/9");
}

static void test_score_printed(void **state) {
  (void)state;
  fixture f;
  setup(&f);
  f.a[0] = num(d(21, 0)); /* 23.8636… */
  f.a[0].has_score = 1;
  f.a[0].score = d(23, 900000); /* 23.9: rounded at one place */
  f.pa.has_execution_score = 1;
  f.pa.execution_score = d(9, 0); /* 9.5 truncated at 0 places */
  assert_int_equal(run(&f, NULL), JX_DEC_OK);
  assert_int_equal(f.is[0].printed_differs, 0);
  assert_int_equal(f.ps.execution_printed_differs, 0);
  f.a[0].score = d(23, 0); /* truncated: also a way forms round */
  assert_int_equal(run(&f, NULL), JX_DEC_OK);
  assert_int_equal(f.is[0].printed_differs, 0);
  f.a[0].score = d(24, 500000);
  assert_int_equal(run(&f, NULL), JX_DEC_OK);
  assert_int_equal(f.is[0].printed_differs, 1);
  jx_profile pr = variant();
  pr.round_places = 2;
  f.a[0].score = d(23, 860000);
  assert_int_equal(run(&f, &pr), JX_DEC_OK);
  assert_int_equal(f.is[0].printed_differs, 0);
  f.a[0].score = d(23, 900000); /* the profile shows 23.86 */
  assert_int_equal(run(&f, &pr), JX_DEC_OK);
  assert_int_equal(f.is[0].printed_differs, 1);
}

static void test_score_other_kinds(void **state) {
  (void)state;
  fixture f;
  setup(&f);
  /* a deadline of a month: any day of it meets it; a month reported for
   * it is taken at its end */
  f.x[0] = ind(JX_ROLE_OUTPUT, JX_ROLE_TIMELINESS, JX_KIND_DATE, JX_OP_LE,
               d(20210900, 0));
  f.a[0].kind = JX_ACTUAL_DATE;
  f.a[0].value = d(20210700, 0);
  assert_int_equal(run(&f, NULL), JX_DEC_OK);
  assert_int_equal(f.is[0].met, 1);
  f.x[0].value = d(20210715, 0);
  assert_int_equal(run(&f, NULL), JX_DEC_OK);
  assert_int_equal(f.is[0].met, 0);
  assert_string_equal(fmt(f.is[0].score), "0");
  /* as targeted; no actual; a number for a date */
  f.a[0].kind = JX_ACTUAL_TARGETED;
  assert_int_equal(run(&f, NULL), JX_DEC_OK);
  assert_string_equal(fmt(f.is[0].score), "25");
  f.a[0].kind = JX_ACTUAL_NONE;
  assert_int_equal(run(&f, NULL), JX_DEC_OK);
  assert_int_equal(f.is[0].note, JX_NOTE_NO_ACTUAL);
  f.a[0] = num(d(3, 0));
  assert_int_equal(run(&f, NULL), JX_DEC_OK);
  assert_int_equal(f.is[0].note, JX_NOTE_MISMATCH);
  /* `= 0` (no accidents) is met by 0 alone, not by 2 as a floor would */
  f.x[0] = ind(JX_ROLE_OUTPUT, JX_ROLE_QUALITY, JX_KIND_QUANTITATIVE, JX_OP_EQ,
               d(0, 0));
  f.a[0] = num(d(2, 0));
  assert_int_equal(run(&f, NULL), JX_DEC_OK);
  assert_int_equal(f.is[0].met, 0);
  assert_string_equal(fmt(f.is[0].score), "0");
  f.a[0] = num(d(-1, 0)); /* counts as 0 */
  assert_int_equal(run(&f, NULL), JX_DEC_OK);
  assert_int_equal(f.is[0].met, 1);
  /* a role no part takes */
  f.x[0].level1_role = JX_ROLE_NONE;
  assert_int_equal(run(&f, NULL), JX_DEC_OK);
  assert_int_equal(f.is[0].group, -1);
  assert_int_equal(f.is[0].note, JX_NOTE_NO_GROUP);
  assert_string_equal(fmt(f.is[1].weight), "50");
  /* no spending reported, or no budget: no rate */
  setup(&f);
  f.pa.has_spent = 0;
  assert_int_equal(run(&f, NULL), JX_DEC_OK);
  assert_int_equal(f.ps.has_rate, 0);
  f.pa.has_spent = 1;
  f.pa.has_budget_full = 1;
  f.pa.budget_full = d(190, 0);
  assert_int_equal(run(&f, NULL), JX_DEC_OK);
  assert_string_equal(fmt(f.ps.rate), "0.5");
}

static void test_profiles(void **state) {
  (void)state;
  size_t n;
  const jx_profile *list = jx_profile_list(&n);
  assert_int_equal(n, 2);
  assert_ptr_equal(jx_profile_default(), &list[0]);
  assert_ptr_equal(jx_profile_builtin("hubei"), &list[1]);
  assert_null(jx_profile_builtin("nope"));
  assert_null(jx_profile_builtin(NULL));
  fixture f;
  setup(&f);
  assert_int_equal(run(&f, jx_profile_builtin("hubei")), JX_DEC_OK);
  /* 20 / 40 / 40: benefit and satisfaction share 40 */
  assert_string_equal(fmt(f.is[2].weight), "20");
  assert_string_equal(fmt(f.is[3].weight), "20");
  assert_string_equal(fmt(f.ps.execution_score), "19");
  jx_profile pr = variant();
  pr.grade_a = d(80, 0);
  pr.grade_b = d(70, 0);
  assert_int_equal(jx_profile_grade(&pr, q(85, 1)), JX_GRADE_A);
  assert_int_equal(jx_profile_grade(NULL, q(85, 1)), JX_GRADE_B);
  assert_int_equal(jx_profile_grade(NULL, q(5999, 100)), JX_GRADE_D);
}

/* ---- monitoring --------------------------------------------------------- */

static void test_lights(void **state) {
  (void)state;
  jx_decimal r = d(60, 0), y = d(80, 0), b = d(120, 0), none = d(0, 0);
  assert_int_equal(jx_progress_light(q(5999, 100), r, y, b), JX_LIGHT_RED);
  assert_int_equal(jx_progress_light(jx_ratio_int(60), r, y, b),
                   JX_LIGHT_YELLOW);
  assert_int_equal(jx_progress_light(jx_ratio_int(80), r, y, b),
                   JX_LIGHT_GREEN);
  assert_int_equal(jx_progress_light(jx_ratio_int(120), r, y, b),
                   JX_LIGHT_BLUE);
  assert_int_equal(jx_progress_light(jx_ratio_int(500), r, y, none),
                   JX_LIGHT_GREEN);
  assert_string_equal(jx_light_text(JX_LIGHT_BLUE), "blue");
  assert_null(jx_light_text(JX_LIGHT_NONE));
}

static void test_monitor(void **state) {
  (void)state;
  fixture f;
  setup(&f);
  jx_indicator_progress ip[4];
  jx_project_progress pp;
  jx_schedule_point sch[] = {{6, d(50, 0)}, {12, d(100, 0)}};
  f.p.schedule = sch;
  f.p.n_schedule = 2;
  f.a[0] = num(d(10, 0)); /* 10 of 22 × 7/12 = 12.83: 77.9 % yellow */
  f.a[1] = num(d(50, 0)); /* cost within: green */
  f.a[2].rating = JX_RATING_PARTLY;
  f.a[2].text = "进行中"; /* yellow */
  f.a[3] = num(d(92, 0)); /* 92 of 52.5: blue */
  f.pa.spent = d(40, 0);  /* 40 % of 58.33: 68.6 % yellow */
  assert_int_equal(jx_monitor_project(NULL, &f.p, &f.pa, 2021, 7, ip, &pp),
                   JX_DEC_OK);
  assert_string_equal(fmt(pp.time_progress), "175/3");
  assert_string_equal(fmt(pp.rate), "40");
  assert_string_equal(fmt(pp.vs_time), "480/7");
  assert_int_equal(pp.has_schedule, 1);
  assert_string_equal(fmt(pp.vs_schedule), "80");
  assert_int_equal(pp.budget_light, JX_LIGHT_YELLOW);
  assert_int_equal(ip[0].kind, JX_PROGRESS_PRORATED);
  assert_string_equal(fmt(ip[0].expected), "77/6");
  assert_string_equal(fmt(ip[0].progress), "6000/77");
  assert_int_equal(ip[0].light, JX_LIGHT_YELLOW);
  assert_int_equal(ip[1].kind, JX_PROGRESS_BOUND);
  assert_int_equal(ip[1].light, JX_LIGHT_GREEN);
  assert_int_equal(ip[2].light, JX_LIGHT_YELLOW);
  assert_int_equal(ip[3].light, JX_LIGHT_BLUE);
  assert_int_equal(pp.n_yellow, 3);
  assert_int_equal(pp.n_red, 0);
  /* the schedule as the basis: 40 of 50 is 80 %: green */
  jx_profile pr = variant();
  pr.budget_basis = JX_BASIS_SCHEDULE;
  assert_int_equal(jx_monitor_project(&pr, &f.p, &f.pa, 2021, 7, ip, &pp),
                   JX_DEC_OK);
  assert_int_equal(pp.budget_light, JX_LIGHT_GREEN);
  /* deadlines: pending, then red once passed without an actual */
  f.x[0] = ind(JX_ROLE_OUTPUT, JX_ROLE_TIMELINESS, JX_KIND_DATE, JX_OP_LE,
               d(20210900, 0));
  f.a[0].kind = JX_ACTUAL_NONE;
  assert_int_equal(jx_monitor_project(NULL, &f.p, &f.pa, 2021, 7, ip, &pp),
                   JX_DEC_OK);
  assert_int_equal(ip[0].kind, JX_PROGRESS_PENDING);
  assert_int_equal(jx_monitor_project(NULL, &f.p, &f.pa, 2021, 10, ip, &pp),
                   JX_DEC_OK);
  assert_int_equal(ip[0].light, JX_LIGHT_RED);
  assert_int_equal(jx_monitor_project(NULL, &f.p, &f.pa, 0, 9, ip, &pp),
                   JX_DEC_OK);
  assert_int_equal(ip[0].kind, JX_PROGRESS_PENDING);
  assert_int_equal(jx_monitor_project(NULL, &f.p, &f.pa, 2021, 13, ip, &pp),
                   JX_DEC_SYNTAX);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_ratio_arith),
      cmocka_unit_test(test_ratio_cmp),
      cmocka_unit_test(test_ratio_round),
      cmocka_unit_test(test_score_all_met),
      cmocka_unit_test(test_score_missed),
      cmocka_unit_test(test_score_linear_and_rounding),
      cmocka_unit_test(test_score_qualitative_bands),
      cmocka_unit_test(test_score_weights_printed),
      cmocka_unit_test(test_score_na),
      cmocka_unit_test(test_score_printed),
      cmocka_unit_test(test_score_other_kinds),
      cmocka_unit_test(test_profiles),
      cmocka_unit_test(test_lights),
      cmocka_unit_test(test_monitor),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
