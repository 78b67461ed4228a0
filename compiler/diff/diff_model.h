/*
 * diff_model.h — `jxc diff`: what changed in meaning between two plans,
 * as a list of changes.
 *
 * Each side is a plan loaded whole (load.h): checked and lowered to the
 * model of runtime/jixiao.h with its locations, so the comparison sees
 * exact decimals in one currency, resolved categories and their roles, and
 * takes every line it reports from the locations table, never from the
 * tree: whitespace, comments, keyword spelling (English or Chinese) and
 * the order of declarations make no difference.  jx_diff_compute() matches
 * the two models —
 *
 *   units       by code; a unit without one by its name;
 *   projects    by code anywhere in the plan, then by name within the
 *               matched unit (codes embed the year, names continue);
 *   indicators  by level-1, level-2 category and name, within a project
 *               (or a division, or the department);
 *   divisions   by name; measures by title; goals by text, leftovers
 *               paired in order when they are similar enough —
 *
 * with hash tables throughout (strmap.h), so time is linear in the size of
 * the plans, and records every difference as a jx_diff_item in reading
 * order.  How an indicator's target moved is diff_value.h's; printing the
 * list is diff_render.h's.
 *
 * The list and its items are diff_types.h's.
 */
#ifndef JX_DIFF_MODEL_H
#define JX_DIFF_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "diff_types.h"
#include "load.h"

/* Compares two plans loaded whole (load.h), which must outlive the diff:
 * items point into them.  d is the engine they were loaded with (the
 * paths of locations, and the language of labels).  Never fails. */
void jx_diff_compute(jx_diff *df, const jx_loaded_plan *old,
                     const jx_loaded_plan *neu, const jx_diag *d);
void jx_diff_free(jx_diff *df);

#endif
