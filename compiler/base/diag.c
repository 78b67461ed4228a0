/*
 * diag.c — the diagnostic engine behind diag.h.
 *
 * Every phase reports here.  A report is formatted at once (vsnprintf into a
 * growable buffer) and held as the "pending" diagnostic, so that notes and
 * help can still be attached; it is printed when the next report starts or
 * on jx_diag_flush()/jx_diag_summary().  Printing builds the whole text of
 * one diagnostic (header, source line, caret, notes) in a buffer and hands
 * it to the writer callback in one call, so a test or an IDE sees whole
 * diagnostics and never a half-written one.
 *
 * Locations arrive as byte offsets and byte columns.  Users see code-point
 * columns in the header (what editors show) and a caret placed by display
 * width: utf8proc decides how wide a character is, because the C library's
 * wcwidth depends on the locale and is wrong for CJK in the "C" locale.
 */
#include "diag.h"

#include "arena.h"
#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include <utf8proc.h>

/* ---- the table ------------------------------------------------------- */

typedef struct diag_row {
  const char *code;
  jx_severity sev;
  const char *en;
  const char *zh;
} diag_row;

static const diag_row rows[JX_DIAG_COUNT] = {
#define JX_DIAG(id, code, sev, en, zh) {code, sev, en, zh},
#include "diag_codes.def"
#undef JX_DIAG
};

const char *jx_diag_code(jx_diag_id id) {
  return (unsigned)id < JX_DIAG_COUNT ? rows[id].code : NULL;
}

jx_severity jx_diag_severity(jx_diag_id id) {
  return (unsigned)id < JX_DIAG_COUNT ? rows[id].sev : JX_SEV_ERROR;
}

const char *jx_diag_format_string(jx_diag_id id, jx_lang lang) {
  if ((unsigned)id >= JX_DIAG_COUNT)
    return NULL;
  return lang == JX_LANG_ZH ? rows[id].zh : rows[id].en;
}

/* ---- the engine ------------------------------------------------------ */

typedef struct source {
  char *path;
  const char *data; /* NULL: read lines back from the file at path */
  size_t size;
  FILE *fp;        /* opened on first use, kept for later lines */
  bool unreadable; /* fopen failed once; do not retry for every message */
} source;

/* One printed part: the diagnostic itself or one of its notes. */
typedef struct item {
  jx_severity sev;  /* as printed: werror already applied */
  const char *code; /* NULL for notes and help */
  jx_loc loc;
  jx_strbuf msg;
} item;

struct jx_diag {
  source *src;
  size_t nsrc, capsrc;
  jx_diag_writer write;
  void *ud;
  jx_diag_format format;
  jx_lang lang;
  bool color, werror;
  int max_errors; /* <= 0: no cap */
  int errors, warnings;
  bool too_many;       /* the cap was reached; later reports are dropped */
  bool too_many_shown; /* the too-many-errors line was printed */
  bool pending;        /* `main` holds a diagnostic not yet printed */
  item main;
  item *notes; /* kept with their buffers across diagnostics */
  size_t nnotes, capnotes;
  jx_strbuf out; /* text of one diagnostic, then one writer call */
  /* While held, finished diagnostics queue here and are written sorted by
   * position on release (see jx_diag_hold). */
  bool holding;
  struct held {
    uint32_t file;
    uint64_t offset; /* UINT64_MAX: no position, sorts last */
    size_t seq;
    char *text;
    size_t n;
  } * held;
  size_t nheld, capheld;
  jx_strbuf line; /* a source line read back from a file */
  jx_diag_annotator annotate;
  void *annotate_ud;
};

static void write_stderr(void *ud, const char *text, size_t n) {
  (void)ud;
  fwrite(text, 1, n, stderr);
}

jx_diag *jx_diag_new(void) {
  jx_diag *d = jx_xrealloc(NULL, sizeof *d);
  memset(d, 0, sizeof *d);
  d->write = write_stderr;
  d->format = JX_DIAG_TEXT;
  d->lang = JX_LANG_EN;
  d->max_errors = JX_MAX_ERRORS;
  return d;
}

