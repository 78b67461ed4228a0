/*
 * suppress.h — the suppression comments, `# jxc: ignore[CODE, …]`.
 *
 * The lexer finds each comment and says which bytes of its file it covers
 * (the statement or block it stands on or before: grammar/lexer.l); the
 * diagnostic engine asks, for each warning, whether a comment covers it
 * (jx_suppress_filter, a jx_diag_filter); and at the end of the run every
 * code of a comment that covered no warning is reported (ignore-unused),
 * so stale comments do not pile up.  Owned by whoever runs the load (the
 * loader): one per run, across all its inputs.
 */
#ifndef JX_SUPPRESS_H
#define JX_SUPPRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "loc.h"

typedef struct jx_suppress jx_suppress;

jx_suppress *jx_suppress_new(void);
void jx_suppress_free(jx_suppress *s); /* NULL is fine */

/* One code of a comment, at code_loc (n bytes at code, not terminated).
 * It covers nothing until jx_suppress_start.  Returns its index. */
size_t jx_suppress_add(jx_suppress *s, const char *code, size_t n,
                       jx_loc code_loc);
/* Entry i covers bytes from `from` of its file on, until jx_suppress_end
 * says where they stop (an entry never ended covers to the end). */
void jx_suppress_start(jx_suppress *s, size_t i, uint64_t from);
void jx_suppress_end(jx_suppress *s, size_t i, uint64_t to);
size_t jx_suppress_count(const jx_suppress *s);

/* The jx_diag_filter: true when a comment covers a warning with this code
 * at loc (which counts as that comment's use). */
bool jx_suppress_filter(void *s, const char *code, jx_loc loc);

/* Reports ignore-unused for each code that covered nothing. */
void jx_suppress_report_unused(const jx_suppress *s, jx_diag *d);

#endif
