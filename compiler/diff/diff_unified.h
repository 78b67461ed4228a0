/*
 * diff_unified.h — a unified diff of two texts by lines, as diff -u and
 * git print it (three lines of context), for `jxc fmt --check --diff`.
 */
#ifndef JX_DIFF_UNIFIED_H
#define JX_DIFF_UNIFIED_H

#include <stdbool.h>
#include <stddef.h>

#include "out.h"

/* Writes to o the diff turning a into b under the headers "--- name_a"
 * and "+++ name_b"; nothing when they are the same.  Returns whether
 * they differ. */
bool jx_unified_diff(jx_out *o, const char *a, size_t an, const char *b,
                     size_t bn, const char *name_a, const char *name_b);

#endif
