/*
 * test_memo.c — the writers' memos of repeated strings (out.h's jx_memo,
 * in the JSON, C and CSV back ends) never write a stale text:
 * the same pointer holding other bytes — longer, shorter, one byte
 * changed, hostile — must come out as those bytes, exactly as a fresh
 * string would.  An arena reused for the next project does just that.
 * And the JSON and CSV writers' category blocks, keyed on addresses alone
 * when the build says they are keys, write what the writers write
 * without.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "jixiao.h"
#include "json.h"
#include "out.h"

/* The texts one buffer holds in turn: each differs from the one before
 * in its length or in a byte the memo would have to compare. */
static const char *const texts[] = {
    "产出指标",
    "产出指标",
    "产出指X",
    "产出",
    "产出指标指标指标指标",
    "output",
    "outpuT",
    "out",
    "a\"b\\c",
    "</script>",
    "*/ x",
    "?\?/",
    "=1+2",
    "a\nb\tc\r",
    "\xe2\x80\xa8 \xe2\x80\xa9",
    "\x01\x1f",
    "\xff\xfe",
    "人",
    "%",
    "数量指标",
    "质量指标",
    "数量指标",
    "",
    "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz",
    "output",
};
#define N_TEXTS (sizeof texts / sizeof texts[0])

/* A back end writing into *o (in memory), begun, with `unit` open. */
static void *open_backend(const char *format, bool compact, bool stable,
                          jx_out *o, const jx_backend **be, jx_unit *unit) {
  *be = jx_backend_find(format);
  assert_non_null(*be);
  jx_out_init_mem(o);
  jx_emit_options opt;
  memset(&opt, 0, sizeof opt);
  opt.compact = compact;
  opt.framework_texts_stable = stable;
  void *st = (*be)->create(o, &opt);
  assert_non_null(st);
  jx_plan header;
  memset(&header, 0, sizeof header);
  header.year = 2025;
  (*be)->begin(st, &header);
  (*be)->unit_open(st, unit);
  return st;
}

/* Closes what open_backend began; returns what it wrote (caller frees). */
static char *close_backend(const jx_backend *be, void *st, jx_unit *unit,
                           jx_out *o) {
  be->unit_close(st, unit);
  be->end(st);
  be->destroy(st);
  assert_int_equal(jx_out_flush(o), 0);
  size_t n;
  const char *data = jx_out_data(o, &n);
  char *copy = malloc(n + 1);
  assert_non_null(copy);
  memcpy(copy, data, n);
  copy[n] = '\0';
  jx_out_free(o);
  return copy;
}

/* Everything a back end writes for one project per text, the indicator's
 * memoised strings all pointing at `shared` (rewritten before each
 * project) when shared is not NULL, at fresh copies otherwise. */
static char *render_texts(const char *format, bool compact, char *shared) {
  jx_out o;
  jx_unit unit = {.code = "U1", .name = "单位"};
  const jx_backend *be;
  void *st = open_backend(format, compact, false, &o, &be, &unit);
  char *fresh[N_TEXTS]; /* all alive to the end: no address is reused */
  for (size_t i = 0; i < N_TEXTS; i++) {
    char *s = shared;
    if (s)
      strcpy(s, texts[i]);
    else
      s = fresh[i] = strdup(texts[i]);
    assert_non_null(s);
    jx_indicator x;
    memset(&x, 0, sizeof x);
    x.level1 = x.level1_label = x.level2 = x.level2_label = s;
    x.name = "名称";
    x.unit = s;
    x.kind = JX_KIND_QUANTITATIVE;
    x.line = (int)i + 1;
    jx_project p;
    memset(&p, 0, sizeof p);
    p.code = "P1";
    p.name = "项目";
    p.indicators = &x;
    p.n_indicators = 1;
    be->project(st, &unit, &p);
  }
  char *out = close_backend(be, st, &unit, &o);
  for (size_t i = 0; !shared && i < N_TEXTS; i++)
    free(fresh[i]);
  return out;
}

static void same_as_fresh(const char *format, bool compact) {
  char *shared = malloc(128);
  assert_non_null(shared);
  char *got = render_texts(format, compact, shared);
  char *want = render_texts(format, compact, NULL);
  if (strcmp(got, want) != 0) {
    print_error("%s: want:\n%s\ngot:\n%s\n", format, want, got);
    fail();
  }
  free(got);
  free(want);
  free(shared);
}

static void test_json(void **state) {
  (void)state;
  same_as_fresh("json", false);
  same_as_fresh("json", true);
}

static void test_jsonl(void **state) {
  (void)state;
  same_as_fresh("jsonl", true);
}

static void test_csv(void **state) {
  (void)state;
  same_as_fresh("csv", false);
}

static void test_c(void **state) {
  (void)state;
  same_as_fresh("c", false);
}

/* jx_json_string_memo itself, against jx_json_string_keep, one buffer
 * rewritten between the calls; then the same bytes at another address. */
