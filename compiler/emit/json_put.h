/*
 * json_put.h — the low-level writers of the JSON back end (emit_json.c,
 * the only file that includes it, directly and through json_blocks.h): room,
 * separators and keys, strings, numbers and the enums' literals, all into a
 * jx_out.  Kept apart from the model writers only to keep each file short; the
 * functions are static, so each is compiled into the one writer that uses them.
 */
#ifndef JX_JSON_PUT_H
#define JX_JSON_PUT_H

#include "decimal_text.h"
#include "emit_json.h"
#include "json.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ---- Low-level writers ------------------------------------------------
 *
 * Room is tested once per piece of the document, not once per write:
 * every writer below starts with room(), and every string goes through
 * jx_json_string_keep, both of which leave SLACK bytes free in the
 * buffer; the keys, brackets, literals and numbers between two of them
 * are then written without a test (jx_out_put_reserved, put_c).  Between two
 * such points a writer puts at most about ten members of at most ~110 bytes
 * (MAX_DEPTH's indentation, the longest key, a number), far under SLACK.
 * A plan writes ~25 keys per indicator, so the test per key was a
 * visible part of the writer.
 */
#define SLACK JX_JSON_SLACK

static inline __attribute__((always_inline)) void room(jx_out *o) {
  jx_out_reserve(o, SLACK);
}

#define LIT(o, s) jx_out_put_reserved((o), (s), sizeof(s) - 1)

static inline __attribute__((always_inline)) void put_c(jx_out *o, char c) {
  o->buf[o->len++] = c;
}

/* A string or null, leaving SLACK. */
static inline __attribute__((always_inline)) void str(jx_out *o,
                                                      const char *s) {
  if (s)
    jx_json_string_keep(o, s);
  else
    LIT(o, "null");
}

/*
 * Separators and indentation come out of one string: ",\n" and enough
 * spaces for the deepest level (an indicator's keys in a project sit at
 * depth 7, a date range's at 8).  sep(w, depth, first) writes [","] "\n" and
 * 2×depth spaces; compact, only the ",".
 *
 * These run for every key and element, so the common case is one copy of
 * a constant size (FAST bytes, which the compiler turns into a couple of
 * moves) of which only the needed part is kept: the buffer's length
 * moves by the separator's true length.
 */
static const char sep_text[] = ",\n"
                               "                                "
                               "                                ";
#define MAX_DEPTH ((int)(sizeof sep_text - 3) / 2)
_Static_assert(MAX_DEPTH >= 8, "sep_text too short for the deepest level");
_Static_assert(SLACK >= 12 * (2 * MAX_DEPTH + 48),
               "SLACK too small for the members between two tests");
enum { FAST = 16, FAST_DEPTH = (FAST - 2) / 2 }; /* depth 0..7 */
_Static_assert(sizeof sep_text >= FAST + 1, "sep_text shorter than FAST");

static inline __attribute__((always_inline)) void
sep_at(jx_out *o, bool compact, int depth, int first) {
  size_t f = first != 0;
  if (compact) {
    if (!f)
      put_c(o, ',');
    return;
  }
  size_t m = 2 - f + 2 * (size_t)depth;
  if (depth <= FAST_DEPTH) {
    memcpy(o->buf + o->len, sep_text + f, FAST);
    o->len += m;
    return;
  }
  jx_out_put_reserved(o, sep_text + f, m);
}
#define sep(w, depth, first) sep_at((w)->o, (w)->compact, (depth), (first))

/*
 * A member: separator and name precomputed as one literal `,"k": ` whose
 * length is a constant.  Compact, `,"k":` (or `"k":` first) is one copy;
 * indented, the separator's constant-size copy and the name's.  With
 * `compact` and `depth` constants (the writers of the common cases are
 * instantiated for them), a member is a few moves.
 */
static inline __attribute__((always_inline)) void
key_at(jx_out *o, bool compact, int depth, int first, const char *lit,
       size_t n) {
  size_t f = first != 0;
  if (compact) {
    jx_out_put_reserved(o, lit + f, n - 1 - f); /* no space after the colon */
    return;
  }
  if (depth <= FAST_DEPTH) {
    char *b = o->buf + o->len;
    size_t m = 2 - f + 2 * (size_t)depth;
    memcpy(b, sep_text + f, FAST);
    memcpy(b + m, lit + 1, n - 1);
    o->len += m + n - 1;
    return;
  }
  sep_at(o, compact, depth, first);
  jx_out_put_reserved(o, lit + 1, n - 1);
}
#define KEY_C(o, compact, depth, first, k)                                     \
  key_at((o), (compact), (depth), (first),                                     \
         ",\"" k "\": ", sizeof(",\"" k "\": ") - 1)
#define KEY(w, depth, first, k) KEY_C((w)->o, (w)->compact, depth, first, k)

/*
 * A member whose value is a string or null.  Most of a model's strings
 * are absent (an indicator has a dozen, of which a card-style plan gives
 * four), so `,"k": null` is one literal with the separator, like a key.
 */
static inline __attribute__((always_inline)) void
key_null_at(jx_out *o, bool compact, int depth, int first, const char *lit,
            size_t n) {
  if (compact) { /* `,"k":null`: the literal without its space */
    size_t f = first != 0, k = n - 5 - f;
    char *b = o->buf + o->len;
    memcpy(b, lit + f, k);
    memcpy(b + k, "null", 4);
    o->len += k + 4;
    return;
  }
  key_at(o, compact, depth, first, lit, n);
}
#define KEY_STRING_C(o, compact, depth, first, k, s)                           \
  do {                                                                         \
    const char *s_ = (s);                                                      \
    if (s_) {                                                                  \
      KEY_C(o, compact, depth, first, k);                                      \
      jx_json_string_keep((o), s_);                                            \
    } else {                                                                   \
      key_null_at((o), (compact), (depth), (first), ",\"" k "\": null",        \
                  sizeof(",\"" k "\": null") - 1);                             \
    }                                                                          \
  } while (0)
#define KEY_STRING(w, depth, first, k, s)                                      \
  KEY_STRING_C((w)->o, (w)->compact, depth, first, k, s)

/* KEY_STRING for the texts that repeat from one shared copy (json.h,
 * jx_json_string_memo, out.h's jx_memo). */
#define KEY_STRING_MEMO(w, depth, first, k, s)                                 \
  do {                                                                         \
    const char *s_ = (s);                                                      \
    if (s_) {                                                                  \
      KEY(w, depth, first, k);                                                 \
      if ((w)->memo)                                                           \
        jx_json_string_memo((w)->o, (w)->memo, s_);                            \
      else                                                                     \
        jx_json_string_keep((w)->o, s_);                                       \
    } else {                                                                   \
      key_null_at((w)->o, (w)->compact, (depth), (first), ",\"" k "\": null",  \
                  sizeof(",\"" k "\": null") - 1);                             \
    }                                                                          \
  } while (0)

/* The end of an array or object whose members were at depth + 1. */
static inline __attribute__((always_inline)) void
close_c(jx_out *o, bool compact, int depth, size_t n, char bracket) {
  if (n > 0 && !compact)
    sep_at(o, compact, depth, 1);
  put_c(o, bracket);
}
#define close_at(w, depth, n, bracket)                                         \
  close_c((w)->o, (w)->compact, (depth), (n), (bracket))

static void put_null(jx_out *o) {
  LIT(o, "null");
}

/*
 * Numbers are made at the end of a local buffer and copied with one copy
 * of a constant size (of which only the digits are kept): no call to
 * memcpy for a few bytes.  NUM_COPY covers the longest (a decimal: sign,
 * 20 digits, point, 6 places).
 */
enum { NUM_COPY = 32 };
static inline __attribute__((always_inline)) void
put_num(jx_out *o, const char *b, const char *p, const char *end) {
  (void)b;
  memcpy(o->buf + o->len, p, NUM_COPY);
  o->len += (size_t)(end - p);
}

static void put_int(jx_out *o, int64_t v) {
  char b[JX_DIGITS_MAX + 1 + NUM_COPY];
  char *end = b + JX_DIGITS_MAX + 1;
  char *p = jx_digits(end, v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
  if (v < 0)
    *--p = '-';
  put_num(o, b, p, end);
}

/* jx_decimal_format's text (decimal_text.h), written from the end of a
 * local buffer without its copies: a plan has an amount or a value in
 * every few lines of its JSON. */
static inline __attribute__((always_inline)) void
put_decimal_inline(jx_out *o, jx_decimal d) {
  char b[JX_DIGITS_MAX + JX_DECIMAL_PLACES + 2 + NUM_COPY], *end;
  char *p = jx_decimal_back(b + JX_DIGITS_MAX + JX_DECIMAL_PLACES + 2, d, &end);
  put_num(o, b, p, end);
}

/* put_decimal_inline, called: for all but an indicator's value. */
static void put_decimal(jx_out *o, jx_decimal d) {
  put_decimal_inline(o, d);
}

/*
 * The enums' texts (jx_kind_text, jx_op_text, jx_role_text in the
 * runtime) as the JSON literals jx_json_string makes of them, so that the
 * four of them in every indicator are one constant-size copy each rather
 * than a scan; test_json (test_enum_literals) checks every value against
 * jx_json_string.  A value outside the table goes the long way.
 */
typedef struct json_lit {
  char s[16];
  size_t n;
} json_lit;
#define JL(text)                                                               \
  { text, sizeof text - 1 }
static const json_lit kind_json[] = {
    JL("\"quantitative\""), JL("\"qualitative\""), JL("\"na\""),
    JL("\"date\""),         JL("\"empty\""),       JL("\"date_range\"")};
static const json_lit op_json[] = {JL("\"=\""), JL("\">=\""), JL("\"<=\""),
                                   JL("\">\""), JL("\"<\"")};
static const json_lit role_json[] = {JL("null"),        JL("\"output\""),
                                     JL("\"benefit\""), JL("\"satisfaction\""),
                                     JL("\"cost\""),    JL("\"quantity\""),
                                     JL("\"quality\""), JL("\"timeliness\"")};
#undef JL
#define N_OF(a) (sizeof(a) / sizeof(a)[0])

static inline __attribute__((always_inline)) void put_lit(jx_out *o,
                                                          const json_lit *l) {
  memcpy(o->buf + o->len, l->s, sizeof l->s);
  o->len += l->n;
}

static inline __attribute__((always_inline)) void put_kind(jx_out *o,
                                                           jx_kind k) {
  if ((unsigned)k < N_OF(kind_json))
    put_lit(o, &kind_json[k]);
  else
    str(o, jx_kind_text(k));
}

static inline __attribute__((always_inline)) void put_op(jx_out *o, jx_op op) {
  if ((unsigned)op < N_OF(op_json))
    put_lit(o, &op_json[op]);
  else
    str(o, jx_op_text(op));
}

static inline __attribute__((always_inline)) void put_role(jx_out *o,
                                                           jx_role r) {
  if ((unsigned)r < N_OF(role_json))
    put_lit(o, &role_json[r]);
  else
    str(o, jx_role_text(r));
}

#endif
