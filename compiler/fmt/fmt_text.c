/*
 * fmt_text.c — the source as `jxc fmt` looks at it beside the parser (see
 * jx_fmt_text in fmt_print.h): its blank lines, the bytes of a keyword,
 * its first line end, and what it was before formatting (--check, -w,
 * --diff).  Each reader asks for increasing offsets, nearly always inside
 * the window it has, so a file is read again once per reader, in order.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "fmt_print.h"

enum { WINDOW = 65536 };

void jx_fmt_text_mem(jx_fmt_text *t, const char *data, size_t n) {
  memset(t, 0, sizeof *t);
  t->mem = data ? data : "";
  t->mem_len = n;
}

void jx_fmt_text_source(jx_fmt_text *t, jx_source *src) {
  memset(t, 0, sizeof *t);
  t->src = src;
}

void jx_fmt_text_free(jx_fmt_text *t) {
  free(t->buf);
  t->buf = NULL;
  t->n = t->cap = 0;
}

size_t jx_fmt_text_get(jx_fmt_text *t, uint64_t offset, size_t want,
                       const char **p) {
  if (!t->src) {
    if (offset >= t->mem_len)
      return 0;
    *p = t->mem + offset;
    return t->mem_len - (size_t)offset;
  }
  if (offset >= t->at && offset - t->at < t->n &&
      t->n - (size_t)(offset - t->at) >= want) {
    *p = t->buf + (offset - t->at);
    return t->n - (size_t)(offset - t->at);
  }
  size_t cap = want > WINDOW ? want : WINDOW;
  if (cap > t->cap) {
    t->buf = jx_xrealloc(t->buf, cap);
    t->cap = cap;
  }
  /* A new window from offset on, as full as the file allows. */
  t->at = offset;
  t->n = 0;
  while (t->n < t->cap) {
    size_t k =
        jx_source_pread(t->src, t->buf + t->n, t->cap - t->n, offset + t->n);
    if (k == 0)
      break;
    t->n += k;
  }
  *p = t->buf;
  return t->n;
}
