/*
 * test_diff_index.c — what `jxc diff` remembers of the old side between
 * its passes (compiler/diff/diff_index.h): the digest of a project sees
 * every field the comparison sees and no line number; the projects'
 * index pairs each new project with the old one of its code's key, once,
 * and sees a key twice on either side; the units' index finds each old
 * digest once, marking its unit by its place.
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

/* A key as jx_ddigest_code makes them: spread over 64 bits, flags clear. */
static uint64_t key_of(uint32_t i) {
  return ((uint64_t)i + 1) * 0x9E3779B97F4A7C15u & ~(uint64_t)JX_DCODE_FLAGS;
}

static void test_code_keys(void **state) {
  (void)state;
  jx_ddigest g;
  jx_ddigest_init(&g);
  uint64_t a = jx_ddigest_code(&g, "130304215088YYECLPBDL");
  assert_int_equal(jx_ddigest_code(&g, "130304215088YYECLPBDL"), a);
  assert_int_equal(a & JX_DCODE_FLAGS, 0);
  assert_int_not_equal(jx_ddigest_code(&g, "130304215088YYECLPBDM"), a);
  assert_int_not_equal(jx_ddigest_code(&g, ""), a);
  jx_ddigest_free(&g);
}

/* Pass 1 adds, pass 2 meets each key once, pass 3 asks what was the
 * same; a pass 2 run again starts from nothing. */
static void test_codes_pair(void **state) {
  (void)state;
  jx_dcodes x;
  jx_dcodes_init(&x);
  enum { N = 20000 };
  for (uint32_t i = 0; i < N; i++)
    jx_dcodes_add(&x, key_of(i), i);
  jx_dcodes_seal(&x);
  assert_false(x.doubt_old);
  for (int run = 0; run < 2; run++) {
    jx_dcodes_restart(&x);
    for (uint32_t i = 0; i < N; i += 2) {
      jx_dcode *e = jx_dcodes_meet(&x, key_of(i));
      assert_non_null(e);
      assert_int_equal(e->digest, i);
      if (i % 4 == 0)
        e->key |= JX_DCODE_SAME;
    }
    /* Keys the old side does not have: listed, each once. */
    for (uint32_t i = N; i < N + 100; i++)
      assert_null(jx_dcodes_meet(&x, key_of(i)));
    jx_dcodes_end_new(&x);
    assert_false(x.doubt_new);
    for (uint32_t i = 0; i < N + 100; i++)
      assert_int_equal(jx_dcodes_unchanged(&x, key_of(i)), i < N && i % 4 == 0);
  }
  /* The sorted index is exactly sized; the directory is small beside it. */
  assert_true(jx_dcodes_memory(&x) <=
              (size_t)N * 16 + (size_t)N / 2 * 4 + 100 * 16 * 2 + 1024 * 16);
  jx_dcodes_free(&x);
}

/* A key twice: on the old side (doubt_old, and never paired), met twice
 * on the new side, or twice among the new side's own keys. */
static void test_codes_twice(void **state) {
  (void)state;
  jx_dcodes x;
  jx_dcodes_init(&x);
  for (uint32_t i = 0; i < 100; i++)
    jx_dcodes_add(&x, key_of(i), i);
  jx_dcodes_add(&x, key_of(7), 1000);
  jx_dcodes_seal(&x);
  assert_true(x.doubt_old);
  jx_dcodes_restart(&x);
  assert_null(jx_dcodes_meet(&x, key_of(7))); /* never paired */
  assert_non_null(jx_dcodes_meet(&x, key_of(8)));
  jx_dcodes_end_new(&x);
  assert_false(x.doubt_new);
  assert_false(jx_dcodes_unchanged(&x, key_of(7)));

  jx_dcodes_restart(&x);
  assert_non_null(jx_dcodes_meet(&x, key_of(8)));
  assert_null(jx_dcodes_meet(&x, key_of(8)));
  assert_true(x.doubt_new);

  jx_dcodes_restart(&x);
  assert_false(x.doubt_new);
  assert_null(jx_dcodes_meet(&x, key_of(500)));
  assert_null(jx_dcodes_meet(&x, key_of(7)));
  assert_null(jx_dcodes_meet(&x, key_of(501)));
  assert_null(jx_dcodes_meet(&x, key_of(7))); /* twice among the added */
  jx_dcodes_end_new(&x);
  assert_true(x.doubt_new);
  jx_dcodes_free(&x);
}

/* The sort is the index's own (in place): runs of one key, keys in
 * order, in reverse, and an empty side. */
static void test_codes_sort(void **state) {
  (void)state;
  enum { N = 5000 };
  for (int shape = 0; shape < 4; shape++) {
    jx_dcodes x;
    jx_dcodes_init(&x);
    for (uint32_t i = 0; i < N; i++) {
      uint32_t k = shape == 0   ? i % 3
                   : shape == 1 ? i
                   : shape == 2 ? N - i
                                : i * 7919 % N;
      jx_dcodes_add(&x, key_of(k), i);
    }
    jx_dcodes_seal(&x);
    assert_int_equal(x.doubt_old, shape == 0);
    for (size_t i = 1; i < x.n; i++)
      assert_true((x.v[i - 1].key & ~(uint64_t)JX_DCODE_FLAGS) <=
                  (x.v[i].key & ~(uint64_t)JX_DCODE_FLAGS));
    jx_dcodes_restart(&x);
    if (shape)
      for (uint32_t k = 0; k < N; k += 97)
        assert_non_null(jx_dcodes_meet(&x, key_of(shape == 2 ? k + 1 : k)));
    jx_dcodes_free(&x);
  }
  jx_dcodes x;
  jx_dcodes_init(&x);
  jx_dcodes_seal(&x);
  jx_dcodes_restart(&x);
  assert_null(jx_dcodes_meet(&x, key_of(1)));
  jx_dcodes_end_new(&x);
  assert_false(jx_dcodes_unchanged(&x, key_of(1)));
  jx_dcodes_free(&x);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_digest_sees_fields_not_lines),
      cmocka_unit_test(test_index_take_and_mark),
      cmocka_unit_test(test_code_keys),
      cmocka_unit_test(test_codes_pair),
      cmocka_unit_test(test_codes_twice),
      cmocka_unit_test(test_codes_sort),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
