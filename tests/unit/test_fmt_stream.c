/*
 * test_fmt_stream.c — `jxc fmt` formats as the parser goes (fmt.h,
 * compiler/fmt/fmt_stream.c): the memory it holds does not grow with the
 * number of declarations, its text comes out before the input is read to
 * its end, and it is the text jx_fmt gives; and the unified diff given in
 * pieces (diff_unified.h) is the diff of the whole texts.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"
#include "diff_unified.h"
#include "fmt.h"
#include "out.h"

/* n projects, in units of 20 or bare, with comments, blank lines, a goal
 * and a measure of the unit between them, and a CR LF or LF at each line
 * end; not in the canonical layout (two spaces of indentation lost, a
 * brace on the line of the last statement). */
static char *plan(int n, bool units, bool crlf, size_t *len) {
  size_t cap = (size_t)n * 400 + 400, used = 0;
  char *s = malloc(cap);
  assert_non_null(s);
  const char *nl = crlf ? "\r\n" : "\n";
  used +=
      (size_t)snprintf(s + used, cap - used, "plan 2021; # 计划%s%s", nl, nl);
  for (int i = 0; i < n; i++) {
    if (units && i % 20 == 0) {
      if (i)
        used += (size_t)snprintf(s + used, cap - used, "}%s", nl);
      used += (size_t)snprintf(s + used, cap - used,
                               "unit %d \"单位%d\" { # 单位%s"
                               "goal \"保障运转\";%s",
                               100000 + i, i, nl, nl);
    }
    used += (size_t)snprintf(
        s + used, cap - used,
        "# 第%d个%s"
        "project \"项目%d\" budget %d {%s"
        "code \"C%d\"; # 代码%s"
        "  output.quantity \"人数\" >= %d人 basis \"历史\";%s%s"
        "  goal \"保障第%d项工作\"; }%s",
        i, nl, i, i + 1, nl, i, nl, i, nl, nl, i, nl);
    if (units && i % 20 == 7)
      used += (size_t)snprintf(s + used, cap - used,
                               "measure \"措施\" \"加强管理\";%s", nl);
  }
  if (units && n)
    used += (size_t)snprintf(s + used, cap - used, "}%s", nl);
  used += (size_t)snprintf(s + used, cap - used, "# 完%s", nl);
  assert_true(used < cap);
  *len = used;
  return s;
}

typedef struct got {
  jx_out text;
  int writes;
} got;

static void take(void *ud, const char *p, size_t n) {
  got *g = ud;
  jx_out_write(&g->text, p, n);
  g->writes++;
}

/* Formats src through jx_fmt_scan and jx_fmt_print, as `jxc fmt` does;
 * checks that it is what jx_fmt makes of it, and returns the most memory
 * the printing held. */
static size_t held(const char *src, size_t len, int *writes) {
  jx_diag *d = jx_diag_new();
  uint32_t file = jx_diag_add_source(d, "plan.jx", src, len);
  jx_fmt_input in = {src, len, NULL, file, NULL};
  bool zh = true;
  assert_int_equal(jx_fmt_scan(&in, d, &zh), 0);
  assert_false(zh);
  got g;
  jx_out_init_mem(&g.text);
  g.writes = 0;
  jx_fmt_to to = {take, NULL, &g, 0};
  assert_int_equal(jx_fmt_print(&in, false, &to), 0);
  jx_out whole;
  jx_out_init_mem(&whole);
  assert_int_equal(jx_fmt(src, len, file, d, false, &whole), 0);
  size_t a, b;
  const char *ta = jx_out_data(&g.text, &a), *tb = jx_out_data(&whole, &b);
  assert_int_equal(a, b);
  assert_memory_equal(ta, tb, a);
  assert_int_equal(jx_diag_errors(d), 0);
  jx_out_free(&whole);
  jx_out_free(&g.text);
  jx_diag_free(d);
  *writes = g.writes;
  return to.held_max;
}

/* The memory held is the same for 10 projects as for 20 000: each
 * declaration is printed and given back as the parser finishes it.  Were
 * the file formatted from its whole tree, or its text held until the end,
 * it would grow with them (a 20 000-project plan is ~3 MB of source). */
static void test_memory_does_not_grow(void **state) {
  (void)state;
  for (int units = 0; units <= 1; units++)
    for (int crlf = 0; crlf <= 1; crlf++) {
      size_t n1, n2;
      char *small = plan(10, units, crlf, &n1);
      char *big = plan(20000, units, crlf, &n2);
      int w1, w2;
      size_t h1 = held(small, n1, &w1), h2 = held(big, n2, &w2);
      assert_true(h1 > 0);
      assert_int_equal(h2, h1);
      assert_true(h2 < 256 * 1024);
      /* the text came out declaration by declaration */
      assert_true(w2 > 20000);
      free(small);
      free(big);
    }
}

