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

/* The miss of jx_json_string_memo: s (n bytes) written as
 * jx_json_string_keep writes it, and kept in e when it needed no escape. */
void jx_json_string_memo_miss(jx_out *o, jx_memo_slot *e, const char *s,
                              size_t n);

/* jx_json_string_keep through m (not NULL, out.h's jx_memo), for the
 * texts that repeat.  Inline, so that a hit costs no call; the room
 * asked for keeps the SLACK that _keep promises. */
static inline void jx_json_string_memo(jx_out *o, jx_memo *m, const char *s) {
  size_t n = strlen(s);
  jx_memo_slot *e = jx_memo_slot_of(m, s);
  if (jx_memo_put(o, e, s, n, JX_MEMO_OUT + 2 + JX_JSON_SLACK))
    return;
  jx_json_string_memo_miss(o, e, s, n);
}

/* The escaping itself, for another kind of buffer: the length of the run
 * at s that goes out as it is, and what follows it: *esc (*esc_len bytes)
 * replaces the next *skip bytes, or *esc is NULL at the end of s. */
size_t jx_json_span(const char *s, const char **esc, size_t *esc_len,
                    size_t *skip);

#endif
