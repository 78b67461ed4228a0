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
 * plus the formatter's properties (tests/unit/fmt_props.h, which the
 * property test checks too): parse -> fmt -> parse gives the same tree,
 * the same plan, the same diagnostics and the same comments in the same
 * places, and the output is a fixed point (formatting it again changes
 * nothing), in the keyword language the input's length picks.
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
#include "build.h"
#include "diag.h"
#include "fmt.h"
#include "out.h"
#include "parse.h"

#include "../unit/fmt_props.h"

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
  jx_load_text text = {src, size};
  jx_load_job in;
  memset(&in, 0, sizeof in);
  in.paths = &name;
  in.texts = &text;
  in.n = 1;
  jx_emit_options eo;
  memset(&eo, 0, sizeof eo);
  eo.input_name = name;
  eo.prefix = "fuzz";
  eo.csv_table = (jx_csv_table)(size / 3 % 3);
  eo.sheet = (jx_sheet_mode)(size / 5 % 2);
  /* HTML with diagnostics goes on emitting after errors: the path where
   * the back end holds declarations until their diagnostics arrive. */
  if (strcmp(be->name, "html") == 0 && size / 7 % 2) {
    eo.with_diagnostics = true;
    eo.diag = d;
  }
  int rc = jx_build(&in, be, out, &eo, d);
  jx_diag_summary(d);
  jx_diag_free(d);
  return rc;
}

/* A property of the formatter does not hold: say which, and crash so that
 * libFuzzer keeps the input. */
static void fmt_properties(const char *src, size_t size, bool zh) {
  props_result r;
  const char *why = props_check(src, size, zh, &r);
  free(r.y);
  if (why) {
    fprintf(stderr, "%s\n", why);
    abort();
  }
}

/* What jxc fmt and diff need: the whole tree with comments. */
static void keep_tree(const char *src, size_t size) {
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, discard, NULL);
  uint32_t file = jx_diag_add_source(d, "fuzz.jx", src, size);
  jx_arena arena;
  jx_arena_init(&arena);
  jx_parse_options opt = {true, true, NULL};
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
