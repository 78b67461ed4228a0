/*
 * scan_direct.c — the hand-written scanner the parser reads its tokens
 * from; grammar/lexer.l (flex) stays the definition of the language.
 *
 * Why: flex's table walk alone over lexer.l's rules runs below the speed
 * `jxc check` has to reach (issue 16), and its per-token machinery (the
 * match, YY_USER_ACTION, the hold character, the actions' dispatch) came
 * on top.  Here the tokens that make up nearly every plan -- spaces and
 * line breaks, ASCII and CJK words looked up in the vocabulary, plain
 * numbers with plain units, category paths, signs and marks, plain
 * strings (lex_fast.h), plain comments -- are read by tight byte loops.
 *
 * Anything rarer or ambiguous (a date or a number that might be one,
 * full-width forms, a word and a colon, a sign before a number, an escape
 * in a string, a string in “ ”, a suppression comment, a byte order mark,
 * a control character, a bad byte, GBK, a lexical error of any kind) is
 * not judged here: that one token is handed to flex's scanner
 * (jx_lex_raw), which reads it from this scanner's buffer through its
 * YY_INPUT (jx_direct_feed) from a fresh start, and this scanner goes on
 * where flex stopped (flex's YY_USER_ACTION keeps s->offset).  flex sees
 * the same bytes from the same point as if it read the whole input, so
 * it makes the same token, value, diagnostics and side effects; what it
 * read ahead is dropped.  The hand-written paths take a token only when
 * no rule of lexer.l could match more (each checks the byte after it).
 *
 * Input is read in pieces (jx_scan_read) into a buffer that keeps the
 * token in progress and grows only for a token longer than it: a
 * gigabyte plan scans in the buffer's 128 KiB.  tests/unit/test_lexer_ref
 * holds the two scanners to the same tokens, values, places and
 * diagnostics (s->flex_scanner selects flex alone; JX_SCANNER=flex in
 * the environment does so for jxc, parse.c).
 */
#include <stdint.h>
#include <string.h>

#include "lex_shared.h"
#include "lex_values.h"
#include "lexer.h"

typedef unsigned char byte;

/* The buffer's first size; flex's first piece of a token (it doubles);
 * and the NUL bytes kept after the bytes read, so that a look up to three
 * bytes ahead never leaves the buffer (a NUL is nothing's continuation). */
enum { BUF_SIZE = 131072, FIRST_CHUNK = 64, PAD = 4 };

/* Reads more input after the bytes kept, those from `keep` on (moved to
 * the start of the buffer, which doubles when they fill half of it). */
static void refill(jx_scan *s, size_t keep) {
  struct jx_direct *d = &s->dir;
  if (keep > 0) {
    memmove(d->buf, d->buf + keep, d->end - keep);
    d->base += keep;
    d->end -= keep;
    d->pos -= keep;
    d->feed = d->feed > keep ? d->feed - keep : 0;
  }
  if (d->cap - d->end < d->cap / 2 || d->cap - d->end < PAD + 1) {
    d->cap = d->cap ? 2 * d->cap : BUF_SIZE;
    d->buf = jx_xrealloc(d->buf, d->cap);
  }
  size_t max = d->cap - d->end - PAD;
  if (d->max_read && max > d->max_read)
    max = d->max_read;
  size_t n = jx_scan_read(s, d->buf + d->end, max);
  if (n == 0)
    d->eof = true;
  d->end += n;
  memset(d->buf + d->end, 0, PAD);
}

size_t jx_direct_feed(jx_scan *s, char *buf, size_t max) {
  struct jx_direct *d = &s->dir;
  while (d->feed == d->end) {
    if (d->eof)
      return 0;
    refill(s, d->pos); /* pos: where flex's token began */
  }
  size_t n = d->end - d->feed;
  if (n > max)
    n = max;
  if (n > d->chunk)
    n = d->chunk;
  if (d->chunk < ((size_t)1 << 30))
    d->chunk *= 2; /* a long token costs flex a rescan per piece */
  memcpy(buf, d->buf + d->feed, n);
  d->feed += n;
  return n;
}

