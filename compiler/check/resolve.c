/*
 * resolve.c — see resolve.h.
 */
#include "resolve.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/*
 * The usual number — up to 12 digits, then up to 6 decimals, and nothing
 * else — read in one pass: no such number can overflow an int64 of
 * millionths, so the range checks of jx_decimal_parse are not needed.
 * Returns false for anything else (a sign, more digits, "1.", a syntax
 * error), which jx_decimal_parse then reads with all its rules; for what
 * it accepts the two agree (test_check, test_value_decimal).
 */
static bool usual_number(const char *s, int64_t *micros) {
  static const int64_t scale[] = {1000000, 100000, 10000, 1000, 100, 10, 1};
  const unsigned char *u = (const unsigned char *)s;
  uint64_t m = 0; /* may wrap on a long run of digits, which is refused */
  size_t i = 0, places = 0;
  unsigned d;
  for (; (d = (unsigned)u[i] - '0') <= 9; i++)
    m = m * 10 + d;
  if (i == 0 || i > 12)
    return false;
  if (u[i] == '.') {
    size_t from = ++i;
    for (; (d = (unsigned)u[i] - '0') <= 9; i++)
      m = m * 10 + d;
    places = i - from;
    if (places == 0 || places > 6)
      return false;
  }
  if (u[i] != '\0')
    return false;
  *micros = (int64_t)m * scale[places];
  return true;
}

jx_decimal_status jx_value_decimal(const jx_value *v, jx_decimal *out) {
  out->micros = 0;
  if (v->kind != JX_VAL_NUMBER || !v->number)
    return JX_DEC_SYNTAX;
  if (usual_number(v->number, &out->micros))
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
  jx_decimal d;
  if (jx_value_decimal(m, &d) != JX_DEC_OK || !jx_decimal_is_integer(d))
    return 0;
  int64_t n = d.micros / JX_DECIMAL_SCALE;
  return n >= 1 && n <= 12 ? (int)n : 0;
}
