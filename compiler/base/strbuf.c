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

/* One conversion: %[N$][flags][width][.precision]C */
typedef struct conv {
  const char *spec; /* from the '%' */
  size_t len;       /* through C */
  int pos;          /* 0-based argument */
  char c;
} conv;

/* Parses the conversion at fmt (just past a '%' that is not "%%"). */
static conv parse_conv(const char *fmt, int *next) {
  conv v = {fmt - 1, 0, 0, 0};
  const char *p = fmt;
  int n = 0;
  while (*p >= '0' && *p <= '9' && n < 100)
    n = n * 10 + (*p++ - '0');
  if (*p == '$' && n > 0) {
    v.pos = n - 1;
    fmt = p + 1;
  } else {
    v.pos = (*next)++;
  }
  p = fmt + strspn(fmt, "-+ #0123456789.");
  v.c = *p;
  v.len = (size_t)(p - v.spec) + (*p ? 1 : 0);
  return v;
}

bool jx_sb_vprintf_clipped(jx_strbuf *b, size_t clip, const char *fmt,
                           va_list ap) {
  enum { MAX_ARGS = 9 };
  union {
    const char *s;
    int d;
    unsigned u;
  } arg[MAX_ARGS];
  char type[MAX_ARGS] = {0};
  bool ok = true;
  int next = 0, top = 0;
  for (const char *p = fmt; (p = strchr(p, '%')) != NULL;) {
    if (p[1] == '%') {
      p += 2;
      continue;
    }
    conv v = parse_conv(p + 1, &next);
    p = v.spec + v.len;
    if (v.pos >= MAX_ARGS || !strchr("sduxX", v.c) || !v.c) {
      ok = false;
      continue;
    }
    type[v.pos] = v.c;
    if (v.pos + 1 > top)
      top = v.pos + 1;
  }
  /* Arguments are fetched in order of position, as the caller passed them,
   * whatever order the format (a translation) uses them in. */
  for (int i = 0; i < top; i++) {
    if (type[i] == 's')
      arg[i].s = va_arg(ap, const char *);
    else if (type[i] == 'd')
      arg[i].d = va_arg(ap, int);
    else if (type[i])
      arg[i].u = va_arg(ap, unsigned);
    else
      return false; /* a gap: the types after it are unknown */
  }
  next = 0;
  for (const char *p = fmt; *p;) {
    const char *q = strchr(p, '%');
    if (!q) {
      jx_sb_puts(b, p);
      break;
    }
    jx_sb_add(b, p, (size_t)(q - p));
    if (q[1] == '%') {
      jx_sb_add(b, "%", 1);
      p = q + 2;
      continue;
    }
    conv v = parse_conv(q + 1, &next);
    p = v.spec + v.len;
    if (v.pos >= MAX_ARGS || !type[v.pos] || type[v.pos] != v.c) {
      jx_sb_add(b, v.spec, v.len);
      continue;
    }
    if (v.c == 's') {
      const char *s = arg[v.pos].s ? arg[v.pos].s : "(null)";
      size_t n = strlen(s);
      if (n <= clip) {
        jx_sb_add(b, s, n);
      } else {
        size_t k = clip;
        while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
          k--;
        jx_sb_add(b, s, k);
        jx_sb_puts(b, "\xE2\x80\xA6"); /* … */
      }
      continue;
    }
    /* A number: printf itself, with the flags and width of the spec. */
    char one[32];
    const char *flags = v.spec + 1;
    size_t fl = v.len - 2;
    const char *dollar = memchr(flags, '$', fl);
    if (dollar) {
      fl -= (size_t)(dollar + 1 - flags);
      flags = dollar + 1;
    }
    if (fl > 16)
      fl = 16;
    char spec[24];
    spec[0] = '%';
    memcpy(spec + 1, flags, fl);
    spec[1 + fl] = v.c;
    spec[2 + fl] = '\0';
    if (v.c == 'd')
      snprintf(one, sizeof one, spec, arg[v.pos].d);
    else
      snprintf(one, sizeof one, spec, arg[v.pos].u);
    jx_sb_puts(b, one);
  }
  return ok;
}

void jx_sb_free(jx_strbuf *b) {
  free(b->p);
  b->p = NULL;
  b->n = b->cap = 0;
}
