/*
 * fmt_print.c — the printer behind `jxc fmt` (see fmt_print.h and the
 * header of fmt.c for the layout it keeps): columns counted in display
 * width, comments and blank lines carried over in one forward scan of the
 * source, and long strings wrapped only where the lexer gives the same
 * string back.
 */
#include "fmt_print.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "arena.h"

/* The layout is made with LF; a CR LF file gets CR LF.  No string or
 * comment holds a raw line break: each one here is a line end. */
static void put_crlf(jx_out *o, const char *s, size_t n) {
  const char *nl;
  while ((nl = memchr(s, '\n', n)) != NULL) {
    jx_out_write(o, s, (size_t)(nl - s));
    jx_out_write(o, "\r\n", 2);
    n -= (size_t)(nl - s) + 1;
    s = nl + 1;
  }
  jx_out_write(o, s, n);
}

void jx_pr_put(jx_printer *p, const char *s, size_t n) {
  if (p->crlf)
    put_crlf(p->out, s, n);
  else
    jx_out_write(p->out, s, n);
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) { /* most of the output: no decoding */
      p->col = c == '\n' ? 0 : p->col + 1;
      i++;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0) {
      p->col++;
      i++;
      continue;
    }
    p->col += (size_t)utf8proc_charwidth(cp);
    i += (size_t)k;
  }
}

void jx_pr_puts(jx_printer *p, const char *s) {
  jx_pr_put(p, s, strlen(s));
}

void jx_pr_kw(jx_printer *p, jx_kw k) {
  jx_pr_puts(p, jx_keyword(k, p->zh));
}

/* " KEYWORD word": an optional part of a statement. */
void jx_pr_kw_word(jx_printer *p, jx_kw k, const char *word) {
  jx_pr_puts(p, " ");
  jx_pr_kw(p, k);
  jx_pr_puts(p, " ");
  jx_pr_puts(p, word);
}

void jx_pr_spaces(jx_printer *p, size_t n) {
  static const char blank[] = "                                ";
  while (n > 0) {
    size_t k = n < sizeof blank - 1 ? n : sizeof blank - 1;
    jx_pr_put(p, blank, k);
    n -= k;
  }
}

void jx_pr_newline(jx_printer *p) {
  jx_pr_put(p, "\n", 1);
}

/* The start of a line with something on it, indented to the block. */
void jx_pr_begin_line(jx_printer *p) {
  jx_pr_spaces(p, (size_t)p->depth * JX_FMT_INDENT);
  p->block_start = false;
  p->blank_done = false;
}

/* Moves the scan to `offset` (never backwards) and says whether the text
 * there is the first thing on its line and the line above it is blank.
 * Spaces are what the lexer skips: space, tab, CR and U+3000. */
static bool blank_line_before(jx_printer *p, uint64_t offset) {
  jx_print_scan *s = &p->scan;
  while (s->pos < offset) {
    const char *w;
    size_t n = jx_fmt_text_get(p->text, s->pos, 3, &w);
    if (n == 0)
      break; /* the end of the source */
    const unsigned char *u = (const unsigned char *)w;
    /* This window's bytes up to offset; a U+3000 is looked at whole, in
     * the next window if it is cut here (or is the source's last bytes,
     * and so no U+3000). */
    size_t end = offset - s->pos < n ? (size_t)(offset - s->pos) : n, i = 0;
    while (i < end) {
      unsigned char c = u[i];
      if (c == '\n') {
        s->blank_above = !s->line_has_text;
        s->line_has_text = false;
        i++;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        i++;
      } else if (c == 0xE3 && i + 2 >= n && i > 0) {
        break;
      } else if (c == 0xE3 && i + 2 < n && u[i + 1] == 0x80 &&
                 u[i + 2] == 0x80) {
        i += 3;
      } else {
        s->line_has_text = true;
        i++;
      }
    }
    s->pos += i;
  }
  return !s->line_has_text && s->blank_above;
}

/* A blank line before what starts at `offset`, if the source had one there
 * and it is not the first thing in its block: at most one in a row. */
void jx_pr_blank_line(jx_printer *p, uint64_t offset) {
  if (blank_line_before(p, offset) && !p->block_start && !p->blank_done) {
    jx_pr_newline(p);
    p->blank_done = true;
  }
}

