/*
 * test_lexer_ref.c — the scanner that looks words up in the vocabulary
 * (grammar/lexer.l, compiler/domain/vocab.def) against the one that listed
 * every spelling as a flex rule (tests/unit/lexer_ref.l, main's lexer.l
 * before issue 10), token for token.
 *
 * Both scan the same inputs: every example, every fuzzer seed, every input
 * file of a golden case, every .jx of a case file, a jx-gen plan, and two
 * made-up ones that go where the two designs could part: every spelling
 * glued to every other spelling and to the characters around words (a
 * letter, a digit, CJK, a dot, a slash, a sign, a quote), and a long random
 * run of such pieces.  For each, the whole token stream must be the same:
 * kinds, byte offsets, lines, columns, lengths and values (texts, numbers
 * and units, dates, category halves, months), then the same diagnostics.
 *
 * Issue 11 widened the token language on purpose (values as printed and as
 * typed with an input method: date ranges, a comparison word after a
 * value, full-width letters and digits, thousands separators, costs per
 * unit with a dot, dates with 底 or 前, strings in “ ”, a colon after a
 * keyword, 指标值 and ═).  The reference does not know those, so an input
 * that uses one (issue11(), which names each) is not compared: the two
 * scanners must agree on everything else, which is every input that
 * existed before and every pair of pieces that spells nothing new.
 *
 * The same inputs, all of them, and strings made to probe it, also go
 * through lexer.l with and without its fast path for strings
 * (grammar/lex_fast.h): flex's rules are the reference there, and the two
 * must give the same tokens, places, values, yytext and diagnostics.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "scan.h"
/* The generated headers need jx_scan, then the parser's token types. */
#include "parser.h"
#include "lexer.h"
#include "text_out.h"

/* The reference scanner (lexer_ref.l, flex prefix ref_yy). */
int ref_yylex_init_extra(jx_scan *extra, yyscan_t *scanner);
int ref_yylex(YYSTYPE *v, jx_loc *loc, yyscan_t scanner);
int ref_yylex_destroy(yyscan_t scanner);

/* The scanners compared: the reference, and grammar/lexer.l with and
 * without its fast path for strings (lex_fast.h). */
enum { REF, VOCAB, FLEX_ONLY };

/* The token stream of src through one scanner, as text, then its
 * diagnostics; with text, also what yytext holds after each token (the
 * parser quotes it in a syntax error). */
static void scan_as(const char *src, size_t n, int mode, bool text,
                    sd_buf *out) {
  bool ref = mode == REF;
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, sd_on_diag, out);
  jx_diag_set_format(d, JX_DIAG_JSON);
  uint32_t file = jx_diag_add_source(d, "t.jx", src, n);
  jx_arena arena;
  jx_arena_init(&arena);
  jx_scan s;
  memset(&s, 0, sizeof s);
  s.arena = &arena;
  s.diag = d;
  s.file = file;
  s.line = 1;
  s.mem = src;
  s.mem_len = n;
  /* The reference predates the one error for a file saved as GBK (the
   * file's encoding taken as seen, not GBK: each bad byte an error, as
   * the reference has it); tests/golden/check-gbk tests that error. */
  s.encoding_seen = true;
  s.flex_only = mode == FLEX_ONLY;
  /* lexer.l itself, not the hand-written scanner in front of it
   * (test_scan_direct compares those two). */
  s.flex_scanner = true;
  jx_vocab_index_init(&s.vocab);
  yyscan_t sc;
  assert_int_equal(
      ref ? ref_yylex_init_extra(&s, &sc) : yylex_init_extra(&s, &sc), 0);
  for (;;) {
    YYSTYPE v;
    jx_loc loc;
    memset(&v, 0, sizeof v);
    memset(&loc, 0, sizeof loc);
    int kind = ref ? ref_yylex(&v, &loc, sc) : yylex(&v, &loc, sc);
    sd_putf(out, "%d", kind);
    sd_loc(out, &loc);
    if (text && kind != YYEOF) {
      sd_puts(out, "<");
      sd_puts(out, yyget_text(sc));
      sd_puts(out, ">");
    }
    switch (kind) {
    case STRING:
    case WORD:
      sd_puts(out, "[");
      sd_puts(out, v.str); /* its place is the token's */
      sd_puts(out, "]");
      break;
    case NUMBER:
    case DATE:
      sd_puts(out, "[");
      sd_puts(out, v.value->text);
      sd_puts(out, "|");
      sd_puts(out, v.value->number);
      sd_puts(out, "|");
      sd_puts(out, v.value->unit);
      sd_loc(out, &v.value->unit_loc);
      sd_putf(out, "|%d-%d-%d]", v.value->year, v.value->month, v.value->day);
      break;
    case PATH:
      sd_puts(out, "[");
      sd_puts(out, v.path->l1.text);
      sd_loc(out, &v.path->l1.loc);
      sd_puts(out, ".");
      sd_puts(out, v.path->l2.text);
      sd_loc(out, &v.path->l2.loc);
      sd_puts(out, "]");
      break;
    case MONTH:
      sd_putf(out, "[%d]", v.month);
      break;
    default:
      break;
    }
    sd_puts(out, "\n");
    if (kind == YYEOF)
      break;
  }
  sd_putf(out, "errors %d\n", s.lex_errors);
  ref ? ref_yylex_destroy(sc) : yylex_destroy(sc);
  free(s.sbuf);
  free(s.block_at); /* the brace stack of the suppression comments */
  jx_diag_flush(d);
  jx_diag_free(d);
  jx_arena_free(&arena);
}

