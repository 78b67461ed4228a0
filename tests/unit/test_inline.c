/*
 * test_inline.c — the inline difference of two texts (diff_inline.h):
 * Chinese and ASCII tokens, what a long goal with a few edits looks like,
 * a 100,000-character text changed at both ends, and a property test over
 * random pairs — the segments turn a into b, and keep as many tokens as a
 * brute-force longest common subsequence does.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "diff_inline.h"

/* ---- inline diff ----------------------------------------------------------
 */

static void assert_seg(const jx_seg *s, jx_seg_op op, const char *text) {
  assert_int_equal(s->op, op);
  assert_int_equal(s->len, strlen(text));
  assert_memory_equal(s->text, text, s->len);
}

static void test_inline_chinese(void **state) {
  (void)state;
  jx_seg *s;
  int sim;
  size_t n = jx_inline_diff("保障日常工作正常运转。", "保障全部工作正常运转。",
                            &s, &sim);
  assert_int_equal(n, 4);
  assert_seg(&s[0], JX_SEG_SAME, "保障");
  assert_seg(&s[1], JX_SEG_DEL, "日常");
  assert_seg(&s[2], JX_SEG_INS, "全部");
  assert_seg(&s[3], JX_SEG_SAME, "工作正常运转。");
  /* 27 of 33 bytes common on each side: 2·27/66 = 818 per mille. */
  assert_int_equal(sim, 818);
  free(s);
}

static void test_inline_middle_insert(void **state) {
  (void)state;
  jx_seg *s;
  size_t n = jx_inline_diff("甲乙丙丁", "甲乙X丙丁", &s, NULL);
  assert_int_equal(n, 3);
  assert_seg(&s[0], JX_SEG_SAME, "甲乙");
  assert_seg(&s[1], JX_SEG_INS, "X");
  assert_seg(&s[2], JX_SEG_SAME, "丙丁");
  free(s);
  /* An LCS past the common prefix and suffix: two separate edits. */
  n = jx_inline_diff("一二三四五六", "一X三四Y六", &s, NULL);
  assert_int_equal(n, 7);
  assert_seg(&s[0], JX_SEG_SAME, "一");
  assert_seg(&s[1], JX_SEG_DEL, "二");
  assert_seg(&s[2], JX_SEG_INS, "X");
  assert_seg(&s[3], JX_SEG_SAME, "三四");
  assert_seg(&s[4], JX_SEG_DEL, "五");
  assert_seg(&s[5], JX_SEG_INS, "Y");
  assert_seg(&s[6], JX_SEG_SAME, "六");
  free(s);
}

static void test_inline_ascii_words(void **state) {
  (void)state;
  jx_seg *s;
  /* A run of ASCII letters is one token: "plan" is not torn into p-l-a-n. */
  size_t n = jx_inline_diff("the plan 2021", "the plans 2022", &s, NULL);
  assert_int_equal(n, 6);
  assert_seg(&s[0], JX_SEG_SAME, "the ");
  assert_seg(&s[1], JX_SEG_DEL, "plan");
  assert_seg(&s[2], JX_SEG_INS, "plans");
  assert_seg(&s[3], JX_SEG_SAME, " ");
  assert_seg(&s[4], JX_SEG_DEL, "2021");
  assert_seg(&s[5], JX_SEG_INS, "2022");
  free(s);
}

static void test_inline_identical_and_empty(void **state) {
  (void)state;
  jx_seg *s;
  int sim;
  size_t n = jx_inline_diff("相同", "相同", &s, &sim);
  assert_int_equal(n, 1);
  assert_seg(&s[0], JX_SEG_SAME, "相同");
  assert_int_equal(sim, 1000);
  free(s);
  n = jx_inline_diff("", "新", &s, &sim);
  assert_int_equal(n, 1);
  assert_seg(&s[0], JX_SEG_INS, "新");
  assert_int_equal(sim, 0);
  free(s);
}

/* ---- long texts --------------------------------------------------------- */

/* 60 different characters: in a text that repeats them, every edit has
 * one place it can be. */
static const char sentence[] =
    "保障单位日常运转完成年度工作任务提高资金使用效益推进重点项目建设加强"
    "绩效目标管理严格预算执行控制成本支出落实监督责任服务群众满意度显著";

/* n code points of the sentence, over and over, into a malloc'd text. */
static char *repeat(size_t n) {
  size_t cp = strlen(sentence) / 3;
  char *t = malloc(n * 3 + 1);
  for (size_t i = 0; i < n; i++)
    memcpy(t + i * 3, sentence + (i % cp) * 3, 3);
  t[n * 3] = '\0';
  return t;
}

