/*
 * test_scan_direct.c — the hand-written scanner (grammar/scan_direct.c)
 * against flex's (grammar/lexer.l, the reference), token for token and
 * diagnostic for diagnostic (scan_diff.h says what is compared).
 *
 * The inputs: every file of the fuzz corpora, every example, every input
 * file of a golden case and of tests/interop, import, sarif and lsp, every
 * case file (whole, and each of its .jx sections), a plan of each of
 * bench's generators, pieces made to sit on the edges of the hand-written
 * paths, and thousands of random mutations
 * of all of them, biased to the bytes where the scanners could part
 * (digits, 年月日, quotes of both kinds, full-width forms, backslashes,
 * GBK pairs, bad UTF-8, CR, a BOM, colons, dots, slashes, signs).  Each
 * input is read four ways: as jxc reads it, with comments and suppression
 * comments kept (fmt), and in reads of a few bytes at a time (so every
 * token meets the end of the scanner's buffer) as UTF-8 and as GBK.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "scan_diff.h"

static size_t compared;

static const sd_opts ways[] = {
    {false, false, false, 0},
    {true, false, false, 0},
    {true, true, false, 3},
    {false, true, true, 7},
};

/* Both scanners agree on src, the first nways ways, or the test fails. */
static void same_ways(const char *name, const char *src, size_t n,
                      size_t nways) {
  for (size_t w = 0; w < nways; w++) {
    char *why = NULL;
    if (!sd_same(src, n, &ways[w], &why)) {
      /* The input, to read again (and to add to the fuzz corpus), where
       * JX_SCAN_FAILURE says. */
      const char *keep = getenv("JX_SCAN_FAILURE");
      FILE *f = keep ? fopen(keep, "wb") : NULL;
      if (f) {
        fwrite(src, 1, n, f);
        fclose(f);
      }
      fail_msg("%s (way %zu, %zu bytes): %s", name, w, n, why);
    }
    compared++;
  }
}

static void same(const char *name, const char *src, size_t n) {
  same_ways(name, src, n, sizeof ways / sizeof *ways);
}

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  sd_buf b = {NULL, 0, 0};
  char chunk[65536];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
    sd_put(&b, chunk, got);
  fclose(f);
  if (!b.p)
    sd_put(&b, "", 0);
  *n = b.n;
  return b.p;
}

/* The inputs kept for mutation. */
static sd_buf pool;
static size_t pool_starts[4096], pool_n;

static void keep(const char *src, size_t n) {
  if (pool_n < sizeof pool_starts / sizeof *pool_starts && n < 20000) {
    pool_starts[pool_n++] = pool.n;
    sd_put(&pool, src, n);
    sd_put(&pool, "", 1); /* a NUL between: a mutation may meet one */
  }
}

static void same_file(const char *path) {
  size_t n;
  char *text = slurp(path, &n);
  if (!text)
    return;
  same(path, text, n);
  keep(text, n);
  free(text);
}

/* Every regular file under dir, and one level of subdirectories. */
static void same_dir(const char *dir, int depth) {
  DIR *d = opendir(dir);
  if (!d)
    return;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.')
      continue;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    DIR *sub = opendir(path);
    if (sub) {
      closedir(sub);
      if (depth > 0)
        same_dir(path, depth - 1);
      continue;
    }
    same_file(path);
  }
  closedir(d);
}

