/*
 * test_framework.c — unit tests for compiler/domain/framework.c: the two
 * built-in frameworks match docs/syntax-spec.txt (roles included), category
 * paths resolve in English and Chinese spellings, the role words of a
 * declaration are a table, and the did-you-mean hint finds what was meant.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "framework.h"
#include "vocab.h"

static const jx_framework *fw_local(void) {
  const jx_framework *fw = jx_framework_builtin("local");
  assert_non_null(fw);
  return fw;
}

static const jx_framework *fw_central(void) {
  const jx_framework *fw = jx_framework_builtin("central2021");
  assert_non_null(fw);
  return fw;
}

/* Resolves level1.level2 (level1 may be NULL) and checks the codes. */
static void check_resolve(const jx_framework *fw, const char *level1,
                          const char *level2, const char *code1,
                          const char *code2) {
  const jx_level1 *l1 = NULL;
  const jx_level2 *l2 = NULL;
  assert_int_equal(jx_framework_resolve(fw, level1, level2, &l1, &l2), 1);
  assert_string_equal(l1->code, code1);
  assert_string_equal(l2->code, code2);
}

static int resolves(const jx_framework *fw, const char *level1,
                    const char *level2) {
  const jx_level1 *l1 = NULL;
  const jx_level2 *l2 = NULL;
  return jx_framework_resolve(fw, level1, level2, &l1, &l2);
}

static void check_suggest(const jx_framework *fw, const char *level1,
                          const char *level2, const char *want) {
  char buf[64] = "";
  assert_int_equal(jx_framework_suggest(fw, level1, level2, buf, sizeof buf),
                   1);
  assert_string_equal(buf, want);
}

static int suggests(const jx_framework *fw, const char *level1,
                    const char *level2) {
  char buf[64] = "";
  return jx_framework_suggest(fw, level1, level2, buf, sizeof buf);
}

static void test_builtins_and_aliases(void **state) {
  size_t n = 0;
  const jx_framework *const *list = jx_framework_list(&n);
  (void)state;
  assert_int_equal(n, 3);
  assert_string_equal(list[0]->name, "local");
  assert_string_equal(list[1]->name, "central2021");
  assert_string_equal(list[2]->name, "local2018");
  assert_ptr_equal(jx_framework_builtin("地方旧版"), list[2]);
  assert_ptr_equal(jx_framework_builtin("地方"), fw_local());
  assert_ptr_equal(jx_framework_builtin("中央"), fw_central());
  assert_ptr_equal(jx_framework_builtin("central"), fw_central());
  assert_null(jx_framework_builtin("Local"));
  assert_null(jx_framework_builtin("central2022"));
  assert_null(jx_framework_builtin(""));
  assert_null(jx_framework_builtin(NULL));
}

/* The old local layout: satisfaction is a level-2 category under 效益指标,
 * with the role that makes its values percentages. */
static void test_local2018_table(void **state) {
  const jx_framework *fw = jx_framework_builtin("local2018");
  const jx_level1 *l1;
  const jx_level2 *l2;
  (void)state;
  assert_non_null(fw);
  assert_int_equal(fw->n_levels, 2);
  assert_int_equal(fw->levels[0].n_children, 4); /* cost under output */
  assert_int_equal(fw->levels[1].n_children, 5);
  assert_true(jx_framework_resolve(fw, "效益指标",
                                   "社会公众或服务对象满意度指标", &l1, &l2));
  assert_string_equal(l1->code, "benefit");
  assert_string_equal(l2->code, "satisfaction");
  assert_int_equal(l2->role, JX_ROLE_SATISFACTION);
  assert_int_equal(l1->role, JX_ROLE_BENEFIT);
  /* the short label, and the code alone (one level-1 has it) */
  assert_true(
      jx_framework_resolve(fw, "效益", "社会公众或服务对象满意度", &l1, &l2));
  assert_true(jx_framework_resolve(fw, NULL, "satisfaction", &l1, &l2));
  assert_string_equal(l1->code, "benefit");
  /* there is no level-1 satisfaction */
  assert_false(
      jx_framework_resolve(fw, "满意度指标", "服务对象满意度指标", &l1, &l2));
  assert_true(jx_framework_resolve(fw, "output", "cost", &l1, &l2));
  assert_int_equal(l2->role, JX_ROLE_COST);
}

