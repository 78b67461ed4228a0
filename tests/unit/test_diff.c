/*
 * test_diff.c — unit tests for `jxc diff` (compiler/diff/): percentages
 * in integer arithmetic, the multimap the matching uses (strmap.h), and
 * whole diffs of small plans, loaded whole (load.h), checked item
 * by item (tightened/loosened, unit conversions and month-only deadlines
 * that are no change, projects
 * matched by name, and a large re-coded plan matched in full).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "diff_model.h"
#include "load.h"
#include "strmap.h"

/* ---- percentages ----------------------------------------------------------
 */

static int64_t pct(int64_t delta_micros, int64_t base_micros) {
  int64_t c = 0;
  jx_decimal d = {delta_micros}, b = {base_micros};
  assert_true(jx_diff_percent(d, b, &c));
  return c;
}

static void test_percent(void **state) {
  (void)state;
  assert_int_equal(pct(2500000, 20000000), 1250); /* 2.5 / 20 = 12.50% */
  assert_int_equal(pct(1, 3), 3333);              /* 33.333… → 33.33 */
  assert_int_equal(pct(2, 3), 6667);              /* 66.666… → 66.67 */
  assert_int_equal(pct(-2, 3), -6667);            /* away from zero */
  assert_int_equal(pct(1, 20000), 1);   /* 0.005% → 0.01% (half up) */
  assert_int_equal(pct(-1, 20000), -1); /* -0.005% → -0.01% */
  assert_int_equal(pct(1, 20001), 0);   /* just under half */
  assert_int_equal(pct(9500000, 2023100000), 47); /* the example: 0.47% */
  /* Large amounts need more than 64 bits in between. */
  assert_int_equal(pct(INT64_MAX / 2, INT64_MAX / 4), 20000);
  int64_t c = 7;
  jx_decimal d = {5}, zero = {0};
  assert_false(jx_diff_percent(d, zero, &c));
  assert_int_equal(c, 7);
}

/* ---- the multimap ---------------------------------------------------------
 */

static bool odd_only(void *ud, size_t v) {
  (void)ud;
  return v % 2 == 1;
}

static void test_map(void **state) {
  (void)state;
  jx_strmap *m = jx_strmap_new(0);
  char keys[2000][8];
  for (size_t i = 0; i < 2000; i++) {
    snprintf(keys[i], sizeof keys[i], "k%zu", i % 1000);
    jx_strmap_add(m, keys[i], i);
  }
  assert_int_equal(jx_strmap_get(m, "k5"), 5);
  assert_int_equal(jx_strmap_take(m, "k5", NULL, NULL), 5); /* FIFO */
  assert_int_equal(jx_strmap_take(m, "k5", NULL, NULL), 1005);
  assert_int_equal(jx_strmap_take(m, "k5", NULL, NULL), SIZE_MAX);
  assert_int_equal(jx_strmap_get(m, "k5"), SIZE_MAX);
  assert_int_equal(jx_strmap_take(m, "nope", NULL, NULL), SIZE_MAX);
  /* Unavailable values are passed over and dropped. */
  assert_int_equal(jx_strmap_take(m, "k6", odd_only, NULL), SIZE_MAX);
  assert_int_equal(jx_strmap_get(m, "k6"), SIZE_MAX);
  assert_int_equal(jx_strmap_take(m, "k7", odd_only, NULL), 7);
  assert_int_equal(jx_strmap_take(m, "k999", NULL, NULL), 999);
  jx_strmap_free(m);
}

/* ---- whole diffs ----------------------------------------------------------
 */

typedef struct two {
  jx_diag *d;
  jx_loaded_plan *a, *b;
  jx_diff df;
  char pa[64], pb[64];
} two;

static void quiet(void *ud, const char *t, size_t n) {
  (void)ud;
  (void)t;
  (void)n;
}

static void write_tmp(char *path, const char *text) {
  strcpy(path, "/tmp/jx-test-diff-XXXXXX");
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  size_t n = strlen(text);
  assert_int_equal(write(fd, text, n), (ssize_t)n);
  close(fd);
}

