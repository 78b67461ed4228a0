/*
 * scan_diff.h — the two scanners side by side: grammar/scan_direct.c (the
 * hand-written one the parser uses) and grammar/lexer.l (flex's, the
 * reference), over the same bytes, as text to compare.
 *
 * For each token: its kind, its place (offset, length, line, column,
 * file), every field of its value (texts and their places, numbers,
 * units, comparisons after a value, dates, category halves, months), the
 * source text the parser quotes for it (jx_lex_token_text), and the last
 * two words (for hints); at the end the lexical error count, the GBK
 * verdict, the line count, the comments kept for fmt, and every
 * diagnostic in order (JSON), suppression comments' included.  Used by
 * tests/unit/test_scan_direct.c and the fuzz target
 * tests/fuzz/fuzz_scan_diff.c.  Header-only, like fmt_props.h.
 */
#ifndef JX_SCAN_DIFF_H
#define JX_SCAN_DIFF_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"
/* The generated headers need jx_scan, then the parser's token types. */
#include "parser.h"
#include "lexer.h"
#include "suppress.h"
#include "text_out.h"

const char *jx_lex_token_text(jx_scan *s, yyscan_t flex, const jx_loc *loc);

/* How the input is read. */
typedef struct sd_opts {
  bool keep_comments; /* comments kept, and suppression comments read */
  bool encoding_seen; /* GBK detection off ... */
  bool gbk_text;      /* ... and its verdict */
  size_t max_read;    /* the hand-written scanner's reads: at most this */
} sd_opts;

/* Whether the token kind is quoted from the source in a syntax error
 * (parser.y: a keyword, operator or mark). */
static bool sd_literal(int kind) {
  return kind != YYEOF && kind != YYerror && kind != STRING && kind != WORD &&
         kind != NUMBER && kind != DATE && kind != DATE_RANGE && kind != PATH;
}

/* The value a NUMBER, DATE or DATE_RANGE token points to. */
static void sd_value(sd_buf *out, const jx_value *v) {
  if (!v) {
    sd_puts(out, "[no value]");
    return;
  }
  sd_puts(out, "[");
  sd_puts(out, v->text);
  sd_puts(out, "|");
  sd_puts(out, v->number);
  sd_puts(out, "|");
  sd_puts(out, v->unit);
  sd_loc(out, &v->unit_loc);
  sd_loc(out, &v->loc);
  sd_putf(out, "|k%d p%d/%d f%d|%d-%d-%d|%d-%d-%d]", (int)v->kind, (int)v->post,
          (int)v->post_len, (int)v->flags, v->year, v->month, v->day,
          (int)v->year2, (int)v->month2, (int)v->day2);
}

