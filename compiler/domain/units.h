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

#include <stdbool.h>
#include <stddef.h>

#include "jixiao.h"

typedef struct jx_unit_info {
  const char *spelling; /* as written: "％"; NULL for a compound */
  const char *norm;     /* normalised: "%" */
  jx_dimension dimension;
  /* value in base unit = value × num / den; base units: 元, %, the count
   * itself, 平方米, 米, 千克, 天. num 0 means: no exact conversion. */
  long long num, den;
  /* JX_DIM_COUNT: what is counted ("人" for 人 and for 万人, 10000 of
   * them), so that only counts of the same thing compare.  JX_DIM_MONEY_PER:
   * the normalised part after the slash ("亩", "人·天"). */
  const char *base;
  /* JX_DIM_MONEY_PER: the money unit and the table entries of the parts it
   * is per (NULL for a part the table does not know); NULL otherwise. */
  const struct jx_unit_info *money;
  const struct jx_unit_info *per[2];
} jx_unit_info;

/* The entry for a spelling (n bytes), or NULL if the table lacks it.  A
 * count or measure with 万 in front (2万人, 3万平方米) is its own entry,
 * 10000 of the unit; 万 alone is 万元 (854万, as budget tables and IMEs
 * write it). */
const jx_unit_info *jx_unit_lookup(const char *s, size_t n);

/* Longest normalised compound unit, with its NUL. */
#define JX_UNIT_COMPOUND_MAX 64

/*
 * A cost per unit: a money unit, then "/" or 每, then what it is per — one
 * unit, or two joined by "·", ".", "•", "・", "/" or 每 (元/亩, 万元/平方米,
 * 17元/人.每天, 元每人次).  Fills *out (its norm in `norm`, which must
 * outlive it: "元/人·天") and returns true; false when s is not one.  A
 * part the table does not know is kept as written (元/套餐) and compares
 * only with the same word.  Conversions are exact: 1元/平方米 is
 * 10000元/公顷, 1万元/亩 is 10000元/亩.
 */
bool jx_unit_compound(const char *s, size_t n, jx_unit_info *out,
                      char norm[JX_UNIT_COMPOUND_MAX]);

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

/* The whole table, for docs and tests: the units as spelt (jx_unit_table)
 * and their 万 forms (jx_unit_wan_table). */
const jx_unit_info *jx_unit_table(size_t *n);
const jx_unit_info *jx_unit_wan_table(size_t *n);

#endif
