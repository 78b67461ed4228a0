/*
 * text_width.c — display widths of UTF-8 text (text_width.h).  The
 * caret line of a diagnostic has its own rules (diag_layout.c: controls
 * and bidi marks are shown escaped there, so they are wider).
 */
#include "text_width.h"

#include <string.h>
#include <utf8proc.h>

size_t jx_text_width(const char *s, size_t n) {
  size_t w = 0;
  for (size_t i = 0; i < n;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0) {
      i++;
      w++;
      continue;
    }
    int cw = utf8proc_charwidth(cp);
    w += cw > 0 ? (size_t)cw : 0;
    i += (size_t)k;
  }
  return w;
}

size_t jx_text_width_z(const char *s) {
  return jx_text_width(s, strlen(s));
}
