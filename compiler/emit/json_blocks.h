/*
 * json_blocks.h — the JSON writer's pieces written out of one copy
 * (emit_json.c, the only file that includes it, after json_put.h): an
 * indicator's category and a source's kind and label from the block
 * memo (out.h's jx_blocks), schedule points from a memo of their values,
 * and the runs of null members most plans leave, as literals.  Kept
 * apart from the model writers only to keep each file short.
 */
#ifndef JX_JSON_BLOCKS_H
#define JX_JSON_BLOCKS_H

#include "emit_json.h"
#include "json_put.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Depths in the document: the root object's members at 1, a unit (an
   element of "units") at 2, its members at 3, a project at 4. */
enum { UNIT_DEPTH = 2, PROJECT_DEPTH = 4, DEPARTMENT_DEPTH = 1 };

/* A schedule, as PUT_OBJECTS writes it with schedule_members, each point
 * out of w->points when it holds the point for this layout. */
static inline __attribute__((always_inline)) void
put_schedule(jx_jw *w, bool compact, int depth, const jx_schedule_point *v,
             size_t n) {
  jx_out *o = w->o;
  int layout = compact ? -1 : depth;
  room(o);
  put_c(o, '[');
  for (size_t i = 0; i < n; i++) {
    room(o);
    sep_at(o, compact, depth + 1, i == 0);
    uint64_t h = ((uint64_t)v[i].percent.micros + (uint64_t)v[i].month) *
                 0x9E3779B97F4A7C15ULL;
    jx_jw_point *e = &w->points->slot[(h >> 40) & (JX_JW_POINT_SLOTS - 1)];
    if (e->micros == v[i].percent.micros && e->month == v[i].month &&
        e->layout == layout && e->n) {
      /* of a constant size that holds it: 32 bytes compact, 80 indented
       * as in a project, else the whole slot */
      _Static_assert(JX_JW_POINT_OUT >= 80, "a point's slot under 80 bytes");
      if (e->n <= 32)
        memcpy(o->buf + o->len, e->out, 32);
      else if (e->n <= 80)
        memcpy(o->buf + o->len, e->out, 80);
      else
        memcpy(o->buf + o->len, e->out, JX_JW_POINT_OUT);
      o->len += e->n;
      continue;
    }
    size_t at = o->len;
    put_c(o, '{');
    KEY_C(o, compact, depth + 2, 1, "month");
    put_int(o, v[i].month);
    KEY_C(o, compact, depth + 2, 0, "percent");
    put_decimal(o, v[i].percent);
    close_c(o, compact, depth + 1, 1, '}');
    if (o->len - at <= JX_JW_POINT_OUT) {
      e->micros = v[i].percent.micros;
      e->month = v[i].month;
      e->layout = layout;
      e->n = o->len - at;
      memcpy(e->out, o->buf + at, e->n);
    }
  }
  close_c(o, compact, depth, n, ']');
}

/* A line number (an indicator's or a project's), out of the last one's
 * digits (w->line_text, line_n of them, for w->line): most indicators
 * are on the line of the one before them, and most of the rest a few
 * lines on, which changes only the last digit (a project's own line,
 * written after its indicators, a few lines back).  Anything else is
 * written by put_int and becomes the last. */
static inline __attribute__((always_inline)) void put_line(jx_jw *w, jx_out *o,
                                                           int line) {
  if (line == w->line && w->line_n) { /* most */
    memcpy(o->buf + o->len, w->line_text, sizeof w->line_text);
    o->len += w->line_n;
    return;
  }
  if (w->line_n && line >= 0 && w->line >= 0) {
    int last = w->line_text[w->line_n - 1] - '0' + (line - w->line);
    if (line - w->line < 10 && line - w->line > -10 && last >= 0 && last <= 9) {
      w->line_text[w->line_n - 1] = (char)('0' + last);
      w->line = line;
      /* of constant size: the room made holds it (bytes past n unused) */
      memcpy(o->buf + o->len, w->line_text, sizeof w->line_text);
      o->len += w->line_n;
      return;
    }
  }
  size_t at = o->len;
  put_int(o, line);
  w->line = line;
  w->line_n = (uint8_t)(o->len - at);
  memcpy(w->line_text, o->buf + at, sizeof w->line_text);
}

