/*
 * to_utf8.c — see to_utf8.h.  One loop for every caller, either way: iconv
 * converts into a buffer that doubles when it is full (E2BIG), and stops
 * at the first byte that is not of the encoding (EILSEQ, or EINVAL for a
 * character cut at the end).
 */
#include "to_utf8.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdlib.h>

#include "arena.h"

static char *convert(const char *to, const char *from, const char *in, size_t n,
                     size_t *out_n, size_t *bad) {
  iconv_t cd = iconv_open(to, from);
  if (cd == (iconv_t)-1) {
    if (bad)
      *bad = 0;
    return NULL;
  }
  size_t cap = n * 2 + 16, used = 0;
  char *out = jx_xmalloc(cap);
  char *ip = (char *)in;
  size_t left = n;
  bool ok = true;
  while (left > 0) {
    char *op = out + used;
    size_t room = cap - used - 1;
    size_t r = iconv(cd, &ip, &left, &op, &room);
    used = (size_t)(op - out);
    if (r != (size_t)-1)
      break;
    if (errno == E2BIG) {
      cap *= 2;
      out = jx_xrealloc(out, cap);
      continue;
    }
    ok = false; /* EILSEQ or EINVAL */
    break;
  }
  iconv_close(cd);
  if (!ok) {
    if (bad)
      *bad = (size_t)(ip - in);
    free(out);
    return NULL;
  }
  out[used] = '\0';
  *out_n = used;
  return out;
}

char *jx_to_utf8(const char *from, const char *in, size_t n, size_t *out_n,
                 size_t *bad) {
  return convert("UTF-8", from, in, n, out_n, bad);
}

char *jx_from_utf8(const char *to, const char *in, size_t n, size_t *out_n,
                   size_t *bad) {
  return convert(to, "UTF-8", in, n, out_n, bad);
}
