/*
 * csv_row.h — the indicators row of the CSV back end when the category
 * block memo is on (emit_csv.c, the only file that includes it): room
 * tested once per text cell, the fixed pieces (kind and op, roles, a
 * table unit, the empty tail) made once per writer.  Kept apart from
 * emit_csv.c only to keep each file short; byte for byte the output of
 * emit_csv.c's indicator_row.
 */
#ifndef JX_CSV_ROW_H
#define JX_CSV_ROW_H

#include "csv_put.h"
#include "decimal_text.h"
#include "units.h"

#include <stdint.h>
#include <string.h>

/* ---- The indicator row's fast path -------------------------------------
 *
 * An indicators table is nine rows in ten of a build, and most of a row is
 * fixed pieces (separators, the kind and op words, the roles, a run of
 * empty cells at the end).  Room is tested once per text cell, not once
 * per piece: the row starts with ROW_SLACK bytes free, every text cell
 * leaves them free again, and the pieces between two cells (at most the
 * category block, JX_BLOCK_OUT, and a few dozen bytes) are written
 * without a test.  Anything unusual (a period target, a date, an enum out
 * of its table, a cell to quote) goes through csv_put.h's checked writers
 * and then restores the room.  Used when the category block memo is on
 * (framework_texts_stable); the output is the same byte for byte.
 */
enum { ROW_SLACK = 1024, PREFIX_MOVE = 256 };
_Static_assert(ROW_SLACK >= JX_BLOCK_OUT + 256, "ROW_SLACK under a block");
_Static_assert(ROW_SLACK >= PREFIX_MOVE, "ROW_SLACK under a prefix's move");

static inline __attribute__((always_inline)) void keep_room(jx_out *o) {
  jx_out_reserve(o, ROW_SLACK);
}

#define RAW(o, s) jx_out_put_reserved((o), (s), sizeof(s) - 1)

/* n bytes of s (all readable) with at most two overlapping moves of a
 * constant size up to 64 bytes, memcpy past that: a name of six CJK
 * characters is 18 bytes, past jx_copy_short's moves. */
static inline __attribute__((always_inline)) void
copy_cell(char *d, const char *s, size_t n) {
  if (n <= 16) {
    jx_copy_short(d, s, n);
  } else if (n <= 32) {
    memcpy(d, s, 16);
    memcpy(d + n - 16, s + n - 16, 16);
  } else if (n <= 64) {
    memcpy(d, s, 32);
    memcpy(d + n - 32, s + n - 32, 32);
  } else {
    memcpy(d, s, n);
  }
}

/* n bytes of s, which is readable for `max` bytes (a buffer of the
 * writer's own), in one move of 64, 128 or `max` bytes when n fits:
 * the category block and the row's prefix. */
static inline __attribute__((always_inline)) void
put_block(jx_out *o, const char *s, size_t n, size_t max) {
  char *d = o->buf + o->len;
  if (n <= 64)
    memcpy(d, s, 64);
  else if (n <= 128)
    memcpy(d, s, 128);
  else
    memcpy(d, s, max);
  o->len += n;
}

/* A non-empty text cell (its comma written), leaving ROW_SLACK free. */
static __attribute__((noinline)) void cell_keep_nonempty(jx_out *o,
                                                         const char *str) {
  size_t n = plain_cell(str);
  if (n != SIZE_MAX && n + ROW_SLACK <= o->cap - o->len) {
    copy_cell(o->buf + o->len, str, n);
    o->len += n;
    return;
  }
  put_cell(o, str);
  keep_room(o);
}

/* ',' and a text cell; NULL is an empty cell. */
static inline __attribute__((always_inline)) void cell_keep(jx_out *o,
                                                            const char *s) {
  o->buf[o->len++] = ',';
  if (s && *s)
    cell_keep_nonempty(o, s);
}

/* A fixed piece of a row, made once per writer. */
typedef struct csv_piece {
  char s[32];
  size_t n; /* 0: not made, go the long way */
} csv_piece;

/* The unit table's normalised names as ",<unit>", by their addresses
 * (lowering gives an indicator the table's own `norm` for every unit the
 * table knows; an address of static storage is no other text's, so a hit
 * looks at no byte).  key NULL: empty. */
enum { UNIT_SLOTS = 512 };
typedef struct csv_unit {
  const char *key;
  csv_piece p;
} csv_unit;

static inline size_t unit_slot(const char *s) {
  return (size_t)(((uint64_t)(uintptr_t)s * 0x9E3779B97F4A7C15u) >> 55);
}
_Static_assert(UNIT_SLOTS == 512, "the slot is the hash's top 9 bits");

