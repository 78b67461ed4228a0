/*
 * resolve.h — what a value as written means, without judging it.
 *
 * The checker reads every value through these once and stores the answer
 * on the node (check_value.c); lowering and the back ends copy the stored
 * answer.  They are public for the tools that read a tree the checker has
 * not seen: the formatter prints 3月底 and jun alike as the month they
 * name.
 */
#ifndef JX_RESOLVE_H
#define JX_RESOLVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"
#include "jixiao.h"
#include "units.h"

/*
 * The usual number — up to 12 digits, then up to 6 decimals, and nothing
 * else — read in one pass: no such number can overflow an int64 of
 * millionths, so the range checks of jx_decimal_parse are not needed.
 * Inline for the checker, which reads every number through it (a call
 * and the tests jx_value_decimal repeats were a third of its cost).
 * Returns false for anything else (a sign, more digits, "1.", a syntax
 * error), which jx_decimal_parse then reads with all its rules; for what
 * it accepts the two agree (test_check, test_value_decimal).
 */
static inline bool jx_usual_number(const char *s, int64_t *micros) {
  static const int64_t scale[] = {1000000, 100000, 10000, 1000, 100, 10, 1};
  const unsigned char *u = (const unsigned char *)s, *p = u;
  uint64_t m = 0; /* may wrap on a long run of digits, which is refused */
  unsigned d0, d1;
  /* Two digits a step (a digit is not the end, so p[1] is there). */
  while ((d0 = (unsigned)p[0] - '0') <= 9) {
    if ((d1 = (unsigned)p[1] - '0') > 9) {
      m = m * 10 + d0;
      p++;
      break;
    }
    m = m * 100 + d0 * 10 + d1;
    p += 2;
  }
  size_t i = (size_t)(p - u), places = 0;
  if (i == 0 || i > 12)
    return false;
  if (*p == '.') {
    const unsigned char *from = ++p;
    while ((d0 = (unsigned)p[0] - '0') <= 9) {
      m = m * 10 + d0;
      p++;
    }
    places = (size_t)(p - from);
    if (places == 0 || places > 6)
      return false;
  }
  if (*p != '\0')
    return false;
  *micros = (int64_t)m * scale[places];
  return true;
}

/* A NUMBER value as an exact decimal in its own written unit. */
jx_decimal_status jx_value_decimal(const jx_value *v, jx_decimal *out);
/* The unit table entry of a NUMBER value's unit (NULL: none or unknown). */
const jx_unit_info *jx_value_unit(const jx_value *v);
/* A schedule entry's month 1–12 (a month name, or 3月 / 3月底), or 0. */
int jx_schedule_month(const jx_schedule_entry *e);

#endif