static void test_local_table(void **state) {
  const jx_framework *fw = fw_local();
  (void)state;
  assert_int_equal(fw->n_levels, 3);
  const jx_level1 *out = &fw->levels[0], *ben = &fw->levels[1],
                  *sat = &fw->levels[2];
  assert_string_equal(out->code, "output");
  assert_string_equal(out->label, "产出指标");
  assert_int_equal(out->required, 1);
  assert_int_equal(out->n_children, 4);
  assert_string_equal(out->children[3].code, "cost");
  assert_string_equal(out->children[3].label, "成本指标");
  assert_int_equal(out->role, JX_ROLE_OUTPUT);
  assert_int_equal(out->children[0].role, JX_ROLE_QUANTITY);
  assert_int_equal(out->children[1].role, JX_ROLE_QUALITY);
  assert_int_equal(out->children[2].role, JX_ROLE_TIMELINESS);
  assert_int_equal(out->children[3].role, JX_ROLE_COST);
  assert_int_equal(ben->role, JX_ROLE_BENEFIT);
  for (size_t i = 0; i < ben->n_children; i++)
    assert_int_equal(ben->children[i].role, JX_ROLE_NONE);
  assert_int_equal(sat->role, JX_ROLE_SATISFACTION);
  assert_string_equal(ben->code, "benefit");
  assert_string_equal(ben->label, "效益指标");
  assert_int_equal(ben->required, 1);
  assert_int_equal(ben->n_children, 4);
  assert_string_equal(ben->children[3].label, "可持续影响指标");
  assert_string_equal(sat->code, "satisfaction");
  assert_int_equal(sat->required, 0);
  assert_int_equal(sat->n_children, 1);
  assert_string_equal(sat->children[0].code, "recipient");
  assert_string_equal(sat->children[0].label, "服务对象满意度指标");
  assert_int_equal(sat->children[0].role, JX_ROLE_SATISFACTION);
}

static void test_central_table(void **state) {
  const jx_framework *fw = fw_central();
  (void)state;
  assert_int_equal(fw->n_levels, 4);
  const jx_level1 *cost = &fw->levels[1];
  assert_int_equal(fw->levels[0].n_children, 3);
  assert_int_equal(fw->levels[0].required, 1);
  assert_string_equal(cost->code, "cost");
  assert_string_equal(cost->label, "成本指标");
  assert_int_equal(cost->required, 0);
  assert_int_equal(cost->role, JX_ROLE_COST);
  assert_int_equal(fw->levels[0].role, JX_ROLE_OUTPUT);
  assert_int_equal(fw->levels[0].children[2].role, JX_ROLE_TIMELINESS);
  assert_int_equal(fw->levels[2].role, JX_ROLE_BENEFIT);
  assert_int_equal(fw->levels[3].role, JX_ROLE_SATISFACTION);
  assert_int_equal(cost->n_children, 3);
  assert_string_equal(cost->children[2].label, "生态环境成本指标");
  for (size_t i = 0; i < cost->n_children; i++)
    assert_int_equal(cost->children[i].role, JX_ROLE_COST);
  assert_string_equal(fw->levels[2].code, "benefit");
  assert_int_equal(fw->levels[2].required, 1);
  assert_int_equal(fw->levels[3].required, 0);
}

