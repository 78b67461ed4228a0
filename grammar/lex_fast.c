/*
 * lex_fast.c — see lex_fast.h.
 *
 * What is read here is exactly the language of lexer.l's STR rules minus
 * their errors: ([\x20\x21\x23-\x5B\x5D-\x7E\t]|{MB})+ runs, kept, and
 * \r?\n({SPACE})* folds, dropped, up to the closing ".  Whatever else
 * comes first makes the answer "flex's", at the cost of the look taken.
 */
#include "lex_fast.h"

#include <string.h>

typedef const unsigned char byte;

/* One well-formed multi-byte character, as lexer.l's {MB}: its bytes, or
 * 0. */
size_t jx_lex_mb(const char *start, const char *stop) {
  byte *p = (byte *)start, *end = (byte *)stop;
  unsigned c = p[0];
  size_t n;
  unsigned lo = 0x80, hi = 0xBF; /* the second byte's range */
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0)
      lo = 0xA0;
    else if (c == 0xED)
      hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0)
      lo = 0x90;
    else if (c == 0xF4)
      hi = 0x8F;
  } else {
    return 0;
  }
  if ((size_t)(end - p) < n || p[1] < lo || p[1] > hi)
    return 0;
  for (size_t i = 2; i < n; i++)
    if ((p[i] & 0xC0) != 0x80)
      return 0;
  return n;
}

/* U+3000, the ideographic space of {SPACE}. */
static inline bool ideo_space(byte *q, byte *end) {
  return end - q >= 3 && q[0] == 0xE3 && q[1] == 0x80 && q[2] == 0x80;
}

/* From a line break (or the \r of \r\n) in a string: the fold, and any
 * folds right after it.  Returns where the text goes on. */
static byte *fold(byte *q, byte *end, byte *p, jx_fast_str *s) {
  for (;;) {
    if (q >= end)
      return end;
    if (*q == '\n') {
      q++;
      s->lines++;
      s->line_at = (size_t)(q - p);
    } else if (*q == ' ' || *q == '\t' || *q == '\r') {
      q++;
    } else if (ideo_space(q, end)) {
      q += 3;
    } else {
      return q;
    }
  }
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* Whether the 8 bytes at q begin with two such characters, both checked
 * by one load: their lead bytes 1110xxxx and continuation bytes
 * 10xxxxxx, and the leads' low nibbles neither 0 nor D (E0 and ED, whose
 * second bytes are narrower): a nibble plus F sets bit 4 unless it is 0,
 * and the nibble XOR D is 0 only for D. */
static inline bool two_cjk(byte *q) {
  uint64_t w;
  memcpy(&w, q, sizeof w);
  uint64_t y = w & 0x0F00000FULL, z = y ^ 0x0D00000DULL;
  return (w & 0xC0C0F0C0C0F0ULL) == 0x8080E08080E0ULL &&
         ((y + 0x0F00000FULL) & (z + 0x0F00000FULL) & 0x10000010ULL) ==
             0x10000010ULL;
}
#endif

/* The loop is the scanner's hottest: most of a plan's text is CJK, so a
 * three-byte character whose lead byte takes any two continuation bytes
 * (E1-EC, EE, EF) is tried first, then plain ASCII. */
bool jx_fast_string(const char *start, const char *stop, jx_fast_str *s) {
  byte *p = (byte *)start, *end = (byte *)stop;
  byte *q = p + 1, *end3 = end - 3;
  size_t dropped = 0; /* bytes of folds */
  s->lines = 0;
  s->line_at = 0;
  s->more = false;
  if (end - p < 4)
    goto fail;
  for (;;) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* Two such characters at a time (two_cjk), twice an iteration. */
    while (end - q >= 8 && two_cjk(q)) {
      q += 6;
      if (end - q < 8 || !two_cjk(q))
        break;
      q += 6;
    }
#endif
    while (q <= end3) {
      unsigned c = *q;
      if (c - 0xE1u <= 0xEFu - 0xE1u && c != 0xED) {
        if ((q[1] & 0xC0) != 0x80 || (q[2] & 0xC0) != 0x80)
          goto fail;
        q += 3;
      } else if (c - 0x20u < 0x5Fu && c != '"' && c != '\\') {
        q++; /* [\x20-\x7E] but the quote and the backslash */
      } else {
        break;
      }
    }
    if (q >= end)
      goto fail;
    unsigned c = *q;
    if (c == '"')
      break;
    if (c == '\\')
      goto fail; /* an escape: flex's rules decode and judge it */
    if ((c >= 0x20 && c < 0x7F) || c == '\t') {
      q++;
    } else if (c >= 0x80) {
      size_t n = jx_lex_mb((const char *)q, (const char *)end);
      if (!n)
        goto fail;
      q += n;
    } else if (c == '\n' || (c == '\r' && q + 1 < end && q[1] == '\n')) {
      byte *r = fold(q, end, p, s);
      dropped += (size_t)(r - q);
      q = r;
    } else {
      goto fail; /* a control character */
    }
  }
  s->len = (size_t)(q + 1 - p);
  s->text_len = s->len - 2 - dropped;
  return true;
fail:
  /* Near the end of the bytes given: more of them might have done. */
  s->more = end - q < 4;
  return false;
}

void jx_fast_string_copy(const char *start, size_t n, char *dst, bool folds) {
  const char *q = start + 1, *end = start + n - 1;
  if (!folds) {
    jx_lex_copy(dst, q, n - 2);
    return;
  }
  for (;;) {
    /* A fold starts at a line break, or at the \r of \r\n: a \r elsewhere
     * in a string is flex's (a control character). */
    const char *nl = memchr(q, '\n', (size_t)(end - q));
    if (!nl)
      break;
    const char *cut = nl > q && nl[-1] == '\r' ? nl - 1 : nl;
    memcpy(dst, q, (size_t)(cut - q));
    dst += cut - q;
    q = nl;
    while (q < end) {
      if (*q == '\n' || *q == ' ' || *q == '\t' || *q == '\r')
        q++;
      else if (ideo_space((byte *)q, (byte *)end))
        q += 3;
      else
        break;
    }
  }
  memcpy(dst, q, (size_t)(end - q));
}