/* Numbers are made at the end of a local buffer and copied with one move
 * of NUM_COPY bytes (the longest: a comma, a sign, 20 digits, a point
 * and six places), of which only the number is kept. */
enum { NUM_COPY = 32 };

enum { N_KINDS = 6, N_OPS = 5, N_ROLES = 8 };
typedef struct csv_pieces {
  csv_piece kind_op[N_KINDS][N_OPS]; /* ",kind,op" */
  csv_piece roles[N_ROLES][N_ROLES]; /* ",role1,role2" */
  csv_unit unit[UNIT_SLOTS];
  /* The last line number written and its text (",123"; line_n 0: none
   * yet): an indicator is mostly a line or two after the one before. */
  int line;
  size_t line_n;
  char line_text[NUM_COPY];
} csv_pieces;

/* What the checked writers make of the cells after a first one, as a
 * piece (not made when it does not fit). */
static void piece_of(csv_piece *pc, const jx_out *m) {
  if (m->len <= sizeof pc->s) {
    memcpy(pc->s, m->buf, m->len);
    pc->n = m->len;
  }
}

static void pieces_init(csv_pieces *t) {
  jx_memo memo;
  memset(&memo, 0, sizeof memo);
  for (int k = 0; k < N_KINDS; k++)
    for (int op = 0; op < N_OPS; op++) {
      jx_out m;
      int col = 1;
      jx_out_init_mem(&m);
      put_text_memo(&m, &col, &memo, jx_kind_text((jx_kind)k));
      put_op(&m, &col, (jx_op)op);
      piece_of(&t->kind_op[k][op], &m);
      jx_out_free(&m);
    }
  for (int a = 0; a < N_ROLES; a++)
    for (int b = 0; b < N_ROLES; b++) {
      jx_out m;
      int col = 1;
      jx_out_init_mem(&m);
      put_text_memo(&m, &col, &memo, jx_role_text((jx_role)a));
      put_text_memo(&m, &col, &memo, jx_role_text((jx_role)b));
      piece_of(&t->roles[a][b], &m);
      jx_out_free(&m);
    }
  for (int w = 0; w < 2; w++) {
    size_t n;
    const jx_unit_info *u = w ? jx_unit_wan_table(&n) : jx_unit_table(&n);
    for (size_t i = 0; i < n; i++) {
      const char *s = u[i].norm;
      csv_unit *e = s ? &t->unit[unit_slot(s)] : NULL;
      if (!e || e->key || !*s || plain_cell(s) == SIZE_MAX)
        continue;
      jx_out m;
      int col = 1;
      jx_out_init_mem(&m);
      put_text(&m, &col, s);
      piece_of(&e->p, &m);
      if (e->p.n)
        e->key = s;
      jx_out_free(&m);
    }
  }
}

/* The digits of a line number (a number this back end formats: never
 * quoted), after its comma.  A line a few after the last one written
 * whose last digit is all that changes is the last one's text with that
 * digit moved on (the digits' loop costs a division a pair). */
static inline __attribute__((always_inline)) void
put_line(jx_out *o, csv_pieces *t, int line) {
  if (t->line_n && line >= t->line &&
      line - t->line <= '9' - t->line_text[t->line_n - 1]) {
    t->line_text[t->line_n - 1] += (char)(line - t->line);
    t->line = line;
    memcpy(o->buf + o->len, t->line_text, NUM_COPY);
    o->len += t->line_n;
    return;
  }
  char b[JX_DIGITS_MAX + 2 + NUM_COPY];
  char *end = b + JX_DIGITS_MAX + 2, *p;
  unsigned long long u =
      line < 0 ? 0ULL - (unsigned long long)line : (unsigned long long)line;
  p = jx_digits(end, u);
  if (line < 0)
    *--p = '-';
  *--p = ',';
  memcpy(o->buf + o->len, p, NUM_COPY); /* one move; the digits are kept */
  o->len += (size_t)(end - p);
  if (line >= 0) { /* kept for the next: ",", at most 10 digits */
    memcpy(t->line_text, p, NUM_COPY);
    t->line_n = (size_t)(end - p);
    t->line = line;
  }
}

