/*
 * emit_c_lit.c — the C literals of `jxc build -f c`: strings, numbers,
 * identifiers and enumerators, written straight into a jx_out.
 *
 * Strings from the source only ever appear inside string literals, escaped
 * so that nothing can end the literal or change its meaning: `"` and `\`
 * are escaped, a `?` after a `?` becomes `\?` (no trigraph), control
 * characters and every non-ASCII byte become three-digit octal escapes
 * (`\345`: a following digit can never join the escape, as it would with
 * `\x`).  A string longer than C99's guaranteed literal length (4095)
 * becomes a char array of its own.
 *
 * These run for every field of every initialiser, and a CJK text is all
 * octal escapes (four bytes out for each byte in), so the common cases
 * are copies from tables: a run of plain ASCII in one piece, each escape
 * four bytes, numbers two digits at a time (out.h).
 */
#include "emit_c_lit.h"

#include <string.h>

/* \ooo for every byte. */
#define O1(c)                                                                  \
  {                                                                            \
    '\\', (char)('0' + ((c) >> 6)), (char)('0' + (((c) >> 3) & 7)),            \
        (char)('0' + ((c)&7))                                                  \
  }
#define O8(c)                                                                  \
  O1(c), O1(c + 1), O1(c + 2), O1(c + 3), O1(c + 4), O1(c + 5), O1(c + 6),     \
      O1(c + 7)
#define O64(c)                                                                 \
  O8(c), O8(c + 8), O8(c + 16), O8(c + 24), O8(c + 32), O8(c + 40),            \
      O8(c + 48), O8(c + 56)
static const char octal[256][4] = {O64(0), O64(64), O64(128), O64(192)};
#undef O64
#undef O8
#undef O1

/*
 * What a byte is in a string literal: PLAIN goes out as it is, OCTAL as
 * \ooo (control characters, DEL and every byte of a UTF-8 sequence), the
 * rest each have their own escape; END is the terminating NUL.
 */
enum { PLAIN, OCTAL, QUOTE, BACKSLASH, QUESTION, NEWLINE, TAB, END };
// clang-format off
static const unsigned char byte_class[256] = {
    7, 1, 1, 1, 1, 1, 1, 1, 1, 6, 5, 1, 1, 1, 1, 1, /* 0_ */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 1_ */
    0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 2_ */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, /* 3_ */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 4_ */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, /* 5_ */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 6_ */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, /* 7_ */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 8_ */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 9_ */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* A_ */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* B_ */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* C_ */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* D_ */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* E_ */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* F_ */
};
// clang-format on

void jx_c_octal(jx_out *o, unsigned char c) {
  jx_out_write(o, octal[c], 4);
}

/*
 * A number made at the end of a local buffer goes out with one copy of a
 * constant size (NUM_COPY bytes, of which the text is kept), without a
 * test for room (the caller's C_SLACK): no call to memcpy for a few
 * digits.  The buffers leave NUM_COPY bytes after the longest text's
 * start.
 */
enum { NUM_COPY = 32 };
_Static_assert((int)NUM_COPY <= (int)C_PIECE, "a number is a piece");
static void put_num(jx_out *o, const char *p, const char *end) {
  memcpy(o->buf + o->len, p, NUM_COPY);
  o->len += (size_t)(end - p);
}

/* jx_digits for a value that fits 32 bits: the divisions by 100 are then
   32-bit multiplications. */
static inline char *digits32(char *end, uint32_t u) {
  char *p = end;
  while (u >= 100) {
    uint32_t r = u % 100;
    u /= 100;
    p -= 2;
    memcpy(p, jx_digit_pairs + 2 * r, 2);
  }
  if (u >= 10) {
    p -= 2;
    memcpy(p, jx_digit_pairs + 2 * u, 2);
  } else {
    *--p = (char)('0' + u);
  }
  return p;
}

static inline char *digits(char *end, uint64_t u) {
  return u <= UINT32_MAX ? digits32(end, (uint32_t)u) : jx_digits(end, u);
}

/* Below 100 (months, counts, the first rows' numbers): a digit or a pair
   from the table, straight into the output. */