/* The language counted in the first reading is jx_fmt_is_zh's. */
static void test_language_as_before(void **state) {
  (void)state;
  static const char *const srcs[] = {
      "plan 2021;\n项目 \"a\" {\n  预算 1;\n}\n",
      "计划 2021;\n项目 \"a\" {\n  预算 1;\n  资金来源 财政资金 1;\n}\n",
      "计划 2021;\nproject \"a\" {\n  budget 1;\n  schedule mar 10% 12月 "
      "100%;\n}\n",
      "# 项目 预算 计划\nplan 2021;\n",
      "",
  };
  for (size_t i = 0; i < sizeof srcs / sizeof *srcs; i++) {
    size_t n = strlen(srcs[i]);
    jx_diag *d = jx_diag_new();
    uint32_t file = jx_diag_add_source(d, "x.jx", srcs[i], n);
    jx_fmt_input in = {srcs[i], n, NULL, file, NULL};
    bool zh = false;
    assert_int_equal(jx_fmt_scan(&in, d, &zh), 0);
    assert_int_equal(zh, jx_fmt_is_zh(srcs[i], n));
    jx_diag_free(d);
  }
}

static void discard(void *ud, const char *text, size_t n) {
  (void)ud, (void)text, (void)n;
}

/* A file with a syntax error, or a repeated part, is not formatted:
 * jx_fmt_scan says so (and reports it), as jx_fmt does. */
static void test_errors_refused(void **state) {
  (void)state;
  static const char *const srcs[] = {
      "plan 2021;\nproject \"a\" {\n  budget ;\n}\n",
      "plan 2021;\nproject \"a\" {\n  output.quantity \"x\" = 1 desc \"a\" "
      "desc \"b\";\n}\n",
  };
  for (size_t i = 0; i < sizeof srcs / sizeof *srcs; i++) {
    size_t n = strlen(srcs[i]);
    jx_diag *d = jx_diag_new();
    jx_diag_set_writer(d, discard, NULL);
    jx_diag_set_format(d, JX_DIAG_JSON);
    uint32_t file = jx_diag_add_source(d, "x.jx", srcs[i], n);
    jx_fmt_input in = {srcs[i], n, NULL, file, NULL};
    assert_int_equal(jx_fmt_scan(&in, d, NULL), 1);
    jx_diag_flush(d);
    int errors = jx_diag_errors(d);
    assert_true(errors > 0);
    jx_out out;
    jx_out_init_mem(&out);
    assert_int_equal(jx_fmt(srcs[i], n, file, d, false, &out), 1);
    jx_diag_flush(d);
    assert_int_equal(jx_diag_errors(d), 2 * errors);
    size_t k;
    jx_out_data(&out, &k);
    assert_int_equal(k, 0);
    jx_out_free(&out);
    jx_diag_free(d);
  }
}

/* ---- the diff in pieces ------------------------------------------------- */

static char *udiff(const char *a, const char *b, const size_t *cuts_a,
                   const size_t *cuts_b, size_t ncuts, bool *differ) {
  jx_out o;
  jx_out_init_mem(&o);
  jx_udiff *u = jx_udiff_new(&o, "a/x", "b/x");
  size_t pa = 0, pb = 0;
  for (size_t i = 0; i <= ncuts; i++) {
    size_t ea = i < ncuts ? cuts_a[i] : strlen(a);
    size_t eb = i < ncuts ? cuts_b[i] : strlen(b);
    jx_udiff_add(u, a + pa, ea - pa, b + pb, eb - pb);
    pa = ea;
    pb = eb;
  }
  *differ = jx_udiff_end(u);
  size_t n;
  const char *t = jx_out_data(&o, &n);
  char *s = strdup(t);
  jx_out_free(&o);
  return s;
}

/* Lines 1..40 with some changed, cut between equal lines: the pieces give
 * the whole diff, hunks that span a cut and a change on either side of
 * one included; and equal texts give nothing. */
static void test_diff_in_pieces(void **state) {
  (void)state;
  char a[1024], b[1024];
  size_t na = 0, nb = 0, cut_a[3], cut_b[3];
  for (int i = 1; i <= 40; i++) {
    na += (size_t)snprintf(a + na, sizeof a - na, "line %d\n", i);
    if (i == 5 || i == 21 || i == 24)
      nb += (size_t)snprintf(b + nb, sizeof b - nb, "LINE %d\n", i);
    else if (i != 33)
      nb += (size_t)snprintf(b + nb, sizeof b - nb, "line %d\n", i);
    if (i == 10 || i == 22 || i == 30) { /* after these lines */
      int k = i == 10 ? 0 : i == 22 ? 1 : 2;
      cut_a[k] = na;
      cut_b[k] = nb;
    }
  }
  bool d1, d2;
  jx_out whole;
  jx_out_init_mem(&whole);
  d1 = jx_unified_diff(&whole, a, na, b, nb, "a/x", "b/x");
  size_t wn;
  const char *w = jx_out_data(&whole, &wn);
  char *pieces = udiff(a, b, cut_a, cut_b, 3, &d2);
  assert_true(d1);
  assert_true(d2);
  assert_string_equal(pieces, w);
  assert_non_null(strstr(w, "@@ -2,7 +2,7 @@\n"));
  assert_non_null(strstr(w, "@@ -18,10 +18,10 @@\n"));
  assert_non_null(strstr(w, "@@ -30,7 +30,6 @@\n"));
  free(pieces);
  jx_out_free(&whole);
  char *same = udiff(a, a, cut_a, cut_a, 3, &d2);
  assert_false(d2);
  assert_string_equal(same, "");
  free(same);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_memory_does_not_grow),
      cmocka_unit_test(test_language_as_before),
      cmocka_unit_test(test_errors_refused),
      cmocka_unit_test(test_diff_in_pieces),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