void jx_diag_free(jx_diag *d) {
  if (!d)
    return;
  /* A diagnostic still held would otherwise be lost without a trace. */
  jx_diag_flush(d);
  for (size_t i = 0; i < d->nsrc; i++) {
    if (d->src[i].fp)
      fclose(d->src[i].fp);
    free(d->src[i].path);
  }
  free(d->src);
  for (size_t i = 0; i < d->capnotes; i++)
    jx_sb_free(&d->notes[i].msg);
  free(d->notes);
  jx_sb_free(&d->main.msg);
  jx_sb_free(&d->out);
  jx_sb_free(&d->line);
  free(d->held);
  free(d);
}

uint32_t jx_diag_add_source(jx_diag *d, const char *path, const char *data,
                            size_t size) {
  if (d->nsrc == d->capsrc) {
    d->capsrc = d->capsrc ? 2 * d->capsrc : 8;
    d->src = jx_xrealloc(d->src, d->capsrc * sizeof *d->src);
  }
  const char *p = path ? path : "<input>";
  size_t n = strlen(p);
  source *s = &d->src[d->nsrc];
  memset(s, 0, sizeof *s);
  s->path = jx_xrealloc(NULL, n + 1);
  memcpy(s->path, p, n + 1);
  s->data = data;
  s->size = data ? size : 0;
  return (uint32_t)d->nsrc++;
}

const char *jx_diag_source_path(const jx_diag *d, uint32_t file) {
  return file < d->nsrc ? d->src[file].path : NULL;
}

void jx_diag_set_writer(jx_diag *d, jx_diag_writer fn, void *ud) {
  d->write = fn ? fn : write_stderr;
  d->ud = fn ? ud : NULL;
}

void jx_diag_set_format(jx_diag *d, jx_diag_format f) {
  d->format = f;
}

void jx_diag_set_lang(jx_diag *d, jx_lang lang) {
  d->lang = lang;
}

jx_lang jx_diag_lang(const jx_diag *d) {
  return d->lang;
}

void jx_diag_set_color(jx_diag *d, bool on) {
  d->color = on;
}

void jx_diag_set_werror(jx_diag *d, bool on) {
  d->werror = on;
}

void jx_diag_set_max_errors(jx_diag *d, int max) {
  d->max_errors = max;
}

int jx_diag_errors(const jx_diag *d) {
  return d->errors;
}

int jx_diag_warnings(const jx_diag *d) {
  return d->warnings;
}

bool jx_diag_too_many(const jx_diag *d) {
  return d->too_many;
}

/* ---- source lines ---------------------------------------------------- */

/* The line holding `loc`, without its line break, and the byte index of
 * loc within it.  False when the line cannot be had: the caller then prints
 * the header alone. */
/* Moves i back to the first byte of a UTF-8 character. */
static size_t char_start(const char *s, size_t i) {
  while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
    i--;
  return i;
}

/* Bytes quoted on each side of a location on a long line: a minified file
 * or a paragraph on one line is quoted only around the location, between
 * "..." marks, so that one message stays one screen. */
#define JX_DIAG_QUOTE_CONTEXT 160

