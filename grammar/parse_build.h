/*
 * parse_build.h — the nodes the grammar's actions build (grammar/parser.y).
 *
 * parser.y holds the grammar and actions of a line or two; how a node is
 * filled from what a rule matched is here.  Token values come as the
 * parser's stack holds them (scan.h): a text without its place, which is
 * the token's location, and a value or a category path by pointer into
 * the arena.  The nodes keep whole copies (ast.h): the tree's readers
 * never see the stack's pointers.  Private to grammar/.
 */
#ifndef JX_PARSE_BUILD_H
#define JX_PARSE_BUILD_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "scan.h"

/* A node of kind at loc, in the arena, with its header and its union's
 * member m zeroed: a code statement needs 96 of jx_node's 816 bytes, and
 * zeroing whole nodes was a tenth of the parser's time.  Nothing reads a
 * member its kind does not use (a test build, JX_PB_POISON, fills the rest
 * with garbage to prove it).  A statement's node is only as long as its
 * member; a block's is whole, as a block may be copied whole (the tests
 * do), but only its member is zeroed. */
#define JX_NODE_SIZE(m) (offsetof(jx_node, u) + sizeof(((jx_node *)0)->u.m))
#define jx_pb_node(p, kind, loc, m)                                            \
  jx_pb_node_of(p, kind, loc, JX_NODE_SIZE(m), JX_NODE_SIZE(m))
#define jx_pb_block_node(p, kind, loc)                                         \
  jx_pb_node_of(p, kind, loc, sizeof(jx_node), JX_NODE_SIZE(block))
static inline jx_node *jx_pb_node_of(jx_scan *p, jx_node_kind kind, jx_loc loc,
                                     size_t size, size_t zeroed) {
#ifdef JX_PB_POISON
  jx_node *n = jx_arena_alloc_raw(p->arena, sizeof *n);
  memset(n, 0xA5, sizeof *n);
  memset(n, 0, zeroed);
  (void)size;
#else
  /* Constant sizes: a few bytes are zeroed by a few stores inline, many
   * (an indicator's node, not a block's) by the library's memset in
   * jx_arena_alloc, half as many instructions as gcc's inline rep stos. */
  jx_node *n = zeroed > 256 && zeroed == size
                   ? jx_arena_alloc(p->arena, size)
                   : memset(jx_arena_alloc_raw(p->arena, size), 0, zeroed);
#endif
  n->kind = kind;
  n->loc = loc;
  return n;
}

/* A token's text at its place. */
static inline jx_text jx_pb_text(const char *s, jx_loc at) {
  jx_text t = {s, at};
  return t;
}

/* The same for an optional text: none written (NULL) has no place. */
static inline jx_text jx_pb_opt(const char *s, jx_loc at) {
  jx_text t = {s, at};
  if (!s)
    t.loc = (jx_loc){0};
  return t;
}

/* A text the rule does not have: no text and no place. */
static inline jx_text jx_pb_none(void) {
  return (jx_text){0};
}

/* Values made from other tokens than a NUMBER, DATE or DATE_RANGE (whose
 * values the scanner makes): a string, a bare word, n/a, and no value at
 * all, at a zero-length place. */
jx_value *jx_pb_text_value(jx_scan *p, const char *s, jx_loc at);
jx_value *jx_pb_word_value(jx_scan *p, const char *s, jx_loc at);
jx_value *jx_pb_na_value(jx_scan *p, jx_loc at);
jx_value *jx_pb_no_value(jx_scan *p, jx_loc at);

/* A block node: framework, department, division, level1, profile,
 * actuals, an actual's project.  end is its opening brace. */
jx_node *jx_pb_block(jx_scan *p, jx_node_kind kind, jx_loc loc, jx_loc end,
                     jx_text code, jx_text name, jx_node *items, jx_loc close);
/* A statement of one text: goal, purpose, overall, code. */
jx_node *jx_pb_text_stmt(jx_scan *p, jx_node_kind kind, jx_loc loc, jx_loc end,
                         jx_text t);
/* A statement of one amount: budget, total. */
jx_node *jx_pb_amount_stmt(jx_scan *p, jx_node_kind kind, jx_loc loc,
                           jx_loc end, const jx_value *amount);
/* measure (text: none, or the second string), schedule, period and
 * breakdown. */
jx_node *jx_pb_measure(jx_scan *p, jx_loc loc, jx_loc end, jx_text title,
                       jx_text text);
jx_node *jx_pb_schedule(jx_scan *p, jx_loc loc, jx_loc end,
                        jx_schedule_entry *entries);
jx_node *jx_pb_period_stmt(jx_scan *p, jx_loc loc, jx_loc end,
                           const jx_value *v);
jx_node *jx_pb_breakdown(jx_scan *p, jx_loc loc, jx_loc end, jx_line *items);
jx_node *jx_pb_attr_stmt(jx_scan *p, jx_attr_key key, jx_loc loc, jx_loc end,
                         jx_text name, jx_text value, jx_text extra);
