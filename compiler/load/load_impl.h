/*
 * load_impl.h — inside the loader: how the driver (load.c) fills a
 * jx_loaded_plan (load_plan.c) in WHOLE mode.  load.c calls these;
 * load_plan.c calls nothing of load.c.
 *
 * Everything handed in is in the plan's arena (jx_lp_arena), lowered with
 * copy_texts, so the plan owns what its model points to.
 */
#ifndef JX_LOAD_IMPL_H
#define JX_LOAD_IMPL_H

#include "arena.h"
#include "check.h"
#include "load.h"

jx_loaded_plan *jx_lp_new(void);
jx_arena *jx_lp_arena(jx_loaded_plan *lp);

void jx_lp_input(jx_loaded_plan *lp, uint32_t file);
/* The first header's place is kept; later ones are ignored. */
void jx_lp_header(jx_loaded_plan *lp, jx_loc where);
/* The unit with u's code (or, without one, u's name; both NULL: the group
 * outside units), added with u's
 * head and locs (decl, code, name) when new; returns its index. */
size_t jx_lp_unit(jx_loaded_plan *lp, const jx_unit *u,
                  const jx_unit_locs *locs);
/* Unit i's code and name, as the plan keeps them. */
const jx_unit *jx_lp_unit_head(const jx_loaded_plan *lp, size_t i);
/* Whether unit i still wants its goals and measures from the declaration
 * at `decl` (its first declaration, not yet read). */
bool jx_lp_unit_wants_body(const jx_loaded_plan *lp, size_t i, jx_loc decl);
void jx_lp_unit_body(jx_loaded_plan *lp, size_t i, const jx_unit *u,
                     const jx_unit_locs *locs);
void jx_lp_project(jx_loaded_plan *lp, size_t unit, const jx_project *p,
                   const jx_project_locs *locs, const jx_unit_info *currency);
/* A project (ast node JX_N_PROJECT) that did not check clean: its name
 * and places, copied. */
void jx_lp_unsound_project(jx_loaded_plan *lp, size_t unit, const jx_node *n);
/* A declared framework's places (ast node JX_N_FRAMEWORK), copied. */
void jx_lp_framework(jx_loaded_plan *lp, const jx_node *n);
void jx_lp_department(jx_loaded_plan *lp, const jx_department *d,
                      const jx_department_locs *locs);
/* The end of the load: the model is put together, and the plan takes the
 * checker, whose arena holds the declared frameworks the model's
 * categories point into (NULL: none). */
void jx_lp_finish(jx_loaded_plan *lp, int status, jx_checker *checker);

#endif