static bool fetch_line(jx_diag *d, jx_loc loc, const char **text, size_t *n,
                       size_t *at, bool *cut) {
  *cut = false;
  if (loc.line == 0 || loc.file >= d->nsrc)
    return false;
  uint32_t col = loc.col ? loc.col : 1;
  if (loc.offset < col - 1)
    return false;
  uint64_t start = loc.offset - (col - 1);
  source *s = &d->src[loc.file];
  const char *p;
  size_t len;
  if (s->data) {
    if (start > s->size)
      return false;
    p = s->data + start;
    const char *nl = memchr(p, '\n', s->size - (size_t)start);
    len = nl ? (size_t)(nl - p) : s->size - (size_t)start;
  } else {
    if (s->unreadable)
      return false;
    if (!s->fp && !(s->fp = fopen(s->path, "rb"))) {
      s->unreadable = true;
      return false;
    }
    if ((uint64_t)(off_t)start != start ||
        fseeko(s->fp, (off_t)start, SEEK_SET) != 0)
      return false;
    jx_sb_clear(&d->line);
    /* Nothing past the quoted window is needed (see put_located). */
    uint64_t shown =
        loc.len < JX_DIAG_QUOTE_CONTEXT ? loc.len : JX_DIAG_QUOTE_CONTEXT;
    uint64_t need = (uint64_t)col - 1 + shown + JX_DIAG_QUOTE_CONTEXT + 4;
    int c;
    while ((c = getc(s->fp)) != EOF && c != '\n') {
      /* Stop at the first character boundary past what is needed. */
      if (d->line.n >= need && ((unsigned char)c & 0xC0) != 0x80) {
        *cut = true;
        break;
      }
      char ch = (char)c;
      jx_sb_add(&d->line, &ch, 1);
    }
    if (ferror(s->fp)) {
      clearerr(s->fp);
      return false;
    }
    clearerr(s->fp); /* EOF is not sticky for the next seek */
    p = d->line.p;
    len = d->line.n;
  }
  if (len && p[len - 1] == '\r') /* CRLF files */
    len--;
  *at = col - 1;
  /* A byte-order mark is not part of what the author sees as line 1. */
  if (start == 0 && len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0 && *at >= 3) {
    p += 3;
    len -= 3;
    *at -= 3;
  }
  *text = p;
  *n = len;
  return true;
}

/* Where a location falls on its displayed line. */
typedef struct span {
  uint32_t col;     /* 1-based code-point column */
  uint32_t end_col; /* exclusive */
  size_t dstart;    /* display column of the caret, 0-based */
  size_t dwidth;    /* display width of ^~~~, at least 1 */
} span;

/* One displayed unit of a line starting at s[i] (not a tab): a character,
 * or bytes to be shown as \xNN.  Returns its length in bytes. */
static size_t next_unit(const char *s, size_t n, size_t i, size_t *width,
                        bool *escape) {
  utf8proc_int32_t cp;
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                        (utf8proc_ssize_t)(n - i), &cp);
  if (k <= 0) { /* invalid UTF-8: one byte at a time */
    *escape = true;
    *width = 4;
    return 1;
  }
  /* C0, DEL and C1 controls would move the terminal's cursor. */
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
    *escape = true;
    *width = 4 * (size_t)k;
    return (size_t)k;
  }
  *escape = false;
  int w = utf8proc_charwidth(cp);
  *width = w > 0 ? (size_t)w : 0;
  return (size_t)k;
}

/* Measures the span of [at, at+len) on line s[0..n) and, if out is not
 * NULL, appends the line as displayed (tabs expanded, bad bytes escaped). */