/* flex's token from buffer position `at`. */
static int delegate(jx_scan *s, size_t at, YYSTYPE *v, jx_loc *loc,
                    yyscan_t flex) {
  struct jx_direct *d = &s->dir;
  d->pos = at;
  d->feed = at;
  d->chunk = FIRST_CHUNK;
  s->offset = d->base + at;
  s->feeding = true;
  yyrestart(NULL, flex);
  int t = jx_lex_raw(v, loc, flex);
  s->feeding = false;
  d->pos = (size_t)(s->offset - d->base);
  if (t == YYEOF)
    d->done = true;
  return t;
}

static inline bool alpha(byte c) {
  return (byte)((c | 0x20) - 'a') < 26 || c == '_';
}

static inline bool digit(byte c) {
  return (byte)(c - '0') < 10;
}

static inline bool alnum(byte c) {
  return alpha(c) || digit(c);
}

/* The bytes of the character at p if it is one of lexer.l's {WU} (a
 * character of a word or unit), else 0.  Needs 4 bytes before e, or the
 * end of the input. */
static inline size_t wu(const byte *p, const byte *e) {
  size_t left = (size_t)(e - p);
  byte c = p[0];
  if (c >= 0xE4 && c <= 0xEC) /* most CJK */
    goto three;
  if (c < 0xC2)
    return 0;
  if (c <= 0xDF)
    return left >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;
  if (left < 3)
    return 0;
  switch (c) {
  case 0xE0:
    return p[1] >= 0xA0 && p[1] <= 0xBF && (p[2] & 0xC0) == 0x80 ? 3 : 0;
  case 0xE1:
  case 0xEE:
    goto three;
  case 0xE2:
    return p[1] == 0x84 && (p[2] & 0xC0) == 0x80 ? 3 : 0;
  case 0xE3:
    return p[1] >= 0x81 && p[1] <= 0xBF && (p[2] & 0xC0) == 0x80 ? 3 : 0;
  case 0xED:
    return p[1] >= 0x80 && p[1] <= 0x9F && (p[2] & 0xC0) == 0x80 ? 3 : 0;
  case 0xEF:
    if (p[1] >= 0x80 && p[1] <= 0xBA)
      return (p[2] & 0xC0) == 0x80 ? 3 : 0;
    return p[1] == 0xBB && p[2] >= 0x80 && p[2] <= 0xBE ? 3 : 0;
  default:
    break;
  }
  if (c > 0xF4 || left < 4 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
    return 0;
  if (c == 0xF0)
    return p[1] >= 0x90 && p[1] <= 0xBF ? 4 : 0;
  if (c == 0xF4)
    return p[1] >= 0x80 && p[1] <= 0x8F ? 4 : 0;
  return (p[1] & 0xC0) == 0x80 ? 4 : 0;
three:
  return left >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 ? 3 : 0;
}

/* The bytes of one of lexer.l's {SIGN} at p, or 0. */
static inline size_t sign(const byte *p, const byte *e) {
  if (*p == '<' || *p == '>' || *p == '=')
    return 1;
  if (e - p < 3)
    return 0;
  if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x9C && p[2] <= 0x9E)
    return 3; /* ＜ ＝ ＞ */
  if (p[0] == 0xE2 && p[1] == 0x89 && p[2] >= 0xA4 && p[2] <= 0xA7)
    return 3; /* ≤ ≥ ≦ ≧ */
  if (p[0] == 0xE2 && p[1] == 0x95 && p[2] == 0x90)
    return 3; /* ═ */
  return 0;
}

/* Whether the full-width character at p is one that nothing before it
 * can take into its token: ； ＜ ＝ ＞ ｛ ｝ (every other one of U+FF00-FF5F
 * may be a digit, letter, point, comma, colon, slash or dash of a
 * full-width token: flex's). */
