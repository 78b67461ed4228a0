/*
 * lex_fast.h — the scanner's fast path for the body of a string, and
 * the inline copy of a token's few bytes (jx_lex_copy) its values use.
 *
 * Most of a plan's bytes are the text of its strings, and flex reads them
 * at the cost of its table walk per byte and of a copy into the string
 * buffer and another into the arena.  When grammar/lexer.l's rule for an
 * opening " has matched, jx_fast_string looks at the bytes flex has
 * buffered after it: if the string is closed there with nothing in it but
 * plain characters, well-formed UTF-8 and folded line breaks -- nearly
 * every string -- the scanner takes it whole (one copy, into the arena);
 * anything else (an escape, a control character, a bad byte, no closing
 * quote in the buffer, a string past the longest kept) is left to flex's
 * STR rules, which say what is wrong where.  lexer.l stays the definition
 * of the language: test_lexer_ref checks that the scanner gives the same
 * tokens, places and diagnostics with and without this path (jx_scan's
 * flex_only).  Private to grammar/.
 */
#ifndef JX_LEX_FAST_H
#define JX_LEX_FAST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct jx_fast_str {
  size_t len;      /* the token's bytes, both quotes included */
  size_t text_len; /* its text's: the bytes between, folds dropped */
  uint32_t lines;  /* line breaks in it */
  size_t line_at;  /* with lines: where its last line starts (from p) */
  bool more;       /* not taken: it stopped within 4 bytes of the end */
} jx_fast_str;

/* The string whose opening quote is at p, if it is all in [p, end) and
 * of the plain kind described above; false when it is flex's. */
bool jx_fast_string(const char *p, const char *end, jx_fast_str *s);

/* The length of the well-formed UTF-8 character of two bytes or more at
 * p (lexer.l's {MB}), or 0. */
size_t jx_lex_mb(const char *p, const char *end);

/* The text of the string token of n bytes at p into dst (text_len bytes),
 * with its folds dropped as lexer.l drops them: a line break and the
 * spaces after it (folds: it has some, jx_fast_str's lines). */
void jx_fast_string_copy(const char *p, size_t n, char *dst, bool folds);

/* n bytes from src to dst, neither read nor written past n: inline, for
 * the few bytes of a token, where a call to memcpy costs more than the
 * copy (overlapping loads and stores, as vocab.h compares). */
static inline void jx_lex_copy(char *dst, const char *src, size_t n) {
  if (n >= 8 && n <= 32) {
    uint64_t a, b, c, d;
    memcpy(&a, src, 8);
    memcpy(&b, src + n - 8, 8);
    if (n > 16) {
      memcpy(&c, src + 8, 8);
      memcpy(&d, src + n - 16, 8);
      memcpy(dst + 8, &c, 8);
      memcpy(dst + n - 16, &d, 8);
    }
    memcpy(dst, &a, 8);
    memcpy(dst + n - 8, &b, 8);
  } else if (n >= 4 && n < 8) {
    uint32_t a, b;
    memcpy(&a, src, 4);
    memcpy(&b, src + n - 4, 4);
    memcpy(dst, &a, 4);
    memcpy(dst + n - 4, &b, 4);
  } else if (n > 0 && n < 4) {
    dst[0] = src[0];
    dst[n / 2] = src[n / 2];
    dst[n - 1] = src[n - 1];
  } else {
    memcpy(dst, src, n);
  }
}

#endif
