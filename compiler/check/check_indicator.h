/*
 * check_indicator.h — the rules about the indicators of one block
 * (check_indicator.c); private to compiler/check, used by check.c and
 * check_project.c.
 */
#ifndef JX_CHECK_INDICATOR_H
#define JX_CHECK_INDICATOR_H

#include "check_state.h"

/* Checks every indicator in items (one block; count of them, when the
 * caller has counted): each on its own, then no two with the same
 * category and name; stores each one's category and value on it.
 * budget may be NULL outside a
 * project.  Sets found[i] for each level-1 index of the framework that has
 * an indicator, when found is not NULL (it has fw->n_levels entries).
 * Returns how many categories did not resolve. */
int jx_chk_indicators(jx_checker *c, jx_node *items, size_t count,
                      const jx_chk_budget *budget, bool *found);
/* jx_chk_indicators' count when the caller has not counted them. */
#define JX_CHK_UNCOUNTED ((size_t)-1)

#endif
