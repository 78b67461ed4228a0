/*
 * diag_layout.c — how a line of source text looks on a terminal: the
 * display width of each character (utf8proc decides: the C library's
 * wcwidth depends on the locale and is wrong for CJK in the "C" locale),
 * tabs expanded, and what must never reach a terminal raw — invalid
 * UTF-8, C0/DEL/C1 controls (shown \xNN) and bidi controls (shown
 * <U+202E>, as gcc does).  The engine (diag.c) measures with it where a
 * location falls; the text renderer (diag_text.c) prints with it.
 */
#include "diag_impl.h"

#include <utf8proc.h>

/* How a unit of text is shown on a terminal. */
typedef enum unit_show {
  SHOW_AS_IS,
  SHOW_BYTES,    /* \xNN per byte: bad UTF-8, C0, DEL and C1 controls */
  SHOW_CODEPOINT /* <U+202E>, as gcc does: invisible bidi controls */
} unit_show;

/* Characters that reorder the text around them ("Trojan Source",
 * CVE-2021-42574): shown, never obeyed. */
static bool is_bidi_control(utf8proc_int32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
         cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

/* One displayed unit of text starting at s[i] (not a tab): a character, or
 * bytes to be escaped.  Returns its length in bytes. */
static size_t next_unit(const char *s, size_t n, size_t i, size_t *width,
                        unit_show *show, utf8proc_int32_t *cpp) {
  utf8proc_int32_t cp;
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                        (utf8proc_ssize_t)(n - i), &cp);
  if (k <= 0) { /* invalid UTF-8: one byte at a time */
    *show = SHOW_BYTES;
    *width = 4;
    return 1;
  }
  *cpp = cp;
  /* C0, DEL and C1 controls would move the terminal's cursor. */
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
    *show = SHOW_BYTES;
    *width = 4 * (size_t)k;
    return (size_t)k;
  }
  if (is_bidi_control(cp)) {
    *show = SHOW_CODEPOINT;
    *width = 8;
    return (size_t)k;
  }
  *show = SHOW_AS_IS;
  int w = utf8proc_charwidth(cp);
  *width = w > 0 ? (size_t)w : 0;
  return (size_t)k;
}

static void put_unit(jx_strbuf *out, const char *s, size_t k, unit_show show,
                     utf8proc_int32_t cp) {
  if (show == SHOW_BYTES) {
    for (size_t j = 0; j < k; j++)
      jx_sb_printf(out, "\\x%02X", (unsigned)(unsigned char)s[j]);
  } else if (show == SHOW_CODEPOINT) {
    jx_sb_printf(out, "<U+%04X>", (unsigned)cp);
  } else {
    jx_sb_add(out, s, k);
  }
}

void jx_diag_put_safe(jx_strbuf *out, const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    size_t w, k;
    unit_show show;
    utf8proc_int32_t cp = 0;
    k = next_unit(s, n, i, &w, &show, &cp);
    put_unit(out, s + i, k, show, cp);
    i += k;
  }
}

void jx_diag_lay_out(const char *s, size_t n, size_t at, size_t len,
                     jx_strbuf *out, jx_diag_span *sp) {
  size_t end = at + len < at || at + len > n ? n : at + len;
  size_t dcol = 0, units = 0, dend = 0, uend = 0;
  bool found = false;
  for (size_t i = 0; i < n;) {
    size_t w, k;
    if (s[i] == '\t') {
      k = 1;
      w = 8 - dcol % 8;
      if (out)
        jx_sb_fill(out, ' ', w);
    } else {
      unit_show show;
      utf8proc_int32_t cp = 0;
      k = next_unit(s, n, i, &w, &show, &cp);
      if (out)
        put_unit(out, s + i, k, show, cp);
    }
    if (!found && i + k > at) {
      found = true;
      sp->dstart = dcol;
      sp->col = (uint32_t)units + 1;
    }
    if (found && i < end) {
      dend = dcol + w;
      uend = units + 1;
    }
    dcol += w;
    units++;
    i += k;
  }
  if (!found) { /* at the end of the line */
    sp->dstart = dcol;
    sp->col = (uint32_t)units + 1;
  }
  bool covers = found && len > 0 && uend > 0;
  sp->end_col = covers ? (uint32_t)uend + 1 : sp->col;
  sp->dwidth = covers && dend > sp->dstart ? dend - sp->dstart : 1;
}
