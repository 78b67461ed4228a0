/*
 * strbuf.c — see strbuf.h.
 */
#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

/* Makes room for `extra` more bytes plus the terminating NUL. */
static void reserve(jx_strbuf *b, size_t extra) {
  if (b->cap > b->n && b->cap - b->n > extra)
    return;
  size_t cap = b->cap ? b->cap : 128;
  while (cap - b->n <= extra)
    cap *= 2;
  b->p = jx_xrealloc(b->p, cap);
  b->cap = cap;
}

void jx_sb_clear(jx_strbuf *b) {
  b->n = 0;
  reserve(b, 0);
  b->p[0] = '\0';
}

void jx_sb_add(jx_strbuf *b, const char *s, size_t n) {
  reserve(b, n);
  if (n)
    memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = '\0';
}

void jx_sb_puts(jx_strbuf *b, const char *s) {
  jx_sb_add(b, s, strlen(s));
}

void jx_sb_fill(jx_strbuf *b, char c, size_t n) {
  reserve(b, n);
  memset(b->p + b->n, c, n);
  b->n += n;
  b->p[b->n] = '\0';
}

void jx_sb_vprintf(jx_strbuf *b, const char *fmt, va_list ap) {
  va_list aq;
  reserve(b, 64);
  va_copy(aq, ap);
  int k = vsnprintf(b->p + b->n, b->cap - b->n, fmt, aq);
  va_end(aq);
  if (k < 0) { /* an encoding error: keep what we had */
    b->p[b->n] = '\0';
    return;
  }
  if ((size_t)k >= b->cap - b->n) {
    reserve(b, (size_t)k);
    va_copy(aq, ap);
    vsnprintf(b->p + b->n, b->cap - b->n, fmt, aq);
    va_end(aq);
  }
  b->n += (size_t)k;
}

void jx_sb_printf(jx_strbuf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  jx_sb_vprintf(b, fmt, ap);
  va_end(ap);
}

void jx_sb_free(jx_strbuf *b) {
  free(b->p);
  b->p = NULL;
  b->n = b->cap = 0;
}