/* A case file whole, then each of its .jx sections. */
static void same_cases(const char *dir) {
  DIR *d = opendir(dir);
  assert_non_null(d);
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    size_t l = strlen(e->d_name);
    if (l < 7 || strcmp(e->d_name + l - 6, ".txtar") != 0)
      continue;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    size_t n;
    char *text = slurp(path, &n);
    assert_non_null(text);
    same(path, text, n);
    const char *p = text, *end = text + n, *body = NULL;
    while (p < end) {
      const char *nl = memchr(p, '\n', (size_t)(end - p));
      const char *eol = nl ? nl : end;
      bool marker = eol - p >= 7 && memcmp(p, "-- ", 3) == 0 &&
                    memcmp(eol - 3, " --", 3) == 0;
      if (marker || !nl) {
        if (body) {
          same(path, body, (size_t)((marker ? p : end) - body));
          keep(body, (size_t)((marker ? p : end) - body));
        }
        body = marker && eol - p > 9 && memcmp(eol - 6, ".jx --", 6) == 0
                   ? nl + 1
                   : NULL;
      }
      if (!nl)
        break;
      p = nl + 1;
    }
    free(text);
  }
  closedir(d);
}

static void test_repository_inputs(void **state) {
  (void)state;
  compared = 0;
  same_dir("tests/fuzz", 1);
  same_dir("examples", 0);
  same_dir("tests/golden", 1);
  same_dir("tests/interop", 1);
  same_dir("tests/import", 1);
  same_dir("tests/sarif", 1);
  same_dir("tests/lsp", 1);
  same_cases("tests/cases");
  print_message("repository inputs: %zu scans compared\n", compared);
  assert_true(compared > 4 * 600);
}

/* A plan of each of bench's generators (both sit beside $JXC). */
static void test_generated_plans(void **state) {
  (void)state;
  static const char *const gens[] = {"/jx-gen -s 5 -u 3 -p 40",
                                     "/jx-gen2 -s 5 -m 1"};
  for (size_t g = 0; g < 2; g++) {
    char cmd[1200];
    sd_buf b = {NULL, 0, 0};
    assert_int_equal(sd_generate(gens[g], cmd, sizeof cmd, &b), 0);
    assert_true(b.n > 100000);
    same(cmd, b.p, b.n);
    /* The plan's first lines, for mutation. */
    keep(b.p, 6000);
    keep(b.p + b.n / 2, 6000);
    free(b.p);
  }
}

/* Bytes where the two could part. */
static const char *const spices[] = {
    "0",
    "1",
    "9",
    "2023",
    "202301",
    "20230115",
    "年",
    "月",
    "日",
    "底",
    "前",
    "号",
    "至",
    "到",
    "-",
    "－",
    "—",
    "~",
    "～",
    ".",
    "．",
    ",",
    "，",
    ":",
    "：",
    "/",
    "／",
    "%",
    "％",
    "‰",
    "•",
    "\"",
    "“",
    "”",
    "\\",
    "\\n",
    "\\u{",
    "}",
    "\r",
    "\n",
    "\r\n",
    "\t",
    " ",
    "\u3000",
    "\xEF\xBB\xBF",
    "\xD6\xD0",
    "\x81\x5C",
    "\x80",
    "\xE4\xB8",
    "\xFF",
    "\x01",
    "\x00",
    "#",
    "//",
    "# jxc: ignore[",
    "unused-funds]",
    "Ａ",
    "ａ",
    "１",
    "＿",
    "a",
    "n/a",
    "x",
    "_",
    "项目",
    "指标",
    "元",
    "万元",
    "人",
    "<",
    ">",
    "=",
    "≥",
    "＞",
    "＝",
    "≤",
    "；",
    ";",
    "｛",
    "{",
    "｝",
    "+",
    "e\u0301",
    "®",
    "℃",
    "㎡",
    "以上",
    "不低于",
    "output.",
    ".quantity",
};

#define NSPICES (sizeof spices / sizeof *spices)

static uint64_t rng = 0x5CA11ED;

static uint64_t next(void) {
  rng = rng * 6364136223846793005u + 1442695040888963407u;
  return rng >> 33;
}

/* src with a few random changes: a spice put in or over, bytes taken out
 * or changed to any byte. */
