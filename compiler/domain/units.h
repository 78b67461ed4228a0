/*
 * units.h — the table of measurement units that target values carry.
 *
 * 22人, 89.1万元, ≥90%, 100亩, 20年: the unit after a number says what the
 * number measures.  The table maps every spelling to a normalised name, a
 * dimension and a factor to the dimension's base unit, so the checker can
 * compare 891000元 with a budget of 89.10 万元 and the diff can see that
 * 0.5万元 and 5000元 are the same target.  Conversions are exact rationals;
 * units whose factor is not exact against the base (亩 to 平方米) convert
 * only among units that are.
 */
#ifndef JX_UNITS_H
#define JX_UNITS_H

#include <stddef.h>

#include "jixiao.h"

typedef struct jx_unit_info {
  const char *spelling; /* as written: "％" */
  const char *norm;     /* normalised: "%" */
  jx_dimension dimension;
  /* value in base unit = value × num / den; base units: 元, %, the count
   * itself, 平方米, 米, 千克, 天. num 0 means: no exact conversion. */
  long long num, den;
} jx_unit_info;

/* The entry for a spelling (n bytes), or NULL if the table lacks it. */
const jx_unit_info *jx_unit_lookup(const char *s, size_t n);

/* The money units allowed as a plan's currency (元, 万元, 亿元). */
const jx_unit_info *jx_currency_lookup(const char *s);

/* Converts d from one unit to another of the same dimension, exactly.
 * Returns JX_DEC_OK, JX_DEC_INEXACT (would round or no exact factor) or
 * JX_DEC_OVERFLOW. */
jx_decimal_status jx_unit_convert(jx_decimal d, const jx_unit_info *from,
                                  const jx_unit_info *to, jx_decimal *out);

/* Compares a (in unit ua) with b (in ub), exactly; returns 0 and sets *cmp
 * to -1/0/1, or -1 when they cannot be compared (other dimensions, or no
 * exact conversion). */
int jx_unit_compare(jx_decimal a, const jx_unit_info *ua, jx_decimal b,
                    const jx_unit_info *ub, int *cmp);

/* The whole table, for docs and tests. */
const jx_unit_info *jx_unit_table(size_t *n);

#endif