/* `role WORD` in a declaration: each word at the levels it makes sense. */
static void test_role_words(void **state) {
  char buf[128];
  (void)state;
  assert_int_equal(jx_role_lookup("output", 1), JX_ROLE_OUTPUT);
  assert_int_equal(jx_role_lookup("benefit", 1), JX_ROLE_BENEFIT);
  assert_int_equal(jx_role_lookup("cost", 1), JX_ROLE_COST);
  assert_int_equal(jx_role_lookup("cost", 2), JX_ROLE_COST);
  assert_int_equal(jx_role_lookup("satisfaction", 1), JX_ROLE_SATISFACTION);
  assert_int_equal(jx_role_lookup("satisfaction", 2), JX_ROLE_SATISFACTION);
  assert_int_equal(jx_role_lookup("timeliness", 2), JX_ROLE_TIMELINESS);
  assert_int_equal(jx_role_lookup("output", 2), JX_ROLE_NONE);
  assert_int_equal(jx_role_lookup("quantity", 1), JX_ROLE_NONE);
  assert_int_equal(jx_role_lookup("money", 2), JX_ROLE_NONE);
  assert_int_equal(jx_role_lookup("Cost", 2), JX_ROLE_NONE);
  assert_int_equal(jx_role_lookup(NULL, 2), JX_ROLE_NONE);
  assert_int_equal(jx_role_lookup("cost", 3), JX_ROLE_NONE);
  assert_string_equal(jx_role_words(1, buf, sizeof buf),
                      "output/benefit/satisfaction/cost");
  assert_string_equal(jx_role_words(2, buf, sizeof buf),
                      "satisfaction/cost/quantity/quality/timeliness");
  /* A buffer too small for the list still holds a string. */
  assert_string_equal(jx_role_words(1, buf, 10), "output");
  assert_string_equal(jx_role_text(JX_ROLE_TIMELINESS), "timeliness");
  assert_null(jx_role_text(JX_ROLE_NONE));
}

static void test_matches(void **state) {
  const jx_framework *fw = fw_local();
  const jx_level1 *out = &fw->levels[0];
  (void)state;
  assert_true(jx_level1_matches(out, "output"));
  assert_true(jx_level1_matches(out, "产出指标"));
  assert_true(jx_level1_matches(out, "产出"));
  assert_false(jx_level1_matches(out, "产出指"));
  assert_false(jx_level1_matches(out, "Output"));
  assert_false(jx_level1_matches(out, ""));
  assert_false(jx_level1_matches(out, NULL));
  assert_true(jx_level2_matches(&out->children[0], "数量"));
  assert_true(jx_level2_matches(&out->children[0], "数量指标"));
  assert_false(jx_level2_matches(&out->children[0], "指标"));
  assert_true(jx_level2_matches(&fw->levels[2].children[0], "服务对象满意度"));
  assert_true(jx_level2_matches(&fw->levels[1].children[0], "经济效益"));
  assert_true(
      jx_level2_matches(&fw_central()->levels[1].children[2], "生态环境成本"));
}

static void test_resolve_both_languages(void **state) {
  (void)state;
  check_resolve(fw_local(), "output", "quantity", "output", "quantity");
  check_resolve(fw_local(), "产出指标", "数量指标", "output", "quantity");
  check_resolve(fw_local(), "产出", "数量", "output", "quantity");
  check_resolve(fw_local(), "output", "成本指标", "output", "cost");
  check_resolve(fw_local(), "效益", "经济效益", "benefit", "economic");
  check_resolve(fw_local(), "满意度", "服务对象满意度", "satisfaction",
                "recipient");
  check_resolve(fw_central(), "output", "quantity", "output", "quantity");
  check_resolve(fw_central(), "成本", "经济成本", "cost", "economic");
  check_resolve(fw_central(), "cost", "economic", "cost", "economic");
  check_resolve(fw_central(), "benefit", "economic", "benefit", "economic");
  check_resolve(fw_central(), "成本指标", "生态环境成本指标", "cost",
                "ecological");
  assert_false(resolves(fw_local(), "cost", "economic"));
  assert_false(resolves(fw_central(), "output", "cost"));
  assert_false(resolves(fw_local(), "output", "economic"));
  assert_false(resolves(fw_local(), "产出", "数"));
  assert_false(resolves(fw_local(), "output", NULL));
  assert_false(resolves(NULL, "output", "quantity"));
}

static void test_resolve_bare(void **state) {
  (void)state;
  check_resolve(fw_local(), NULL, "数量指标", "output", "quantity");
  check_resolve(fw_local(), NULL, "经济效益指标", "benefit", "economic");
  check_resolve(fw_local(), NULL, "生态效益", "benefit", "ecological");
  check_resolve(fw_local(), NULL, "cost", "output", "cost");
  check_resolve(fw_local(), NULL, "economic", "benefit", "economic");
  check_resolve(fw_central(), NULL, "数量指标", "output", "quantity");
  check_resolve(fw_central(), NULL, "生态效益", "benefit", "ecological");
  check_resolve(fw_central(), NULL, "经济成本指标", "cost", "economic");
  /* central2021 has economic under both cost and benefit */
  assert_false(resolves(fw_central(), NULL, "economic"));
  assert_false(resolves(fw_central(), NULL, "social"));
  assert_false(resolves(fw_central(), NULL, "cost"));
  assert_false(resolves(fw_local(), NULL, "产出指标"));
}