static void lay_out(const char *s, size_t n, size_t at, size_t len,
                    jx_strbuf *out, span *sp) {
  size_t end = at + len < at || at + len > n ? n : at + len;
  size_t dcol = 0, units = 0, dend = 0, uend = 0;
  bool found = false;
  for (size_t i = 0; i < n;) {
    size_t w, k;
    bool esc = false;
    if (s[i] == '\t') {
      k = 1;
      w = 8 - dcol % 8;
      if (out)
        jx_sb_fill(out, ' ', w);
    } else {
      k = next_unit(s, n, i, &w, &esc);
      if (out && esc) {
        for (size_t j = 0; j < k; j++)
          jx_sb_printf(out, "\\x%02X", (unsigned)(unsigned char)s[i + j]);
      } else if (out) {
        jx_sb_add(out, s + i, k);
      }
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

/* The span of a loc whose line could not be read: byte columns are the
 * best there is. */
static void blind_span(jx_loc loc, span *sp) {
  sp->col = loc.col ? loc.col : 1;
  sp->end_col = sp->col + loc.len;
  sp->dstart = 0;
  sp->dwidth = 1;
}

/* ---- text output ----------------------------------------------------- */

#define C_BOLD "\033[1m"
#define C_RED "\033[1;31m"
#define C_MAGENTA "\033[1;35m"
#define C_CYAN "\033[1;36m"
#define C_GREEN "\033[1;32m"
#define C_RESET "\033[0m"

/* Indexed by jx_severity. */
static const char *const sev_words[] = {"help", "note", "warning", "error"};
static const char *const sev_colors[] = {C_BOLD, C_CYAN, C_MAGENTA, C_RED};

static const char *sev_word(jx_severity s) {
  return sev_words[s <= JX_SEV_ERROR ? s : JX_SEV_ERROR];
}

static const char *sev_color(jx_severity s) {
  return sev_colors[s <= JX_SEV_ERROR ? s : JX_SEV_ERROR];
}

static void put_colored(jx_diag *d, const char *color, const char *text) {
  if (d->color)
    jx_sb_puts(&d->out, color);
  jx_sb_puts(&d->out, text);
  if (d->color)
    jx_sb_puts(&d->out, C_RESET);
}

static size_t gutter_width(uint32_t line) {
  size_t w = 1;
  for (uint32_t v = line; v >= 10; v /= 10)
    w++;
  return w < 4 ? 4 : w;
}

/* PATH:LINE:COL: SEVERITY: MESSAGE [CODE], or jxc: … without a position. */
static void put_header(jx_diag *d, const item *it, uint32_t col) {
  jx_strbuf *o = &d->out;
  if (it->loc.line == 0) {
    put_colored(d, C_BOLD, "jxc:");
  } else {
    if (d->color)
      jx_sb_puts(o, C_BOLD);
    const char *path = jx_diag_source_path(d, it->loc.file);
    jx_sb_printf(o, "%s:%lu:%lu:", path ? path : "<unknown>",
                 (unsigned long)it->loc.line, (unsigned long)col);
    if (d->color)
      jx_sb_puts(o, C_RESET);
  }
  jx_sb_puts(o, " ");
  if (d->color)
    jx_sb_puts(o, sev_color(it->sev));
  jx_sb_puts(o, sev_word(it->sev));
  jx_sb_puts(o, ":");
  if (d->color)
    jx_sb_puts(o, C_RESET);
  jx_sb_puts(o, " ");
  jx_sb_add(o, it->msg.p, it->msg.n);
  if (it->code) {
    jx_sb_puts(o, " [");
    jx_sb_puts(o, it->code);
    jx_sb_puts(o, "]");
  }
  jx_sb_puts(o, "\n");
}

/* A header, and below it the source line and caret when the line can be
 * read.  Returns the gutter width used. */
static size_t put_located(jx_diag *d, const item *it) {
  const char *s;
  size_t n, at;
  bool cut;
  span sp;
  if (!fetch_line(d, it->loc, &s, &n, &at, &cut)) {
    blind_span(it->loc, &sp);
    put_header(d, it, sp.col);
    return gutter_width(it->loc.line);
  }
  lay_out(s, n, at, it->loc.len, NULL, &sp);
  put_header(d, it, sp.col);

  jx_strbuf *o = &d->out;
  size_t w = gutter_width(it->loc.line);
  jx_sb_printf(o, " %*lu | ", (int)w, (unsigned long)it->loc.line);
  /* An underline longer than the context is cut too. */
  size_t len =
      it->loc.len < JX_DIAG_QUOTE_CONTEXT ? it->loc.len : JX_DIAG_QUOTE_CONTEXT;
  size_t from = 0, to = n;
  if (n > 3 * JX_DIAG_QUOTE_CONTEXT) {
    from = at > JX_DIAG_QUOTE_CONTEXT
               ? char_start(s, at - JX_DIAG_QUOTE_CONTEXT)
               : 0;
    size_t end = at + len + JX_DIAG_QUOTE_CONTEXT;
    to = end < n ? char_start(s, end) : n;
  }
  if (from > 0)
    jx_sb_puts(o, "...");
  lay_out(s + from, to - from, at - from, len, o, &sp);
  if (to < n || cut)
    jx_sb_puts(o, "...");
  jx_sb_puts(o, "\n ");
  jx_sb_fill(o, ' ', w);
  jx_sb_puts(o, " | ");
  jx_sb_fill(o, ' ', sp.dstart + (from > 0 ? 3u : 0u));
  if (d->color)
    jx_sb_puts(o, C_GREEN);
  jx_sb_puts(o, "^");
  jx_sb_fill(o, '~', sp.dwidth - 1);
  if (d->color)
    jx_sb_puts(o, C_RESET);
  jx_sb_puts(o, "\n");
  return w;
}

static void put_text(jx_diag *d) {
  jx_strbuf *o = &d->out;
  size_t w = 4;
  if (d->main.loc.line == 0)
    put_header(d, &d->main, 0);
  else
    w = put_located(d, &d->main);
  for (size_t i = 0; i < d->nnotes; i++) {
    const item *nt = &d->notes[i];
    if (nt->sev == JX_SEV_NOTE && nt->loc.line != 0) {
      put_located(d, nt);
      continue;
    }
    /* help, or a note without a place: a row under the gutter */
    jx_sb_fill(o, ' ', w + 2);
    jx_sb_puts(o, "= ");
    if (d->color)
      jx_sb_puts(o, sev_color(nt->sev));
    jx_sb_puts(o, sev_word(nt->sev));
    jx_sb_puts(o, ":");
    if (d->color)
      jx_sb_puts(o, C_RESET);
    jx_sb_puts(o, " ");
    jx_sb_add(o, nt->msg.p, nt->msg.n);
    jx_sb_puts(o, "\n");
  }
}

/* ---- JSON output ----------------------------------------------------- */

/* A JSON string per RFC 8259.  Bytes that are not UTF-8 become U+FFFD so
 * the line stays valid JSON whatever the message holds. */
static void json_str(jx_strbuf *o, const char *s, size_t n) {
  jx_sb_puts(o, "\"");
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x80) {
      utf8proc_int32_t cp;
      utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                            (utf8proc_ssize_t)(n - i), &cp);
      if (k <= 0) {
        jx_sb_puts(o, "\xEF\xBF\xBD");
        i++;
      } else {
        jx_sb_add(o, s + i, (size_t)k);
        i += (size_t)k;
      }
      continue;
    }
    i++;
    const char *esc = c == '"'    ? "\\\""
                      : c == '\\' ? "\\\\"
                      : c == '\n' ? "\\n"
                      : c == '\t' ? "\\t"
                      : c == '\r' ? "\\r"
                      : c == '\b' ? "\\b"
                      : c == '\f' ? "\\f"
                                  : NULL;
    if (esc) {
      jx_sb_puts(o, esc);
    } else if (c < 0x20) {
      jx_sb_printf(o, "\\u%04X", (unsigned)c);
    } else {
      char ch = (char)c;
      jx_sb_add(o, &ch, 1);
    }
  }
  jx_sb_puts(o, "\"");
}

