/*
 * lex_shared.h — what the two scanners share: flex's (grammar/lexer.l,
 * the reference) and the hand-written one (grammar/scan_direct.c, the
 * one the parser uses).  Every token value is made here or in
 * lex_values.h, never spelt out in either scanner, so that a change to
 * YYSTYPE is a change in one place.  Private to grammar/.
 */
#ifndef JX_LEX_SHARED_H
#define JX_LEX_SHARED_H

#include <stdbool.h>
#include <stddef.h>

#include "lex_fast.h"
#include "scan.h"
/* The parser's token kinds and YYSTYPE (after scan.h). */
#include "parser.h"

/* Longest strings and comments kept, to bound memory on hostile input. */
#define JX_MAX_STRING (16u << 20)

/* Appends n bytes to the string or comment being read (s->sbuf). */
void jx_lex_sbuf_add(jx_scan *s, const char *p, size_t n);
/* The comment read into s->sbuf, from s->sloc to s->offset: handed to
 * fmt's hook, or kept in the file's list. */
void jx_lex_add_comment(jx_scan *s);
/* n bytes at p as a STRING's or WORD's value, in the arena (its place
 * is the token's location). */
const char *jx_lex_make_text(jx_scan *s, const char *p, size_t n);
/* The token of each vocabulary entry (vocab.def, in jx_kw order). */
extern const int jx_kw_token[JX_KW_COUNT];
/* The token that the n bytes at t spell in the vocabulary, or 0.  Inline:
 * every word, sign and mark is looked up. */
static inline __attribute__((always_inline)) int
jx_lex_lookup(jx_scan *s, const char *t, size_t n, YYSTYPE *v) {
  const jx_vocab_spelling *e = jx_vocab_find(&s->vocab, t, n);
  if (!e)
    return 0;
  if (e->kw == JX_KW_MONTH)
    v->month = e->month;
  return jx_kw_token[e->kw];
}
/* The WORD of n bytes at t (no keyword): its text in the arena. */
int jx_lex_word_text(jx_scan *s, const char *t, size_t n, YYSTYPE *v);
/* A word: a keyword if the vocabulary spells one, else a WORD. */
static inline int jx_lex_word(jx_scan *s, const char *t, size_t n,
                              const jx_loc *loc, YYSTYPE *v) {
  (void)loc; /* the WORD's place is the token's */
  int tok = jx_lex_lookup(s, t, n, v);
  return tok ? tok : jx_lex_word_text(s, t, n, v);
}
/* A category path level1.level2 of n bytes at t (the dot '.' or '．'),
 * its halves folded (lex_values.h) when wide: the value a jx_path and
 * its texts in one allocation in the arena. */
int jx_lex_path(jx_scan *s, const char *t, size_t n, jx_loc loc, YYSTYPE *v,
                bool wide);
/* The same, its dot at t + i. */
int jx_lex_path_at(jx_scan *s, const char *t, size_t n, size_t i, jx_loc loc,
                   YYSTYPE *v, bool wide);
/* The same with an ASCII dot at t + i and no full-width characters (the
 * hand-written scanner's every path): both halves in one copy, the dot
 * made a NUL, with the path in one allocation (the parser's stack holds
 * a pointer to it: scan.h).  Inline: the card plan has one a line. */
static inline int jx_lex_path_plain(jx_scan *s, const char *t, size_t n,
                                    size_t i, const jx_loc *loc, YYSTYPE *v) {
  jx_path *p = jx_arena_alloc_raw(s->arena, sizeof *p + n + 1);
  char *c = (char *)(p + 1);
  jx_lex_copy(c, t, n);
  c[i] = c[n] = '\0';
  p->l1.text = c;
  p->l1.loc = *loc;
  p->l1.loc.len = (uint32_t)i;
  p->l2.text = c + i + 1;
  p->l2.loc = *loc;
  p->l2.loc.offset += i + 1;
  p->l2.loc.col += (uint32_t)(i + 1);
  p->l2.loc.len = (uint32_t)(n - i - 1);
  v->path = p;
  return PATH;
}
/* The STRING token of a string read whole by jx_fast_string (lex_fast.h)
 * whose opening quote is at q and at *loc: its text copied into the
 * arena, the position moved past it, *loc the token's.  Inline: a plan's
 * strings are one token in eight. */
static inline int jx_lex_fast_string_token(jx_scan *s, const char *q,
                                           const jx_fast_str *f, jx_loc *loc,
                                           YYSTYPE *v) {
  /* *loc is the opening quote's */
  if (f->lines) {
    s->line += f->lines;
    s->line_start = loc->offset + f->line_at;
  }
  s->offset = loc->offset + f->len;
  loc->len = loc->line == s->line ? (uint32_t)f->len : 1;
  char *t = jx_arena_alloc_raw(s->arena, f->text_len + 1);
  if (f->lines)
    jx_fast_string_copy(q, f->len, t, true);
  else /* most strings: one line, a few bytes */
    jx_lex_copy(t, q + 1, f->len - 2);
  t[f->text_len] = '\0';
  v->str = t; /* its place is the token's, *loc */
  return STRING;
}
/* End of input: a zero-length location just past the last byte, so that
 * "unexpected end of file" points there and not into a trailing comment or
 * run of spaces (the last match).  After a final newline the newline's own
 * location, the end of the last line, is kept (*l as it is). */
void jx_lex_eof_loc(jx_scan *s, jx_loc *l);

/* The next token by the hand-written scanner (scan_direct.c), which
 * hands the rare ones to flex's (jx_lex_raw, lexer.l), its statement
 * followed (jx_scan_track). */
int jx_lex_direct(jx_scan *s, YYSTYPE *v, jx_loc *loc);
int jx_lex_raw(YYSTYPE *v, jx_loc *loc, yyscan_t flex);
/* The source text of the last token returned, at loc (flex's yytext),
 * for the parser's messages. */
const char *jx_lex_token_text(jx_scan *s, yyscan_t flex, const jx_loc *loc);

#endif