/* A block of n bytes (n <= JX_BLOCK_OUT) from a slot into o: a copy of
 * a constant size (64, 128 or 256 bytes, of which n are kept) for all but
 * the longest, rather than a call to memcpy for each.  The slot holds
 * JX_BLOCK_OUT bytes and the room made holds them too. */
static inline __attribute__((always_inline)) void
put_block(jx_out *o, const char *out, size_t n) {
  _Static_assert(JX_BLOCK_OUT >= 256, "a slot under the largest copy");
  char *b = o->buf + o->len;
  if (n <= 64)
    memcpy(b, out, 64);
  else if (n <= 128)
    memcpy(b, out, 128);
  else if (n <= 256)
    memcpy(b, out, 256);
  else
    memcpy(b, out, n);
  o->len += n;
}

/* An amount of a project: 0 and the budget's own digits (jx_jw's
 * amount, which project_body sets) without put_decimal. */
static inline __attribute__((always_inline)) void
put_amount(const jx_jw *w, jx_out *o, jx_decimal v) {
  if (v.micros == 0) {
    put_c(o, '0');
  } else if (v.micros == w->amount && w->amount_n) {
    /* of constant size: the room made holds it */
    memcpy(o->buf + o->len, w->amount_text, sizeof w->amount_text);
    o->len += w->amount_n;
  } else {
    put_decimal(o, v);
  }
}
_Static_assert(sizeof(((jx_jw *)0)->amount_text) >= NUM_COPY,
               "jx_jw.amount_text shorter than a decimal's copy");

/* The room the category's miss makes first, so that none of its writes
 * drains the buffer between the block's start and its end: four strings
 * of at most CAT_SRC bytes, each at most six bytes out per byte in, six
 * keys at the deepest indentation, two roles, and the SLACK and memo copy
 * the string writers keep free after them.  Longer texts are not kept. */
enum {
  CAT_SRC = 32,
  CAT_ROOM = 4 * (6 * CAT_SRC + 2) + 6 * (2 + 2 * MAX_DEPTH + 24) + 2 * 16 +
             SLACK + JX_MEMO_OUT + 2
};
_Static_assert(CAT_ROOM < 65536, "CAT_ROOM above jx_out_reserve's limit");
_Static_assert(JX_BLOCK_OUT + 12 * (2 * MAX_DEPTH + 48) <= SLACK,
               "a category block and an indicator's keys over SLACK");

/* A project's sources, as PUT_OBJECTS writes them with source_members.
 * A source whose kind is the table's (not NULL: lowering takes its kind
 * and label from the table of sources, whose texts never change) has its
 * first two members out of w->cats (not NULL) once they have been
 * written; the bit 1 << 30 tells these blocks from the categories'. */
static inline __attribute__((always_inline)) void
put_sources(jx_jw *w, bool compact, int depth, const jx_source *v, size_t n) {
  jx_out *o = w->o;
  long extra = (long)(compact ? 0 : depth + 1) | 1L << 30;
  room(o);
  put_c(o, '[');
  for (size_t i = 0; i < n; i++) {
    const jx_source *x = &v[i];
    room(o);
    sep_at(o, compact, depth + 1, i == 0);
    put_c(o, '{');
    const jx_block_slot *e =
        x->kind ? jx_block_find(w->cats, NULL, NULL, x->kind, x->label, extra)
                : NULL;
    if (e) {
      put_block(o, e->out, e->n);
    } else {
      bool fits = x->kind && strlen(x->kind) <= CAT_SRC &&
                  (!x->label || strlen(x->label) <= CAT_SRC);
      if (fits)
        jx_out_reserve(o, CAT_ROOM);
      size_t at = o->len;
      KEY_C(o, compact, depth + 2, 1, "kind");
      str(o, x->kind);
      KEY_C(o, compact, depth + 2, 0, "label");
      str(o, x->label);
      if (fits)
        jx_block_keep(w->cats, NULL, NULL, x->kind, x->label, extra,
                      o->buf + at, o->len - at);
    }
    KEY_C(o, compact, depth + 2, 0, "amount");
    put_amount(w, o, x->amount);
    KEY_C(o, compact, depth + 2, 0, "fiscal");
    if (x->fiscal)
      LIT(o, "true");
    else
      LIT(o, "false");
    close_c(o, compact, depth + 1, 1, '}');
  }
  close_c(o, compact, depth, n, ']');
}