void jx_pr_add_comment(jx_printer *p, const char *text, size_t n, jx_loc loc) {
  jx_comment *c = jx_xmalloc(sizeof *c + n + 1);
  char *t = (char *)(c + 1);
  memcpy(t, text, n);
  t[n] = '\0';
  c->text = t;
  c->loc = loc;
  c->next = NULL;
  if (!p->comment_end)
    p->comment_end = &p->comment;
  *p->comment_end = c;
  p->comment_end = &c->next;
}

/* The first comment is printed: it goes. */
static void next_comment(jx_printer *p) {
  jx_comment *c = p->comment;
  p->comment = c->next;
  if (!p->comment)
    p->comment_end = &p->comment;
  free(c);
}

void jx_pr_drop_comments(jx_printer *p) {
  while (p->comment)
    next_comment(p);
}

/* The comments that start before `offset`, each on a line of its own. */
void jx_pr_comments_before(jx_printer *p, uint64_t offset) {
  while (p->comment && p->comment->loc.offset < offset) {
    jx_pr_blank_line(p, p->comment->loc.offset);
    jx_pr_begin_line(p);
    jx_pr_puts(p, "#");
    jx_pr_puts(p, p->comment->text);
    jx_pr_newline(p);
    next_comment(p);
  }
}

/* A comment after `end` (a ';', '{' or '}') on the same source line, and
 * before `limit` (where the next statement starts), stays at the end of
 * the line `end` is printed on. */
void jx_pr_comment_after(jx_printer *p, const jx_loc *end, uint64_t limit) {
  const jx_comment *c = p->comment;
  if (c && c->loc.offset > end->offset && c->loc.line == end->line &&
      c->loc.offset < limit) {
    jx_pr_puts(p, "  #");
    jx_pr_puts(p, c->text);
    next_comment(p);
  }
}

static bool is_cjk(utf8proc_int32_t cp) {
  return cp >= 0x2E80;
}

/* A space of any kind, or something invisible: a line never starts or ends
 * next to one.  The lexer drops space, tab, CR and U+3000 after a line
 * break in a string; editors strip Unicode spaces before one. */
static bool is_space_like(utf8proc_int32_t cp) {
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_ZS:
  case UTF8PROC_CATEGORY_ZL:
  case UTF8PROC_CATEGORY_ZP:
  case UTF8PROC_CATEGORY_CC:
  case UTF8PROC_CATEGORY_CF:
    return true;
  default:
    return utf8proc_charwidth(cp) == 0;
  }
}

/* Chinese typesetting (禁则): closing punctuation never starts a line and
 * opening punctuation never ends one.  ASCII punctuation (which includes
 * the escapes \" \\ \n \t) never starts or ends one either. */
