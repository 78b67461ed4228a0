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

/*
 * The six category members of an indicator (level1, its label and role,
 * level2, its label and role) as last written, kept whole: most
 * indicators of a plan share their category with a few dozen others, and
 * the block out of one copy costs a fraction of its four strings, six keys
 * and two roles one by one.  Only for texts whose addresses are keys
 * (backend.h, framework_texts_stable): a slot is found by the four
 * pointers, the roles and the layout (compact, depth).  Zeroed: empty.
 */
enum {
  JX_JW_CAT_SLOTS = 32,
  JX_JW_CAT_SRC = 32, /* bytes of each text at most, to be kept */
  JX_JW_CAT_OUT = 480 /* bytes of the block at most */
};
typedef struct jx_jw_cat {
  const char *key[4];      /* level1, level1_label, level2, level2_label */
  int roles;               /* level1_role | level2_role << 8 */
  int depth;               /* the indicator's; -1 compact */
  size_t out_n;            /* bytes of out; 0: empty */
  char out[JX_JW_CAT_OUT]; /* the members with their separators */
} jx_jw_cat;
typedef struct jx_jw_cats {
  jx_jw_cat slot[JX_JW_CAT_SLOTS];
} jx_jw_cats;

typedef struct jx_jw {
  jx_out *o;
  bool compact;     /* no indentation, no line breaks, no space after ':' */
  jx_memo *memo;    /* for the repeated texts; NULL: none */
  jx_jw_cats *cats; /* for the repeated categories; NULL: none (the
                       texts' addresses are no keys) */
  /* The last indicator's line and its digits (line_n 0: none yet): most
   * indicators are on the line of the one before them. */
  int line;
  uint8_t line_n;
  char line_text[16];
} jx_jw;

void jx_jw_strings(jx_jw *w, int depth, const char *const *v, size_t n);
void jx_jw_measures(jx_jw *w, int depth, const jx_measure *m, size_t n);
/* { code, name }, or null when neither is known (主管部门, 实施单位). */
void jx_jw_org(jx_jw *w, int depth, jx_org org);
void jx_jw_project(jx_jw *w, int depth, const jx_project *p);
void jx_jw_department(jx_jw *w, int depth, const jx_department *d);

#endif
