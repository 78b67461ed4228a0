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

/* The same diff, of two texts given piece by piece (`jxc fmt --diff` of a
 * file it does not hold): each pair of pieces is compared on its own, so
 * a change is never matched across pieces, and the hunks are written as
 * they close, each held only until then.  Pieces end at a line end (or
 * the text's end).  Given as one piece, the texts give jx_unified_diff's
 * bytes.  A hunk that grows past JX_UDIFF_HUNK_MAX bytes of lines is
 * written as it stands, and the rest continues in the next. */
#define JX_UDIFF_HUNK_MAX ((size_t)8 << 20)
typedef struct jx_udiff jx_udiff;
jx_udiff *jx_udiff_new(jx_out *o, const char *name_a, const char *name_b);
void jx_udiff_add(jx_udiff *u, const char *a, size_t an, const char *b,
                  size_t bn);
/* Writes the last hunk and frees u; returns whether the texts differ. */
bool jx_udiff_end(jx_udiff *u);

#endif
