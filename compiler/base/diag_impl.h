/*
 * diag_impl.h — what the diagnostics engine's files share (private to
 * diag.c, diag_layout.c, diag_text.c and diag_json.c).
 */
#ifndef JX_DIAG_IMPL_H
#define JX_DIAG_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "strbuf.h"

/* Bytes quoted on each side of a location on a long line: a minified file
 * or a paragraph on one line is quoted only around the location, between
 * "..." marks, so that one message stays one screen. */
#define JX_DIAG_QUOTE_CONTEXT 160

/* Where a location falls on its displayed line. */
typedef struct jx_diag_span {
  uint32_t col;     /* 1-based code-point column */
  uint32_t end_col; /* exclusive */
  size_t dstart;    /* display column of the caret, 0-based */
  size_t dwidth;    /* display width of ^~~~, at least 1 */
} jx_diag_span;

/* Measures the span of [at, at+len) on line s[0..n) and, if out is not
 * NULL, appends the line as displayed: tabs expanded, bad bytes and
 * controls escaped (diag_layout.c). */
void jx_diag_lay_out(const char *s, size_t n, size_t at, size_t len,
                     jx_strbuf *out, jx_diag_span *sp);

#endif
