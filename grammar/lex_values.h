/*
 * lex_values.h — the values the scanner reads, token by token: numbers
 * with their units and a comparison written after them, dates and date
 * ranges, and text typed with a Chinese input method's full-width
 * characters.  grammar/lexer.l matches the shapes; these functions take a
 * matched token apart into a jx_value (ast.h), allocated in the scanner's
 * arena: the parser's token value is a pointer to it.  Private to
 * grammar/.
 */
#ifndef JX_LEX_VALUES_H
#define JX_LEX_VALUES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lex_fast.h"
#include "scan.h"
#include "vocab.h"

/* The unit is the n bytes at text + at (the value's text); its place in
 * the source starts `src_at` bytes into the token and is `src_len` bytes
 * long with the postfix word.  A comparison word that ends it (90%以上)
 * is taken off: the value's post, and a unit of its own. */
static inline void jx_lex_set_unit(jx_scan *s, jx_value *v, size_t at, size_t n,
                                   size_t src_at, size_t src_len) {
  const char *u = v->text + at;
  size_t len = 0;
  jx_postfix p = jx_vocab_postfix(&s->vocab, u, n, &len);
  size_t keep = n;
  if (p != JX_POST_NONE) {
    v->post = (uint8_t)p;
    v->post_len = (uint8_t)len;
    keep = n - len;
    src_len -= len; /* postfix words have no full-width characters */
  }
  if (keep == 0)
    return;
  v->unit = keep == n ? u : jx_arena_strndup(s->arena, u, keep);
  v->unit_loc = v->loc;
  v->unit_loc.offset += src_at;
  v->unit_loc.col += (uint32_t)src_at;
  v->unit_loc.len = (uint32_t)src_len;
}

/* A NUMBER token of ASCII digits whose number (sign, digits, point) is
 * its first i bytes, the rest its unit.  Inline: the scanners call it for
 * every number.  The value is the token's (the parser's stack holds a
 * pointer to it: see scan.h), in the arena with its texts, in one
 * allocation. */
_Static_assert(
    offsetof(jx_value, unit) == offsetof(jx_value, text) + 2 * sizeof(char *) &&
        offsetof(jx_value, year) == offsetof(jx_value, unit) + sizeof(char *) &&
        offsetof(jx_value, unit_loc) ==
            offsetof(jx_value, loc) + sizeof(jx_loc) &&
        sizeof(jx_value) == offsetof(jx_value, unit_loc) + sizeof(jx_loc),
    "jx_lex_number_at writes every field of jx_value");
static inline jx_value *jx_lex_number_at(jx_scan *s, const char *t, size_t n,
                                         size_t i, const jx_loc *loc) {
  /* With a unit the number is a second copy of the digits. */
  size_t room = i == n ? n + 1 : n + i + 2;
  jx_value *v = jx_arena_alloc_raw(s->arena, sizeof *v + room);
  char *b = (char *)(v + 1);
  /* Every byte of the value written once: its fields, where a memset of
   * the whole became `rep stos` (a number costs 20 instructions less). */
  memset(v, 0, offsetof(jx_value, text)); /* the kind, flags and padding */
  v->kind = JX_VAL_NUMBER;
  v->unit = NULL;
  memset(&v->year, 0, offsetof(jx_value, loc) - offsetof(jx_value, year));
  jx_lex_copy(b, t, n);
  b[n] = '\0';
  v->text = v->number = b;
  if (i < n) {
    jx_lex_copy(b + n + 1, t, i);
    b[n + 1 + i] = '\0';
    v->number = b + n + 1;
  }
  v->loc = *loc; /* by pointer: by value, gcc built it on the stack */
  if (i < n)
    jx_lex_set_unit(s, v, i, n - i, i, n - i);
  if (!v->unit) { /* else jx_lex_set_unit wrote it */
    /* field by field: gcc made the memset of 24 bytes `rep stos` */
    v->unit_loc.offset = 0;
    v->unit_loc.line = v->unit_loc.col = 0;
    v->unit_loc.len = v->unit_loc.file = 0;
  }
  return v;
}

/* A NUMBER token of ASCII digits: 22人, 90%以上, 17元/人.每天, 9月前. */
static inline jx_value *jx_lex_number(jx_scan *s, const char *t, size_t n,
                                      jx_loc loc) {
  size_t i = 0;
  if (i < n && (t[i] == '-' || t[i] == '+'))
    i++;
  while (i < n && ((t[i] >= '0' && t[i] <= '9') || t[i] == '.'))
    i++;
  return jx_lex_number_at(s, t, n, i, &loc);
}

/* A NUMBER written with full-width characters (９０％, ３．５) or with
 * thousands separators (3,309,840.00): read as its NFKC form, the
 * separators kept in the text and left out of the number.  Reports a
 * separator out of place (3,30,9840) and returns NULL. */
jx_value *jx_lex_number_wide(jx_scan *s, const char *t, size_t n, jx_loc loc);
/* A DATE token: 2021年12月31日, 2021-12-31, 2023年6月底, 2023年底前. */
jx_value *jx_lex_date(jx_scan *s, const char *t, size_t n, jx_loc loc);
/* A DATE_RANGE token: 2023.07-2024.01, 2023年4月-2024年2月, 202001-202012,
 * 2021.1-2021.12, 2020年-2022年, 2023年1月至12月. */
jx_value *jx_lex_date_range(jx_scan *s, const char *t, size_t n, jx_loc loc);

/* The n bytes at t with every character of the Halfwidth and Fullwidth
 * Forms block (U+FF00–U+FFEF) replaced by its NFKC form (ｐｌａｎ → plan,
 * １２ → 12, ／ → /), in the scanner's arena; *out_n its length.  Other
 * characters stay as written: ㎡ and ℃ are units of the table as they
 * are, and NFKC would make ㎡ the unknown "m2". */
char *jx_lex_fold(jx_scan *s, const char *t, size_t n, size_t *out_n);

#endif
