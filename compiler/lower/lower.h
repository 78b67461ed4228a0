/*
 * lower.h — from the checked syntax tree to the model of runtime/jixiao.h,
 * with the place of every field (model_locs.h).
 *
 * Lowering interprets nothing.  The checker has resolved every category,
 * number, unit, amount and month and stored the answer on the node
 * (grammar/ast.h, "checker:" fields); lowering copies those answers into
 * the model structs and the locations into their tables.  It is only
 * called on nodes the checker accepted, so it reports nothing; a value the
 * checker could not read stays zero rather than be guessed.
 *
 * Every function takes an optional locations out-parameter: NULL when the
 * caller has no use for them (the streaming build's back ends), so that
 * they cost nothing there.
 */
#ifndef JX_LOWER_H
#define JX_LOWER_H

#include <stdbool.h>

#include "arena.h"
#include "ast.h"
#include "jixiao.h"
#include "model_locs.h"
#include "resolve.h" /* jx_schedule_month, for the formatter */

typedef struct jx_lower_ctx {
  jx_arena *arena; /* where the model structs and their locations go */
  /* The model's strings are the tree's own texts, which live as long as
   * the parse arena; set, they are copied into `arena`, so that a model
   * kept whole (the loader's WHOLE mode) owns them and the tree can be
   * released declaration by declaration. */
  bool copy_texts;
} jx_lower_ctx;

const jx_project *jx_lower_project(const jx_lower_ctx *c, const jx_node *p,
                                   const jx_project_locs **locs);
/* code, name, supervisor, implementer, goals and measures; projects are
 * streamed separately. */
void jx_lower_unit(const jx_lower_ctx *c, const jx_node *unit, jx_unit *out,
                   jx_unit_locs *locs);
/* code and name only, as a unit opens (its items are not parsed yet). */
void jx_lower_unit_head(const jx_lower_ctx *c, const jx_node *unit,
                        jx_unit *out, jx_unit_locs *locs);
const jx_department *jx_lower_department(const jx_lower_ctx *c,
                                         const jx_node *d,
                                         const jx_department_locs **locs);
/* One indicator. */
void jx_lower_indicator(const jx_lower_ctx *c, const jx_node *n,
                        jx_indicator *out, jx_indicator_locs *locs);

#endif