static bool no_break_before(utf8proc_int32_t cp) {
  static const utf8proc_int32_t closing[] = {
      0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF09,
      0x300D, 0x300F, 0x300B, 0x3011, 0x3009, 0x201D, 0x2019, 0xFF05,
      0x3015, 0xFF3D, 0xFF5D, 0x2026, 0xFF0E, 0x30FB, 0x00B7};
  for (size_t i = 0; i < sizeof closing / sizeof *closing; i++)
    if (cp == closing[i])
      return true;
  return cp < 0x80 && !((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
                        (cp >= 'a' && cp <= 'z'));
}

static bool no_break_after(utf8proc_int32_t cp) {
  static const utf8proc_int32_t opening[] = {0xFF08, 0x300C, 0x300E, 0x300A,
                                             0x3010, 0x3008, 0x201C, 0x2018,
                                             0x3014, 0xFF3B, 0xFF5B};
  for (size_t i = 0; i < sizeof opening / sizeof *opening; i++)
    if (cp == opening[i])
      return true;
  return cp < 0x80 && !((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
                        (cp >= 'a' && cp <= 'z'));
}

/* May a wrapped string line end between prev and cp, where `grapheme` says
 * whether a grapheme cluster ends there?  Only where the string keeps its
 * value and its look: see the file comment. */
static bool can_break(utf8proc_int32_t prev, utf8proc_int32_t cp,
                      bool grapheme) {
  return grapheme && (is_cjk(prev) || is_cjk(cp)) && !is_space_like(prev) &&
         !is_space_like(cp) && !no_break_before(cp) && !no_break_after(prev);
}

/* Display width of a string literal as jx_pr_string() prints it unwrapped. */
size_t jx_pr_literal_width(const char *s) {
  size_t w = 2, n = strlen(s);
  for (size_t i = 0; i < n;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0) {
      w++, i++;
      continue;
    }
    w += cp < 0x80 ? (cp == '"' || cp == '\\' || cp < 0x20 ? 2 : 1)
                   : (size_t)utf8proc_charwidth(cp);
    i += (size_t)k;
  }
  return w;
}

/* A space before the next `need` columns, or, if they would run past the
 * width, a line break and a continuation indent. */
void jx_pr_soft_space(jx_printer *p, size_t need) {
  size_t cont = (size_t)(p->depth + 1) * JX_FMT_INDENT;
  if (p->col + 1 + need > JX_FMT_WIDTH && p->col > cont + 8) {
    jx_pr_newline(p);
    jx_pr_spaces(p, cont);
  } else {
    jx_pr_put(p, " ", 1);
  }
}

/* A string literal: escaped, and wrapped after the opening quote's column
 * where can_break() allows. */
void jx_pr_string(jx_printer *p, const char *s) {
  jx_pr_put(p, "\"", 1);
  size_t cont = p->col; /* continuation lines align after the quote */
  size_t n = strlen(s);
  utf8proc_int32_t prev = 0;
  utf8proc_int32_t state = 0; /* for grapheme clusters */
  for (size_t i = 0; i < n;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0) { /* cannot happen for lexed text; keep the byte */
      jx_pr_put(p, s + i, 1);
      prev = 0;
      i++;
      continue;
    }
    char esc[16];
    const char *t = s + i;
    size_t tn = (size_t)k;
    if (cp == '"' || cp == '\\') {
      esc[0] = '\\';
      esc[1] = (char)cp;
      t = esc, tn = 2;
    } else if (cp == '\n') {
      t = "\\n", tn = 2;
    } else if (cp == '\t') {
      t = "\\t", tn = 2;
    } else if (cp < 0x20 || cp == 0x7F) {
      tn = (size_t)snprintf(esc, sizeof esc, "\\u{%X}", (unsigned)cp);
      t = esc;
    }
    size_t w = cp < 0x80 ? tn : (size_t)utf8proc_charwidth(cp);
    /* Every pair goes through the grapheme state machine, in order. */
    bool grapheme = prev && utf8proc_grapheme_break_stateful(prev, cp, &state);
    /* Leave room for the closing quote and semicolon on the last line. */
    if (p->col + w + 2 > JX_FMT_WIDTH && cont + 8 < JX_FMT_WIDTH &&
        can_break(prev, cp, grapheme)) {
      jx_pr_newline(p);
      jx_pr_spaces(p, cont);
    }
    jx_pr_put(p, t, tn);
    prev = cp;
    i += (size_t)k;
  }
  jx_pr_put(p, "\"", 1);
}

void jx_pr_value(jx_printer *p, const jx_value *v) {
  switch (v->kind) {
  case JX_VAL_TEXT:
    jx_pr_string(p, v->text);
    break;
  case JX_VAL_NA:
    jx_pr_kw(p, JX_KW_NA);
    break;
  case JX_VAL_NONE:
    break;
  default:
    jx_pr_puts(p, v->text ? v->text : "");
    break;
  }
}

/* " KEYWORD value": an amount after budget, fiscal or other. */
void jx_pr_kw_value(jx_printer *p, jx_kw k, const jx_value *v) {
  jx_pr_puts(p, " ");
  jx_pr_kw(p, k);
  jx_pr_puts(p, " ");
  jx_pr_value(p, v);
}

void jx_pr_block_open(jx_printer *p) {
  jx_pr_puts(p, " {");
}

/* A code: bare when it is all digits (it lexes as a number), else a
 * string. */
void jx_pr_code_text(jx_printer *p, const char *code) {
  if (code[0] && strspn(code, "0123456789") == strlen(code))
    jx_pr_puts(p, code);
  else
    jx_pr_string(p, code);
}

/* " KEYWORD "text"", wrapped before the keyword if it would not fit. */
void jx_pr_kw_string_attr(jx_printer *p, jx_kw k, const char *text) {
  jx_pr_soft_space(p, strlen(jx_keyword(k, p->zh)) + 1 +
                          jx_pr_literal_width(text) + 1);
  jx_pr_kw(p, k);
  jx_pr_puts(p, " ");
  jx_pr_string(p, text);
}