/* The token stream of src through one scanner, as text. */
static void sd_scan(const char *src, size_t n, bool flex, const sd_opts *o,
                    sd_buf *out) {
  /* Diagnostics apart: a record is written when the next one begins, so
   * where it falls among the tokens is not the scanner's doing. */
  sd_buf diags = {NULL, 0, 0};
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, sd_on_diag, &diags);
  jx_diag_set_format(d, JX_DIAG_JSON);
  uint32_t file = jx_diag_add_source(d, "t.jx", src, n);
  jx_arena arena;
  jx_arena_init(&arena);
  jx_suppress *sup = o->keep_comments ? jx_suppress_new() : NULL;
  jx_scan s;
  memset(&s, 0, sizeof s);
  s.arena = &arena;
  s.diag = d;
  s.file = file;
  s.line = 1;
  s.mem = src;
  s.mem_len = n;
  s.encoding_seen = o->encoding_seen;
  s.gbk_text = o->gbk_text;
  s.keep_comments = o->keep_comments;
  s.suppress = sup;
  s.flex_scanner = flex;
  s.dir.max_read = o->max_read;
  jx_vocab_index_init(&s.vocab);
  yyscan_t sc;
  if (yylex_init_extra(&s, &sc) != 0)
    abort();
  for (size_t count = 0;; count++) {
    YYSTYPE v;
    jx_loc loc;
    memset(&v, 0, sizeof v);
    memset(&loc, 0, sizeof loc);
    int kind = yylex(&v, &loc, sc);
    /* Past the error cap nothing more is said, and the input ends at the
     * next read (parse.c), which each scanner makes at its own time: the
     * token during which the cap was reached, and what follows, are not
     * compared (their diagnostics are dropped). */
    if (jx_diag_too_many(d))
      break;
    sd_putf(out, "%d", kind);
    sd_loc(out, &loc);
    if (sd_literal(kind)) {
      sd_puts(out, "<");
      sd_puts(out, jx_lex_token_text(&s, sc, &loc));
      sd_puts(out, ">");
    }
    switch (kind) {
    case STRING:
    case WORD:
      sd_puts(out, "[");
      sd_puts(out, v.str); /* its place is the token's */
      sd_puts(out, "]");
      break;
    case NUMBER:
    case DATE:
    case DATE_RANGE:
      sd_value(out, v.value);
      break;
    case PATH:
      if (!v.path) {
        sd_puts(out, "[no path]");
        break;
      }
      sd_puts(out, "[");
      sd_puts(out, v.path->l1.text);
      sd_loc(out, &v.path->l1.loc);
      sd_puts(out, ".");
      sd_puts(out, v.path->l2.text);
      sd_loc(out, &v.path->l2.loc);
      sd_puts(out, "]");
      break;
    case MONTH:
      sd_putf(out, "[%d]", v.month);
      break;
    default:
      break;
    }
    sd_puts(out, " ");
    sd_puts(out, s.last_word);
    sd_puts(out, ",");
    sd_puts(out, s.prev_word);
    sd_puts(out, "\n");
    /* The parser stops at the end; so do the scanners (a GBK file's end
     * comes early). */
    if (kind == YYEOF || count > n + 8)
      break;
  }
  if (!jx_diag_too_many(d))
    sd_putf(out, "errors %d gbk %d/%d lines %u\n", s.lex_errors,
            (int)s.not_utf8, (int)s.gbk_text, s.line);
  for (const jx_comment *c = s.comments; c && !jx_diag_too_many(d);
       c = c->next) {
    sd_puts(out, "comment ");
    sd_loc(out, &c->loc);
    sd_puts(out, c->text);
    sd_puts(out, "\n");
  }
  if (sup)
    jx_suppress_report_unused(sup, d);
  yylex_destroy(sc);
  free(s.sbuf);
  free(s.dir.buf);
  free(s.sup_open);
  free(s.block_at);
  jx_diag_flush(d);
  jx_diag_free(d);
  sd_puts(out, "diagnostics:\n");
  if (diags.p)
    sd_put(out, diags.p, diags.n);
  free(diags.p);
  jx_suppress_free(sup);
  jx_arena_free(&arena);
}

/* Whether both scanners read src alike with o; if not, *why (malloc'd)
 * says where they part. */
static bool sd_same(const char *src, size_t n, const sd_opts *o, char **why) {
  sd_buf a = {NULL, 0, 0}, b = {NULL, 0, 0};
  sd_scan(src, n, true, o, &a);
  sd_scan(src, n, false, o, &b);
  bool same = a.n == b.n && memcmp(a.p, b.p, a.n) == 0;
  if (!same && why) {
    size_t i = 0, line = 0;
    while (i < a.n && i < b.n && a.p[i] == b.p[i])
      line += a.p[i++] == '\n';
    const char *x = a.p + i, *y = b.p + i;
    while (x > a.p && x[-1] != '\n')
      x--, y--;
    sd_buf w = {NULL, 0, 0};
    sd_putf(&w, "the scanners part at line %zu of their output\n", line);
    sd_puts(&w, "  flex:   ");
    sd_put(&w, x, strcspn(x, "\n") < 300 ? strcspn(x, "\n") : 300);
    sd_puts(&w, "\n  direct: ");
    sd_put(&w, y, strcspn(y, "\n") < 300 ? strcspn(y, "\n") : 300);
    sd_puts(&w, "\n");
    *why = w.p;
  }
  free(a.p);
  free(b.p);
  return same;
}

#endif
