/*
 * scan_chars.h — the byte classes and character runs of the hand-written
 * scanner (scan_direct.c, its only includer): what a token starting with
 * each byte is, and where a word, a unit, a name or a string's plain text
 * ends, with lexer.l's character classes ({WU}, {SIGN}) spelt as tests.
 * Apart from scan_direct.c to keep each file readable; nothing here keeps
 * state.  Private to grammar/.
 */
#ifndef JX_SCAN_CHARS_H
#define JX_SCAN_CHARS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef unsigned char byte;

/* What a token that starts with each byte is (kind_of), and which runs
 * each byte continues (flags_of). */
enum {
  K_FLEX, /* flex's: anything not below */
  K_SPACE,
  K_NL,
  K_ALPHA,
  K_DIGIT,
  K_QUOTE,
  K_MARK,
  K_SIGN,
  K_HASH,
  K_SLASH,
  K_HIGH /* a byte past ASCII */
};
enum { F_ALNUM = 1, F_UNIT = 2, F_DIGIT = 4, F_CJK3 = 8 };

static const uint8_t kind_of[256] = {
    0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  2,  0,  0,  1,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  0,  5,  8,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  9,  4,  4,  4,  4,  4,  4,  4,  4,  4,
    4,  0,  6,  7,  7,  7,  0,  0,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,
    3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  0,  0,  0,  0,
    3,  0,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,  3,
    3,  3,  3,  3,  3,  3,  3,  3,  3,  6,  0,  6,  0,  0,  10, 10, 10, 10, 10,
    10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10,
    10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10,
    10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10,
    10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10,
    10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10,
    10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10,
    10, 10, 10, 10, 10, 10, 10, 10, 10,
};
static const uint8_t flags_of[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2,
    5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 1,
    0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 8, 8, 8, 8, 8, 8, 8, 8, 8, 0, 8, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* The bytes of the character at p if it is one of lexer.l's {WU} (a
 * character of a word or unit), else 0.  A character cut by the end of
 * the bytes read is none (the NULs after them are no continuation). */
static __attribute__((noinline)) size_t wu_other(const byte *p);
static inline size_t wu(const byte *p) {
  /* a CJK character (nearly all of them) here, the rest out of line */
  if (flags_of[p[0]] & F_CJK3)
    return (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 ? 3 : 0;
  return wu_other(p);
}

static size_t wu_other(const byte *p) {
  byte c = p[0];
  if (c < 0xC2)
    return 0;
  if (c <= 0xDF)
    return (p[1] & 0xC0) == 0x80 ? 2 : 0;
  if (c <= 0xEF) {
    if ((p[2] & 0xC0) != 0x80)
      return 0;
    switch (c) {
    case 0xE0:
      return p[1] >= 0xA0 && p[1] <= 0xBF ? 3 : 0;
    case 0xE2:
      return p[1] == 0x84 ? 3 : 0;
    case 0xE3:
      return p[1] >= 0x81 && p[1] <= 0xBF ? 3 : 0;
    case 0xED:
      return p[1] >= 0x80 && p[1] <= 0x9F ? 3 : 0;
    default: /* 0xEF */
      if (p[1] >= 0x80 && p[1] <= 0xBA)
        return 3;
      return p[1] == 0xBB && p[2] <= 0xBE ? 3 : 0;
    }
  }
  if (c > 0xF4 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
    return 0;
  if (c == 0xF0)
    return p[1] >= 0x90 && p[1] <= 0xBF ? 4 : 0;
  if (c == 0xF4)
    return p[1] >= 0x80 && p[1] <= 0x8F ? 4 : 0;
  return (p[1] & 0xC0) == 0x80 ? 4 : 0;
}

/* The end of a run of {WU} characters from q. */
static inline const byte *wu_run(const byte *q) {
  for (;;) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* Two CJK characters at a time (lex_fast.c does the same): one load
     * checks both characters' shapes, a table their lead bytes. */
    uint64_t w;
    memcpy(&w, q, sizeof w);
    if ((w & 0xC0C0F0C0C0F0ULL) == 0x8080E08080E0ULL &&
        (flags_of[(byte)w] & flags_of[(byte)(w >> 24)] & F_CJK3)) {
      q += 6;
      continue;
    }
#endif
    if (flags_of[*q] & F_CJK3) {
      if ((q[1] & 0xC0) != 0x80 || (q[2] & 0xC0) != 0x80)
        return q;
      q += 3;
      continue;
    }
    size_t n = *q >= 0x80 ? wu(q) : 0;
    if (!n)
      return q;
    q += n;
  }
}

/* The end of a run of ASCII letters, digits and _ from q. */
static inline const byte *alnum_run(const byte *q) {
  while (flags_of[*q] & F_ALNUM)
    q++;
  return q;
}

/* The end of the plainest run of a string's text from q: CJK characters
 * whose lead byte takes any two continuation bytes (E1-EC, EE, EF: the
 * same as jx_fast_string's first loop) and ASCII from a space to ~ but
 * the quote and the backslash.  The NULs after the bytes read end it. */
static inline const byte *str_run(const byte *q) {
  for (;;) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t w;
    memcpy(&w, q, sizeof w);
    uint64_t y = w & 0x0F00000FULL, z = y ^ 0x0D00000DULL;
    if ((w & 0xC0C0F0C0C0F0ULL) == 0x8080E08080E0ULL &&
        ((y + 0x0F00000FULL) & (z + 0x0F00000FULL) & 0x10000010ULL) ==
            0x10000010ULL) {
      q += 6;
      continue;
    }
#endif
    unsigned c = *q;
    if (c - 0xE1u <= 0xEFu - 0xE1u && c != 0xED) {
      if ((q[1] & 0xC0) != 0x80 || (q[2] & 0xC0) != 0x80)
        return q;
      q += 3;
    } else if (c - 0x20u < 0x5Fu && c != '"' && c != '\\') {
      q++;
    } else {
      return q;
    }
  }
}

/* The bytes of one of lexer.l's {SIGN} at p, or 0. */
static inline size_t sign(const byte *p) {
  if (*p == '<' || *p == '>' || *p == '=')
    return 1;
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
static inline __attribute__((always_inline)) bool quiet_ef(const byte *p) {
  if (p[0] != 0xEF)
    return false;
  if (p[1] == 0xBC)
    return p[2] >= 0x9B && p[2] <= 0x9E;
  return p[1] == 0xBD && (p[2] == 0x9B || p[2] == 0x9D);
}

#endif
