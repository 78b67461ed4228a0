/*
 * resolve.c — see resolve.h.
 */
#include "resolve.h"

#include <string.h>

jx_decimal_status jx_value_decimal(const jx_value *v, jx_decimal *out) {
  out->micros = 0;
  if (v->kind != JX_VAL_NUMBER || !v->number)
    return JX_DEC_SYNTAX;
  return jx_decimal_parse(v->number, strlen(v->number), out);
}

const jx_unit_info *jx_value_unit(const jx_value *v) {
  if (v->kind != JX_VAL_NUMBER || !v->unit)
    return NULL;
  return jx_unit_lookup(v->unit, strlen(v->unit));
}

int jx_schedule_month(const jx_schedule_entry *e) {
  if (e->month_no)
    return e->month_no;
  const jx_value *m = &e->month;
  if (m->kind != JX_VAL_NUMBER || !m->unit ||
      (strcmp(m->unit, "月") != 0 && strcmp(m->unit, "月底") != 0))
    return 0;
  jx_decimal d;
  if (jx_value_decimal(m, &d) != JX_DEC_OK || !jx_decimal_is_integer(d))
    return 0;
  int64_t n = d.micros / JX_DECIMAL_SCALE;
  return n >= 1 && n <= 12 ? (int)n : 0;
}