static void scan(const char *src, size_t n, bool ref, sd_buf *out) {
  scan_as(src, n, ref ? REF : VOCAB, false, out);
}

/* The two paths of lexer.l agree on src: every token, place, value,
 * yytext and diagnostic.  No input is left out. */
static size_t fast_compared;
static void same_paths(const char *name, const char *src, size_t n) {
  sd_buf a = {NULL, 0, 0}, b = {NULL, 0, 0};
  scan_as(src, n, FLEX_ONLY, true, &a);
  scan_as(src, n, VOCAB, true, &b);
  if (a.n != b.n || memcmp(a.p, b.p, a.n) != 0) {
    size_t i = 0, line = 0;
    while (i < a.n && i < b.n && a.p[i] == b.p[i])
      line += a.p[i++] == '\n';
    const char *x = a.p + i, *y = b.p + i;
    while (x > a.p && x[-1] != '\n')
      x--, y--;
    fail_msg("%s: the fast path parts from flex at token %zu:\n  flex: "
             "%.200s\n  fast: %.200s",
             name, line, x, y);
  }
  fast_compared++;
  free(a.p);
  free(b.p);
}

static bool has(const char *s, const char *part) {
  return s && strstr(s, part);
}

/* Whether the n bytes at s hold part. */
static bool has_n(const char *s, size_t n, const char *part) {
  size_t k = strlen(part);
  for (size_t i = 0; i + k <= n; i++)
    if (memcmp(s + i, part, k) == 0)
      return true;
  return false;
}

/* The first construct of issue 11 in src (see the file comment), as the
 * new scanner reads it, or NULL: where the reference reads it otherwise. */
