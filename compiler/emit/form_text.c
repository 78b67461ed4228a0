/*
 * form_text.c — the texts of numbers and the measures of text that the
 * printed forms need (form.h): amounts and percentages with two decimals,
 * and how many lines a wrapped text takes.
 */
#include "form.h"

#include <string.h>
#include <utf8proc.h>

/* ---- Texts of numbers --------------------------------------------------- */

/* The exact text with at least two decimals. */
static size_t two_places(jx_decimal d, char *buf) {
  size_t n = jx_decimal_format(d, buf);
  const char *dot = memchr(buf, '.', n);
  size_t places = dot ? n - (size_t)(dot - buf) - 1 : 0;
  if (!dot)
    buf[n++] = '.';
  while (places++ < 2)
    buf[n++] = '0';
  buf[n] = '\0';
  return n;
}

size_t jx_form_money_text(jx_decimal d, char buf[JX_DECIMAL_BUFSZ + 4]) {
  return two_places(d, buf);
}

size_t jx_form_percent_text(jx_decimal d, char buf[JX_DECIMAL_BUFSZ + 4]) {
  size_t n = two_places(d, buf);
  buf[n++] = '%';
  buf[n] = '\0';
  return n;
}

/* ---- Text measures ------------------------------------------------------ */

size_t jx_form_lines(const char *s, double width) {
  if (!s || !*s)
    return 1;
  if (width < 2)
    width = 2;
  size_t lines = 0;
  double w = 0;
  const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
  for (;;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
    if (k <= 0) { /* ill-formed: one byte, one column */
      cp = 0xFFFD;
      k = 1;
    }
    if (cp == 0 || cp == '\n') {
      size_t l = (size_t)(w / width) + 1;
      if (w > 0 && (size_t)(w / width) * width == w)
        l--; /* exactly full lines */
      lines += l;
      w = 0;
      if (cp == 0)
        break;
    } else if (cp == '\t') {
      w += 4;
    } else {
      int cw = utf8proc_charwidth(cp);
      w += cw > 0 ? cw : 1;
    }
    p += k;
  }
  return lines;
}
