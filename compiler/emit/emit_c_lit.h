/*
 * emit_c_lit.h — the C back end's literals (emit_c_lit.c) and the state
 * its three files write with (not a public interface): the arrays and
 * initialisers (emit_c.c) and the project records (emit_c_proj.c) are
 * made of these pieces.  The prefix rules are in emit_c_prefix.c,
 * declared in backend.h.
 */
#ifndef JX_EMIT_C_LIT_H
#define JX_EMIT_C_LIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "jixiao.h"
#include "out.h"

#define LIT(o, s) jx_out_write((o), (s), sizeof(s) - 1)

/*
 * Room.  The arrays' rows and the initialisers are hundreds of short
 * pieces (a comma, "NULL", an enumerator, a number), and a test for room
 * before each was a fifth of the back end.  So a row writer makes C_SLACK
 * bytes of room once (c_room) and writes its fixed pieces without a test
 * (PUT, numbers, enumerators, identifiers: each at most C_PIECE bytes,
 * copies of a constant size included); every writer that may flush or
 * grow the buffer — a string literal, a long string, a checked write —
 * leaves C_SLACK bytes free again after itself.  A row's fixed text is
 * well under C_SLACK / 2 (test_emit_c's test_room writes the largest with
 * the longest prefix).  Every jx_out written this way has a buffer of at
 * least 64 KiB (c_create reserves it), so jx_out_reserve can always make
 * C_SLACK plus a literal's longest text.
 */
enum { C_SLACK = 2048, C_PIECE = 64, C_OUT_MIN = 65536 };
static inline void c_room(jx_out *o, size_t n) {
  if (o->cap - o->len < n)
    jx_out_reserve_slow(o, n);
}
/* A constant piece, without a test for room (see above). */
#define PUT(o, s) jx_out_put_reserved((o), (s), sizeof(s) - 1)

/*
 * An identifier: the prefix, head, an index (when has_idx), tail —
 * C_ID("_p", "_schedule") is PREFIX_p3_schedule for index 3,
 * C_NAME("_units") is PREFIX_units.  Split when written rather than
 * found by a scan of a format at every use.
 */
typedef struct c_id {
  const char *head, *tail;
  unsigned char head_n, tail_n;
  bool has_idx;
} c_id;
#define C_ID(head, tail)                                                       \
  ((c_id){(head), (tail), sizeof(head) - 1, sizeof(tail) - 1, true})
#define C_NAME(name) ((c_id){(name), "", sizeof(name) - 1, 0, false})

enum { C_PREFIX_PAD = 48 };
/* A decimal's initialiser ("{92400000}") by its value: a plan's values
 * repeat (100 %, a project's budget again as its fiscal part and total). */
enum { C_DEC_SLOTS = 256, C_DEC_OUT = 32 };
typedef struct c_dec {
  int64_t micros;
  size_t n; /* 0: empty */
  char out[C_DEC_OUT];
} c_dec;

/* Two enumerators and what follows them in an indicator's row, made
 * once (jx_c_pairs_init): "KIND, OP, " by kind and op, and "ROLE1,
 * ROLE2,\n     " by the two roles.  Out of range is written as
 * jx_c_put_kind and friends write it. */