/* A new text: `at` (a byte offset) replaced by `del` bytes giving way to
 * ins. */
static char *edit(const char *s, size_t at, size_t del, const char *ins) {
  size_t n = strlen(s), k = strlen(ins);
  char *t = malloc(n - del + k + 1);
  memcpy(t, s, at);
  memcpy(t + at, ins, k);
  memcpy(t + at + k, s + at + del, n - at - del + 1);
  return t;
}

/* A 3,000-character goal with three small edits shows three small edits
 * (an LCS table capped at 4 M cells once showed it as a full rewrite). */
static void test_inline_long_goal(void **state) {
  (void)state;
  char *a = repeat(3000);
  char *x = edit(a, 500 * 3, 3, "改");    /* a character replaced */
  char *y = edit(x, 1500 * 3, 0, "新增"); /* two inserted */
  char *b = edit(y, 2500 * 3, 6, "");     /* two deleted: a's 2498th, 2499th */
  jx_seg *s;
  int sim;
  size_t n = jx_inline_diff(a, b, &s, &sim);
  assert_int_equal(n, 8);
  assert_int_equal(s[0].op, JX_SEG_SAME);
  assert_int_equal(s[0].len, 500 * 3);
  assert_int_equal(s[1].op, JX_SEG_DEL);
  assert_int_equal(s[1].len, 3);
  assert_memory_equal(s[1].text, a + 500 * 3, 3);
  assert_seg(&s[2], JX_SEG_INS, "改");
  assert_int_equal(s[3].op, JX_SEG_SAME);
  assert_seg(&s[4], JX_SEG_INS, "新增");
  assert_int_equal(s[5].op, JX_SEG_SAME);
  assert_int_equal(s[6].op, JX_SEG_DEL);
  assert_int_equal(s[6].len, 6);
  assert_ptr_equal(s[6].text, a + 2498 * 3);
  assert_int_equal(s[7].op, JX_SEG_SAME);
  assert_int_equal(s[7].len, (3000 - 2500) * 3);
  /* 2,997 characters kept of 3,000 and 3,000. */
  assert_int_equal(sim, 2 * 2997 * 3 * 1000 / (3000 * 3 + 3000 * 3));
  free(s);
  free(a);
  free(x);
  free(y);
  free(b);
}

/* 100,000 characters with an edit at each end, where the common prefix
 * and suffix do not help: Myers' algorithm takes time in proportion to
 * the length times the (small) number of edits. */
static void test_inline_large_both_ends(void **state) {
  (void)state;
  size_t n = 100000;
  char *a = repeat(n);
  char *x = edit(a, 0, 3, "头");
  char *b = edit(x, strlen(x), 0, "尾");
  jx_seg *s;
  clock_t t0 = clock();
  size_t k = jx_inline_diff(a, b, &s, NULL);
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  assert_int_equal(k, 4);
  assert_seg(&s[0], JX_SEG_DEL, "保");
  assert_seg(&s[1], JX_SEG_INS, "头");
  assert_int_equal(s[2].op, JX_SEG_SAME);
  assert_int_equal(s[2].len, (n - 1) * 3);
  assert_seg(&s[3], JX_SEG_INS, "尾");
  /* A few milliseconds as built; generous for sanitizers and valgrind. */
  assert_true(secs < 2.0);
  free(s);
  free(a);
  free(x);
  free(b);
}

/* ---- the property test ----------------------------------------------------
 */

/* Tokens as the inline diff sees them: a run of ASCII letters and digits,
 * or one code point (well-formed UTF-8 only, here). */
typedef struct span {
  const char *p;
  size_t n;
} span;

static bool word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

static size_t tokens(const char *s, size_t len, span *out) {
  size_t n = 0;
  for (size_t i = 0; i < len;) {
    size_t k = 1;
    if (word_byte((unsigned char)s[i]))
      while (i + k < len && word_byte((unsigned char)s[i + k]))
        k++;
    else
      while (i + k < len && ((unsigned char)s[i + k] & 0xC0) == 0x80)
        k++;
    out[n].p = s + i;
    out[n].n = k;
    n++;
    i += k;
  }
  return n;
}

static bool span_eq(span x, span y) {
  return x.n == y.n && memcmp(x.p, y.p, x.n) == 0;
}