static void test_resolve_null_outputs(void **state) {
  (void)state;
  assert_int_equal(
      jx_framework_resolve(fw_local(), "output", "quantity", NULL, NULL), 1);
}

static void test_suggest_typos(void **state) {
  (void)state;
  check_suggest(fw_local(), "output", "quantty", "output.quantity");
  check_suggest(fw_local(), "产出", "数亮", "output.quantity");
  check_suggest(fw_local(), "产出指标", "数亮指标", "output.quantity");
  check_suggest(fw_local(), "outptu", "quality", "output.quality");
  check_suggest(fw_local(), "benefti", "socail", "benefit.social");
  check_suggest(fw_local(), "output", "数亮", "output.quantity");
  check_suggest(fw_central(), "cots", "economic", "cost.economic");
  check_suggest(fw_local(), NULL, "数亮指标", "output.quantity");
  check_suggest(fw_local(), NULL, "sustainble", "benefit.sustainable");
  check_suggest(fw_local(), NULL, "满意度", "satisfaction.recipient");
}

static void test_suggest_mismatched_levels(void **state) {
  (void)state;
  check_suggest(fw_local(), "output", "economic", "benefit.economic");
  check_suggest(fw_local(), "产出", "经济效益", "benefit.economic");
  check_suggest(fw_local(), "benefit", "quality", "output.quality");
  check_suggest(fw_local(), "cost", "economic", "output.cost");
  check_suggest(fw_local(), "成本指标", "经济成本指标", "output.cost");
  check_suggest(fw_central(), "output", "cost", "cost.economic");
  check_suggest(fw_central(), "产出", "经济成本", "cost.economic");
  check_suggest(fw_central(), "satisfaction", "quantity", "output.quantity");
}

static void test_suggest_nothing_close(void **state) {
  char tiny[4] = "";
  (void)state;
  assert_false(suggests(fw_local(), "output", "xyzzy"));
  assert_false(suggests(fw_local(), "foo", "bar"));
  assert_false(suggests(fw_local(), NULL, "完全不同的名字"));
  assert_false(suggests(fw_central(), NULL, "economic")); /* ambiguous */
  assert_false(suggests(fw_local(), "output", NULL));
  /* a hint that does not fit is not written half */
  assert_int_equal(
      jx_framework_suggest(fw_local(), "output", "quantty", tiny, sizeof tiny),
      0);
}

/* framework.c keeps the Chinese words of roles beside its table (vocab.c
 * uses framework.c, so it cannot use vocab's); they must be vocab.def's. */
static void test_role_words_agree_with_vocab(void **state) {
  (void)state;
  int n = 0;
  for (int i = 0; jx_vocab_role_word(i, false); i++, n++) {
    unsigned levels = 0;
    assert_int_equal(jx_vocab_role_find(jx_vocab_role_word(i, false), &levels),
                     i);
    jx_role r =
        jx_role_lookup(jx_vocab_role_word(i, false), (levels & 1u) ? 1 : 2);
    assert_int_not_equal(r, JX_ROLE_NONE);
    assert_string_equal(jx_role_zh(r), jx_vocab_role_word(i, true));
  }
  assert_int_equal(n, 7);
  assert_null(jx_role_zh(JX_ROLE_NONE));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_builtins_and_aliases),
      cmocka_unit_test(test_local2018_table),
      cmocka_unit_test(test_local_table),
      cmocka_unit_test(test_central_table),
      cmocka_unit_test(test_role_words),
      cmocka_unit_test(test_matches),
      cmocka_unit_test(test_resolve_both_languages),
      cmocka_unit_test(test_resolve_bare),
      cmocka_unit_test(test_resolve_null_outputs),
      cmocka_unit_test(test_suggest_typos),
      cmocka_unit_test(test_suggest_mismatched_levels),
      cmocka_unit_test(test_suggest_nothing_close),
      cmocka_unit_test(test_role_words_agree_with_vocab),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
