/*
 * json.c — JSON string escaping, the one copy (json.h).
 */
#include "json.h"

#include <string.h>

/*
 * What each byte needs inside a JSON string:
 *   0  nothing, copy it (printable ASCII)
 *   1  an escape (control characters, '"', '\\'; 0x00 ends the string)
 *   2, 3, 4  the lead byte of a UTF-8 sequence of that length
 *   5  never valid in UTF-8 (continuation bytes, C0, C1, F5–FF)
 *   6  the lead byte of a three-byte sequence that any two continuation
 *      bytes complete (E1, E3–EC, EE, EF: nearly all CJK text); E0 and
 *      ED are 3, with the checks they need
 *   7  E2: likewise, but for U+2028 and U+2029 (E2 80 A8, E2 80 A9),
 *      which must be escaped; E2 also leads ≥ ≤ “ ” — and …, common in plans
 */
// clang-format off
static const unsigned char byte_class[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0_ */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 1_ */
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 2_ */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 3_ */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 4_ */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, /* 5_ */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 6_ */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 7_ */
    5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, /* 8_ */
    5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, /* 9_ */
    5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, /* A_ */
    5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, /* B_ */
    5, 5, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* C_ */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* D_ */
    3, 6, 7, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 3, 6, 6, /* E_ */
    4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, /* F_ */
};
// clang-format on