/* The length of a longest common subsequence, by the textbook table. */
static size_t lcs(const span *x, size_t n, const span *y, size_t m) {
  size_t *row = calloc(m + 1, sizeof *row), *prev = calloc(m + 1, sizeof *prev);
  for (size_t i = 1; i <= n; i++) {
    for (size_t j = 1; j <= m; j++)
      row[j] = span_eq(x[i - 1], y[j - 1])
                   ? prev[j - 1] + 1
                   : (prev[j] > row[j - 1] ? prev[j] : row[j - 1]);
    size_t *t = prev;
    prev = row;
    row = t;
  }
  size_t r = prev[m];
  free(row);
  free(prev);
  return r;
}

static uint64_t rng = 0x9E3779B97F4A7C15u;
static uint32_t next(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (uint32_t)(rng >> 16);
}

/* Pieces random texts are made of: letters and digits that run together
 * into words, and characters that stand alone. */
static const char *const pieces[] = {"甲", "乙", "丙", "a",
                                     "b",  "1",  " ",  "。"};
#define N_PIECES (sizeof pieces / sizeof pieces[0])

static void random_text(char *t, size_t max) {
  size_t n = next() % (max + 1);
  t[0] = '\0';
  for (size_t i = 0; i < n; i++)
    strcat(t, pieces[next() % N_PIECES]);
}

/* b: a with a few pieces inserted, deleted or replaced. */
static void mutate(const char *a, char *b) {
  span ta[64];
  size_t n = tokens(a, strlen(a), ta);
  b[0] = '\0';
  for (size_t i = 0; i <= n; i++) {
    uint32_t r = next() % 10;
    if (r == 0)
      strcat(b, pieces[next() % N_PIECES]); /* insert */
    if (i == n)
      break;
    if (r == 1)
      continue; /* delete */
    if (r == 2) {
      strcat(b, pieces[next() % N_PIECES]); /* replace */
      continue;
    }
    strncat(b, ta[i].p, ta[i].n);
  }
}

/* The segments are an edit script from a to b, as jx_inline_diff promises,
 * and a shortest one. */
static void check_pair(const char *a, const char *b) {
  jx_seg *s;
  int sim;
  size_t n = jx_inline_diff(a, b, &s, &sim);
  size_t ia = 0, ib = 0, common = 0, la = strlen(a), lb = strlen(b);
  for (size_t i = 0; i < n; i++) {
    assert_true(s[i].len > 0);
    if (i > 0) {
      assert_true(s[i].op != s[i - 1].op); /* merged */
      /* a deletion comes before the insertion of the same gap */
      assert_false(s[i - 1].op == JX_SEG_INS && s[i].op == JX_SEG_DEL);
    }
    if (s[i].op != JX_SEG_INS) { /* SAME and DEL walk through a */
      assert_ptr_equal(s[i].text, a + ia);
      ia += s[i].len;
    }
    if (s[i].op != JX_SEG_DEL) { /* SAME and INS through b */
      if (s[i].op == JX_SEG_SAME)
        assert_memory_equal(s[i].text, b + ib, s[i].len);
      else
        assert_ptr_equal(s[i].text, b + ib);
      ib += s[i].len;
    }
    if (s[i].op == JX_SEG_SAME) {
      span t[64];
      common += tokens(s[i].text, s[i].len, t);
    }
  }
  assert_int_equal(ia, la); /* applying the script to a gives b */
  assert_int_equal(ib, lb);
  span ta[64], tb[64];
  size_t na = tokens(a, la, ta), nb = tokens(b, lb, tb);
  assert_int_equal(common, lcs(ta, na, tb, nb)); /* and it is minimal */
  size_t same_bytes = 0;
  for (size_t i = 0; i < n; i++)
    if (s[i].op == JX_SEG_SAME)
      same_bytes += s[i].len;
  assert_int_equal(sim, la + lb ? (int)(same_bytes * 2000 / (la + lb)) : 1000);
  free(s);
}

static void test_inline_random_pairs(void **state) {
  (void)state;
  char a[64 * 3 + 1], b[128 * 3 + 1];
  for (int round = 0; round < 4000; round++) {
    random_text(a, 24);
    if (round % 3 == 0)
      random_text(b, 24); /* unrelated */
    else
      mutate(a, b); /* a few edits */
    check_pair(a, b);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_inline_chinese),
      cmocka_unit_test(test_inline_middle_insert),
      cmocka_unit_test(test_inline_ascii_words),
      cmocka_unit_test(test_inline_identical_and_empty),
      cmocka_unit_test(test_inline_long_goal),
      cmocka_unit_test(test_inline_large_both_ends),
      cmocka_unit_test(test_inline_random_pairs),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