/* An indicator's first six members, its category, at depth d. */
static void put_category(jx_jw *w, int d, const jx_indicator *x) {
  jx_out *o = w->o;
  KEY_STRING_MEMO(w, d, 1, "level1", x->level1);
  KEY_STRING_MEMO(w, d, 0, "level1_label", x->level1_label);
  KEY(w, d, 0, "level1_role");
  put_role(o, x->level1_role);
  KEY_STRING_MEMO(w, d, 0, "level2", x->level2);
  KEY_STRING_MEMO(w, d, 0, "level2_label", x->level2_label);
  KEY(w, d, 0, "level2_role");
  put_role(o, x->level2_role);
}

/* What keys a category's block beside its four texts: the roles and the
 * layout (the indicator's depth, -1 compact). */
static inline __attribute__((always_inline)) long
cat_extra(const jx_indicator *x, int key) {
  return (long)x->level1_role | (long)x->level2_role << 8 |
         (long)(key + 1) << 16;
}

/* The category as w->cats (not NULL) holds it, when it does.  The room
 * indicator_body made holds it. */
static inline __attribute__((always_inline)) bool
cat_put(jx_jw *w, int key, const jx_indicator *x) {
  const jx_block_slot *e =
      jx_block_find(w->cats, x->level1, x->level1_label, x->level2,
                    x->level2_label, cat_extra(x, key));
  if (e) {
    jx_out *o = w->o;
    memcpy(o->buf + o->len, e->out, e->n);
    o->len += e->n;
    return true;
  }
  return false;
}

/* The category written member by member, and kept when its texts are
 * short enough. */
static __attribute__((noinline)) void cat_miss(jx_jw *w, int key, int d,
                                               const jx_indicator *x) {
  jx_out *o = w->o;
  const char *k[4] = {x->level1, x->level1_label, x->level2, x->level2_label};
  bool fits = true;
  for (int i = 0; i < 4; i++)
    fits = fits && (!k[i] || strlen(k[i]) <= CAT_SRC);
  if (fits)
    jx_out_reserve(o, CAT_ROOM);
  size_t at = o->len;
  put_category(w, d, x);
  if (fits)
    jx_block_keep(w->cats, k[0], k[1], k[2], k[3], cat_extra(x, key),
                  o->buf + at, o->len - at);
}

/* The seven members after an indicator's text when all are null, as one
 * literal (most indicators have none of them): `sep` before each key, `sp`
 * after its colon.  INDICATOR_INDENT is the indentation of an indicator's
 * members in a project. */
#define NULL_TAIL(sep, sp)                                                     \
  sep "\"period_target\":" sp "null" sep "\"basis\":" sp "null" sep            \
      "\"standard\":" sp "null" sep "\"explanation\":" sp "null" sep           \
      "\"value_note\":" sp "null" sep "\"remark\":" sp "null" sep              \
      "\"scoring\":" sp "null" sep "\"line\":" sp
#define INDICATOR_INDENT "              "
_Static_assert(sizeof(int) <= 4 &&
                   sizeof "-2147483648" - 1 <= sizeof(((jx_jw *)0)->line_text),
               "an int's digits over jx_jw.line_text");
_Static_assert(sizeof INDICATOR_INDENT - 1 == 2 * (PROJECT_DEPTH + 3),
               "INDICATOR_INDENT is not an indicator's members' indentation");

/* A project's twelve members from purpose to contact when all are null
 * (most projects of a plan of the card's style), as NULL_TAIL. */
#define PROJECT_NULLS(sep, sp)                                                 \
  sep "\"purpose\":" sp "null" sep "\"period\":" sp "null" sep                 \
      "\"supervisor\":" sp "null" sep "\"implementer\":" sp "null" sep         \
      "\"classification\":" sp "null" sep "\"nature\":" sp "null" sep          \
      "\"continuity\":" sp "null" sep "\"policy\":" sp "null" sep              \
      "\"document\":" sp "null" sep "\"subject\":" sp "null" sep               \
      "\"manager\":" sp "null" sep "\"contact\":" sp "null"
#define PROJECT_INDENT "          "
_Static_assert(sizeof PROJECT_INDENT - 1 == 2 * (PROJECT_DEPTH + 1),
               "PROJECT_INDENT is not a project's members' indentation");

#endif
