/*
 * fuzz_parse.c — libFuzzer entry point for the whole front end.
 *
 * Each input is treated as one jixiao source and goes through everything a
 * `jxc build` run does (lexer, parser with recovery, checker, lowering, a
 * back end — every registered one (JSON, CSV, C, XLSX, HTML), chosen by
 * the input's length so each gets a share — and the diagnostic printer
 * quoting source lines), then through the paths a build does not take:
 * the parser keeping the whole tree and its comments, the bare token
 * iterator, and `jxc fmt`.  The sanitizers
 * (ASan, UBSan, LeakSanitizer) and libFuzzer's timeout are the oracle,
 * plus two properties of the formatter: its output is a fixed point
 * (formatting it again changes nothing), and a source that builds cleanly
 * still does once formatted.  (The JSON itself may differ: it records
 * source lines.)
 *
 * Built and run by `make fuzz` (build-fuzz/, FUZZ_SECONDS).  Seeds live in
 * tests/fuzz/corpus/, keywords for mutation in tests/fuzz/jx.dict.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "backend.h"
#include "compile.h"
#include "diag.h"
#include "fmt.h"
#include "out.h"
#include "parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void discard(void *ud, const char *text, size_t n) {
  (void)ud;
  (void)text;
  (void)n;
}

static void count_token(void *ud, const jx_token *t) {
  /* Touch the text so a dangling pointer would be caught. */
  size_t *n = ud;
  *n += t->text ? strlen(t->text) : 0;
}

/* The build pipeline, in memory: check, lower and emit.  Returns 0 when
 * the source built cleanly, with the output in *out (caller frees). */
static int build(const char *src, size_t size, const jx_backend *be,
                 jx_out *out) {
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, discard, NULL);
  jx_out_init_mem(out);
  const char *name = "fuzz.jx";
  jx_compile_job job = {&name, 1, be, out, {0}};
  job.emit.input_name = name;
  job.emit.prefix = "fuzz";
  job.emit.csv_table = (jx_csv_table)(size / 3 % 3);
  job.emit.sheet = (jx_sheet_mode)(size / 5 % 2);
  /* HTML with diagnostics goes on emitting after errors: the path where
   * the back end holds declarations until their diagnostics arrive. */
  if (strcmp(be->name, "html") == 0 && size / 7 % 2) {
    job.emit.with_diagnostics = true;
    job.emit.diag = d;
  }
  int rc = jx_compile_mem(&job, src, size, d);
  jx_diag_summary(d);
  jx_diag_free(d);
  return rc;
}

/* jxc fmt; returns 0 with the text in *out (caller frees) if it parsed. */
static int fmt(const char *src, size_t size, bool zh, jx_out *out) {
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, discard, NULL);
  uint32_t file = jx_diag_add_source(d, "fuzz.jx", src, size);
  jx_out_init_mem(out);
  int rc = jx_fmt(src, size, file, d, zh, out);
  jx_diag_flush(d);
  jx_diag_free(d);
  return rc;
}

static bool same_output(jx_out *a, jx_out *b) {
  size_t na, nb;
  const char *pa = jx_out_data(a, &na), *pb = jx_out_data(b, &nb);
  return na == nb && memcmp(pa, pb, na) == 0;
}

/* Formatting is a fixed point and keeps a clean source clean. */
static void fmt_properties(const char *src, size_t size, bool zh) {
  jx_out once, twice, before, after;
  if (fmt(src, size, zh, &once) != 0) {
    jx_out_free(&once);
    return;
  }
  size_t n;
  const char *text = jx_out_data(&once, &n);
  if (fmt(text, n, zh, &twice) != 0 || !same_output(&once, &twice))
    abort(); /* fmt's output does not format to itself */
  jx_out_free(&twice);
  int rc_before = build(src, size, &jx_backend_json, &before);
  int rc_after = build(text, n, &jx_backend_json, &after);
  if (rc_before == 0 && rc_after != 0)
    abort(); /* formatting broke a clean source */
  jx_out_free(&before);
  jx_out_free(&after);
  jx_out_free(&once);
}

/* What jxc fmt and diff need: the whole tree with comments. */
static void keep_tree(const char *src, size_t size) {
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, discard, NULL);
  uint32_t file = jx_diag_add_source(d, "fuzz.jx", src, size);
  jx_arena arena;
  jx_arena_init(&arena);
  jx_parse_options opt = {true, true};
  jx_file_ast ast;
  memset(&ast, 0, sizeof ast);
  jx_parse_mem(src, size, file, d, &arena, NULL, &opt, &ast);
  jx_diag_flush(d);
  jx_arena_free(&arena);
  jx_diag_free(d);
}

static void tokens(const char *src, size_t size) {
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, discard, NULL);
  uint32_t file = jx_diag_add_source(d, "fuzz.jx", src, size);
  jx_arena arena;
  jx_arena_init(&arena);
  size_t n = 0;
  jx_lex_mem(src, size, file, d, &arena, count_token, &n);
  jx_diag_flush(d);
  jx_arena_free(&arena);
  jx_diag_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *src = (const char *)data;
  size_t n_backends = 0;
  while (jx_backends[n_backends])
    n_backends++;
  jx_out out;
  build(src, size, jx_backends[size % n_backends], &out);
  jx_out_free(&out);
  keep_tree(src, size);
  tokens(src, size);
  fmt_properties(src, size, size % 2 == 1);
  return 0;
}
