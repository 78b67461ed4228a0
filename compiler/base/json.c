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

#if defined(__SSE2__) && defined(__x86_64__)
#define JX_JSON_SSE2 1
#include <emmintrin.h>
#include <stdint.h>

/*
 * The fast path on x86-64: strlen first (the C library's, vectorised;
 * sanitizers and valgrind know it), then the string sixteen bytes at a
 * time, every load inside it.  A block passes when it has no byte JSON
 * escapes and its non-ASCII bytes are whole two-byte sequences and
 * three-byte ones led by E1–EF but ED (E0 and ED need a check of the
 * second byte, F0–F4 are four bytes long: rare, so left to the scalar
 * escaper, as is U+2028/9).  A sequence may run into the next block:
 * `carry` is the continuation bytes that block must start with.
 */
/* Whether the block v (its first `valid` bits are the string's) passes;
 * updates *carry.  b is the string's own memory, for the U+2028/9 test,
 * which reads only bytes the block check vouched for.  The ASCII test
 * first: most blocks are ASCII, and the UTF-8 masks are only made for
 * the others. */
static inline __attribute__((always_inline)) int
sse_block_ok(__m128i v, unsigned valid, const unsigned char *b,
             unsigned *carry) {
  /* signed compares: bytes 80–FF are negative, and below 0x20 */
  __m128i sp = _mm_or_si128(
      _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                   _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
  unsigned hi = (unsigned)_mm_movemask_epi8(v) & valid;
  unsigned special = (unsigned)_mm_movemask_epi8(sp) & valid;
  if (special == hi && !*carry)
    return 1; /* printable ASCII (special ⊇ hi) */
  if (special & ~hi)
    return 0;
  unsigned cont = (unsigned)_mm_movemask_epi8(
      _mm_cmplt_epi8(v, _mm_set1_epi8((char)0xC0))); /* 80–BF */
  unsigned lead2 = (unsigned)_mm_movemask_epi8(
      _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8((char)0xC1)),
                    _mm_cmplt_epi8(v, _mm_set1_epi8((char)0xE0)))); /* C2–DF */
  unsigned lead3 = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(
      _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xED)),
      _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8((char)0xE0)),
                    _mm_cmplt_epi8(v, _mm_set1_epi8((char)0xF0))))); /* E1–EF */
  lead2 &= valid;
  lead3 &= valid;
  cont &= valid;
  if (hi & ~(lead2 | lead3 | cont))
    return 0; /* C0, C1, E0, ED, F0–FF */
  unsigned exp = *carry | (lead2 | lead3) << 1 | lead3 << 2;
  if ((exp & 0xFFFF) != cont || (exp & ~valid & 0xFFFF))
    return 0;
  *carry = exp >> 16;
  unsigned e2 = (unsigned)_mm_movemask_epi8(
      _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2)));
  for (e2 &= lead3; e2; e2 &= e2 - 1) {
    unsigned i = (unsigned)__builtin_ctz(e2);
    if (b[i + 1] == 0x80 && (b[i + 2] | 1) == 0xA9)
      return 0; /* U+2028, U+2029 */
  }
  return 1;
}

static inline uint64_t load8(const unsigned char *p) {
  uint64_t w;
  memcpy(&w, p, 8);
  return w;
}

static inline uint32_t load4(const unsigned char *p) {
  uint32_t w;
  memcpy(&w, p, 4);
  return w;
}

/* The n < 16 bytes at p, zeros after them, without reading past them. */
static inline __attribute__((always_inline)) __m128i
load_short(const unsigned char *p, size_t n) {
  uint64_t lo = 0, hi = 0;
  if (n >= 8) {
    lo = load8(p);
    if (n > 8)
      hi = load8(p + n - 8) >> (8 * (16 - n));
  } else if (n >= 4) {
    lo = load4(p) | ((uint64_t)load4(p + n - 4) >> (8 * (8 - n))) << 32;
  } else {
    for (size_t i = 0; i < n; i++)
      lo |= (uint64_t)p[i] << (8 * i);
  }
  return _mm_set_epi64x((long long)hi, (long long)lo);
}

/* Whether the n bytes at s need nothing; *first is the first block, for
 * the caller's copy when n < 16. */
static inline __attribute__((always_inline)) int
sse_clean(const unsigned char *s, size_t n, __m128i *first) {
  unsigned carry = 0;
  size_t off = 0;
  for (; off + 16 <= n; off += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + off));
    if (!sse_block_ok(v, 0xFFFF, s + off, &carry))
      return 0;
  }
  size_t r = n - off;
  __m128i v = load_short(s + off, r);
  *first = v;
  return sse_block_ok(v, (1u << r) - 1, s + off, &carry) && carry == 0;
}

static inline __attribute__((always_inline)) void
string_nonnull(jx_out *o, const char *s, size_t slack) {
  size_t n = strlen(s);
  __m128i v;
  if (sse_clean((const unsigned char *)s, n, &v)) {
    if (n < 16 && o->cap - o->len >= 18 + slack) {
      char *b = o->buf + o->len;
      b[0] = '"';
      _mm_storeu_si128((__m128i *)(void *)(b + 1), v);
      b[n + 1] = '"';
      o->len += n + 2;
      return;
    }
    if (n + 2 + slack <= o->cap - o->len) {
      char *b = o->buf + o->len;
      b[0] = '"';
      memcpy(b + 1, s, n);
      b[n + 1] = '"';
      o->len += n + 2;
      return;
    }
  }
  string_slow(o, s);
  jx_out_reserve(o, slack);
}

#else

static inline __attribute__((always_inline)) void
string_nonnull(jx_out *o, const char *s, size_t slack) {
  /* Nearly every string: printable ASCII and whole CJK characters up to
   * the NUL (span()'s loop without its switch), with room for it and its
   * quotes in the buffer: one scan, one check, one copy. */
  const unsigned char *p = (const unsigned char *)s;
  unsigned char k;
  for (;;) {
    k = byte_class[*p];
    if (k == 0) {
      p++;
    } else if (k == 6 && is_cont(p[1]) && is_cont(p[2])) {
      p += 3;
    } else if (k == 7 && is_cont(p[1]) && is_cont(p[2]) &&
               !(p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9))) {
      p += 3; /* E2 but U+2028, U+2029 */
    } else {
      break;
    }
  }
  size_t n = (size_t)(p - (const unsigned char *)s);
  if (*p == '\0' && n + 2 + slack <= o->cap - o->len) {
    char *b = o->buf + o->len;
    b[0] = '"';
    memcpy(b + 1, s, n);
    b[n + 1] = '"';
    o->len += n + 2;
    return;
  }
  string_slow(o, s);
  jx_out_reserve(o, slack);
}

#endif

void jx_json_string_nonnull(jx_out *o, const char *s) {
  string_nonnull(o, s, 0);
}

void jx_json_string_keep(jx_out *o, const char *s) {
  string_nonnull(o, s, JX_JSON_SLACK);
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
