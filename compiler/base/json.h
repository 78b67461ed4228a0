/*
 * json.h — JSON string literals, escaped per RFC 8259, for everything that
 * writes JSON: the back end (emit_json.c), jxc diff -f json, and the
 * diagnostics' JSON lines.
 *
 * Quote, backslash and control characters are escaped (the short forms
 * JSON has, \u00xx in lower-case hex for the rest, as jq writes them), so
 * are U+2028 and U+2029 (legal JSON, but line terminators in JavaScript
 * before ES2019), and every maximal ill-formed UTF-8 subpart becomes one
 * U+FFFD (the Unicode "substitution of maximal subparts" practice).  Runs
 * that need nothing, nearly everything, are copied in one piece.
 */
#ifndef JX_JSON_H
#define JX_JSON_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "out.h"
#include "strbuf.h"

/* The literal for s (NUL-terminated, not NULL), quotes included. */
void jx_json_string_nonnull(jx_out *o, const char *s);

/* The literal for s (NUL-terminated), quotes included; null for NULL.
 * Inline for the NULL test: a model has many absent fields (the back end
 * writes ~1 null for every string). */
static inline void jx_json_string(jx_out *o, const char *s) {
  if (!s) {
    jx_out_write(o, "null", 4);
    return;
  }
  jx_json_string_nonnull(o, s);
}
void jx_json_string_sb(jx_strbuf *b, const char *s);

/* jx_json_string_nonnull, leaving room for JX_JSON_SLACK more bytes in
 * o (jx_out_reserve): the back end (emit_json.c) writes the keys and
 * numbers after a string without a test of their own. */
#define JX_JSON_SLACK 2048
void jx_json_string_keep(jx_out *o, const char *s);

/*
 * A memo of recently written short strings, for the fields whose texts
 * repeat from one shared copy (an indicator's category codes and labels,
 * its unit: they point into the framework's and the units' tables).
 * Direct-mapped on the pointer; a slot keeps a copy of the bytes it was
 * made from, quoted, and a hit needs the pointer AND the bytes (length
 * included) to be equal, since an arena reused for the next project can
 * hold other bytes at the same address.  Only strings that need no
 * escape and fit a slot are kept.  Zeroed: empty.
 */
enum { JX_JSON_MEMO_SLOTS = 64, JX_JSON_MEMO_TEXT = 48 };
typedef struct jx_json_memo_slot {
  const char *key;
  size_t n;                  /* bytes of the string, no quotes */
  char q[JX_JSON_MEMO_TEXT]; /* '"', the n bytes, '"', then anything */
} jx_json_memo_slot;
typedef struct jx_json_memo {
  jx_json_memo_slot slot[JX_JSON_MEMO_SLOTS];
} jx_json_memo;

/* The miss of jx_json_string_memo: s written as jx_json_string_keep
 * writes it, and kept in e when it fits and needed no escape. */
void jx_json_string_memo_miss(jx_out *o, jx_json_memo_slot *e, const char *s);

/*
 * jx_json_string_keep through m (not NULL).  Inline, so that a hit is a
 * few moves, a strlen and one constant-size copy, without the escaper's
 * registers saved and restored.  The length comes from strlen, not from
 * the slot: only once s is known to have n bytes may they be compared a
 * word at a time (a byte loop costs as much as escaping the string).
 */
static inline void jx_json_string_memo(jx_out *o, jx_json_memo *m,
                                       const char *s) {
  uintptr_t h = (uintptr_t)s;
  jx_json_memo_slot *e = &m->slot[(h >> 3 ^ h >> 9) & (JX_JSON_MEMO_SLOTS - 1)];
  size_t n = e->n;
  if (e->key == s && strlen(s) == n && jx_same_bytes(s, e->q + 1, n) &&
      n + 2 + JX_JSON_SLACK <= o->cap - o->len) {
    memcpy(o->buf + o->len, e->q, JX_JSON_MEMO_TEXT);
    o->len += n + 2;
    return;
  }
  jx_json_string_memo_miss(o, e, s);
}

/* The escaping itself, for another kind of buffer: the length of the run
 * at s that goes out as it is, and what follows it: *esc (*esc_len bytes)
 * replaces the next *skip bytes, or *esc is NULL at the end of s. */
size_t jx_json_span(const char *s, const char **esc, size_t *esc_len,
                    size_t *skip);

#endif
