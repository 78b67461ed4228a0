/*
 * test_diff_index.c — what `jxc diff` remembers of the old side between
 * its passes (compiler/diff/diff_index.h): the digest of a project sees
 * every field the comparison sees and no line number, and the index finds
 * each old digest once, marking its project by its place.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "diff_index.h"

static jx_indicator ind(const char *name, int line) {
  jx_indicator x;
  memset(&x, 0, sizeof x);
  x.level1 = "output";
  x.level2 = "quantity";
  x.name = name;
  x.kind = JX_KIND_QUALITATIVE;
  x.text = "有效";
  x.line = line;
  return x;
}

static void test_digest_sees_fields_not_lines(void **state) {
  (void)state;
  jx_ddigest g;
  jx_ddigest_init(&g);
  const jx_unit_info *wan = jx_currency_lookup("万元"),
                     *yuan = jx_currency_lookup("元");
  jx_unit unit = {0}, other = {0};
  unit.code = "101001";
  unit.name = "办公室";
  other.code = "101002";
  other.name = "办公室";
  jx_indicator xs[2] = {ind("人数", 10), ind("效果", 11)};
  jx_project p;
  memset(&p, 0, sizeof p);
  p.code = "13030421000001";
  p.name = "人员经费";
  p.budget.micros = 89100000;
  p.indicators = xs;
  p.n_indicators = 2;
  p.line = 9;
  uint64_t d = jx_ddigest_project(&g, &unit, &p, wan);
  assert_int_equal(jx_ddigest_project(&g, &unit, &p, wan), d);

  /* Moved down the file: the same. */
  jx_project q = p;
  jx_indicator ys[2] = {ind("人数", 40), ind("效果", 41)};
  q.indicators = ys;
  q.line = 39;
  assert_int_equal(jx_ddigest_project(&g, &unit, &q, wan), d);

  /* Anything the comparison sees: another digest. */
  q.budget.micros++;
  assert_int_not_equal(jx_ddigest_project(&g, &unit, &q, wan), d);
  q = p;
  ys[1].text = "显著";
  q.indicators = ys;
  assert_int_not_equal(jx_ddigest_project(&g, &unit, &q, wan), d);
  q = p;
  q.code = "13030421000002";
  assert_int_not_equal(jx_ddigest_project(&g, &unit, &q, wan), d);
  assert_int_not_equal(jx_ddigest_project(&g, &other, &p, wan), d);
  assert_int_not_equal(jx_ddigest_project(&g, &unit, &p, yuan), d);

  /* A unit's body. */
  const char *goals[] = {"完成任务"};
  unit.goals = goals;
  unit.n_goals = 1;
  uint64_t u = jx_ddigest_unit(&g, &unit);
  assert_int_equal(jx_ddigest_unit(&g, &unit), u);
  goals[0] = "完成全部任务";
  assert_int_not_equal(jx_ddigest_unit(&g, &unit), u);
  jx_ddigest_free(&g);
}

/* Each old digest is taken once, and marks its project by its place. */
static void test_index_take_and_mark(void **state) {
  (void)state;
  jx_dindex x;
  jx_dindex_init(&x);
  enum { N = 5000 };
  for (uint32_t i = 0; i < N; i++)
    if (i % 7) /* places without a digest: projects without a code */
      jx_dindex_add(&x, i, (uint64_t)i * 0x9E3779B97F4A7C15u);
  for (uint32_t i = 0; i < N; i += 3) {
    uint64_t dg = (uint64_t)i * 0x9E3779B97F4A7C15u;
    assert_int_equal(jx_dindex_take(&x, dg), i % 7 != 0);
    assert_false(jx_dindex_take(&x, dg)); /* once */
  }
  assert_false(jx_dindex_take(&x, 12345));
  for (uint32_t i = 0; i < N; i++)
    assert_int_equal(jx_dindex_marked(&x, i), i % 3 == 0 && i % 7 != 0);
  assert_true(jx_dindex_memory(&x) <= (size_t)N * 13 * 2);
  jx_dindex_free(&x);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_digest_sees_fields_not_lines),
      cmocka_unit_test(test_index_take_and_mark),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