typedef struct c_pair {
  char s[56];
  size_t n;
} c_pair;
/* A schedule point's row ("    {6, {50000000}},\n") by its values. */
enum { C_POINT_SLOTS = 64, C_POINT_OUT = 64 };
typedef struct c_point {
  int64_t micros;
  int month;
  size_t n; /* 0: empty */
  char out[C_POINT_OUT];
} c_point;
typedef struct c_state {
  jx_out *out;
  const char *prefix;
  size_t prefix_n;
  /* the prefix padded, to be copied in one piece of constant size (when
   * prefix_n < C_PREFIX_PAD) */
  char prefix_pad[C_PREFIX_PAD];
  const char *input_name;
  jx_out scratch;      /* a project's arrays, written out when complete */
  size_t scratch_done; /* the bytes of scratch that are whole arrays */
  jx_out projects;     /* initialisers of the open unit's projects (a spool) */
  jx_out units;        /* initialisers of the closed units (a spool) */
  jx_out plan_head;    /* year, framework, currency from begin() */
  bool in_unit, have_dept;
  size_t n_units, n_projects, n_unit_projects, n_indicators, n_long;
  size_t n_targets; /* arrays of period targets written so far */
  const char *form; /* the plan's form: a static table's name */
  /* The literals of the texts that repeat (out.h): a CJK label is all
   * octal escapes, four bytes out for each in, so a hit saves most of
   * its cost. */
  jx_memo memo;
  /* An indicator's four category literals, and a source's kind and
   * label, as one block each, keyed by the texts' addresses: only when the
   * build says they are keys (backend.h, framework_texts_stable); else
   * NULL. */
  jx_blocks *cats;
  c_point points[C_POINT_SLOTS];
  c_dec decs[C_DEC_SLOTS];
  c_pair kind_op[6][5];
  c_pair roles[8][8];
  /* the last indicator's line and its digits: most indicators of a plan
     in the card's style share a line with the one before */
  int line_last;
  size_t line_n; /* 0: none yet */
  char line_text[32];
} c_state;

/* C99 5.2.4.1: 4095 characters in a string literal; keep clear of it. */
#define MAX_LITERAL 4000

/* \ooo of byte c (checked). */
void jx_c_octal(jx_out *o, unsigned char c);
/* Numbers in decimal (unchecked: C_PIECE). */
void jx_c_u64(jx_out *o, uint64_t u);
void jx_c_i64(jx_out *o, int64_t v);
/* A jx_decimal initialiser: {micros} (unchecked: C_PIECE). */
void jx_c_decimal(jx_out *o, jx_decimal d);
/* jx_c_decimal through st->decs (unchecked: C_PIECE). */
static inline void jx_c_decimal_memo(c_state *st, jx_out *o, jx_decimal d) {
  if (d.micros == 0) {
    PUT(o, "{0}");
    return;
  }
  c_dec *e = &st->decs[((uint64_t)d.micros * 0x9E3779B97F4A7C15ULL) >> 56];
  _Static_assert(C_DEC_SLOTS == 256, "the slot is the hash's top byte");
  _Static_assert((int)C_DEC_OUT <= (int)C_PIECE, "a decimal is a piece");
  if (e->micros == d.micros && e->n) {
    memcpy(o->buf + o->len, e->out, C_DEC_OUT);
    o->len += e->n;
    return;
  }
  size_t at = o->len;
  jx_c_decimal(o, d);
  e->micros = d.micros;
  e->n = o->len - at;
  jx_copy_short(e->out, o->buf + at, e->n);
}

/* The identifier id with index idx (unchecked: C_PIECE + the prefix when
 * it is shorter than C_PREFIX_PAD; a longer one is a checked write, and
 * C_SLACK is made again after it). */
void jx_c_ident(c_state *st, jx_out *o, c_id id, size_t idx);
/* A pointer to an array and its count: "NAME, n" or "NULL, 0" (as
 * jx_c_ident). */
void jx_c_ref(c_state *st, jx_out *o, c_id id, size_t idx, size_t n);
/*
 * The stem of a project's identifiers, "PREFIX_p3", made once for the
 * seven references of its initialiser (each of which otherwise wrote the
 * prefix and the number again).  n == 0: the prefix is too long for the
 * stem; jx_c_ref_stem then goes through jx_c_ref.
 */
enum { C_STEM = 80 };
typedef struct c_stem {
  char s[C_STEM];
  size_t n, idx;
} c_stem;
void jx_c_stem(c_state *st, c_stem *stem, size_t idx);
/* jx_c_ref(st, o, C_ID("_p", tail), stem's idx, n) (unchecked: C_PIECE +
 * C_STEM). */
void jx_c_ref_stem(c_state *st, jx_out *o, const c_stem *stem, c_id id,
                   size_t n);