static void diff_texts(two *t, const char *old_text, const char *new_text) {
  write_tmp(t->pa, old_text);
  write_tmp(t->pb, new_text);
  t->d = jx_diag_new();
  jx_diag_set_writer(t->d, quiet, NULL);
  const char *pa[1] = {t->pa}, *pb[1] = {t->pb};
  t->a = jx_load_whole(pa, 1, t->d);
  t->b = jx_load_whole(pb, 1, t->d);
  assert_int_equal(jx_loaded_status(t->a), 0);
  assert_int_equal(jx_loaded_status(t->b), 0);
  jx_diff_compute(&t->df, t->a, t->b, t->d);
}

static void done(two *t) {
  jx_diff_free(&t->df);
  jx_loaded_free(t->a);
  jx_loaded_free(t->b);
  jx_diag_free(t->d);
  unlink(t->pa);
  unlink(t->pb);
}

/* The project body around the indicators under test, complete enough that
 * the checker has nothing to say. */
#define PROJECT_HEAD(code, budget)                                             \
  "plan 2021 framework local currency 万元;\n"                               \
  "unit 1 \"单位\" {\n"                                                      \
  "project \"项目\" budget " budget " {\n"                                     \
  "code \"" code "\"; funds fiscal " budget " other 0;\n"                      \
  "schedule dec 100%;\n"                                                       \
  "benefit.social \"效益\" = \"有效\";\n"                                  \
  "satisfaction.recipient \"满意度\" >= 90%;\n"
#define PROJECT_TAIL "}\n}\n"

static const jx_diff_item *find(const jx_diff *df, jx_diff_what w,
                                const char *sub_suffix) {
  for (size_t i = 0; i < df->n_items; i++) {
    const jx_diff_item *it = &df->items[i];
    if (it->what != w)
      continue;
    if (!sub_suffix)
      return it;
    size_t a = it->sub ? strlen(it->sub) : 0, b = strlen(sub_suffix);
    if (a >= b && strcmp(it->sub + a - b, sub_suffix) == 0)
      return it;
  }
  return NULL;
}

static void test_verdicts(void **state) {
  (void)state;
  two t;
  diff_texts(
      &t,
      PROJECT_HEAD(
          "A1",
          "100") "output.cost \"成本上限\" <= 89.1万元;\n"
                 "output.cost \"成本等于\" = 50万元;\n"
                 "output.quantity \"人数\" = 22人;\n"
                 "output.quality \"合格率\" >= 90%;\n"
                 "output.quality \"方向\" >= 90%;\n"
                 "output.timeliness \"换算\" = 0.5万元;\n"
                 "benefit.economic \"日期\" <= 2021年12月31日;\n" PROJECT_TAIL,
      PROJECT_HEAD(
          "A1",
          "100") "output.cost \"成本上限\" <= 85万元;\n"
                 "output.cost \"成本等于\" = 600000元;\n"
                 "output.quantity \"人数\" = 25人;\n"
                 "output.quality \"合格率\" >= 95%;\n"
                 "output.quality \"方向\" <= 95%;\n"
                 "output.timeliness \"换算\" = 5000元;\n"
                 "benefit.economic \"日期\" <= 2021年11月30日;\n" PROJECT_TAIL);
  const jx_diff *df = &t.df;
  const jx_diff_item *it;
  it = find(df, JX_DW_IND_VALUE, " 成本上限");
  assert_non_null(it);
  assert_int_equal(it->verdict, JX_VERDICT_TIGHTENED);
  assert_string_equal(it->old_text, "≤89.1万元");
  assert_string_equal(it->new_text, "≤85万元");
  it = find(df, JX_DW_IND_VALUE, " 成本等于"); /* cost: more is looser */
  assert_non_null(it);
  assert_int_equal(it->verdict, JX_VERDICT_LOOSENED);
  it = find(df, JX_DW_IND_VALUE, " 人数"); /* = output: more is tighter */
  assert_non_null(it);
  assert_int_equal(it->verdict, JX_VERDICT_TIGHTENED);
  it = find(df, JX_DW_IND_VALUE, " 合格率");
  assert_non_null(it);
  assert_int_equal(it->verdict, JX_VERDICT_TIGHTENED);
  it = find(df, JX_DW_IND_VALUE, " 方向"); /* a floor became a ceiling */
  assert_non_null(it);
  assert_int_equal(it->verdict, JX_VERDICT_CHANGED);
  assert_null(find(df, JX_DW_IND_VALUE, " 换算")); /* 0.5万元 = 5000元 */
  it = find(df, JX_DW_IND_VALUE, " 日期");         /* an earlier deadline */
  assert_non_null(it);
  assert_int_equal(it->verdict, JX_VERDICT_TIGHTENED);
  assert_int_equal(df->summary.tightened, 4);
  assert_int_equal(df->summary.loosened, 1);
  assert_int_equal(df->n_items, 6);
  done(&t);
}