static inline bool put_small(jx_out *o, uint64_t u) {
  if (u >= 100)
    return false;
  char *b = o->buf + o->len;
  if (u < 10) {
    *b = (char)('0' + u);
    o->len++;
  } else {
    memcpy(b, jx_digit_pairs + 2 * u, 2);
    o->len += 2;
  }
  return true;
}

void jx_c_u64(jx_out *o, uint64_t u) {
  if (put_small(o, u))
    return;
  char b[JX_DIGITS_MAX + NUM_COPY];
  char *end = b + JX_DIGITS_MAX, *p = digits(end, u);
  put_num(o, p, end);
}

void jx_c_i64(jx_out *o, int64_t v) {
  if (v >= 0 && put_small(o, (uint64_t)v))
    return;
  char b[JX_DIGITS_MAX + 1 + NUM_COPY];
  char *end = b + JX_DIGITS_MAX + 1;
  char *p = digits(end, v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
  if (v < 0)
    *--p = '-';
  put_num(o, p, end);
}

/* Literals beyond int get LL, and INT64_MIN is written as an expression
   (its digits have no type).  The micros are a whole part and six places:
   the places are three digit pairs, the whole part a short 32-bit loop
   (an amount in micros needs 64 bits, its whole part seldom does). */
void jx_c_decimal(jx_out *o, jx_decimal d) {
  int64_t v = d.micros;
  if (v == 0) { /* two in five: absent ends and amounts */
    PUT(o, "{0}");
    return;
  }
  if (v == INT64_MIN) {
    PUT(o, "{-9223372036854775807LL - 1}");
    return;
  }
  char b[JX_DIGITS_MAX + 5 + NUM_COPY];
  char *end = b + JX_DIGITS_MAX + 5, *p = end;
  if (v >= -2147483647 && v <= 2147483647) {
    *--p = '}';
  } else {
    p -= 3;
    memcpy(p, "LL}", 3);
  }
  uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
  uint64_t whole = u / 1000000;
  uint32_t frac = (uint32_t)(u % 1000000);
  if (whole == 0) {
    p = digits32(p, frac);
  } else if (frac == 0) { /* a whole number: two in three of the rest */
    p -= 6;
    memcpy(p, "000000", 6);
    p = digits(p, whole);
  } else {
    p -= 6;
    memcpy(p, jx_digit_pairs + 2 * (frac / 10000), 2);
    memcpy(p + 2, jx_digit_pairs + 2 * (frac / 100 % 100), 2);
    memcpy(p + 4, jx_digit_pairs + 2 * (frac % 100), 2);
    p = digits(p, whole);
  }
  if (v < 0)
    *--p = '-';
  *--p = '{';
  put_num(o, p, end);
}

void jx_c_ident(c_state *st, jx_out *o, c_id id, size_t idx) {
  if (st->prefix_n < C_PREFIX_PAD) {
    memcpy(o->buf + o->len, st->prefix_pad, C_PREFIX_PAD);
    o->len += st->prefix_n;
  } else {
    jx_out_write(o, st->prefix, st->prefix_n);
    c_room(o, C_SLACK);
  }
  jx_copy_short(o->buf + o->len, id.head, id.head_n);
  o->len += id.head_n;
  if (id.has_idx)
    jx_c_u64(o, idx);
  jx_copy_short(o->buf + o->len, id.tail, id.tail_n);
  o->len += id.tail_n;
}

void jx_c_ref(c_state *st, jx_out *o, c_id id, size_t idx, size_t n) {
  if (n == 0) {
    PUT(o, "NULL, 0");
    return;
  }
  jx_c_ident(st, o, id, idx);
  PUT(o, ", ");
  jx_c_u64(o, n);
}

void jx_c_stem(c_state *st, c_stem *stem, size_t idx) {
  stem->idx = idx;
  stem->n = 0;
  if (st->prefix_n + 2 + JX_DIGITS_MAX > C_STEM)
    return;
  char d[JX_DIGITS_MAX], *end = d + JX_DIGITS_MAX, *p = digits(end, idx);
  size_t k = (size_t)(end - p);
  if (st->prefix_n < C_PREFIX_PAD) { /* copies of constant size */
    _Static_assert(C_PREFIX_PAD + 2 + JX_DIGITS_MAX <= C_STEM, "a stem fits");
    memcpy(stem->s, st->prefix_pad, C_PREFIX_PAD);
    memcpy(stem->s + st->prefix_n, "_p", 2);
    jx_copy_short(stem->s + st->prefix_n + 2, p, k);
  } else {
    memcpy(stem->s, st->prefix, st->prefix_n);
    memcpy(stem->s + st->prefix_n, "_p", 2);
    memcpy(stem->s + st->prefix_n + 2, p, k);
  }
  stem->n = st->prefix_n + 2 + k;
}

void jx_c_ref_stem(c_state *st, jx_out *o, const c_stem *stem, c_id id,
                   size_t n) {
  if (n == 0) {
    PUT(o, "NULL, 0");
    return;
  }
  if (stem->n == 0) {
    jx_c_ref(st, o, id, stem->idx, n);
    return;
  }
  memcpy(o->buf + o->len, stem->s, C_STEM);
  o->len += stem->n;
  jx_copy_short(o->buf + o->len, id.tail, id.tail_n);
  o->len += id.tail_n;
  PUT(o, ", ");
  jx_c_u64(o, n);
}

void jx_c_flush_done(c_state *st) {
  jx_out *s = &st->scratch;
  size_t done = st->scratch_done;
  if (done == 0)
    return;
  jx_out_write(st->out, s->buf, done);
  memmove(s->buf, s->buf + done, s->len - done);
  s->len -= done;
  st->scratch_done = 0;
}

size_t jx_c_long_string(c_state *st, const char *s) {
  jx_c_flush_done(st);
  size_t id = st->n_long++;
  jx_out *o = st->out;
  LIT(o, "static const char ");
  c_room(o, C_SLACK);
  jx_c_ident(st, o, C_ID("_s", "[] = {"), id);
  for (size_t i = 0; s[i]; i++) {
    if (i % 16 == 0)
      LIT(o, "\n    ");
    jx_out_putc(o, '\'');
    jx_c_octal(o, (unsigned char)s[i]);
    LIT(o, "',");
  }
  LIT(o, "\n    0};\n");
  return id;
}

/* A long string's array, then its name in dst (with C_SLACK free). */
static void put_long_string(c_state *st, jx_out *dst, const char *s) {
  size_t id = jx_c_long_string(st, s);
  c_room(dst, C_SLACK);
  jx_c_ident(st, dst, C_ID("_s", ""), id);
}

/*
 * The literal of the string at s, written at b (room for LIT_ROOM bytes
 * made by the caller); returns its end, or NULL, having written nothing
 * that counts, when the string is longer than MAX_LITERAL.  So the caller
 * needs no strlen first: the bound is tested once a run (before a plain
 * run is copied) and once every two CJK characters, and at most
 * MAX_LITERAL + 6 bytes are escaped before it is seen.  No test for room
 * inside: a plain run is one short copy, a run of whole CJK characters twelve
 * bytes of escapes a character.
 */
enum { LIT_ROOM = 4 * (MAX_LITERAL + 6) + 2 };
static inline __attribute__((always_inline)) char *
str_literal(char *b, const unsigned char *s, const unsigned char *start) {
  const unsigned char *lim = start + MAX_LITERAL;
  *b++ = '"';
  for (;;) {
    const unsigned char *run = s;
    while (byte_class[*s] == PLAIN)
      s++;
    if (s > lim) /* more than MAX_LITERAL bytes before *s */
      return NULL;
    size_t n = (size_t)(s - run);
    jx_copy_short(b, (const char *)run, n);
    b += n;
    switch (byte_class[*s]) {
    case OCTAL:
      do {
        /* Whole CJK characters (s[1] is read only when s[0] is not the
           NUL, s[2] only when s[1] is not). */
        while (s < lim && s[0] >= 0x80 && s[1] >= 0x80 && s[2] >= 0x80) {
          memcpy(b, octal[s[0]], 4);
          memcpy(b + 4, octal[s[1]], 4);
          memcpy(b + 8, octal[s[2]], 4);
          b += 12;
          s += 3;
          /* two characters a test of the bound */
          if (!(s[0] >= 0x80 && s[1] >= 0x80 && s[2] >= 0x80))
            break;
          memcpy(b, octal[s[0]], 4);
          memcpy(b + 4, octal[s[1]], 4);
          memcpy(b + 8, octal[s[2]], 4);
          b += 12;
          s += 3;
        }
        if (byte_class[*s] != OCTAL)
          break;
        memcpy(b, octal[*s], 4);
        b += 4;
        s++;
      } while (byte_class[*s] == OCTAL && s <= lim);
      continue;
    case QUOTE:
      memcpy(b, "\\\"", 2);
      b += 2;
      break;
    case BACKSLASH:
      memcpy(b, "\\\\", 2);
      b += 2;
      break;
    case QUESTION:
      /* "??/" and friends are trigraphs in C and C++11 */
      if (s > start && s[-1] == '?') {
        memcpy(b, "\\?", 2);
        b += 2;
      } else {
        *b++ = '?';
      }
      break;
    case NEWLINE:
      memcpy(b, "\\n", 2);
      b += 2;
      break;
    case TAB:
      memcpy(b, "\\t", 2);
      b += 2;
      break;
    default: /* END */
      *b++ = '"';
      return b;
    }
    s++;
  }
}

/* The literal of str (n bytes, at most MAX_LITERAL), C_SLACK free after
   it; returns where in o->buf it starts. */
static inline __attribute__((always_inline)) size_t
put_literal(jx_out *o, const char *str, size_t n) {
  c_room(o, 4 * n + 2 + C_SLACK);
  const unsigned char *s = (const unsigned char *)str;
  size_t at = o->len;
  char *b = o->buf + at;
  o->len += (size_t)(str_literal(b, s, s) - b);
  return at;
}

void jx_c_literal(jx_out *o, const char *str, size_t n) {
  put_literal(o, str, n);
}

void jx_c_str_nonnull(c_state *st, jx_out *o, const char *str) {
  _Static_assert(LIT_ROOM + C_SLACK <= C_OUT_MIN, "c_room's limit");
  c_room(o, LIT_ROOM + C_SLACK);
  const unsigned char *s = (const unsigned char *)str;
  char *b = o->buf + o->len, *end = str_literal(b, s, s);
  if (end)
    o->len += (size_t)(end - b);
  else
    put_long_string(st, o, str);
}

/*
 * The miss of jx_c_str_memo: the literal written as jx_c_str writes it
 * and, for a short string, taken from the output into the slot (the
 * buffer neither flushes nor moves while a literal is written).
 */
void jx_c_str_memo_miss(c_state *st, jx_out *o, jx_memo_slot *e,
                        const char *str, size_t n) {
  if (n > MAX_LITERAL) {
    put_long_string(st, o, str);
    return;
  }
  size_t at = put_literal(o, str, n);
  jx_memo_keep(e, str, n, o->buf + at, o->len - at);
}

/*
 * The enumerators' names, padded so that each is written with one copy of
 * a constant size (an indicator has six of them, and strlen and memcpy
 * for each showed in the profile).
 */
typedef struct c_name {
  char s[32];
  size_t n;
} c_name;
#define CN(text)                                                               \
  { text, sizeof text - 1 }
static const c_name kind_names[] = {
    CN("JX_KIND_QUANTITATIVE"), CN("JX_KIND_QUALITATIVE"),
    CN("JX_KIND_NA"),           CN("JX_KIND_DATE"),
    CN("JX_KIND_EMPTY"),        CN("JX_KIND_DATE_RANGE")};
static const c_name continuity_names[] = {CN("JX_CONTINUITY_UNKNOWN"),
                                          CN("JX_CONTINUITY_NEW"),
                                          CN("JX_CONTINUITY_CONTINUING")};
static const c_name op_names[] = {CN("JX_OP_EQ"), CN("JX_OP_GE"),
                                  CN("JX_OP_LE"), CN("JX_OP_GT"),
                                  CN("JX_OP_LT")};
static const c_name dim_names[] = {
    CN("JX_DIM_NONE"),     CN("JX_DIM_MONEY"), CN("JX_DIM_PERCENT"),
    CN("JX_DIM_COUNT"),    CN("JX_DIM_AREA"),  CN("JX_DIM_LENGTH"),
    CN("JX_DIM_MASS"),     CN("JX_DIM_TIME"),  CN("JX_DIM_OTHER"),
    CN("JX_DIM_MONEY_PER")};
static const c_name role_names[] = {
    CN("JX_ROLE_NONE"),         CN("JX_ROLE_OUTPUT"),    CN("JX_ROLE_BENEFIT"),
    CN("JX_ROLE_SATISFACTION"), CN("JX_ROLE_COST"),      CN("JX_ROLE_QUANTITY"),
    CN("JX_ROLE_QUALITY"),      CN("JX_ROLE_TIMELINESS")};
#define DIM_ROW(name) CN(", " name ",\n     ")
static const c_name dim_rows[] = {
    DIM_ROW("JX_DIM_NONE"),    DIM_ROW("JX_DIM_MONEY"),
    DIM_ROW("JX_DIM_PERCENT"), DIM_ROW("JX_DIM_COUNT"),
    DIM_ROW("JX_DIM_AREA"),    DIM_ROW("JX_DIM_LENGTH"),
    DIM_ROW("JX_DIM_MASS"),    DIM_ROW("JX_DIM_TIME"),
    DIM_ROW("JX_DIM_OTHER"),   DIM_ROW("JX_DIM_MONEY_PER")};
#undef DIM_ROW
#undef CN

static const c_name *kind_of(jx_kind k) {
  return &kind_names[(unsigned)k < 6 ? k : JX_KIND_NA];
}
static const c_name *continuity_of(jx_continuity c) {
  return &continuity_names[(unsigned)c < 3 ? c : 0];
}
static const c_name *op_of(jx_op op) {
  return &op_names[(unsigned)op < 5 ? op : 0];
}
static const c_name *dim_of(jx_dimension d) {
  return &dim_names[(unsigned)d < 10 ? d : JX_DIM_OTHER];
}
static const c_name *role_of(jx_role r) {
  return &role_names[(unsigned)r < 8 ? r : 0];
}

static void put_name(jx_out *o, const c_name *c) {
  _Static_assert(sizeof c->s <= C_PIECE, "a name is a piece");
  memcpy(o->buf + o->len, c->s, sizeof c->s);
  o->len += c->n;
}

void jx_c_put_kind(jx_out *o, jx_kind k) {
  put_name(o, kind_of(k));
}
void jx_c_put_continuity(jx_out *o, jx_continuity c) {
  put_name(o, continuity_of(c));
}
void jx_c_put_op(jx_out *o, jx_op op) {
  put_name(o, op_of(op));
}
void jx_c_put_dim(jx_out *o, jx_dimension d) {
  put_name(o, dim_of(d));
}
void jx_c_put_dim_row(jx_out *o, jx_dimension d) {
  _Static_assert(sizeof dim_rows / sizeof *dim_rows ==
                     sizeof dim_names / sizeof *dim_names,
                 "a row's text for every dimension");
  put_name(o, &dim_rows[(unsigned)d < 10 ? d : JX_DIM_OTHER]);
}
void jx_c_put_role(jx_out *o, jx_role r) {
  put_name(o, role_of(r));
}

/* One pair: a's name, between, b's name, after. */
static void make_pair(c_pair *p, const c_name *a, const char *between,
                      const c_name *b, const char *after) {
  size_t nb = strlen(between), na = strlen(after);
  memset(p->s, 0, sizeof p->s);
  memcpy(p->s, a->s, a->n);
  memcpy(p->s + a->n, between, nb);
  memcpy(p->s + a->n + nb, b->s, b->n);
  memcpy(p->s + a->n + nb + b->n, after, na);
  p->n = a->n + nb + b->n + na;
}

void jx_c_pairs_init(c_state *st) {
  /* the longest names: JX_KIND_QUANTITATIVE, JX_OP_EQ, the roles' */
  _Static_assert(2 * (sizeof "JX_ROLE_SATISFACTION" - 1) + sizeof ", ,\n     " -
                         1 <=
                     sizeof(((c_pair *)0)->s),
                 "a pair's text fits");
  for (unsigned k = 0; k < 6; k++)
    for (unsigned op = 0; op < 5; op++)
      make_pair(&st->kind_op[k][op], &kind_names[k], ", ", &op_names[op], ", ");
  for (unsigned a = 0; a < 8; a++)
    for (unsigned b = 0; b < 8; b++)
      make_pair(&st->roles[a][b], &role_names[a], ", ", &role_names[b],
                ",\n     ");
}
