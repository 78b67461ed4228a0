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
 * strings (inline, or lex_fast.h), plain comments -- are read by tight
 * byte loops (scan_chars.h: the byte classes and runs).
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
#include "scan_chars.h"

/* The buffer's first size; flex's first piece of a token (it doubles);
 * and the NUL bytes kept after the bytes read, so that a look up to seven
 * bytes ahead never leaves the buffer (a NUL is nothing's continuation). */
enum { BUF_SIZE = 131072, FIRST_CHUNK = 64, PAD = 8 };

/* The line and column base of s->line and s->line_start, packed (see
 * struct jx_direct's lc). */
static inline uint64_t line_col(const jx_scan *s) {
  return s->line + ((1 - s->line_start) << 32);
}

/* The hot path's copies of pos, lim, base and the line (struct
 * jx_direct), after the buffer, the position or the line changed
 * elsewhere (a refill, flex's token). */
static void sync(jx_scan *s) {
  struct jx_direct *d = &s->dir;
  d->next = d->buf + d->pos;
  d->limp = d->buf + d->lim;
  d->obase = d->base - (uint64_t)(uintptr_t)d->buf;
  d->lc = line_col(s);
}

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
  /* As many bytes as are kept, at least: the token in progress is read
   * again from its start after each refill, and a pipe gives 64 KiB a
   * read, so with one read a refill a long token took quadratic time (a
   * 32 MB string from a pipe: 30 s; flex's scanner, which reads so,
   * 3 min); with its length at least doubled each time, it is linear.
   * No more than that: jxc reads a FIFO as it is written. */
  size_t want = d->end - d->pos, got = 0; /* pos: the token's start */
  for (;;) {
    size_t max = d->cap - d->end - PAD;
    if (d->max_read && max > d->max_read)
      max = d->max_read; /* tests: reads of a few bytes */
    size_t n = max ? jx_scan_read(s, d->buf + d->end, max) : 0;
    d->end += n;
    got += n;
    if (n == 0 && max) {
      d->eof = true;
      break;
    }
    if (d->max_read || n == max || got >= want)
      break;
  }
  memset(d->buf + d->end, 0, PAD);
  /* A token that reaches lim may go on past the bytes read: the paths of
   * jx_lex_direct look up to 3 bytes past where they are (at the end of
   * the input none can, and the NULs after it end every loop). */
  d->lim = d->eof ? d->end + 4 : d->end >= 3 ? d->end - 3 : 0;
  sync(s);
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
  sync(s);
  if (t == YYEOF)
    d->done = true, d->ready = false;
  return t;
}

/* The token of the three bytes at p that spell a sign or a mark (＝ ≥ ；
 * …), or 0 (jx_lex_lookup's, memoized in s->memo3: the vocabulary's hash
 * costs some 25 instructions, and a plan has a few such tokens a line).
 * Never a month (whose value the lookup sets). */
static inline __attribute__((always_inline)) int
lookup3(jx_scan *s, const byte *p, YYSTYPE *v) {
  uint32_t key = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16;
  unsigned i = p[2] & 15;
  if (s->memo3[i].key == key)
    return s->memo3[i].tok;
  int t = jx_lex_lookup(s, (const char *)p, 3, v);
  if (t != MONTH) {
    s->memo3[i].key = key;
    s->memo3[i].tok = t;
  }
  return t;
}

/* Whether a number's digits (n of them, then the byte at q) might begin
 * a date or a date range, or be grouped or full-width (lexer.l's DATE1,
 * DPART, GROUPED, XNUMBER): flex's.  The caller has 4 bytes after q or
 * the end of the input, e; *more when that is not enough to tell.  (At e,
 * c is the NUL after it, none of the first tests': e is loaded only
 * where it matters.) */