/* Deadlines compare by the day they end on (jx_date_bound): a month is its
 * last day for ≤ and =, the day before it for <, its first day for ≥. */
static void test_date_meaning(void **state) {
  (void)state;
  two t;
  diff_texts(
      &t,
      PROJECT_HEAD(
          "D1",
          "100") "output.timeliness \"月底\" <= 2021年12月;\n"
                 "output.timeliness \"等于\" = 2021年12月;\n"
                 "output.timeliness \"月前\" < 2021年12月;\n"
                 "output.timeliness \"闰二月\" <= 2024年2月;\n"
                 "output.timeliness \"二月\" <= 2021年2月;\n"
                 "output.timeliness \"起始\" >= 2021年12月;\n"
                 "output.timeliness \"之后\" > 2021年11月;\n"
                 "output.timeliness \"提前\" <= 2021年12月;\n"
                 "output.timeliness \"延后\" <= 2021年11月;\n"
                 "output.timeliness \"严格\" <= 2021-12-31;\n"
                 "output.timeliness \"方向\" <= 2021年12月;\n"
                 "output.timeliness \"闰日\" <= 2024年2月;\n" PROJECT_TAIL,
      PROJECT_HEAD(
          "D1",
          "100") "output.timeliness \"月底\" <= 2021年12月31日;\n"
                 "output.timeliness \"等于\" <= 2021-12-31;\n"
                 "output.timeliness \"月前\" <= 2021年11月30日;\n"
                 "output.timeliness \"闰二月\" <= 2024年2月29日;\n"
                 "output.timeliness \"二月\" <= 2021年2月28日;\n"
                 "output.timeliness \"起始\" >= 2021年12月1日;\n"
                 "output.timeliness \"之后\" >= 2021年12月1日;\n"
                 "output.timeliness \"提前\" <= 2021年12月30日;\n"
                 "output.timeliness \"延后\" <= 2021年12月1日;\n"
                 "output.timeliness \"严格\" < 2021-12-31;\n"
                 "output.timeliness \"方向\" >= 2021年12月;\n"
                 "output.timeliness \"闰日\" <= 2024年2月28日;\n" PROJECT_TAIL);
  const jx_diff *df = &t.df;
  const char *same[] = {" 月底", " 等于", " 月前", " 闰二月",
                        " 二月", " 起始", " 之后"};
  for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
    assert_null(find(df, JX_DW_IND_VALUE, same[i]));
  const jx_diff_item *it = find(df, JX_DW_IND_VALUE, " 提前");
  assert_non_null(it);
  assert_int_equal(it->verdict, JX_VERDICT_TIGHTENED);
  assert_string_equal(it->old_text, "≤2021年12月");
  assert_string_equal(it->new_text, "≤2021年12月30日");
  it = find(df, JX_DW_IND_VALUE, " 延后");
  assert_non_null(it);
  assert_int_equal(it->verdict, JX_VERDICT_LOOSENED);
  it = find(df, JX_DW_IND_VALUE, " 严格"); /* the 31st itself excluded */
  assert_non_null(it);
  assert_int_equal(it->verdict, JX_VERDICT_TIGHTENED);
  it = find(df, JX_DW_IND_VALUE, " 方向"); /* a deadline became a start */
  assert_non_null(it);
  assert_int_equal(it->verdict, JX_VERDICT_CHANGED);
  it = find(df, JX_DW_IND_VALUE, " 闰日"); /* February 2024 has 29 days */
  assert_non_null(it);
  assert_int_equal(it->verdict, JX_VERDICT_TIGHTENED);
  assert_int_equal(df->summary.tightened, 3);
  assert_int_equal(df->summary.loosened, 1);
  assert_int_equal(df->n_items, 5);
  done(&t);
}