static int is_cont(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

/* \u00XX, lower-case hex as jq writes it, for the controls without a
 * short form. */
static const char control[32][7] = {
    "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006",
    "\\u0007", "\\u0008", "\\u0009", "\\u000a", "\\u000b", "\\u000c", "\\u000d",
    "\\u000e", "\\u000f", "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014",
    "\\u0015", "\\u0016", "\\u0017", "\\u0018", "\\u0019", "\\u001a", "\\u001b",
    "\\u001c", "\\u001d", "\\u001e", "\\u001f"};

/* The escape of a class-1 byte other than NUL. */
static const char *escape_of(unsigned char c, size_t *len) {
  *len = 2;
  switch (c) {
  case '"':
    return "\\\"";
  case '\\':
    return "\\\\";
  case '\n':
    return "\\n";
  case '\t':
    return "\\t";
  case '\r':
    return "\\r";
  case '\b':
    return "\\b";
  case '\f':
    return "\\f";
  default:
    *len = 6;
    return control[c];
  }
}

/* jx_json_span, inlined into the writers below: the back ends write
 * every string of the model through them. */
static inline __attribute__((always_inline)) size_t
span(const char *str, const char **esc, size_t *esc_len, size_t *skip) {
  const unsigned char *s = (const unsigned char *)str, *start = s;
  size_t bad; /* bytes in an ill-formed subpart */
  for (;;) {
    unsigned char k;
    /* The two common cases without the switch: ASCII, and a CJK
     * character (class 6 and two continuation bytes; s[2] is read only
     * when s[1] is one, so never past the terminating NUL). */
    while ((k = byte_class[*s]) == 0 ||
           (k == 6 && is_cont(s[1]) && is_cont(s[2])))
      s += k == 0 ? 1 : 3;
    unsigned char c = s[0];
    switch (k) {
    case 1:
      if (c == '\0') {
        *esc = NULL;
        *esc_len = *skip = 0;
      } else {
        *esc = escape_of(c, esc_len);
        *skip = 1;
      }
      return (size_t)(s - start);
    case 2:
      if (is_cont(s[1])) {
        s += 2;
        continue;
      }
      bad = 1;
      break;
    case 3:
    case 6:
    case 7: {
      /* E0 needs A0–BF next (no overlongs), ED 80–9F (no surrogates) */
      unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
      unsigned char hi = c == 0xED ? 0x9F : 0xBF;
      if (s[1] < lo || s[1] > hi) {
        bad = 1;
        break;
      }
      if (!is_cont(s[2])) {
        bad = 2;
        break;
      }
      if (c == 0xE2 && s[1] == 0x80 && (s[2] == 0xA8 || s[2] == 0xA9)) {
        *esc = s[2] == 0xA8 ? "\\u2028" : "\\u2029";
        *esc_len = 6;
        *skip = 3;
        return (size_t)(s - start);
      }
      s += 3;
      continue;
    }
    case 4: {
      /* F0 needs 90–BF next (no overlongs), F4 80–8F (≤ U+10FFFF) */
      unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
      unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
      if (s[1] < lo || s[1] > hi)
        bad = 1;
      else if (!is_cont(s[2]))
        bad = 2;
      else if (!is_cont(s[3]))
        bad = 3;
      else {
        s += 4;
        continue;
      }
      break;
    }
    default:
      bad = 1;
      break;
    }
    /* An ill-formed subpart: never NUL, so the string goes on after it. */
    *esc = "\\ufffd";
    *esc_len = 6;
    *skip = bad;
    return (size_t)(s - start);
  }
}

size_t jx_json_span(const char *s, const char **esc, size_t *esc_len,
                    size_t *skip) {
  return span(s, esc, esc_len, skip);
}

/* Any string, with its escapes: out of line, so that its registers are
   not saved and restored on the fast path's every call. */
static __attribute__((noinline)) void string_slow(jx_out *o, const char *s) {
  const char *esc;
  size_t n, esc_len, skip;
  n = span(s, &esc, &esc_len, &skip);
  jx_out_putc(o, '"');
  jx_out_write(o, s, n);
  while (esc) {
    jx_out_write(o, esc, esc_len);
    s += n + skip;
    n = span(s, &esc, &esc_len, &skip);
    jx_out_write(o, s, n);
  }
  jx_out_putc(o, '"');
}

/* string_slow, then the room string_nonnull promises.  Apart, so that
 * string_nonnull calls it last (a jump) and its fast path keeps nothing
 * across a call: no registers to save and restore for every string. */
static __attribute__((noinline)) size_t
string_slow_keep(jx_out *o, const char *s, size_t slack) {
  string_slow(o, s);
  jx_out_reserve(o, slack);
  return SIZE_MAX;
}

/*
 * Nearly every string: printable ASCII and whole two- and three-byte
 * characters up to the NUL (span()'s loop without its switch), with room
 * for it, its quotes and `slack` more bytes in the buffer: one scan, one
 * check, one copy.  The ASCII loop looks at four bytes a turn; a byte is
 * read only when the one before it was not the NUL, so never past the
 * string.  (Sixteen bytes at a time with SSE2 was tried and lost: the
 * strings are short — 4 to 16 bytes — and mostly Chinese, and the strlen
 * and the UTF-8 masks it needs cost more than this loop.)  Returns the
 * string's length when it went out in one copy, SIZE_MAX when it needed
 * the slow path.
 */
static inline __attribute__((always_inline)) size_t
string_nonnull(jx_out *o, const char *s, size_t slack) {
  const unsigned char *p = (const unsigned char *)s;
  for (;;) {
    unsigned c = p[0], k = byte_class[c];
    if (k == 6) { /* E1, E3–EC, EE, EF: any two continuation bytes */
      do {        /* a run of them, without the other tests between */
        if (!is_cont(p[1]) || !is_cont(p[2]))
          goto stop;
        p += 3;
      } while (byte_class[p[0]] == 6);
      if (p[0] == '\0') /* most names end in one */
        break;
      continue;
    }
    if (k == 0) {
      if (byte_class[p[1]] != 0)
        p += 1;
      else if (byte_class[p[2]] != 0)
        p += 2;
      else if (byte_class[p[3]] != 0)
        p += 3;
      else
        p += 4;
      continue;
    }
    if (c == 0) /* the end, told before the rarer classes */
      break;
    if (k == 7) { /* E2: likewise, but U+2028 and U+2029 */
      unsigned c1 = p[1];
      if (!is_cont((unsigned char)c1))
        break;
      unsigned c2 = p[2];
      if (!is_cont((unsigned char)c2))
        break;
      if (c1 == 0x80 && (c2 == 0xA8 || c2 == 0xA9))
        break;
      p += 3;
    } else if (k == 2 && is_cont(p[1])) {
      p += 2;
    } else {
      break;
    }
  }
stop:;
  size_t n = (size_t)(p - (const unsigned char *)s);
  if (*p == '\0' && n + 2 + slack <= o->cap - o->len) {
    char *b = o->buf + o->len;
    o->len += n + 2;
    b[0] = '"';
    b[n + 1] = '"';
    jx_copy_short(b + 1, s, n); /* last: a long one's memcpy is a jump */
    return n;
  }
  return string_slow_keep(o, s, slack);
}

void jx_json_string_nonnull(jx_out *o, const char *s) {
  string_nonnull(o, s, 0);
}

void jx_json_string_keep(jx_out *o, const char *s) {
  string_nonnull(o, s, JX_JSON_SLACK);
}

/* On a miss the quoted form is taken from the output into the slot: the
 * SLACK after it makes the constant-size copy safe. */
void jx_json_string_memo_miss(jx_out *o, jx_memo_slot *e, const char *s,
                              size_t n) {
  size_t at = o->len;
  if (string_nonnull(o, s, JX_JSON_SLACK) == n)
    jx_memo_keep(e, s, n, o->buf + at, n + 2);
}

void jx_json_string_sb(jx_strbuf *b, const char *s) {
  if (!s) {
    jx_sb_add(b, "null", 4);
    return;
  }
  jx_sb_add(b, "\"", 1);
  for (;;) {
    const char *esc;
    size_t n, esc_len, skip;
    n = span(s, &esc, &esc_len, &skip);
    jx_sb_add(b, s, n);
    if (!esc)
      break;
    jx_sb_add(b, esc, esc_len);
    s += n + skip;
  }
  jx_sb_add(b, "\"", 1);
}