static void test_json_memo_direct(void **state) {
  (void)state;
  jx_memo *m = calloc(1, sizeof *m);
  assert_non_null(m);
  char buf[128], other[128];
  for (int round = 0; round < 2; round++) {
    for (size_t i = 0; i < N_TEXTS; i++) {
      const char *s = buf;
      strcpy(buf, texts[i]);
      if (round == 1 && i % 2) {
        strcpy(other, texts[i]);
        s = other;
      }
      jx_out a, b;
      jx_out_init_mem(&a);
      jx_out_init_mem(&b);
      jx_json_string_memo(&a, m, s);
      jx_json_string_memo(&a, m, s); /* a hit, when it was kept */
      jx_json_string_keep(&b, s);
      jx_json_string_keep(&b, s);
      size_t na, nb;
      const char *da = jx_out_data(&a, &na), *db = jx_out_data(&b, &nb);
      assert_int_equal(na, nb);
      assert_memory_equal(da, db, na);
      jx_out_free(&a);
      jx_out_free(&b);
    }
  }
  free(m);
}

/* The JSON and CSV writers' category blocks (out.h's jx_blocks), on when
 * the back end is told the texts' addresses are keys: the same document
 * as without them, for categories that repeat, differ in one text or one
 * role, are absent, or are too long to keep, indented and compact; and
 * the sources' kinds and labels likewise.  The
 * texts are the static ones above: their addresses are keys. */
/* Round 3's indicators: one category (b) and, after each, one that
 * differs from it in one text or one role only (the same slot when the
 * text is not the level-2 label), so that a key that leaves out any of
 * them writes the first category's block for the second. */
static void one_apart(jx_indicator *x, size_t i) {
  const char *b[4] = {texts[19], texts[20], texts[21], texts[0]};
  jx_role r[2] = {JX_ROLE_OUTPUT, JX_ROLE_QUANTITY};
  if (i % 2) {
    size_t m = i / 2, j = m % 6, t = (m / 6 + 2) % (N_TEXTS + 1);
    if (j < 4)
      b[j] = t == N_TEXTS ? NULL : texts[t];
    else
      r[j - 4] = (jx_role)(t % 8);
  }
  x->level1 = b[0];
  x->level1_label = b[1];
  x->level2 = b[2];
  x->level2_label = b[3];
  x->level1_role = r[0];
  x->level2_role = r[1];
}

static char *render_categories(const char *format, bool compact, bool stable) {
  jx_out o;
  jx_unit unit = {.code = "U1", .name = "单位"};
  const jx_backend *be;
  void *st = open_backend(format, compact, stable, &o, &be, &unit);
  enum { N_IND = 3 * N_TEXTS };
  jx_indicator x[N_IND];
  for (int round = 0; round < 4; round++) {
    memset(x, 0, sizeof x);
    for (size_t i = 0; i < N_IND; i++) {
      size_t k = (i + (size_t)round) % N_TEXTS;
      if (round == 3) {
        one_apart(&x[i], i);
      } else if (k % 7 != 3) { /* else: no category, as in a division */
        x[i].level1 = texts[k];
        x[i].level1_label = texts[(k * 3) % N_TEXTS];
        x[i].level2 = texts[(k * 5 + (size_t)round) % N_TEXTS];
        x[i].level2_label = texts[(k * 7) % N_TEXTS];
        x[i].level1_role = (jx_role)(k % 3);
        x[i].level2_role = (jx_role)((k + (size_t)round) % 8);
      }
      x[i].name = "名称";
      x[i].kind = JX_KIND_QUANTITATIVE;
      x[i].line = (int)i + 1;
    }
    jx_source src[N_TEXTS];
    memset(src, 0, sizeof src);
    for (size_t i = 0; i < N_TEXTS; i++) {
      size_t k = (i + (size_t)round) % N_TEXTS;
      src[i].kind =
          k % 5 == 2 ? NULL : texts[(k * 3 + (size_t)round) % N_TEXTS];
      src[i].label = texts[k];
      src[i].amount.micros = (int64_t)k * 1500000;
      src[i].fiscal = (int)(k % 2);
    }
    jx_project p;
    memset(&p, 0, sizeof p);
    p.code = "P1";
    p.name = "项目";
    p.indicators = x;
    p.n_indicators = N_IND;
    p.sources = src;
    p.n_sources = N_TEXTS;
    be->project(st, &unit, &p);
  }
  return close_backend(be, st, &unit, &o);
}

static void test_json_categories(void **state) {
  (void)state;
  static const struct {
    const char *format;
    bool compact;
  } cases[] = {{"json", false},
               {"json", true},
               {"jsonl", true},
               {"csv", false},
               {"c", false}};
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
    char *got = render_categories(cases[c].format, cases[c].compact, true);
    char *want = render_categories(cases[c].format, cases[c].compact, false);
    if (strcmp(got, want) != 0) {
      print_error("%s: want:\n%s\ngot:\n%s\n", cases[c].format, want, got);
      fail();
    }
    free(got);
    free(want);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_json),
      cmocka_unit_test(test_jsonl),
      cmocka_unit_test(test_csv),
      cmocka_unit_test(test_c),
      cmocka_unit_test(test_json_memo_direct),
      cmocka_unit_test(test_json_categories),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
