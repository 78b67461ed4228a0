/*
 * lex_shared.c — see lex_shared.h.
 */
#include "lex_shared.h"

#include <string.h>

#include "lex_values.h"
#include "vocab.h"

void jx_lex_sbuf_add(jx_scan *s, const char *p, size_t n) {
  if (s->slen + n > JX_MAX_STRING) {
    s->slong = true; /* reported once, when the string ends */
    return;
  }
  if (s->slen + n + 1 > s->scap) {
    size_t cap = s->scap ? s->scap : 256;
    while (cap < s->slen + n + 1)
      cap *= 2;
    s->sbuf = jx_xrealloc(s->sbuf, cap);
    s->scap = cap;
  }
  memcpy(s->sbuf + s->slen, p, n);
  s->slen += n;
}

const char *jx_lex_make_text(jx_scan *s, const char *p, size_t n) {
  return jx_arena_strndup(s->arena, p, n);
}

void jx_lex_add_comment(jx_scan *s) {
  jx_loc loc = s->sloc;
  loc.len = (uint32_t)(s->offset - s->sloc.offset);
  if (s->hooks && s->hooks->comment) { /* fmt, streaming: handed over */
    s->hooks->comment(s->hooks->ud, s->sbuf ? s->sbuf : "", s->slen, loc);
    return;
  }
  jx_comment *c = jx_arena_alloc(s->arena, sizeof *c);
  c->text = jx_arena_strndup(s->arena, s->sbuf ? s->sbuf : "", s->slen);
  c->loc = loc;
  if (s->comments_tail)
    s->comments_tail->next = c;
  else
    s->comments = c;
  s->comments_tail = c;
}

const int jx_kw_token[JX_KW_COUNT] = {
#define JX_KEYWORD(tok, en, zh) [JX_KW_##tok] = tok,
#define JX_OPERATOR(tok, op, en, zh) [JX_KW_##tok] = tok,
#define JX_PUNCT(tok, en, zh) [JX_KW_##tok] = tok,
#include "vocab.def"
    [JX_KW_MONTH] = MONTH,
};

int jx_lex_word_text(jx_scan *s, const char *t, size_t n, YYSTYPE *v) {
  char *c = jx_arena_alloc_raw(s->arena, n + 1);
  jx_lex_copy(c, t, n);
  c[n] = '\0';
  v->str = c;
  s->prev_word = s->last_word;
  s->last_word = v->str;
  return WORD;
}

int jx_lex_path(jx_scan *s, const char *t, size_t n, jx_loc loc, YYSTYPE *v,
                bool wide) {
  /* Neither half can hold a dot of either kind ({WORD}, {FWWORD}): the
   * one '.' is the dot, or else the one ．(EF BC 8E). */
  const char *dot = memchr(t, '.', n);
  if (!dot) {
    dot = t;
    while (!((unsigned char)dot[0] == 0xEF && (unsigned char)dot[1] == 0xBC &&
             (unsigned char)dot[2] == 0x8E))
      dot++;
  }
  return jx_lex_path_at(s, t, n, (size_t)(dot - t), loc, v, wide);
}

int jx_lex_path_at(jx_scan *s, const char *t, size_t n, size_t i, jx_loc loc,
                   YYSTYPE *v, bool wide) {
  size_t dl = t[i] == '.' ? 1 : 3;
  if (!wide && dl == 1)
    return jx_lex_path_plain(s, t, n, i, &loc, v);
  /* the halves with the dot between them left out */
  jx_loc l1 = loc, l2 = loc;
  l1.len = (uint32_t)i;
  l2.offset += i + dl;
  l2.col += (uint32_t)(i + dl);
  l2.len = (uint32_t)(n - i - dl);
  const char *x = t, *y = t + i + dl;
  size_t a = i, b = n - i - dl;
  if (wide) {
    x = jx_lex_fold(s, x, a, &a);
    y = jx_lex_fold(s, y, b, &b);
  }
  jx_path *p = jx_arena_alloc_raw(s->arena, sizeof *p + a + b + 2);
  char *c = (char *)(p + 1);
  memcpy(c, x, a);
  c[a] = '\0';
  memcpy(c + a + 1, y, b);
  c[a + 1 + b] = '\0';
  p->l2.text = c + a + 1;
  /* The path and its texts in one allocation: the parser's stack holds a
   * pointer to it (scan.h). */
  p->l1.text = c;
  p->l1.loc = l1;
  p->l2.loc = l2;
  v->path = p;
  return PATH;
}

void jx_lex_eof_loc(jx_scan *s, jx_loc *l) {
  if (s->offset == s->line_start && s->line > 1)
    return;
  l->offset = s->offset;
  l->line = s->line;
  l->col = (uint32_t)(s->offset - s->line_start + 1);
  l->len = 0;
  l->file = s->file;
}