static const char *issue11(const char *src, size_t n) {
  jx_diag *d = jx_diag_new();
  sd_buf quiet = {NULL, 0, 0};
  jx_diag_set_writer(d, sd_on_diag, &quiet);
  uint32_t file = jx_diag_add_source(d, "t.jx", src, n);
  jx_arena arena;
  jx_arena_init(&arena);
  jx_scan s;
  memset(&s, 0, sizeof s);
  s.arena = &arena;
  s.diag = d;
  s.file = file;
  s.line = 1;
  s.mem = src;
  s.mem_len = n;
  s.flex_scanner = true;
  jx_vocab_index_init(&s.vocab);
  yyscan_t sc;
  assert_int_equal(yylex_init_extra(&s, &sc), 0);
  const char *why = NULL;
  for (int kind = -1; kind != YYEOF && !why;) {
    YYSTYPE v;
    jx_loc loc;
    memset(&v, 0, sizeof v);
    memset(&loc, 0, sizeof loc);
    kind = yylex(&v, &loc, sc);
    const char *at = src + loc.offset, *after = at + loc.len;
    if (kind == DATE_RANGE)
      why = "a date range";
    else if (kind == TARGET)
      why = "the keyword 指标值";
    else if (kind == YYerror && loc.len > 0 &&
             (*at == ':' || (loc.len == 3 && (memcmp(at, "“", 3) == 0 ||
                                              memcmp(at, "：", 3) == 0))))
      why = "a colon, or a string in “ ”";
    else if ((kind == NUMBER || kind == DATE) && v.value->post)
      why = "a comparison after a value";
    else if (kind == NUMBER && (strlen(v.value->text) != loc.len ||
                                memcmp(v.value->text, at, loc.len) != 0))
      why = "a full-width or grouped number";
    else if (kind == YYerror && loc.len > 1 &&
             (memchr(at, ',', loc.len) || has_n(at, loc.len, "，")))
      why = "a number with misplaced thousands separators"; /* 0,1 */
    else if (kind == NUMBER &&
             (has(v.value->unit, ".") || has(v.value->unit, "．") ||
              has(v.value->unit, "•")))
      why = "a cost per unit with a dot";
    else if (kind == DATE &&
             (has(v.value->text, "底") || has(v.value->text, "末") ||
              has(v.value->text, "号")))
      why = "a date with 底, 末 or 号";
    else if (kind == WORD &&
             (strlen(v.str) != loc.len || memcmp(v.str, at, loc.len) != 0))
      why = "a word in full-width letters";
    else if (kind == PATH && (has(v.path->l1.text, "") &&
                              strlen(v.path->l1.text) != v.path->l1.loc.len))
      why = "a category in full-width letters";
    else if (kind == STRING && loc.len >= 3 && memcmp(at, "“", 3) == 0)
      why = "a string in “ ”";
    else if (kind == EQ && loc.len == 3 && memcmp(at, "═", 3) == 0)
      why = "the sign ═";
    else if (kind != YYEOF && kind != YYerror && kind != STRING &&
             ((loc.len >= 2 && after[-1] == ':') ||
              (loc.len >= 4 && memcmp(after - 3, "：", 3) == 0)))
      why = "a colon after a keyword";
  }
  yylex_destroy(sc);
  free(s.sbuf);
  free(s.block_at); /* the brace stack of the suppression comments */
  jx_diag_flush(d);
  if (!why && has(quiet.p, "number-separator"))
    why = "a thousands separator out of place";
  jx_diag_free(d);
  jx_arena_free(&arena);
  free(quiet.p);
  return why;
}

static size_t compared, skipped;

/* Both scanners agree on src, or the test fails naming the first line
 * where they part.  An input with a construct of issue 11 is not
 * compared. */
static void same(const char *name, const char *src, size_t n) {
  same_paths(name, src, n);
  const char *why = issue11(src, n);
  if (why) {
    print_message("%s: not compared (%s)\n", name, why);
    skipped++;
    return;
  }
  sd_buf a = {NULL, 0, 0}, b = {NULL, 0, 0};
  scan(src, n, true, &a);
  scan(src, n, false, &b);
  if (a.n != b.n || memcmp(a.p, b.p, a.n) != 0) {
    size_t i = 0, line = 0;
    while (i < a.n && i < b.n && a.p[i] == b.p[i])
      line += a.p[i++] == '\n';
    const char *x = a.p + i, *y = b.p + i;
    while (x > a.p && x[-1] != '\n')
      x--, y--;
    fail_msg("%s: the scanners part at token %zu:\n  reference: %.200s\n  "
             "vocabulary: %.200s",
             name, line, x, y);
  }
  compared++;
  free(a.p);
  free(b.p);
}

/* ---- inputs --------------------------------------------------------------
 */

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

static void same_file(const char *path) {
  size_t n;
  char *text = slurp(path, &n);
  if (!text)
    return;
  same(path, text, n);
  free(text);
}

/* Every regular file under dir (one level of subdirectories when deep),
 * but a golden case's expected outputs and command. */
static void same_dir(const char *dir, bool deep, const char *suffix) {
  DIR *d = opendir(dir);
  assert_non_null(d);
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    const char *nm = e->d_name;
    if (nm[0] == '.' || strcmp(nm, "cmd") == 0 || strcmp(nm, "stdout") == 0 ||
        strcmp(nm, "stderr") == 0 || strcmp(nm, "status") == 0)
      continue;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, nm);
    size_t l = strlen(nm), sl = strlen(suffix);
    if (deep && !strchr(nm, '.'))
      same_dir(path, false, "");
    else if (l >= sl && strcmp(nm + l - sl, suffix) == 0)
      same_file(path);
  }
  closedir(d);
}

