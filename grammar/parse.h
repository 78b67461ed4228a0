/*
 * parse.h — the front end: source text in, AST events out.
 *
 * The parser (grammar/parser.y over grammar/lexer.l) reads a file through a
 * fixed-size buffer and hands each top-level declaration to a jx_sink as
 * soon as it is complete.  A project is the unit of streaming: once
 * sink->project() returns, the parser gives the project's memory back to
 * the arena (unless keep_tree is set), so a gigabyte of projects parses in
 * constant memory.
 *
 * Syntax errors are reported through the jx_diag; the parser recovers at
 * statement and block level and goes on, so one run reports every error.
 */
#ifndef JX_PARSE_H
#define JX_PARSE_H

#include <stdbool.h>
#include <stdio.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "source.h"
#include "suppress.h"

typedef struct jx_sink {
  void *ud;
  /* Each may be NULL.  Nodes are valid until the callback returns, except
   * with keep_tree, where they live as long as the arena.  They are handed
   * over writable: the checker stores what it resolves on them. */
  void (*header)(void *ud, jx_node *header);
  void (*framework)(void *ud, jx_node *framework);
  void (*department)(void *ud, jx_node *department);
  void (*unit_open)(void *ud, jx_node *unit); /* items still empty */
  void (*project)(void *ud, jx_node *project,
                  const jx_node *unit /* NULL outside a unit */);
  void (*unit_close)(void *ud, jx_node *unit);
  /* The rest of the year (compiler/eval): an `actuals` block, a
   * `profile` declared or selected.  NULL: parsed and passed over. */
  void (*actuals)(void *ud, jx_node *actuals);
  void (*profile)(void *ud, jx_node *profile);
} jx_sink;

/* More of what the parser sees, for `jxc fmt`, which prints as the parser
 * goes (compiler/fmt/fmt_stream.c).  Each may be NULL. */
typedef struct jx_parse_hooks {
  void *ud;
  /* A goal, measure or org statement of the open unit, in source order
   * with its projects (unit_close sees them all again). */
  void (*unit_item)(void *ud, jx_node *item);
  /* Each comment as it is read, with keep_comments, instead of the
   * jx_file_ast's list (text without the '#', valid during the call). */
  void (*comment)(void *ud, const char *text, size_t n, jx_loc loc);
  /* Every token the parser reads. */
  void (*token)(void *ud, int kind, const jx_loc *loc);
} jx_parse_hooks;

typedef struct jx_parse_options {
  bool keep_tree;     /* keep every node (fmt, diff, tests) */
  bool keep_comments; /* collect comments into the jx_file_ast */
  /* Where `# jxc: ignore[CODE]` comments go (suppress.h); NULL: they are
   * comments like any other. */
  jx_suppress *suppress;
} jx_parse_options;

/* Parses one input, registered as `file` in diag (jx_source_register),
 * reading it to its end (or n bytes of data, for jx_parse_mem).  Reading
 * stops early once the error cap is reached.  Returns 0 if it parsed
 * without syntax errors, 1 if it had some, and (jx_parse_source) 2 when a
 * read failed: that was reported, and nothing is said about the input's
 * false end.  With keep_tree, *out receives the whole file. */
int jx_parse_source(jx_source *src, uint32_t file, jx_diag *d, jx_arena *arena,
                    const jx_sink *sink, const jx_parse_options *opt,
                    jx_file_ast *out);
int jx_parse_mem(const char *data, size_t n, uint32_t file, jx_diag *d,
                 jx_arena *arena, const jx_sink *sink,
                 const jx_parse_options *opt, jx_file_ast *out);

/* jx_parse_source (src) or jx_parse_mem (src NULL), with hooks. */
int jx_parse_hooked(jx_source *src, const char *data, size_t n, uint32_t file,
                    jx_diag *d, jx_arena *arena, const jx_sink *sink,
                    const jx_parse_options *opt, const jx_parse_hooks *hooks);

/* ---- Tokens, for the lexer's unit tests and tools ---------------------- */

typedef struct jx_token {
  int kind;         /* a bison token number (parser.h) */
  const char *name; /* its printable name: "string", "'{'", "project" */
  const char *text; /* decoded value for strings, numbers, words */
  int month;        /* MONTH: 1-12 */
  jx_loc loc;
  const jx_value *value; /* NUMBER, DATE, DATE_RANGE: the value as read
                            (its postfix comparison, its unit); valid
                            during the call only */
} jx_token;

/* Lexes data to the end, calling fn for each token (the last is the end of
 * input, kind 0).  Returns the number of lexical errors. */
int jx_lex_mem(const char *data, size_t n, uint32_t file, jx_diag *d,
               jx_arena *arena, void (*fn)(void *ud, const jx_token *t),
               void *ud);

#endif