static void test_recoded_and_budget(void **state) {
  (void)state;
  two t;
  diff_texts(&t, PROJECT_HEAD("C21", "20") PROJECT_TAIL,
             PROJECT_HEAD("C22", "22.5") PROJECT_TAIL);
  const jx_diff *df = &t.df;
  assert_int_equal(df->summary.matched_by_name, 1);
  const jx_diff_item *it = find(df, JX_DW_PROJECT_CODE, NULL);
  assert_non_null(it);
  assert_true(it->by_name);
  assert_string_equal(it->old_text, "C21");
  assert_string_equal(it->new_text, "C22");
  it = find(df, JX_DW_BUDGET, NULL);
  assert_non_null(it);
  assert_true(it->has_amount);
  assert_int_equal(it->delta.micros, 2500000);
  assert_true(it->has_percent);
  assert_int_equal(it->percent_cents, 1250);
  assert_string_equal(it->currency, "万元");
  assert_non_null(find(df, JX_DW_FISCAL, NULL));
  assert_int_equal(df->n_items, 3);
  assert_int_equal(df->summary.budget_delta.micros, 2500000);
  done(&t);
}

static void test_identical_respelled(void **state) {
  (void)state;
  two t;
  diff_texts(
      &t,
      PROJECT_HEAD(
          "S1",
          "89.1") "output.cost \"控制预算数\" = 89.1万元 basis \"工作计划\";\n"
                  "output.quantity \"人数\" = 22人;\n" PROJECT_TAIL,
      "# 中文关键字，另一种排版\n"
      "计划 2021 指标体系 地方 金额单位 元；\n"
      "单位 1 \"单位\" ｛ 项目 \"项目\" 预算 891000 ｛\n"
      "  产出指标.数量指标 \"人数\" ＝ 22人；\n"
      "  满意度.服务对象满意度 \"满意度\" 不低于 90％；\n"
      "  编码 \"S1\"； 资金来源 财政资金 891000 其他资金 0；\n"
      "  产出.成本 \"控制预算数\" = 891000元 依据 \"工作计划\"；\n"
      "  效益.社会效益 \"效益\" = \"有效\"；\n"
      "  支出计划 12月底 100％；\n"
      "｝ ｝\n");
  assert_int_equal(t.df.n_items, 0);
  assert_int_equal(t.df.summary.projects_unchanged, 1);
  done(&t);
}

/* Every project re-coded: all matched by name, through the hash tables. */
static void test_many_projects(void **state) {
  (void)state;
  enum { N = 3000 };
  size_t cap = (size_t)N * 200 + 256;
  char *oa = malloc(cap), *ob = malloc(cap);
  size_t la = 0, lb = 0;
  la += (size_t)sprintf(oa + la, "plan 2021;\nunit 1 \"单位\" {\n");
  lb += (size_t)sprintf(ob + lb, "plan 2022;\nunit 1 \"单位\" {\n");
  for (int i = 0; i < N; i++) {
    la += (size_t)sprintf(oa + la,
                          "project \"项目%d\" budget 1 { code \"X21-%d\"; "
                          "funds fiscal 1 other 0; }\n",
                          i, i);
    lb += (size_t)sprintf(ob + lb,
                          "project \"项目%d\" budget 1 { code \"X22-%d\"; "
                          "funds fiscal 1 other 0; }\n",
                          N - 1 - i, N - 1 - i);
  }
  strcpy(oa + la, "}\n");
  strcpy(ob + lb, "}\n");
  two t;
  write_tmp(t.pa, oa);
  write_tmp(t.pb, ob);
  free(oa);
  free(ob);
  t.d = jx_diag_new();
  jx_diag_set_writer(t.d, quiet, NULL);
  const char *pa[1] = {t.pa}, *pb[1] = {t.pb};
  t.a = jx_load_whole(pa, 1, t.d);
  t.b = jx_load_whole(pb, 1, t.d);
  assert_int_equal(jx_loaded_status(t.a), 0);
  assert_int_equal(jx_loaded_status(t.b), 0);
  jx_diff_compute(&t.df, t.a, t.b, t.d);
  assert_int_equal(t.df.summary.projects_matched, N);
  assert_int_equal(t.df.summary.matched_by_name, N);
  assert_int_equal(t.df.summary.count[JX_DW_PROJECT_CODE][JX_DIFF_CHANGED], N);
  assert_int_equal(t.df.n_items, N + 1); /* the codes and the year */
  done(&t);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_percent),
      cmocka_unit_test(test_map),
      cmocka_unit_test(test_verdicts),
      cmocka_unit_test(test_date_meaning),
      cmocka_unit_test(test_recoded_and_budget),
      cmocka_unit_test(test_identical_respelled),
      cmocka_unit_test(test_many_projects),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
