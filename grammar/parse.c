/*
 * parse.c — runs the scanners and the bison parser over one source: the
 * front end's top, calling everything else in grammar/ and called back by
 * none of it.  The input is read in pieces (scan_input.c).  Also the
 * token stream for the lexer's tests and tools (yylex, jx_lex_mem).
 */
#include "parse.h"

#include <stdlib.h>
#include <string.h>

#include "lex_shared.h"
#include "scan.h"
/* The generated headers need jx_scan, then the parser's token types. */
#include "parser.h"
#include "lexer.h"

/* The scanner with the statements followed (scan_track.c), for the
 * lexer's tests and tools; the parser calls the scanners and follows them
 * itself (parse_actions.h). */
int yylex(YYSTYPE *lval, YYLTYPE *lloc, yyscan_t scanner) {
  jx_scan *s = yyget_extra(scanner);
  s->flex = scanner;
  lloc->file = s->file; /* jx_lex_direct's tokens leave it as it is */
  return jx_lex_direct(s, lval, lloc); /* or flex's (tests) */
}

static void scan_init(jx_scan *s, uint32_t file, jx_diag *d, jx_arena *arena,
                      const jx_sink *sink, const jx_parse_options *opt) {
  memset(s, 0, sizeof *s);
  s->arena = arena;
  s->diag = d;
  s->file = file;
  s->line = 1;
  s->sink = sink;
  jx_vocab_index_init(&s->vocab);
  /* Every token by flex's scanner, the reference, instead of the
   * hand-written one (scan_direct.c): for tests only. */
  const char *sc = getenv("JX_SCANNER");
  s->flex_scanner = sc && strcmp(sc, "flex") == 0;
  if (opt) {
    s->keep_tree = opt->keep_tree;
    s->keep_comments = opt->keep_comments;
    s->suppress = opt->suppress;
  }
}

static void noop_project(void *ud, jx_node *project, const jx_node *unit) {
  (void)ud;
  (void)project;
  (void)unit;
}

static int run(jx_scan *s, jx_file_ast *out) {
  static const jx_sink empty = {.project = noop_project};
  if (!s->sink)
    s->sink = &empty;
  else if (!s->sink->project) {
    /* The grammar calls project() unconditionally; keep the caller's other
     * callbacks but give it a project one. */
    jx_sink *copy = jx_arena_alloc(s->arena, sizeof *copy);
    *copy = *s->sink;
    copy->project = noop_project;
    s->sink = copy;
  }
  s->on_token = s->hooks ? s->hooks->token : NULL;
  s->track_all = s->n_sup_open || s->on_token;
  yyscan_t scanner;
  if (yylex_init_extra(s, &scanner) != 0)
    return -1;
  s->flex = scanner;
  int rc = yyparse(scanner, s);
  yylex_destroy(scanner);
  free(s->sbuf);
  free(s->dir.buf);
  free(s->sup_open);
  free(s->block_at);
  if (out) {
    out->items = s->items.head;
    out->comments = s->comments;
  }
  return (rc != 0 || s->syntax_errors || s->lex_errors) ? 1 : 0;
}

int jx_parse_source(jx_source *src, uint32_t file, jx_diag *d, jx_arena *arena,
                    const jx_sink *sink, const jx_parse_options *opt,
                    jx_file_ast *out) {
  jx_scan s;
  scan_init(&s, file, d, arena, sink, opt);
  s.src = src;
  int rc = run(&s, out);
  return s.read_failed ? 2 : rc;
}

int jx_parse_mem(const char *data, size_t n, uint32_t file, jx_diag *d,
                 jx_arena *arena, const jx_sink *sink,
                 const jx_parse_options *opt, jx_file_ast *out) {
  jx_scan s;
  scan_init(&s, file, d, arena, sink, opt);
  s.mem = data;
  s.mem_len = n;
  return run(&s, out);
}

int jx_parse_hooked(jx_source *src, const char *data, size_t n, uint32_t file,
                    jx_diag *d, jx_arena *arena, const jx_sink *sink,
                    const jx_parse_options *opt, const jx_parse_hooks *hooks) {
  jx_scan s;
  scan_init(&s, file, d, arena, sink, opt);
  s.hooks = hooks;
  s.src = src;
  s.mem = data;
  s.mem_len = n;
  int rc = run(&s, NULL);
  return s.read_failed ? 2 : rc;
}

int jx_lex_mem(const char *data, size_t n, uint32_t file, jx_diag *d,
               jx_arena *arena, void (*fn)(void *ud, const jx_token *t),
               void *ud) {
  jx_scan s;
  scan_init(&s, file, d, arena, NULL, NULL);
  s.mem = data;
  s.mem_len = n;
  yyscan_t scanner;
  if (yylex_init_extra(&s, &scanner) != 0)
    return -1;
  for (;;) {
    YYSTYPE v;
    jx_loc loc;
    memset(&v, 0, sizeof v);
    memset(&loc, 0, sizeof loc);
    int kind = yylex(&v, &loc, scanner);
    jx_token t = {kind, jx_token_name(kind), NULL, 0, loc, NULL};
    switch (kind) {
    case STRING:
    case WORD:
      t.text = v.str;
      break;
    case NUMBER:
    case DATE:
    case DATE_RANGE:
      t.text = v.value->text;
      t.value = v.value;
      break;
    case MONTH:
      t.month = v.month;
      break;
    case PATH: {
      size_t a = strlen(v.path->l1.text), b = strlen(v.path->l2.text);
      char *joined = jx_arena_alloc(arena, a + b + 2);
      memcpy(joined, v.path->l1.text, a);
      joined[a] = '.';
      memcpy(joined + a + 1, v.path->l2.text, b + 1);
      t.text = joined;
      break;
    }
    default:
      break;
    }
    fn(ud, &t);
    if (kind == YYEOF)
      break;
  }
  yylex_destroy(scanner);
  free(s.sbuf);
  free(s.dir.buf);
  free(s.block_at);
  return s.lex_errors;
}
