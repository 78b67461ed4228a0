/*
 * text_out.h — text built up in memory for tests that compare two runs as
 * text (scan_diff.h, test_lexer_ref.c): a growable buffer, printf into it,
 * a diagnostics writer that appends to it, a place as text, and the whole
 * output of one of bench's plan generators.  Header-only and static
 * inline, so a test includes it for what it uses.
 */
#ifndef JX_TEXT_OUT_H
#define JX_TEXT_OUT_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loc.h"

typedef struct sd_buf {
  char *p;
  size_t n, cap;
} sd_buf;

static inline void sd_put(sd_buf *b, const char *s, size_t n) {
  if (b->n + n + 1 > b->cap) {
    b->cap = 2 * (b->n + n + 1);
    b->p = realloc(b->p, b->cap);
    if (!b->p)
      abort();
  }
  memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = '\0';
}

static inline void sd_puts(sd_buf *b, const char *s) {
  sd_put(b, s ? s : "(null)", strlen(s ? s : "(null)"));
}

static inline void sd_putf(sd_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static inline void sd_putf(sd_buf *b, const char *fmt, ...) {
  char t[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(t, sizeof t, fmt, ap);
  va_end(ap);
  sd_put(b, t, (size_t)n < sizeof t ? (size_t)n : sizeof t - 1);
}

/* jx_diag_set_writer's callback: the diagnostics go into the buffer. */
static inline void sd_on_diag(void *ud, const char *text, size_t n) {
  sd_put(ud, text, n);
}

static inline void sd_loc(sd_buf *b, const jx_loc *l) {
  sd_putf(b, "@%llu+%u:%u:%u/%u", (unsigned long long)l->offset, l->len,
          l->line, l->col, l->file);
}

/* The plan a generator beside $JXC writes (gen: "/jx-gen -s 5 …"), into
 * out, and the command into cmd; returns pclose()'s status (0: ran). */
static inline int sd_generate(const char *gen, char *cmd, size_t cap,
                              sd_buf *out) {
  const char *jxc = getenv("JXC");
  snprintf(cmd, cap, "%s", jxc ? jxc : "build/jxc");
  char *slash = strrchr(cmd, '/');
  if (slash)
    *slash = '\0';
  else
    snprintf(cmd, cap, ".");
  strncat(cmd, gen, cap - strlen(cmd) - 1);
  FILE *p = popen(cmd, "r");
  if (!p)
    return -1;
  char chunk[65536];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, p)) > 0)
    sd_put(out, chunk, got);
  return pclose(p);
}

#endif