static void mutate(const char *src, size_t n, sd_buf *out) {
  out->n = 0;
  sd_put(out, src, n);
  int edits = 1 + (int)(next() % 4);
  for (int k = 0; k < edits; k++) {
    size_t at = out->n ? next() % (out->n + 1) : 0;
    uint64_t how = next() % 8;
    if (how < 4) { /* insert a spice */
      const char *sp = spices[next() % NSPICES];
      size_t l = sp[0] ? strlen(sp) : 1;
      sd_put(out, sp, l); /* room */
      memmove(out->p + at + l, out->p + at, out->n - l - at);
      memcpy(out->p + at, sp, l);
    } else if (how < 6 && at < out->n) { /* overwrite with a spice */
      const char *sp = spices[next() % NSPICES];
      size_t l = sp[0] ? strlen(sp) : 1;
      if (at + l > out->n)
        l = out->n - at;
      memcpy(out->p + at, sp, l);
    } else if (how == 6 && at < out->n) { /* delete */
      size_t l = 1 + next() % 4;
      if (at + l > out->n)
        l = out->n - at;
      memmove(out->p + at, out->p + at + l, out->n - at - l);
      out->n -= l;
    } else if (at < out->n) { /* any byte */
      out->p[at] = (char)(next() & 0xFF);
    }
  }
}

/* Random mutations of the inputs seen (the repository's and the plans'),
 * each read every way. */
static void test_mutations(void **state) {
  (void)state;
  assert_true(pool_n > 100);
  sd_buf m = {NULL, 0, 0};
  const char *env = getenv("JX_SCAN_MUTATIONS");
  long rounds = env ? atol(env) : 3000;
  for (long r = 0; r < rounds; r++) {
    size_t i = next() % pool_n;
    size_t start = pool_starts[i];
    size_t n = strlen(pool.p + start);
    /* A window of it: mutations near both ends and in the middle. */
    size_t from = n > 600 ? next() % (n - 400) : 0;
    size_t len = n - from < 600 ? n - from : 600;
    mutate(pool.p + start + from, len, &m);
    char name[64];
    snprintf(name, sizeof name, "mutation %ld of input %zu", r, i);
    same(name, m.p, m.n);
  }
  free(m.p);
}

/* Pieces on the edges of the hand-written paths, every pair of them. */
static void test_pairs_of_spices(void **state) {
  (void)state;
  sd_buf b = {NULL, 0, 0};
  for (size_t i = 0; i < NSPICES; i++)
    for (size_t j = 0; j < NSPICES; j++) {
      b.n = 0;
      sd_puts(&b, "x ");
      sd_put(&b, spices[i], spices[i][0] ? strlen(spices[i]) : 1);
      sd_put(&b, spices[j], spices[j][0] ? strlen(spices[j]) : 1);
      sd_puts(&b, " 12");
      sd_put(&b, spices[j], spices[j][0] ? strlen(spices[j]) : 1);
      same("a pair", b.p, b.n);
      /* cut anywhere: the end of the input in the middle of anything */
      same("a pair, cut", b.p, b.n - 1);
    }
  free(b.p);
}

/* Long tokens: past the buffer's first 128 KiB, and at its edge. */
static void test_long_tokens(void **state) {
  (void)state;
  static const char *const units[] = {"预算绩效", "ab",   " ", "\n",
                                      "9",        "a\\n", "#c"};
  for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
    sd_buf b = {NULL, 0, 0};
    sd_puts(&b, "goal \"x\";\n");
    bool str = u == 0 || u == 5;
    if (str)
      sd_puts(&b, "goal \"");
    while (b.n < 140000)
      sd_puts(&b, units[u]);
    if (str)
      sd_puts(&b, "\";");
    sd_puts(&b, "\ngoal \"end\";\n");
    /* Not in reads of a few bytes: each read would rescan the token. */
    same_ways(units[u], b.p, b.n, 2);
    free(b.p);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_repository_inputs),
      cmocka_unit_test(test_generated_plans),
      cmocka_unit_test(test_pairs_of_spices),
      cmocka_unit_test(test_long_tokens),
      cmocka_unit_test(test_mutations),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  free(pool.p);
  return rc;
}