/* The .jx sections of the case files (tests/cases/NAME.txtar). */
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
    /* A section runs from after its "-- NAME --" line to the next. */
    const char *p = text, *end = text + n, *body = NULL;
    bool jx = false;
    while (p < end) {
      const char *nl = memchr(p, '\n', (size_t)(end - p));
      const char *eol = nl ? nl : end;
      size_t ll = (size_t)(eol - p);
      bool marker =
          ll >= 7 && memcmp(p, "-- ", 3) == 0 && memcmp(eol - 3, " --", 3) == 0;
      if (marker || !nl) {
        const char *stop = marker ? p : end;
        if (body && jx)
          same(path, body, (size_t)(stop - body));
        jx = marker && ll > 9 && memcmp(eol - 6, ".jx --", 6) == 0;
        body = nl ? nl + 1 : end;
      }
      if (!nl)
        break;
      p = nl + 1;
    }
    free(text);
  }
  closedir(d);
}

/* ---- made-up inputs ------------------------------------------------------
 */

/* Every spelling in vocab.def, then the characters a spelling may meet. */
static const char *const pieces[] = {
#define JX_KEYWORD(tok, en, zh) en, zh,
#define JX_OPERATOR(tok, op, en, zh) en, zh,
#define JX_PUNCT(tok, en, zh) en, zh,
#define JX_SPELLING(tok, text) text,
#define JX_MONTH(n, en, zh) en, zh,
#define JX_DOT(text) text,
#include "vocab.def"
    "a",  "x1", "_",     "9",    "2021",    "90%",    "项", "名称",        ".",
    "．", "/",  "\"s\"", "#c\n", " ",       "\u3000", "月", "-",           "+",
    "!",  "～", "Ａ",    "n",    "N",       "/a",     "A",  ">",           "＞",
    "==", "=",  "≥",     "\n",   "e\u0301", "→",      "®",  "\xEF\xBB\xBF"};

#define NPIECES (sizeof pieces / sizeof *pieces)

/* Every pair but those that spell a construct of issue 11 (a number and a
 * word that is also a postfix comparison, 9不低于; 指标值; Ａ): the rest,
 * thousands of pairs, must scan alike. */
static void test_every_pair(void **state) {
  (void)state;
  sd_buf b = {NULL, 0, 0};
  size_t left_out = 0;
  for (size_t i = 0; i < NPIECES; i++)
    for (size_t j = 0; j < NPIECES; j++) {
      char pair[128];
      int k = snprintf(pair, sizeof pair, "%s%s\n", pieces[i], pieces[j]);
      if (issue11(pair, (size_t)k)) {
        left_out++;
        continue;
      }
      sd_puts(&b, pair);
    }
  skipped = 0;
  same("every pair of pieces", b.p, b.n);
  assert_int_equal(skipped, 0);
  /* Issue 11 is a small part of the pairs. */
  assert_true(left_out > 0 && left_out < NPIECES * NPIECES / 10);
  free(b.p);
}

/* The pieces but those that make constructs of issue 11 next to others:
 * its own spellings, the operator words that are also postfix words, and
 * the full-width letter. */
static bool random_piece(const char *p) {
  for (size_t i = 0; i < jx_vocab_n_postfixes; i++)
    if (strcmp(p, jx_vocab_postfixes[i].text) == 0)
      return false;
  return strcmp(p, "Ａ") != 0 && strcmp(p, "═") != 0 &&
         strcmp(p, "指标值") != 0 && strcmp(p, "target") != 0;
}

static void test_random_runs(void **state) {
  (void)state;
  uint64_t s = 0x5EED;
  sd_buf b = {NULL, 0, 0};
  for (int i = 0; i < 200000;) {
    s = s * 6364136223846793005u + 1442695040888963407u;
    const char *p = pieces[(s >> 33) % NPIECES];
    if (!random_piece(p))
      continue;
    sd_puts(&b, p);
    /* After a slash (n/a, /a) a space: 9月底n/a.项 would be a cost per
     * unit. */
    if ((s >> 20) % 7 == 0 || strchr(p, '/'))
      sd_puts(&b, " ");
    i++;
  }
  skipped = 0;
  same("random runs of pieces", b.p, b.n);
  assert_int_equal(skipped, 0);
  free(b.p);
}

static void test_repository_inputs(void **state) {
  (void)state;
  compared = 0;
  skipped = 0;
  fast_compared = 0;
  same_dir("examples", false, ".jx");
  same_dir("tests/fuzz/corpus", false, "");
  same_dir("tests/golden", true, "");
  same_cases("tests/cases");
  same_file("bench/gen.c"); /* not jixiao: a stream of errors, all the same */
  /* Not vacuous: the inputs were found, and two in three are compared;
   * the two paths of lexer.l, on every one of them. */
  assert_true(compared >= 60);
  assert_true(fast_compared >= compared + skipped);
  print_message("repository inputs: %zu compared, %zu not\n", compared,
                skipped);
  assert_true(skipped * 2 < compared);
}

