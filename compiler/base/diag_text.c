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
 * for CJK in the "C" locale (diag_layout.c).  Everything that came from
 * the user — the file name, words echoed in the message, the quoted line —
 * is escaped so that it cannot drive the terminal (jx_diag_put_safe).  The
 * words (severities, messages) are the catalog's, in the language asked
 * for.
 */
#include "diag.h"

#include "diag_impl.h"

#include <string.h>

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