static inline bool quiet_ef(const byte *p, const byte *e) {
  if (e - p < 3 || p[0] != 0xEF)
    return false;
  if (p[1] == 0xBC)
    return p[2] >= 0x9B && p[2] <= 0x9E;
  return p[1] == 0xBD && (p[2] == 0x9B || p[2] == 0x9D);
}

/* The end of a run of word characters from q: ASCII letters and digits
 * (ascii) or {WU} characters; NULL when the buffer ends first. */
static inline const byte *word_end(const byte *q, const byte *e, bool ascii,
                                   bool eof) {
  if (ascii) {
    while (q < e && alnum(*q))
      q++;
    return q == e && !eof ? NULL : q;
  }
  for (;;) {
    if (e - q < 4 && !eof)
      return NULL;
    if (q == e)
      return q;
    size_t n = wu(q, e);
    if (!n)
      return q;
    q += n;
  }
}

/* Whether a number's digits (n of them, then the byte at q) might begin
 * a date or a date range, or be grouped or full-width (lexer.l's DATE1,
 * DPART, GROUPED, XNUMBER): flex's.  The caller has 4 bytes after q or
 * the end of the input; *more when that is not enough to tell. */
static bool maybe_date(const byte *q, const byte *e, size_t n, bool *more) {
  if (q == e)
    return false;
  byte c = *q;
  if (c == ',' || (c == 0xEF && !quiet_ef(q, e)))
    return true; /* 3,309, a full-width digit, point or comma */
  if (n == 4)
    return c == '-' || c == '.' || c == '/' ||
           (c == 0xE5 && e - q >= 2 && q[1] == 0xB9); /* 年 */
  if (n == 6 || n == 8) { /* 202001-202012: the separator of a range */
    while (q < e && (*q == ' ' || *q == '\t'))
      q++;
    if (e - q < 3) {
      *more = true;
      return true;
    }
    return *q == '-' || *q == '~' || *q == 0xE2 || *q == 0xEF ||
           (q[0] == 0xE8 && q[1] == 0x87 && q[2] == 0xB3) || /* 至 */
           (q[0] == 0xE5 && q[1] == 0x88 && q[2] == 0xB0);   /* 到 */
  }
  return false;
}

#define TOKEN_AT(at, n)                                                   \
  do {                                                                    \
    loc->offset = d->base + (uint64_t)((at) - (const byte *)d->buf);      \
    loc->line = s->line;                                                  \
    loc->col = (uint32_t)(loc->offset - s->line_start + 1);               \
    loc->len = (uint32_t)(n);                                             \
    loc->file = s->file;                                                  \
    d->pos = (size_t)((at) + (n) - (const byte *)d->buf);                 \
    s->offset = loc->offset + (n);                                        \
  } while (0)

