/*
 * resolve.c — see resolve.h.
 */
#include "resolve.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

jx_decimal_status jx_value_decimal(const jx_value *v, jx_decimal *out) {
  out->micros = 0;
  if (v->kind != JX_VAL_NUMBER || !v->number)
    return JX_DEC_SYNTAX;
  if (jx_usual_number(v->number, &out->micros))
    return JX_DEC_OK;
  return jx_decimal_parse(v->number, strlen(v->number), out);
}

const jx_unit_info *jx_value_unit(const jx_value *v) {
  if (v->kind != JX_VAL_NUMBER || !v->unit)
    return NULL;
  return jx_unit_lookup(v->unit, strlen(v->unit));
}

/* Is u 月 or 月底?  Byte by byte, each test stopping at the end of a
 * shorter unit (four schedule entries a project: two strcmp calls each
 * were most of this function). */
static bool month_unit(const char *u) {
  const unsigned char *b = (const unsigned char *)u;
  if (b[0] != 0xE6 || b[1] != 0x9C || b[2] != 0x88) /* 月 */
    return false;
  return b[3] == 0 ||
         (b[3] == 0xE5 && b[4] == 0xBA && b[5] == 0x95 && b[6] == 0); /* 底 */
}

int jx_schedule_month(const jx_schedule_entry *e) {
  if (e->month_no)
    return e->month_no;
  const jx_value *m = &e->month;
  if (m->kind != JX_VAL_NUMBER || !m->unit || !month_unit(m->unit))
    return 0;
  /* 3月底, 12月: one or two digits, read as jx_value_decimal would. */
  const unsigned char *t = (const unsigned char *)m->number;
  unsigned d0 = t ? (unsigned)t[0] - '0' : 10, d1;
  if (d0 <= 9 && t[1] == '\0')
    return d0 >= 1 ? (int)d0 : 0;
  if (d0 <= 9 && (d1 = (unsigned)t[1] - '0') <= 9 && t[2] == '\0')
    return d0 * 10 + d1 >= 1 && d0 * 10 + d1 <= 12 ? (int)(d0 * 10 + d1) : 0;
  jx_decimal d;
  if (jx_value_decimal(m, &d) != JX_DEC_OK || !jx_decimal_is_integer(d))
    return 0;
  int64_t n = d.micros / JX_DECIMAL_SCALE;
  return n >= 1 && n <= 12 ? (int)n : 0;
}