/* A generated plan (jx-gen sits beside $JXC). */
static void test_generated_plan(void **state) {
  (void)state;
  char cmd[1200];
  sd_buf b = {NULL, 0, 0};
  assert_int_equal(
      sd_generate("/jx-gen -s 7 -u 3 -p 20 -z 50", cmd, sizeof cmd, &b), 0);
  assert_true(b.n > 10000);
  same(cmd, b.p, b.n);
  free(b.p);
}

/* Strings where the fast path and flex's rules could part: folds of
 * every kind, escapes, control characters, each edge of well-formed
 * UTF-8, quotes of both kinds, a string longer than flex's first buffer
 * (so one that reaches the end of the bytes buffered), and a string cut
 * by the end of the input.  Every one must scan alike both ways. */
static void test_fast_path_strings(void **state) {
  (void)state;
  static const char *const bodies[] = {"",
                                       "a",
                                       "中文",
                                       "a b\tc",
                                       "a\n   b",
                                       "a\r\n\tb",
                                       "a\n\xE3\x80\x80"
                                       "b",
                                       "a\n\n  \r\n b",
                                       "a\n",
                                       "\n",
                                       "a\\nb",
                                       "a\\u{4E2D}b",
                                       "a\\\"b",
                                       "a\\qb",
                                       "a\x01"
                                       "b",
                                       "a\rb",
                                       "a\r",
                                       "a\x7F",
                                       "\xC0\x80",
                                       "\xC2\x80",
                                       "\xDF\xBF",
                                       "\xE0\x80\x80",
                                       "\xE0\xA0\x80",
                                       "\xED\x9F\xBF",
                                       "\xED\xA0\x80",
                                       "\xEF\xBF\xBF",
                                       "\xEF\xBB\xBF",
                                       "\xF0\x8F\xBF\xBF",
                                       "\xF0\x90\x80\x80",
                                       "\xF4\x8F\xBF\xBF",
                                       "\xF4\x90\x80\x80",
                                       "\xF5\x80\x80\x80",
                                       "\xE4\xB8",
                                       "\xE4\xB8"
                                       "a",
                                       "\xE4",
                                       "\x80",
                                       "\xFF",
                                       "“",
                                       "”",
                                       "a“b”c",
                                       "#c",
                                       "jxc: ignore[x]",
                                       "\xD6\xD0\xCE\xC4"};
  sd_buf b = {NULL, 0, 0};
  for (size_t i = 0; i < sizeof bodies / sizeof *bodies; i++) {
    sd_putf(&b, "goal \"%s\";\n", bodies[i]);
    sd_putf(&b, "x\"%s\"\"%s\" \"%s\n", bodies[i], bodies[i], bodies[i]);
    sd_putf(&b, "\"\";\n");
  }
  same_paths("strings", b.p, b.n);
  /* One string of 300,000 bytes, past flex's first 128 KiB buffer. */
  sd_buf big = {NULL, 0, 0};
  sd_puts(&big, "goal \"");
  for (int i = 0; i < 20000; i++)
    sd_puts(&big, i % 7 ? "预算绩效" : "ab\n   ");
  sd_puts(&big, "\";\ngoal \"end\";\n\"cut");
  same_paths("a long string", big.p, big.n);
  /* Strings at every distance from the end of the input. */
  const char *tail = "\"中文\n  x\"";
  for (size_t k = 0; k <= strlen(tail); k++)
    same_paths("a string cut at the end", tail, k);
  free(b.p);
  free(big.p);
}

/* A plan of each of bench's generators (both sit beside $JXC). */
static void test_generated_plans_fast_path(void **state) {
  (void)state;
  static const char *const gens[] = {"/jx-gen -s 3 -u 4 -p 30",
                                     "/jx-gen2 -s 3 -m 1"};
  for (size_t g = 0; g < 2; g++) {
    char cmd[1200];
    sd_buf b = {NULL, 0, 0};
    assert_int_equal(sd_generate(gens[g], cmd, sizeof cmd, &b), 0);
    assert_true(b.n > 10000);
    same_paths(cmd, b.p, b.n);
    free(b.p);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_pair),
      cmocka_unit_test(test_random_runs),
      cmocka_unit_test(test_repository_inputs),
      cmocka_unit_test(test_generated_plan),
      cmocka_unit_test(test_fast_path_strings),
      cmocka_unit_test(test_generated_plans_fast_path),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
