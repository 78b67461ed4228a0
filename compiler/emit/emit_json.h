/*
 * emit_json.h — the JSON back end's model writers, shared by `-f json`
 * (emit_json.c, which owns them) and `-f jsonl` (emit_jsonl.c), so a
 * project, a unit's goals and the department are one text in both.
 *
 * A writer is called with the opening bracket still to write and `depth`
 * the indentation level of that bracket (members go at depth + 1); in a
 * compact writer the depth is ignored and nothing but the values and `,`
 * `:` is written, as `jq -c .` prints.
 */
#ifndef JX_EMIT_JSON_H
#define JX_EMIT_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "jixiao.h"
#include "json.h"
#include "out.h"

/* What schedule points became, found by their values and the layout: a
 * plan's schedules are made of a few months and round percentages.
 * Zeroed: empty. */
enum { JX_JW_POINT_SLOTS = 256, JX_JW_POINT_OUT = 112 };
typedef struct jx_jw_point {
  int64_t micros; /* the percentage's */
  int month;
  int layout; /* the array's depth; -1 compact */
  size_t n;   /* bytes of out; 0: empty */
  char out[JX_JW_POINT_OUT];
} jx_jw_point;
/* An indicator's members from its description (null) to the "value" key
 * (kind, op), by kind and op, made once by jx_jw_points_init: [0]
 * compact, [1] indented as in a project.  n 0: not made. */
enum { JX_JW_HEADS = 32, JX_JW_HEAD_OUT = 128 };
typedef struct jx_jw_head {
  size_t n;
  char s[JX_JW_HEAD_OUT];
} jx_jw_head;
/* The JSON literals of the unit table's normalised names (units.h), by
 * their addresses: lowering gives an indicator the table's own `norm`
 * for every unit the table knows.  The key is an address of static
 * storage, which no other text of the model can have, so a hit needs no
 * look at the bytes.  key NULL: empty.  tail[0] (compact) and tail[1]
 * (indented as in a project) are the literal followed by a null
 * "per_unit" and the key "text", as an indicator has them; tail_n 0:
 * not made. */
enum { JX_JW_UNIT_SLOTS = 512, JX_JW_UNIT_OUT = 24, JX_JW_UNIT_TAIL = 80 };
typedef struct jx_jw_unit {
  const char *key;
  size_t n, tail_n[2];
  char s[JX_JW_UNIT_OUT];
  char tail[2][JX_JW_UNIT_TAIL];
} jx_jw_unit;
typedef struct jx_jw_points {
  jx_jw_point slot[JX_JW_POINT_SLOTS];
  jx_jw_head head[2][JX_JW_HEADS];
  jx_jw_unit unit[JX_JW_UNIT_SLOTS];
} jx_jw_points;
/* The slot of a unit's text at address s. */
static inline size_t jx_jw_unit_slot(const char *s) {
  return (size_t)(((uint64_t)(uintptr_t)s * 0x9E3779B97F4A7C15u) >> 55);
}
/* Makes p's heads and unit literals (p zeroed). */
void jx_jw_points_init(jx_jw_points *p);

typedef struct jx_jw {
  jx_out *o;
  bool compact;         /* no indentation, no line breaks, no space after ':' */
  jx_memo *memo;        /* for the repeated texts; NULL: none */
  jx_blocks *cats;      /* an indicator's six category members (level1 to
                           level2_role), kept whole (out.h); NULL: none, the
                           texts' addresses are no keys */
  jx_jw_points *points; /* NULL: none */
  /* The last indicator's line and its digits (line_n 0: none yet): most
   * indicators are on the line of the one before them. */
  int line;
  uint8_t line_n;
  char line_text[16];
  /* The project's budget and its digits (amount_n 0: none yet): its
   * fiscal amount and first source are most often the same. */
  int64_t amount;
  uint8_t amount_n;
  char amount_text[32];
} jx_jw;

void jx_jw_strings(jx_jw *w, int depth, const char *const *v, size_t n);
void jx_jw_measures(jx_jw *w, int depth, const jx_measure *m, size_t n);
/* { code, name }, or null when neither is known (主管部门, 实施单位). */
void jx_jw_org(jx_jw *w, int depth, jx_org org);
void jx_jw_project(jx_jw *w, int depth, const jx_project *p);
void jx_jw_department(jx_jw *w, int depth, const jx_department *d);

#endif
