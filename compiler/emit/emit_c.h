/*
 * emit_c.h — what the C back end's files share (not a public interface):
 * the back end's state, and the writers of C literals (emit_c_lit.c) that
 * the arrays and initialisers (emit_c.c) are made of.  The prefix rules
 * are in emit_c_prefix.c, declared in backend.h.
 */
#ifndef JX_EMIT_C_H
#define JX_EMIT_C_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "jixiao.h"
#include "out.h"

#define LIT(o, s) jx_out_write((o), (s), sizeof(s) - 1)

typedef struct c_state {
  jx_out *out;
  const char *prefix;
  const char *input_name;
  jx_out scratch;   /* one group of arrays, written out when complete */
  jx_out projects;  /* initialisers of the open unit's projects (a spool) */
  jx_out units;     /* initialisers of the closed units (a spool) */
  jx_out plan_head; /* year, framework, currency from begin() */
  bool in_unit, have_dept;
  size_t n_units, n_projects, n_unit_projects, n_indicators, n_long;
  size_t n_targets; /* arrays of period targets written so far */
  const char *form; /* the plan's form: a static table's name */
  /* The literals of the texts that repeat (out.h): a CJK label is all
   * octal escapes, four bytes out for each in, so a hit saves most of
   * its cost. */
  jx_memo memo;
} c_state;

/* \ooo of byte c. */
void jx_c_octal(jx_out *o, unsigned char c);
/* Numbers in decimal. */
void jx_c_u64(jx_out *o, uint64_t u);
void jx_c_i64(jx_out *o, int64_t v);
/* A jx_decimal initialiser: {micros}. */
void jx_c_decimal(jx_out *o, jx_decimal d);
/* The prefix, then fmt with its one "%zu" (if any) replaced by idx: one
 * identifier (and what follows it). */
void jx_c_ident(c_state *st, jx_out *o, const char *fmt, size_t idx);
/* A pointer to an array and its count: "NAME, n" or "NULL, 0". */
void jx_c_ref(c_state *st, jx_out *o, const char *fmt, size_t idx, size_t n);
/* A string literal, NULL, or the name of a long string's array (which is
 * written to st->out first).  The NULL test inline: most of an
 * indicator's strings are absent, and the literal's writer is costly to
 * enter. */
void jx_c_str_nonnull(c_state *st, jx_out *o, const char *str);
static inline void jx_c_str(c_state *st, jx_out *o, const char *str) {
  if (str)
    jx_c_str_nonnull(st, o, str);
  else
    jx_out_write(o, "NULL", 4);
}

/* The miss of jx_c_str_memo (n: strlen(str)). */
void jx_c_str_memo_miss(c_state *st, jx_out *o, jx_memo_slot *e,
                        const char *str, size_t n);
/* jx_c_str through st->memo, for the texts that repeat.  The strlen
 * that a literal needs anyway gives the length; inline, so that a hit
 * costs no call. */
static inline void jx_c_str_memo(c_state *st, jx_out *o, const char *str) {
  if (!str) {
    jx_out_write(o, "NULL", 4);
    return;
  }
  size_t n = strlen(str);
  jx_memo_slot *e = jx_memo_slot_of(&st->memo, str);
  if (jx_memo_put(o, e, str, n, JX_MEMO_OUT))
    return;
  jx_c_str_memo_miss(st, o, e, str, n);
}

/* The enumerators' names in jixiao.h, written to o, each with one
 * constant-size copy. */
void jx_c_put_kind(jx_out *o, jx_kind k);
void jx_c_put_continuity(jx_out *o, jx_continuity c);
void jx_c_put_op(jx_out *o, jx_op op);
void jx_c_put_dim(jx_out *o, jx_dimension d);
void jx_c_put_role(jx_out *o, jx_role r);

#endif
