/*
 * decimal_text.h — an amount's or a value's text, jx_decimal_format's
 * (the shortest exact one), written backwards into the caller's buffer
 * without a copy: the JSON and CSV writers put one in every few fields
 * (json_put.h, csv_row.h), each with its own separators around it, and
 * test_json and test_csv hold both to jx_decimal_format's text.
 */
#ifndef JX_DECIMAL_TEXT_H
#define JX_DECIMAL_TEXT_H

#include <stdint.h>
#include <string.h>

#include "jixiao.h"
#include "out.h"

/* The text of d, ending at or before e: returns where it starts (at most
 * JX_DIGITS_MAX + JX_DECIMAL_PLACES + 2 bytes before e) and sets *end to
 * where it ends.  The six places are three digit pairs, without a loop. */
static inline __attribute__((always_inline)) char *
jx_decimal_back(char *e, jx_decimal d, char **end) {
  char *p = e;
  *end = e;
  uint64_t m =
      d.micros < 0 ? (uint64_t)0 - (uint64_t)d.micros : (uint64_t)d.micros;
  uint64_t whole = m / JX_DECIMAL_SCALE;
  uint32_t frac = (uint32_t)(m % JX_DECIMAL_SCALE);
  _Static_assert(JX_DECIMAL_SCALE == 1000000, "six places: three pairs");
  if (frac && frac % 10000 == 0) { /* one or two places: 92.4, 406.45 */
    uint32_t f1 = frac / 10000;
    p -= JX_DECIMAL_PLACES;
    memcpy(p, jx_digit_pairs + 2 * f1, 2);
    *end = p + 2 - (f1 % 10 == 0);
    *--p = '.';
  } else if (frac) {
    uint32_t f1 = frac / 10000, f2 = frac / 100 % 100, f3 = frac % 100;
    p -= JX_DECIMAL_PLACES;
    memcpy(p, jx_digit_pairs + 2 * f1, 2);
    memcpy(p + 2, jx_digit_pairs + 2 * f2, 2);
    memcpy(p + 4, jx_digit_pairs + 2 * f3, 2);
    /* the places without their trailing zeros */
    size_t keep = f3   ? 6 - (f3 % 10 == 0)
                  : f2 ? 4 - (f2 % 10 == 0)
                       : 2 - (f1 % 10 == 0);
    *end = p + keep;
    *--p = '.';
  }
  p = jx_digits(p, whole);
  if (d.micros < 0)
    *--p = '-';
  return p;
}

#endif
