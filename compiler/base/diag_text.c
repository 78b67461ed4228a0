/*
 * diag_text.c — a diagnostic record as text for a person at a terminal:
 *
 *     file:line:col: error: message [code]
 *      12 |   output.quantty "人数" = 22人;
 *         |   ^~~~~~~~~~~~~~
 *           = help: did you mean 'output.quantity'?
 *
 * Users see code-point columns in the header (what editors show) and a
 * caret placed by display width: utf8proc decides how wide a character
 * is, because the C library's wcwidth depends on the locale and is wrong
 * for CJK in the "C" locale.  Everything that came from the user — the
 * file name, words echoed in the message, the quoted line — is escaped so
 * that it cannot drive the terminal (put_safe).  The words (severities,
 * messages) are the catalog's, in the language asked for.
 */
#include "diag.h"

#include "diag_impl.h"

#include <string.h>

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

/* ---- one record ------------------------------------------------------ */

#define C_BOLD "\033[1m"
#define C_RED "\033[1;31m"
#define C_MAGENTA "\033[1;35m"
#define C_CYAN "\033[1;36m"
#define C_GREEN "\033[1;32m"
#define C_RESET "\033[0m"

typedef struct tx {
  jx_strbuf *o;
  const jx_diag_record *r;
  jx_lang lang;
  bool color;
  jx_strbuf msg; /* one message, before it is escaped */
} tx;

static jx_severity sev_index(jx_severity s) {
  return s <= JX_SEV_ERROR ? s : JX_SEV_ERROR;
}

static const char *sev_word(const tx *t, jx_severity s) {
  static const jx_msg words[] = {JX_M_SEV_HELP, JX_M_SEV_NOTE, JX_M_SEV_WARNING,
                                 JX_M_SEV_ERROR};
  return jx_msg_text(words[sev_index(s)], t->lang);
}

static const char *sev_color(jx_severity s) {
  static const char *const colors[] = {C_BOLD, C_CYAN, C_MAGENTA, C_RED};
  return colors[sev_index(s)];
}

static void on(const tx *t, const char *color) {
  if (t->color)
    jx_sb_puts(t->o, color);
}

/* "error:" in its colour. */
static void put_sev(const tx *t, jx_severity s) {
  on(t, sev_color(s));
  jx_sb_puts(t->o, sev_word(t, s));
  jx_sb_puts(t->o, ":");
  on(t, C_RESET);
}

/* The message of a part, escaped. */
static void put_message(tx *t, const jx_diag_part *p) {
  jx_sb_clear(&t->msg);
  jx_diag_message(&t->msg, t->r, p, t->lang);
  jx_diag_put_safe(t->o, t->msg.p ? t->msg.p : "", t->msg.n);
}

static size_t gutter_width(uint32_t line) {
  size_t w = 1;
  for (uint32_t v = line; v >= 10; v /= 10)
    w++;
  return w < 4 ? 4 : w;
}

/* PATH:LINE:COL: SEVERITY: MESSAGE [CODE], or jxc: … without a position. */
static void put_header(tx *t, const jx_diag_part *p, const char *code) {
  jx_strbuf *o = t->o;
  if (p->at.loc.line == 0) {
    on(t, C_BOLD);
    jx_sb_puts(o, "jxc:");
    on(t, C_RESET);
  } else {
    on(t, C_BOLD);
    const char *path = p->at.path ? p->at.path : "<unknown>";
    jx_diag_put_safe(o, path, strlen(path));
    jx_sb_printf(o, ":%lu:%lu:", (unsigned long)p->at.loc.line,
                 (unsigned long)p->at.col);
    on(t, C_RESET);
  }
  jx_sb_puts(o, " ");
  put_sev(t, p->sev);
  jx_sb_puts(o, " ");
  put_message(t, p);
  if (code) {
    jx_sb_puts(o, " [");
    jx_sb_puts(o, code);
    jx_sb_puts(o, "]");
  }
  jx_sb_puts(o, "\n");
}

/* A header, and below it the source line and caret when the line was
 * kept.  Returns the gutter width used. */
static size_t put_located(tx *t, const jx_diag_part *p, const char *code) {
  put_header(t, p, code);
  size_t w = gutter_width(p->at.loc.line);
  const jx_diag_place *at = &p->at;
  if (!at->quote)
    return w;
  jx_strbuf *o = t->o;
  jx_sb_printf(o, " %*lu | ", (int)w, (unsigned long)at->loc.line);
  if (at->cut_before)
    jx_sb_puts(o, "...");
  jx_diag_span sp;
  jx_diag_lay_out(at->quote, at->quote_len, at->quote_at, at->quote_span, o,
                  &sp);
  if (at->cut_after)
    jx_sb_puts(o, "...");
  jx_sb_puts(o, "\n ");
  jx_sb_fill(o, ' ', w);
  jx_sb_puts(o, " | ");
  jx_sb_fill(o, ' ', sp.dstart + (at->cut_before ? 3u : 0u));
  on(t, C_GREEN);
  jx_sb_puts(o, "^");
  jx_sb_fill(o, '~', sp.dwidth - 1);
  on(t, C_RESET);
  jx_sb_puts(o, "\n");
  return w;
}

/* A usage error reads like other command-line tools':
 *     jxc build: unknown format 'yaml' (json, csv or c)
 *     Try 'jxc help build'. */
static void put_usage(tx *t) {
  const jx_diag_record *r = t->r;
  if (*r->command)
    jx_msg_printf(t->o, t->lang, JX_M_USAGE_PREFIX, r->command);
  else
    jx_sb_puts(t->o, "jxc: ");
  put_message(t, &r->main);
  jx_sb_puts(t->o, "\n");
  for (size_t i = 0; i < r->n_notes; i++) {
    put_message(t, &r->notes[i]);
    jx_sb_puts(t->o, "\n");
  }
}

void jx_diag_render_text(jx_strbuf *out, const jx_diag_record *r, jx_lang lang,
                         bool color) {
  tx t = {out, r, lang, color, {0}};
  if (r->command) {
    put_usage(&t);
    jx_sb_free(&t.msg);
    return;
  }
  size_t w = 4;
  if (r->main.at.loc.line == 0)
    put_header(&t, &r->main, r->code);
  else
    w = put_located(&t, &r->main, r->code);
  for (size_t i = 0; i < r->n_notes; i++) {
    const jx_diag_part *nt = &r->notes[i];
    if (nt->sev == JX_SEV_NOTE && nt->at.loc.line != 0) {
      put_located(&t, nt, NULL);
      continue;
    }
    /* help, or a note without a place: a row under the gutter */
    jx_sb_fill(out, ' ', w + 2);
    jx_sb_puts(out, "= ");
    put_sev(&t, nt->sev);
    jx_sb_puts(out, " ");
    put_message(&t, nt);
    jx_sb_puts(out, "\n");
  }
  jx_sb_free(&t.msg);
}