/* An amount's text, after its comma (decimal_text.h). */
static inline __attribute__((always_inline)) void
put_decimal_inline(jx_out *o, jx_decimal d) {
  char b[JX_DIGITS_MAX + JX_DECIMAL_PLACES + 4 + NUM_COPY], *end;
  char *p = jx_decimal_back(b + JX_DIGITS_MAX + JX_DECIMAL_PLACES + 4, d, &end);
  *--p = ',';
  memcpy(o->buf + o->len, p, NUM_COPY);
  o->len += (size_t)(end - p);
}

/* indicator_row with the category block memo (cats not NULL) and the
 * pieces; prefix is the row's first six cells (scope, owner, division). */
static void indicator_row_fast(jx_out *o, jx_memo *m, jx_blocks *cats,
                               csv_pieces *t, const jx_out *prefix,
                               const jx_indicator *x) {
  keep_room(o);
  if (prefix->len <= PREFIX_MOVE && ROW_SLACK <= o->cap - o->len) {
    put_block(o, prefix->buf, prefix->len, PREFIX_MOVE);
  } else if (prefix->len + ROW_SLACK <= o->cap - o->len) {
    jx_out_put_reserved(o, prefix->buf, prefix->len);
  } else {
    jx_out_write(o, prefix->buf, prefix->len);
    keep_room(o);
  }
  const jx_block_slot *e = jx_block_find(cats, x->level1, x->level1_label,
                                         x->level2, x->level2_label, 0);
  if (e) {
    put_block(o, e->out, e->n, JX_BLOCK_OUT);
  } else {
    int col = 1;
    category_cells(o, &col, m, cats, x);
    keep_room(o);
  }
  cell_keep(o, x->name);
  cell_keep(o, x->description);
  const csv_piece *ko = (unsigned)x->kind < N_KINDS && (unsigned)x->op < N_OPS
                            ? &t->kind_op[x->kind][x->op]
                            : NULL;
  if (ko && ko->n) {
    memcpy(o->buf + o->len, ko->s, sizeof ko->s);
    o->len += ko->n;
  } else {
    int col = 1;
    put_text_memo(o, &col, m, jx_kind_text(x->kind));
    put_op(o, &col, x->op);
    keep_room(o);
  }
  if (x->kind == JX_KIND_QUANTITATIVE) {
    put_decimal_inline(o, x->value);
  } else {
    int col = 1;
    put_value(o, &col, x->kind, x->value, x->text);
    keep_room(o);
  }
  const csv_unit *u = x->unit ? &t->unit[unit_slot(x->unit)] : NULL;
  if (u && u->key == x->unit) {
    memcpy(o->buf + o->len, u->p.s, sizeof u->p.s);
    o->len += u->p.n;
  } else {
    cell_keep(o, x->unit);
  }
  cell_keep(o, x->text);
  cell_keep(o, x->basis);
  put_line(o, t, x->line);
  const csv_piece *r =
      (unsigned)x->level1_role < N_ROLES && (unsigned)x->level2_role < N_ROLES
          ? &t->roles[x->level1_role][x->level2_role]
          : NULL;
  if (r && r->n) {
    memcpy(o->buf + o->len, r->s, sizeof r->s);
    o->len += r->n;
  } else {
    int col = 1;
    put_text_memo(o, &col, m, jx_role_text(x->level1_role));
    put_text_memo(o, &col, m, jx_role_text(x->level2_role));
    keep_room(o);
  }
  if (!x->period_target && x->kind != JX_KIND_DATE_RANGE &&
      !((uintptr_t)x->standard | (uintptr_t)x->explanation |
        (uintptr_t)x->value_note | (uintptr_t)x->remark |
        (uintptr_t)x->scoring | (uintptr_t)x->per_unit)) {
    /* the period's four cells, standard to scoring, value_end, per_unit */
    RAW(o, ",,,,,,,,,,,\r\n");
    return;
  }
  const jx_target *pt = x->period_target;
  if (pt) {
    int col = 1;
    put_op(o, &col, pt->op);
    put_value(o, &col, pt->kind, pt->value, pt->text);
    put_text(o, &col, pt->unit);
    put_text(o, &col, pt->text);
    keep_room(o);
  } else {
    RAW(o, ",,,,");
  }
  cell_keep(o, x->standard);
  cell_keep(o, x->explanation);
  cell_keep(o, x->value_note);
  cell_keep(o, x->remark);
  cell_keep(o, x->scoring);
  if (x->kind == JX_KIND_DATE_RANGE) {
    int col = 1;
    put_date(o, &col, x->value_end);
    keep_room(o);
  } else {
    RAW(o, ",");
  }
  cell_keep(o, x->per_unit);
  RAW(o, "\r\n");
}

#endif