jx_node *jx_pb_org_stmt(jx_scan *p, jx_org_role role, jx_loc loc, jx_loc end,
                        jx_text code, jx_text name);

/* An indicator row up to its value, a node in the arena: its attributes
 * after the value are read into it next (jx_pb_desc …).  A comparison
 * written after the value (90%以上, 9月前) is its op when none is written
 * before it; with both, the checker says so (op_written and value.post).
 * op: a jx_op, with JX_PB_OP_WRITTEN when written before the value.
 * name NULL: none written, a zero-length place at *name_at.  cat NULL:
 * the keyword form `indicator`.  The places by pointer (the parser's
 * stack): copied once, into the node. */
enum { JX_PB_OP_WRITTEN = 0x100 };
jx_node *jx_pb_indicator(jx_scan *p, const jx_loc *at, const jx_path *cat,
                         const char *name, const jx_loc *name_at, unsigned op,
                         const jx_loc *op_at, const jx_value *v);
/* A row of its category alone: no name, no value, both a zero-length
 * place after it. */
jx_node *jx_pb_empty_row(jx_scan *p, jx_loc at, const jx_path *cat);
/* desc or basis (a repeat is counted). */
void jx_pb_desc(jx_node *n, bool basis, jx_text t, jx_loc kw);
/* One explanation column of an indicator; a repeat is counted. */
void jx_pb_expl(jx_node *n, jx_expl k, jx_text t, jx_loc kw);
/* `period [op] value` after an indicator's target. */
void jx_pb_period(jx_node *n, jx_loc kw, jx_op op, bool written, jx_loc op_loc,
                  const jx_value *v);

/* The header's parts (each at most once: a repeat's keyword is kept). */
void jx_pb_header_part(jx_node *h, jx_text *slot, jx_text t, jx_loc kw);

/* funds: one part, appended; fiscal and other also as the first such. */
void jx_pb_funds_part(jx_scan *p, jx_node *f, int token, jx_text word,
                      const jx_value *amount);
/* breakdown and schedule: an item appended. */
void jx_pb_line(jx_scan *p, jx_line_list *l, jx_text name,
                const jx_value *amount);
/* A month as a NUMBER (3月底: month), or as a keyword (mar: month_no, its
 * token's name month_name, month_loc). */
void jx_pb_sched(jx_scan *p, jx_sched_list *l, const jx_value *month,
                 int month_no, const char *month_name, jx_loc month_loc,
                 const jx_value *percent);
/* A profile setting's argument, appended. */
void jx_pb_setting_arg(jx_scan *p, jx_arg_list *l, const jx_value *v);

/* A unit's head has been read: the sink is told, and its projects see
 * it.  Its end: handed to the sink, then (streaming, and when no
 * lookahead was read) its memory goes back to p->unit_mark and the result
 * is NULL. */
void jx_pb_open_unit(jx_scan *p, jx_node *unit);
jx_node *jx_pb_close_unit(jx_scan *p, jx_node *unit, jx_node *items,
                          jx_loc close, bool no_lookahead);
/* A project read whole: built and handed to the sink. */
jx_node *jx_pb_finish_project(jx_scan *p, jx_loc loc, jx_loc open, jx_text name,
                              jx_node *budget, jx_node *items, jx_loc close);
/* The same at its closing brace, where the parser's lookahead (NULL:
 * none read) tells whether its memory, taken since mark, can go back:
 * then, without keep_tree, it does and the result is NULL.  A broken
 * project's memory only goes back. */
jx_node *jx_pb_project_end(jx_scan *p, const jx_loc *lookahead,
                           jx_arena_mark mark, jx_loc at, jx_loc open,
                           jx_text name, jx_node *budget, jx_node *items,
                           jx_loc close);
jx_node *jx_pb_project_broken(jx_scan *p, const jx_loc *lookahead,
                              jx_arena_mark mark);

/* An actual's value (NULL: none written), in the arena for the parser's
 * stack. */
jx_act_value *jx_pb_act_value(jx_scan *p, const jx_value *v);
/* An actual statement: like an indicator's, its attributes are read
 * first, into the node (jx_pb_actual_attrs). */
jx_node *jx_pb_actual_attrs(jx_scan *p, jx_loc at);
jx_node *jx_pb_actual(jx_node *n, jx_loc loc, jx_loc end, jx_actual_what what,
                      jx_text name, const jx_act_value *v);
/* An attribute of an actual; given twice it is an error here (the tree
 * keeps one). */
void jx_pb_actual_text(jx_scan *p, jx_node *n, jx_text *slot, jx_text t,
                       jx_loc at);
void jx_pb_actual_value(jx_scan *p, jx_node *n, jx_value *slot,
                        const jx_value *v, jx_loc at);

#endif
