/*
 * strbuf.h — a growable, always NUL-terminated string, for building text
 * piece by piece (a diagnostic before its one write).  A zeroed jx_strbuf
 * is empty and ready; jx_sb_free gives its memory back.  Allocation never
 * fails (jx_xrealloc aborts).
 *
 * jx_out (out.h) is the other buffer in the compiler: it streams bytes to
 * a file descriptor for the back ends; this one only accumulates text.
 */
#ifndef JX_STRBUF_H
#define JX_STRBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct jx_strbuf {
  char *p;  /* NUL-terminated once anything was added */
  size_t n; /* bytes, without the NUL */
  size_t cap;
} jx_strbuf;

void jx_sb_clear(jx_strbuf *b);
void jx_sb_add(jx_strbuf *b, const char *s, size_t n);
void jx_sb_puts(jx_strbuf *b, const char *s);
void jx_sb_fill(jx_strbuf *b, char c, size_t n);
void jx_sb_vprintf(jx_strbuf *b, const char *fmt, va_list ap);
void jx_sb_printf(jx_strbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void jx_sb_free(jx_strbuf *b);

#endif