int jx_lex_direct(jx_scan *s, YYSTYPE *v, jx_loc *loc, yyscan_t flex) {
  struct jx_direct *d = &s->dir;
  if (d->done)
    return delegate(s, d->pos, v, loc, flex);
  for (;;) {
    const byte *buf = (const byte *)d->buf;
    const byte *p = buf + d->pos, *e = buf + d->end;
    bool eof = d->eof;
    /* Spaces and line breaks. */
    for (;;) {
      if (e - p < 4 && !eof)
        goto more;
      if (p == e)
        break;
      byte c = *p;
      if (c == ' ' || c == '\t' || c == '\r') {
        p++;
      } else if (c == '\n') {
        d->nl_at = d->base + (uint64_t)(p - buf);
        d->nl_line_start = s->line_start;
        p++;
        s->line++;
        s->line_start = d->nl_end = d->base + (uint64_t)(p - buf);
      } else if (c == 0xE3 && e - p >= 3 && p[1] == 0x80 && p[2] == 0x80) {
        p += 3; /* U+3000 */
      } else {
        break;
      }
    }
    d->pos = (size_t)(p - buf);
    s->offset = d->base + d->pos;
    if (p == e) { /* the end, as lexer.l's <<EOF>> */
      if (s->offset == s->line_start && s->line > 1 && d->nl_end == s->offset) {
        /* right after a line break read here: its place, as flex's last
         * match (after one flex read, flex leaves *loc as it was) */
        loc->offset = d->nl_at;
        loc->line = s->line - 1;
        loc->col = (uint32_t)(d->nl_at - d->nl_line_start + 1);
        loc->len = (uint32_t)(s->offset - d->nl_at);
        loc->file = s->file;
      }
      jx_lex_eof_loc(s, loc);
      d->done = true;
      return YYEOF;
    }
    byte c = *p;
    const byte *q;
    if (c >= 0x80) {
      size_t n = wu(p, e);
      if (n) {
        q = word_end(p + n, e, false, eof);
        goto word;
      }
      n = sign(p, e);
      if (n)
        goto sign;
      if (quiet_ef(p, e)) {
        int t = jx_lex_lookup(s, (const char *)p, 3, v); /* ； ｛ ｝ */
        if (!t)
          goto flex;
        TOKEN_AT(p, 3);
        return t;
      }
      goto flex;
    }
    if (alpha(c)) {
      q = word_end(p + 1, e, true, eof);
      goto word;
    }
    if (digit(c))
      goto number;
    switch (c) {
    case '"': {
      jx_fast_str f;
      if (jx_fast_string((const char *)p, (const char *)e, &f)) {
        if (f.text_len > JX_MAX_STRING)
          goto flex;
        TOKEN_AT(p, 1);
        d->pos = (size_t)(p - buf) + f.len;
        return jx_lex_fast_string_token(s, (const char *)p, &f, loc, v);
      }
      if (f.more && !eof)
        goto more;
      goto flex;
    }
    case ';':
    case '{':
    case '}': {
      int t = jx_lex_lookup(s, (const char *)p, 1, v);
      if (!t)
        goto flex;
      TOKEN_AT(p, 1);
      return t;
    }
    case '<':
    case '>':
    case '=':
      goto sign;
    case '#':
      goto comment;
    case '/':
      if (e - p >= 2 && p[1] == '/')
        goto comment;
      goto flex;
    default:
      goto flex;
    }

  word: {
    /* q: the end of the word from p, or NULL */
    if (!q)
      goto more;
    byte n = q < e ? *q : 0;
    if (n == '.') { /* a category path? */
      const byte *r = q + 1, *w;
      if (e - r < 4 && !eof)
        goto more;
      if (r < e && alpha(*r))
        w = word_end(r + 1, e, true, eof);
      else if (r < e && wu(r, e))
        w = word_end(r, e, false, eof);
      else
        goto flex;
      if (!w)
        goto more;
      if (w < e &&
          (*w == '.' || *w == ':' || *w == '/' || (*w == 0xEF && !quiet_ef(w, e))))
        goto flex;
      TOKEN_AT(p, w - p);
      return jx_lex_path(s, (const char *)p, (size_t)(w - p), *loc, v, false);
    }
    if (n == ':' || (n == 0xEF && !quiet_ef(q, e)) || (n == '/' && q - p == 1))
      goto flex; /* a word and a colon, full-width forms, n/a */
    TOKEN_AT(p, q - p);
    return jx_lex_word(s, (const char *)p, (size_t)(q - p), loc, v);
  }

  sign: {
    size_t n1 = sign(p, e);
    if (e - (p + n1) < 3 && !eof)
      goto more;
    size_t n2 = p + n1 < e ? sign(p + n1, e) : 0;
    int t = 0;
    size_t n = n1;
    if (n2) {
      t = jx_lex_lookup(s, (const char *)p, n1 + n2, v);
      n = n1 + n2;
    }
    if (!t) {
      t = jx_lex_lookup(s, (const char *)p, n1, v);
      n = n1;
    }
    if (!t)
      goto flex; /* an error */
    TOKEN_AT(p, n);
    return t;
  }

  number: {
    q = p + 1;
    while (q < e && digit(*q))
      q++;
    size_t nd = (size_t)(q - p);
    if (e - q < 4 && !eof)
      goto more;
    bool need = false;
    if (maybe_date(q, e, nd, &need)) {
      if (need && !eof)
        goto more;
      goto flex;
    }
    if (q < e && *q == '.') { /* a fraction, or flex's */
      if (q + 1 == e || !digit(q[1]))
        goto flex;
      q += 2;
      while (q < e && digit(*q))
        q++;
    }
    /* The unit: lexer.l's UNITCH+ ([A-Za-z%/], {WU}, ‰; ％ is flex's). */
    for (;;) {
      if (e - q < 4 && !eof)
        goto more;
      if (q == e)
        break;
      byte u = *q;
      if (alpha(u) && u != '_') {
        q++;
      } else if (u == '%' || u == '/') {
        q++;
      } else if (u >= 0x80) {
        size_t n = wu(q, e);
        if (n)
          q += n;
        else if (u == 0xE2 && q[1] == 0x80 && q[2] == 0xB0)
          q += 3; /* ‰ */
        else
          break;
      } else {
        break;
      }
    }
    /* A cost per unit (元/人.每天), a full-width form, grouping. */
    if (q < e && (*q == '.' || *q == ',' || (*q == 0xEF && !quiet_ef(q, e)) ||
                  (*q == 0xE2 && e - q >= 3 && q[1] == 0x80 && q[2] == 0xA2)))
      goto flex;
    TOKEN_AT(p, q - p);
    jx_lex_number(s, (const char *)p, (size_t)(q - p), *loc, &v->value);
    return NUMBER;
  }

  comment: {
    size_t h = c == '#' ? 1 : 2;
    const byte *r = p + h;
    while (r < e && (*r == ' ' || *r == '\t'))
      r++;
    if (e - r < 4 && !eof)
      goto more;
    if (e - r >= 4 && memcmp(r, "jxc:", 4) == 0)
      goto flex; /* a suppression comment */
    q = p + h;
    const byte *cut;
    for (;;) {
      if (q == e) {
        if (!eof)
          goto more;
        cut = q;
        break;
      }
      byte b = *q;
      if ((b >= 0x20 && b < 0x7F) || b == '\t') {
        q++;
      } else if (b == '\n' || (b == '\r' && q + 1 < e && q[1] == '\n')) {
        cut = q;
        break;
      } else if (b >= 0x80) {
        if (e - q < 4 && !eof)
          goto more;
        size_t n = jx_lex_mb((const char *)q, (const char *)e);
        if (!n)
          goto flex;
        q += n;
      } else {
        if (b == '\r' && q + 1 == e && !eof)
          goto more;
        goto flex; /* a control character */
      }
    }
    if (s->keep_comments) {
      TOKEN_AT(p, h);
      s->sloc = *loc;
      s->slen = 0;
      jx_lex_sbuf_add(s, (const char *)p + h, (size_t)(cut - p) - h);
      s->offset = d->base + (uint64_t)(cut - buf);
      jx_lex_add_comment(s);
    }
    if (cut < e) { /* its line break */
      d->nl_at = d->base + (uint64_t)(cut - buf);
      d->nl_line_start = s->line_start;
      cut += *cut == '\r' ? 2 : 1;
      s->line++;
      s->line_start = d->nl_end = d->base + (uint64_t)(cut - buf);
    }
    d->pos = (size_t)(cut - buf);
    continue;
  }

  flex:
    return delegate(s, (size_t)(p - buf), v, loc, flex);

  more: /* the token from p may go on past the bytes read */
    d->pos = (size_t)(p - buf);
    refill(s, d->pos);
  }
}

const char *jx_lex_token_text(jx_scan *s, yyscan_t flex, const jx_loc *loc) {
  struct jx_direct *d = &s->dir;
  if (s->flex_scanner)
    return yyget_text(flex);
  if (loc->offset < d->base || loc->offset + loc->len > d->base + d->end)
    return "";
  return jx_arena_strndup(s->arena, d->buf + (loc->offset - d->base),
                          loc->len);
}