/* A string literal, NULL, or the name of a long string's array (which is
 * written to st->out first).  The NULL test inline: most of an
 * indicator's strings are absent, and the literal's writer is costly to
 * enter.  NULL is a piece (unchecked); a literal leaves C_SLACK free. */
void jx_c_str_nonnull(c_state *st, jx_out *o, const char *str);
static inline void jx_c_str(c_state *st, jx_out *o, const char *str) {
  if (str)
    jx_c_str_nonnull(st, o, str);
  else
    PUT(o, "NULL");
}

/* The literal of str (n == strlen(str) <= MAX_LITERAL), C_SLACK free
 * after it. */
void jx_c_literal(jx_out *o, const char *str, size_t n);
/* Writes the whole arrays that scratch holds to the output and keeps the
 * rest (an array being written), so that a long string's array can go to
 * the output before it. */
void jx_c_flush_done(c_state *st);
/* The char array of a string longer than MAX_LITERAL, written to st->out
 * (checked), after the whole arrays in scratch; returns its number, for
 * C_ID("_s", ""). */
size_t jx_c_long_string(c_state *st, const char *s);

/* A project's initialiser, kept in o (a spool) as a compact record until
 * its unit closes (emit_c_proj.c); idx is its number. */
void jx_c_project_keep(c_state *st, jx_out *o, const jx_project *p, size_t idx);
/* The initialisers of the records that src holds, written to o in order;
 * src is emptied (a failure to read it back fails o). */
void jx_c_projects_put(c_state *st, jx_out *o, jx_out *src);

/* The miss of jx_c_str_memo (n: strlen(str)). */
void jx_c_str_memo_miss(c_state *st, jx_out *o, jx_memo_slot *e,
                        const char *str, size_t n);
/* jx_c_str through st->memo, for the texts that repeat.  The strlen
 * that a literal needs anyway gives the length; inline, so that a hit
 * costs no call. */
static inline void jx_c_str_memo(c_state *st, jx_out *o, const char *str) {
  if (!str) {
    PUT(o, "NULL");
    return;
  }
  size_t n = strlen(str);
  jx_memo_slot *e = jx_memo_slot_of(&st->memo, str);
  /* a hit leaves C_SLACK free, as a literal does */
  if (jx_memo_put(o, e, str, n, JX_MEMO_OUT + C_SLACK))
    return;
  jx_c_str_memo_miss(st, o, e, str, n);
}

/* Fills st->kind_op and st->roles. */
void jx_c_pairs_init(c_state *st);
/* kind, op: st->kind_op's piece (unchecked: C_PIECE). */
static inline void jx_c_put_kind_op(c_state *st, jx_out *o, jx_kind k,
                                    jx_op op) {
  const c_pair *p =
      &st->kind_op[(unsigned)k < 6 ? k : JX_KIND_NA][(unsigned)op < 5 ? op : 0];
  _Static_assert(sizeof p->s <= C_PIECE, "a pair is a piece");
  memcpy(o->buf + o->len, p->s, sizeof p->s);
  o->len += p->n;
}
/* the two roles: st->roles's piece (unchecked: C_PIECE). */
static inline void jx_c_put_roles(c_state *st, jx_out *o, jx_role a,
                                  jx_role b) {
  const c_pair *p =
      &st->roles[(unsigned)a < 8 ? a : 0][(unsigned)b < 8 ? b : 0];
  memcpy(o->buf + o->len, p->s, sizeof p->s);
  o->len += p->n;
}

/* The enumerators' names in jixiao.h, written to o, each with one
 * constant-size copy (unchecked: C_PIECE). */
void jx_c_put_kind(jx_out *o, jx_kind k);
void jx_c_put_continuity(jx_out *o, jx_continuity c);
void jx_c_put_op(jx_out *o, jx_op op);
void jx_c_put_dim(jx_out *o, jx_dimension d);
/* ", " DIM ",\n     ", as an indicator's row has it. */
void jx_c_put_dim_row(jx_out *o, jx_dimension d);
void jx_c_put_role(jx_out *o, jx_role r);

#endif
