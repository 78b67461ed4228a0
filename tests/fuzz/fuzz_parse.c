/*
 * fuzz_parse.c — libFuzzer entry point for the whole front end.
 *
 * Each input is treated as one jixiao source and goes through everything a
 * `jxc build -f json` run does (lexer, parser with recovery, checker,
 * lowering, the JSON back end and the diagnostic printer quoting source
 * lines), then through the two paths a build does not take: the parser
 * keeping the whole tree and its comments (jxc fmt, diff) and the bare
 * token iterator.  Output and diagnostics are thrown away; the sanitizers
 * (ASan, UBSan, LeakSanitizer) and libFuzzer's timeout are the oracle.
 *
 * Built and run by `make fuzz` (build-fuzz/, FUZZ_SECONDS).  Seeds live in
 * tests/fuzz/corpus/, keywords for mutation in tests/fuzz/jx.dict.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "backend.h"
#include "compile.h"
#include "diag.h"
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

/* The build pipeline, in memory: check, lower and emit JSON. */
static void build(const char *src, size_t size) {
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, discard, NULL);
  jx_out out;
  jx_out_init_mem(&out);
  const char *name = "fuzz.jx";
  jx_compile_job job = {&name, 1, &jx_backend_json, &out, {0}};
  job.emit.input_name = name;
  jx_compile_mem(&job, src, size, d);
  jx_diag_summary(d);
  jx_out_free(&out);
  jx_diag_free(d);
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
  build(src, size);
  keep_tree(src, size);
  tokens(src, size);
  return 0;
}
