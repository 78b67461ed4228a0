/*
 * parse_actions.h — what the grammar's actions are written with
 * (grammar/parser.y, its only includer): the scanner as the parser calls
 * it, a rule's default place, and short names for building nodes
 * (parse_build.h) and handing them on.  Macros, as they name the
 * parser's own variables (p, yychar, yylloc).  Private to grammar/.
 */
#ifndef JX_PARSE_ACTIONS_H
#define JX_PARSE_ACTIONS_H

#include "parse_build.h"
#include "parser.h"

/* flex's declaration of yylex, before the macro below renames it. */
#include "lexer.h"

/* flex's scanner without the statements followed (lexer.l), and the
 * hand-written one, which follows them for both (jx_scan_track at its
 * exit). */
int jx_lex_raw(YYSTYPE *lval, YYLTYPE *lloc, yyscan_t scanner);
int jx_lex_direct(jx_scan *s, YYSTYPE *v, jx_loc *loc);
const char *jx_lex_token_text(jx_scan *s, yyscan_t flex, const jx_loc *loc);
static inline int tracked_lex(jx_scan *p, YYSTYPE *lval, YYLTYPE *lloc,
                              yyscan_t scanner) {
  /* The hand-written scanner (scan_direct.c), which hands every token to
   * flex's alone for the tests that ask (jx_scan.flex_scanner) */
  (void)scanner; /* p->flex */
  return jx_lex_direct(p, lval, lloc);
}
#define yylex(lval, lloc, scanner) tracked_lex(p, lval, lloc, scanner)

/* A rule's place is its first symbol's; an empty rule's, a zero-length
 * place where the symbol before it ends.  Computed at every reduction:
 * one expression, which gcc keeps out of memory better than field by
 * field. */
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                            \
  do {                                                                         \
    if (N)                                                                     \
      (Cur) = YYRHSLOC(Rhs, 1);                                                \
    else                                                                       \
      (Cur) = jx_loc_after(YYRHSLOC(Rhs, 0));                                  \
  } while (0)
static inline jx_loc jx_loc_after(jx_loc l) {
  return (jx_loc){l.offset + l.len, l.line, l.col + l.len, 0, l.file};
}

/* Short names for the actions (parse_build.h). */
#define TEXT jx_pb_text
#define OPT jx_pb_opt
#define NONE jx_pb_none()
#define TEXT_STMT(kind, loc, end, t) jx_pb_text_stmt(p, kind, loc, end, t)
#define ATTR(key, loc, end, name, value)                                       \
  jx_pb_attr_stmt(p, key, loc, end, name, value, NONE)
#define ORG(role, loc, end, code, name)                                        \
  jx_pb_org_stmt(p, JX_ORG_##role, loc, end, code, name)
/* An indicator row (jx_pb_indicator): without an op before the value,
 * with one, and with only its category (no name, no value).  name NULL:
 * none written (a zero-length place at name_at).  The places by pointer
 * into the parser's stack, not copied for the call. */
#define ROW(at, cat, name, name_at, v_at, v)                                   \
  jx_pb_indicator(p, &(at), cat, name, &(name_at), JX_OP_EQ, &(v_at), v)
#define ROW_OP(at, cat, name, name_at, op, op_at, v)                           \
  jx_pb_indicator(p, &(at), cat, name, &(name_at),                             \
                  (unsigned)(op) | JX_PB_OP_WRITTEN, &(op_at), v)
#define EMPTY_ROW(at, cat) jx_pb_empty_row(p, at, cat)
/* A row's node n, its ';' at semi. */
static inline jx_node *jx_row_end(jx_node *n, jx_loc semi) {
  n->end = semi;
  return n;
}
#define ROW_END(n, semi) jx_row_end(n, semi)
/* A funds statement's node, at its keyword; a schedule's empty list. */
#define FUNDS_NODE(at) jx_pb_node(p, JX_N_FUNDS, at, funds)
#define SCHED_NONE ((jx_sched_list){NULL, NULL})
/* A schedule's entry appended to list: a month's name and its percent,
 * or a month as a number (3月底). */
#define SCHED_MONTH(list, month, at, pct)                                      \
  jx_pb_sched(p, &(list), NULL, month, jx_token_name(MONTH), at, pct)
#define SCHED_NUMBER(list, month, at, pct)                                     \
  jx_pb_sched(p, &(list), month, 0, NULL, at, pct)
/* A list's rule: dst is list with n appended. */
#define ADD(dst, list, n)                                                      \
  do {                                                                         \
    (dst) = (list);                                                            \
    jx_list_add(&(dst), (n));                                                  \
  } while (0)

/* A project's end: built and handed to the sink, and its memory, taken
 * since mark, released when the tree is not kept and no lookahead has
 * been read (NULL then); or, broken, only released. */
#define PROJECT_END(mark, at, open, name, name_at, budget, items, close)       \
  jx_pb_project_end(p, yychar == YYEMPTY ? NULL : &yylloc, mark, at, open,     \
                    TEXT(name, name_at), budget, items, close)
#define PROJECT_BROKEN(mark)                                                   \
  jx_pb_project_broken(p, yychar == YYEMPTY ? NULL : &yylloc, mark)

/* In an action: the sink has the declaration (see jx_scan_forget). */
#define FORGET() jx_scan_forget(p, yychar == YYEMPTY ? NULL : &yylloc)
/* A unit's own statement, for a sink that prints as it goes (fmt). */
#define UNIT_ITEM(n)                                                           \
  do {                                                                         \
    if (p->hooks && p->hooks->unit_item)                                       \
      p->hooks->unit_item(p->hooks->ud, (n));                                  \
  } while (0)
/* A top-level declaration read: to the sink (cb may be NULL), and to the
 * tree with keep_tree. */
#define DECL(cb, n)                                                            \
  do {                                                                         \
    if (p->sink->cb)                                                           \
      p->sink->cb(p->sink->ud, (n));                                           \
    if (p->keep_tree)                                                          \
      jx_list_add(&p->items, (n));                                             \
    FORGET();                                                                  \
  } while (0)

#endif