static void json_path(jx_diag *d, uint32_t file) {
  const char *path = jx_diag_source_path(d, file);
  if (path)
    json_str(&d->out, path, strlen(path));
  else
    jx_sb_puts(&d->out, "null");
}

static void json_span(jx_diag *d, jx_loc loc, span *sp) {
  const char *s;
  size_t n, at;
  bool cut;
  if (fetch_line(d, loc, &s, &n, &at, &cut))
    lay_out(s, n, at, loc.len, NULL, sp);
  else
    blind_span(loc, sp);
}

static void put_json(jx_diag *d) {
  jx_strbuf *o = &d->out;
  const item *m = &d->main;
  if (m->loc.line == 0) {
    jx_sb_puts(o, "{\"file\":null,\"line\":0,\"column\":0,\"end_line\":0,"
                  "\"end_column\":0,\"byte_offset\":0");
  } else {
    span sp;
    json_span(d, m->loc, &sp);
    jx_sb_puts(o, "{\"file\":");
    json_path(d, m->loc.file);
    jx_sb_printf(o,
                 ",\"line\":%lu,\"column\":%lu,\"end_line\":%lu,"
                 "\"end_column\":%lu,\"byte_offset\":%llu",
                 (unsigned long)m->loc.line, (unsigned long)sp.col,
                 (unsigned long)m->loc.line, (unsigned long)sp.end_col,
                 (unsigned long long)m->loc.offset);
  }
  jx_sb_printf(o, ",\"severity\":\"%s\",\"code\":", sev_word(m->sev));
  if (m->code)
    json_str(o, m->code, strlen(m->code));
  else
    jx_sb_puts(o, "null");
  jx_sb_puts(o, ",\"message\":");
  json_str(o, m->msg.p, m->msg.n);
  jx_sb_puts(o, ",\"notes\":[");
  for (size_t i = 0; i < d->nnotes; i++) {
    const item *nt = &d->notes[i];
    jx_sb_printf(o, "%s{\"severity\":\"%s\",\"message\":", i ? "," : "",
                 sev_word(nt->sev));
    json_str(o, nt->msg.p, nt->msg.n);
    if (nt->sev == JX_SEV_NOTE && nt->loc.line != 0) {
      span sp;
      json_span(d, nt->loc, &sp);
      jx_sb_puts(o, ",\"file\":");
      json_path(d, nt->loc.file);
      jx_sb_printf(o, ",\"line\":%lu,\"column\":%lu,\"end_column\":%lu",
                   (unsigned long)nt->loc.line, (unsigned long)sp.col,
                   (unsigned long)sp.end_col);
    }
    jx_sb_puts(o, "}");
  }
  jx_sb_puts(o, "]}\n");
}