static inline bool maybe_date(const byte *q, const struct jx_direct *d,
                              size_t n, bool *more) {
  byte c = *q;
  if (c == ',' || (c == 0xEF && !quiet_ef(q)))
    return true; /* 3,309, a full-width digit, point or comma */
  if (n == 4)
    return c == '-' || c == '.' || c == '/' ||
           (c == 0xE5 && (const byte *)d->buf + d->end - q >= 2 &&
            q[1] == 0xB9); /* 年 */
  if (n == 6 || n == 8) {  /* 202001-202012: the separator of a range */
    const byte *e = (const byte *)d->buf + d->end;
    if (q == e)
      return false;
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

/* The statements of the tokens, for suppression comments (lexer.l's
 * sup_code), and fmt's token hook: token t at loc is being returned (by
 * either scanner).  Run at jx_lex_direct's exit, where the token's kind
 * and place are still at hand, rather than in the parser after the call,
 * where they are not (its registers are spilled around the call): for
 * most tokens -- neither a brace nor a ';', no comment waiting, no hook
 * -- it is a test, and two stores at a statement's first token. */
static inline void jx_scan_track(jx_scan *s, int t, const jx_loc *loc) {
  /* ';', '{' and '}' are the last token kinds (asserted in parser.y), and
   * the end is 0: both by one comparison; in_stmt and track_all by one
   * more.  Most tokens go on a statement begun, with nothing waiting. */
  bool mark = (unsigned)t - 1u >= (unsigned)SEMI - 1u;
  if (!mark && s->stmt_track == JX_TRACK_IN_STMT)
    return;
  if (mark || s->track_all) {
    if (t == SEMI && !s->track_all) {
      /* a statement ends, and nothing waits for it: a sixth of the
       * tokens, so not through a call */
      s->closed_at = s->in_stmt ? s->stmt_at : loc->offset;
      s->closed_end = loc->offset + loc->len;
      s->in_stmt = false;
      s->last_tok = t;
      s->last_line = loc->line;
      return;
    }
    jx_scan_track_slow(s, t, loc);
    return;
  }
  /* A statement's first token.  last_tok and last_line are not kept
   * here: they are read (sup_code) only outside a statement, and after
   * this token one has begun; the tokens that end one (above) set them. */
  s->in_stmt = true;
  s->stmt_at = loc->offset;
}

/* The token of n bytes at `at`: its place, and the next token's start.
 * (s->offset is kept only where flex or a comment needs it.)  Not its
 * file: the callers' *loc carries s->file already (parser.y's
 * %initial-action, parse.c's yylex), and a store a token is saved. */
#define TOKEN_AT(at, n)                                                        \
  do {                                                                         \
    uint64_t off_ = (uint64_t)(uintptr_t)(at) + d->obase;                      \
    uint64_t lc_ = d->lc + (off_ << 32);                                       \
    loc->offset = off_;                                                        \
    loc->line = (uint32_t)lc_;                                                 \
    loc->col = (uint32_t)(lc_ >> 32);                                          \
    loc->len = (uint32_t)(n);                                                  \
    d->next = (const char *)(at) + (n);                                        \
  } while (0)

/* The end of the bytes read, loaded where a path needs it (strings,
 * dates, the end) rather than for every token. */
#define BUF ((const byte *)d->buf)
#define END (BUF + d->end)

/* The token is x: to the one exit (jx_lex_direct's end). */
#define RETURN(x)                                                              \
  do {                                                                         \
    t = (x);                                                                   \
    goto out;                                                                  \
  } while (0)

/* The next token, its statement followed (jx_scan_track) at the one
 * exit, where its kind and place are in registers: in the parser, after
 * the call, they were reloaded (3.7 M instructions on the card plan). */
int jx_lex_direct(jx_scan *s, YYSTYPE *v, jx_loc *loc) {
  struct jx_direct *d = &s->dir;
  int t;
  if (!d->ready) { /* the first call, or after the end */
    /* Every token by flex's (JX_SCANNER=flex, tests): never ready, so
     * that the callers' hot path need not ask. */
    if (s->flex_scanner)
      RETURN(jx_lex_raw(v, loc, s->flex));
    if (d->done)
      RETURN(delegate(s, d->pos, v, loc, s->flex));
    refill(s, 0);
    d->ready = true;
    for (int c = 1; c < 128; c++) { /* (see jx_scan's tok1) */
      char b = (char)c;
      YYSTYPE tv;
      int k = jx_lex_lookup(s, &b, 1, &tv);
      s->tok1[c] = (uint16_t)(k == MONTH ? 0 : k);
    }
  }
  for (;;) {
    const byte *p = (const byte *)d->next, *q;
    /* (see refill) */
    const byte *lim = (const byte *)d->limp;
    byte c, k;
  space:
    /* Spaces and line breaks (the NULs after the bytes read end them);
     * U+3000 is K_HIGH's.  Most tokens have one space before them, or
     * none: that one is passed before the loop. */
    c = *p;
    if (c == ' ')
      c = *++p;
    for (;;) {
      k = kind_of[c];
      if (k != K_SPACE && k != K_NL)
        break;
      if (c == '\n') {
        d->nl_at = (uint64_t)(uintptr_t)p + d->obase;
        d->nl_line_start = s->line_start;
        s->line++;
        s->line_start = d->nl_end = d->nl_at + 1;
        d->lc = line_col(s);
      }
      c = *++p;
    }
    if (p >= lim)
      goto more;
#if defined(__GNUC__) && !defined(JX_NO_COMPUTED_GOTO)
    /* One indirect jump by the kind (GCC's and clang's labels as values):
     * a switch's range test and table cost 8 instructions, and the kinds
     * are too evenly spread on a plan for a chain of tests.  Other
     * compilers take the switch (and -DJX_NO_COMPUTED_GOTO, to test it). */
    static const void *const go[] = {
        [K_FLEX] = &&other,  [K_SPACE] = &&other,  [K_NL] = &&other,
        [K_ALPHA] = &&alpha, [K_DIGIT] = &&number, [K_QUOTE] = &&quote,
        [K_MARK] = &&mark,   [K_SIGN] = &&sign1,   [K_HASH] = &&comment,
        [K_SLASH] = &&slash, [K_HIGH] = &&high,
    };
    goto *go[k];
#else
    switch (k) {
    case K_ALPHA:
      goto alpha;
    case K_DIGIT:
      goto number;
    case K_QUOTE:
      goto quote;
    case K_MARK:
      goto mark;
    case K_SIGN:
      goto sign1;
    case K_HASH:
      goto comment;
    case K_SLASH:
      goto slash;
    case K_HIGH:
      goto high;
    default:
      goto other;
    }
#endif

  alpha:
    q = alnum_run(p + 1);
    goto word;

  quote : {
    /* Most strings: a few CJK characters or plain ASCII, closed before
     * the line ends; the rest by jx_fast_string, or flex's. */
    q = str_run(p + 1);
    if (*q == '"') {
      size_t n = (size_t)(q + 1 - p);
      if (n - 2 > JX_MAX_STRING)
        goto flex;
      TOKEN_AT(p, n);
      char *text = jx_arena_alloc_raw(s->arena, n - 1);
      jx_lex_copy(text, (const char *)p + 1, n - 2);
      text[n - 2] = '\0';
      v->str = text; /* its place is the token's, *loc */
      RETURN(STRING);
    }
    jx_fast_str f;
    if (jx_fast_string((const char *)p, (const char *)END, &f)) {
      if (f.text_len > JX_MAX_STRING)
        goto flex;
      TOKEN_AT(p, 1);
      d->next = (const char *)p + f.len;
      t = jx_lex_fast_string_token(s, (const char *)p, &f, loc, v);
      d->lc = line_col(s); /* its line breaks */
      goto out;
    }
    if (f.more && !d->eof)
      goto more;
    goto flex;
  }

  mark : {
    t = s->tok1[*p];
    if (!t)
      t = jx_lex_lookup(s, (const char *)p, 1, v);
    if (!t)
      goto flex;
    TOKEN_AT(p, 1);
    goto out;
  }

  slash:
    if (p[1] == '/')
      goto comment;
    goto flex;

  other: /* K_FLEX, or the NUL after the last byte */
    if (p == END)
      goto end;
    goto flex;

  high : {
    /* A CJK character (nearly every one of a plan), tested here; the
     * rest of {WU} by wu() */
    if ((flags_of[c] & F_CJK3) && (p[1] & 0xC0) == 0x80 &&
        (p[2] & 0xC0) == 0x80) {
      q = wu_run(p + 3);
      goto word;
    }
    if (c == 0xEF && (p[1] == 0xBC || p[1] == 0xBD)) {
      /* U+FF00-FF7F: ＜ ＝ ＞ are signs, ； ｛ ｝ marks, the rest (digits,
       * letters, ．，：／－ …) flex's */
      if (p[1] == 0xBC && p[2] >= 0x9C && p[2] <= 0x9E)
        goto sign3;
      if (quiet_ef(p)) {
        t = lookup3(s, p, v);
        if (!t)
          goto flex;
        TOKEN_AT(p, 3);
        goto out;
      }
      goto flex;
    }
    if (c == 0xE2 && p[1] == 0x89 && p[2] >= 0xA4 && p[2] <= 0xA7)
      goto sign3; /* ≤ ≥ ≦ ≧, before wu(), which has none of them */
    if (c == 0xE3 && p[1] == 0x80 && p[2] == 0x80) {
      p += 3; /* U+3000, a space */
      goto space;
    }
    size_t n = wu(p);
    if (n) {
      q = wu_run(p + n);
      goto word;
    }
    if (sign(p))
      goto sign;
    goto flex;
  }

  word : {
    /* q: the end of the word from p */
    if (q >= lim)
      goto more;
    if (*q == '.') { /* a category path? */
      const byte *r = q + 1, *w;
      if (kind_of[*r] == K_ALPHA)
        w = alnum_run(r + 1);
      else if (*r >= 0x80 && wu(r))
        w = wu_run(r);
      else
        goto flex;
      if (w >= lim)
        goto more;
      if (*w == '.' || *w == ':' || *w == '/' || (*w == 0xEF && !quiet_ef(w)))
        goto flex;
      TOKEN_AT(p, w - p);
      RETURN(jx_lex_path_plain(s, (const char *)p, (size_t)(w - p),
                               (size_t)(q - p), loc, v));
    }
    if (*q == ':' || (*q == 0xEF && !quiet_ef(q)) || (*q == '/' && q - p == 1))
      goto flex; /* a word and a colon, full-width forms, n/a */
    TOKEN_AT(p, q - p);
    RETURN(jx_lex_word(s, (const char *)p, (size_t)(q - p), loc, v));
  }

  sign3 : { /* a three-byte sign at p, most often alone */
    if (p + 3 >= lim)
      goto more;
    if (!sign(p + 3)) {
      t = lookup3(s, p, v);
      if (!t)
        goto flex; /* an error */
      TOKEN_AT(p, 3);
      goto out;
    }
    goto sign;
  }

  sign1 : { /* < > = at p, most often alone */
    if (p + 1 >= lim)
      goto more;
    if (!sign(p + 1) && (t = s->tok1[*p]) != 0) {
      TOKEN_AT(p, 1);
      goto out;
    }
    goto sign;
  }

  sign : {
    size_t n1 = sign(p);
    if (p + n1 >= lim)
      goto more;
    size_t n2 = sign(p + n1);
    t = 0;
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
    goto out;
  }

  number : {
    q = p + 1;
    while (flags_of[*q] & F_DIGIT)
      q++;
    if (q >= lim)
      goto more;
    bool unsure = false;
    if (maybe_date(q, d, (size_t)(q - p), &unsure)) {
      if (unsure && !d->eof)
        goto more;
      goto flex;
    }
    if (*q == '.') { /* a fraction, or flex's */
      if (!(flags_of[q[1]] & F_DIGIT))
        goto flex;
      q += 2;
      while (flags_of[*q] & F_DIGIT)
        q++;
    }
    const byte *num_end = q;
    /* The unit: lexer.l's UNITCH+ ([A-Za-z%/], {WU}, ‰; ％ is flex's). */
    for (;;) {
      byte u = *q;
      if (flags_of[u] & F_UNIT) {
        q++;
        continue;
      }
      if (u < 0x80)
        break;
      size_t n = wu(q);
      if (n)
        q += n;
      else if (u == 0xE2 && q[1] == 0x80 && q[2] == 0xB0)
        q += 3; /* ‰ */
      else
        break;
    }
    if (q >= lim)
      goto more;
    /* A cost per unit (元/人.每天), a full-width form, grouping. */
    if (*q == '.' || *q == ',' || (*q == 0xEF && !quiet_ef(q)) ||
        (*q == 0xE2 && q[1] == 0x80 && q[2] == 0xA2))
      goto flex;
    TOKEN_AT(p, q - p);
    v->value = jx_lex_number_at(s, (const char *)p, (size_t)(q - p),
                                (size_t)(num_end - p), loc);
    RETURN(NUMBER);
  }

  comment : {
    size_t h = c == '#' ? 1 : 2;
    const byte *r = p + h, *cut;
    while (*r == ' ' || *r == '\t')
      r++;
    if (r >= lim)
      goto more;
    if (memcmp(r, "jxc:", 4) == 0)
      goto flex; /* a suppression comment */
    q = p + h;
    for (;;) {
      byte b = *q;
      if ((b >= 0x20 && b < 0x7F) || b == '\t') {
        q++;
      } else if (b >= 0x80) {
        if ((flags_of[b] & F_CJK3) && (q[1] & 0xC0) == 0x80 &&
            (q[2] & 0xC0) == 0x80) {
          q += 3;
          continue;
        }
        size_t n = jx_lex_mb((const char *)q, (const char *)END);
        if (n) {
          q += n;
          continue;
        }
        if (q >= lim)
          goto more;
        goto flex; /* a bad byte */
      } else if (b == '\n' || (b == '\r' && q[1] == '\n')) {
        cut = q;
        break;
      } else if (q == END) {
        if (!d->eof)
          goto more;
        cut = q;
        break;
      } else {
        if (b == '\r' && END - q < 2 && !d->eof)
          goto more;
        goto flex; /* a control character */
      }
    }
    if (s->keep_comments) {
      TOKEN_AT(p, h);
      s->sloc = *loc;
      s->slen = 0;
      jx_lex_sbuf_add(s, (const char *)p + h, (size_t)(cut - p) - h);
      s->offset = d->base + (uint64_t)(cut - BUF);
      jx_lex_add_comment(s);
    }
    if (cut < END) { /* its line break */
      d->nl_at = d->base + (uint64_t)(cut - BUF);
      d->nl_line_start = s->line_start;
      cut += *cut == '\r' ? 2 : 1;
      s->line++;
      s->line_start = d->nl_end = d->base + (uint64_t)(cut - BUF);
      d->lc = line_col(s);
    }
    d->next = (const char *)cut;
    continue;
  }

  end: /* p == END at the end of the input, as lexer.l's <<EOF>> */
    s->offset = d->base + (uint64_t)(p - BUF);
    d->pos = (size_t)(p - BUF);
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
    d->done = true, d->ready = false;
    RETURN(YYEOF);

  flex:
    RETURN(delegate(s, (size_t)(p - BUF), v, loc, s->flex));

  more: /* the token from p may go on past the bytes read */
    d->pos = (size_t)(p - BUF);
    refill(s, d->pos);
  }
out:
  jx_scan_track(s, t, loc);
  return t;
}

const char *jx_lex_token_text(jx_scan *s, yyscan_t flex, const jx_loc *loc) {
  struct jx_direct *d = &s->dir;
  if (s->flex_scanner)
    return yyget_text(flex);
  if (loc->offset < d->base || loc->offset + loc->len > d->base + d->end)
    return "";
  return jx_arena_strndup(s->arena, d->buf + (loc->offset - d->base), loc->len);
}