/* ---- reporting ------------------------------------------------------- */

static void emit(jx_diag *d) {
  jx_sb_clear(&d->out);
  if (d->format == JX_DIAG_JSON)
    put_json(d);
  else
    put_text(d);
  if (!d->holding) {
    d->write(d->ud, d->out.p, d->out.n);
    return;
  }
  if (d->nheld == d->capheld) {
    d->capheld = d->capheld ? 2 * d->capheld : 16;
    d->held = jx_xrealloc(d->held, d->capheld * sizeof *d->held);
  }
  struct held *h = &d->held[d->nheld];
  h->file = d->main.loc.file;
  h->offset = d->main.loc.line ? d->main.loc.offset : UINT64_MAX;
  h->seq = d->nheld;
  h->n = d->out.n;
  h->text = jx_xrealloc(NULL, h->n ? h->n : 1);
  memcpy(h->text, d->out.p, h->n);
  d->nheld++;
}

static void flush_pending(jx_diag *d);

static int held_order(const void *a, const void *b) {
  const struct held *x = a, *y = b;
  if (x->file != y->file)
    return x->file < y->file ? -1 : 1;
  if (x->offset != y->offset)
    return x->offset < y->offset ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void jx_diag_set_hold(jx_diag *d, bool on) {
  if (!on)
    jx_diag_flush(d);
  d->holding = on;
}

void jx_diag_release(jx_diag *d) {
  flush_pending(d);
  if (d->nheld) /* qsort(NULL, 0, …) is undefined behaviour */
    qsort(d->held, d->nheld, sizeof *d->held, held_order);
  for (size_t i = 0; i < d->nheld; i++) {
    d->write(d->ud, d->held[i].text, d->held[i].n);
    free(d->held[i].text);
  }
  d->nheld = 0;
}

static void set_item(jx_diag *d, item *it, jx_diag_id id, jx_severity sev,
                     const char *code, jx_loc loc, va_list ap) {
  it->sev = sev;
  it->code = code;
  it->loc = loc;
  jx_sb_clear(&it->msg);
  jx_sb_vprintf(&it->msg, jx_diag_format_string(id, d->lang), ap);
}

/* Prints the pending diagnostic, then the too-many-errors line once the
 * cap has been reached (after the notes of the last error it allowed). */
static void flush_pending(jx_diag *d) {
  if (d->pending && d->annotate) {
    jx_diag_annotator fn = d->annotate;
    d->annotate = NULL; /* its notes do not come back here */
    fn(d->annotate_ud, d, d->main.loc);
    d->annotate = fn;
  }
  if (d->pending) {
    d->pending = false;
    emit(d);
  }
  if (d->too_many && !d->too_many_shown) {
    d->too_many_shown = true;
    jx_loc none = {0};
    d->main.sev = JX_SEV_ERROR;
    d->main.code = rows[JX_E_TOO_MANY_ERRORS].code;
    d->main.loc = none;
    jx_sb_clear(&d->main.msg);
    jx_sb_printf(&d->main.msg,
                 jx_diag_format_string(JX_E_TOO_MANY_ERRORS, d->lang),
                 d->max_errors);
    d->nnotes = 0;
    emit(d);
  }
}

void jx_diag_report(jx_diag *d, jx_diag_id id, jx_loc loc, ...) {
  flush_pending(d);
  if (d->too_many || (unsigned)id >= JX_DIAG_COUNT)
    return;
  jx_severity sev = rows[id].sev;
  if (sev == JX_SEV_WARNING && d->werror)
    sev = JX_SEV_ERROR;
  if (sev == JX_SEV_ERROR)
    d->errors++;
  else if (sev == JX_SEV_WARNING)
    d->warnings++;
  va_list ap;
  va_start(ap, loc);
  set_item(d, &d->main, id, sev, rows[id].code, loc, ap);
  va_end(ap);
  d->nnotes = 0;
  d->pending = true;
  if (sev == JX_SEV_ERROR && d->max_errors > 0 && d->errors >= d->max_errors)
    d->too_many = true;
}

void jx_diag_note(jx_diag *d, jx_diag_id id, jx_loc loc, ...) {
  /* No pending diagnostic: it was dropped past the cap, or already shown. */
  if (!d->pending || (unsigned)id >= JX_DIAG_COUNT)
    return;
  if (d->nnotes == d->capnotes) {
    size_t cap = d->capnotes ? 2 * d->capnotes : 4;
    d->notes = jx_xrealloc(d->notes, cap * sizeof *d->notes);
    memset(d->notes + d->capnotes, 0, (cap - d->capnotes) * sizeof *d->notes);
    d->capnotes = cap;
  }
  jx_severity sev = rows[id].sev == JX_SEV_HELP ? JX_SEV_HELP : JX_SEV_NOTE;
  if (sev == JX_SEV_HELP) {
    jx_loc none = {0};
    loc = none;
  }
  va_list ap;
  va_start(ap, loc);
  set_item(d, &d->notes[d->nnotes++], id, sev, NULL, loc, ap);
  va_end(ap);
}

void jx_diag_set_annotator(jx_diag *d, jx_diag_annotator fn, void *ud) {
  d->annotate = fn;
  d->annotate_ud = ud;
}

void jx_diag_flush(jx_diag *d) {
  jx_diag_release(d);
}

void jx_diag_summary(jx_diag *d) {
  jx_diag_flush(d);
  if (d->format != JX_DIAG_TEXT || (d->errors == 0 && d->warnings == 0))
    return;
  jx_strbuf *o = &d->out;
  jx_sb_clear(o);
  if (d->lang == JX_LANG_ZH) {
    jx_sb_puts(o, "jxc: 共 ");
    if (d->errors)
      jx_sb_printf(o, "%d 个错误", d->errors);
    if (d->errors && d->warnings)
      jx_sb_puts(o, "，");
    if (d->warnings)
      jx_sb_printf(o, "%d 个警告", d->warnings);
  } else {
    jx_sb_puts(o, "jxc: ");
    if (d->errors)
      jx_sb_printf(o, "%d error%s", d->errors, d->errors == 1 ? "" : "s");
    if (d->errors && d->warnings)
      jx_sb_puts(o, ", ");
    if (d->warnings)
      jx_sb_printf(o, "%d warning%s", d->warnings, d->warnings == 1 ? "" : "s");
  }
  jx_sb_puts(o, "\n");
  d->write(d->ud, o->p, o->n);
}
