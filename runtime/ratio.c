/*
 * ratio.c — exact rationals for scores (jixiao_score.h).
 *
 * A score such as 10.3 × 21 ÷ 22 has no exact decimal, and rounding it on
 * the way (as spreadsheets do) makes totals that depend on the order of
 * the sums.  So scores are fractions in lowest terms, and only the
 * profile (or the display) rounds, once, at the end.
 *
 * Portable C99 like decimal.c: magnitudes in uint64_t, every product and
 * sum checked, no compiler builtins and no 128-bit type (comparisons use a
 * 64×64→128 product built from 32-bit halves).  A value is always kept
 * within ±INT64_MAX, so negating never overflows; a result beyond it is
 * JX_DEC_OVERFLOW, never a wrapped number.
 */
#include "jixiao_score.h"

#include <stdio.h>
#include <string.h>

#define LIMIT ((uint64_t)INT64_MAX)

static uint64_t mag(int64_t v) {
  return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

static uint64_t gcd(uint64_t a, uint64_t b) {
  while (b) {
    uint64_t t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/* The ratio ±m / d (d > 0) in lowest terms, if both fit. */
static jx_decimal_status make(int neg, uint64_t m, uint64_t d, jx_ratio *out) {
  uint64_t g = gcd(m, d);
  if (g > 1) {
    m /= g;
    d /= g;
  }
  if (m > LIMIT || d > LIMIT)
    return JX_DEC_OVERFLOW;
  out->num = neg && m ? -(int64_t)m : (int64_t)m;
  out->den = (int64_t)d;
  return JX_DEC_OK;
}

/* a × b into *out, or 0 when it passes LIMIT. */
static int mul_u(uint64_t a, uint64_t b, uint64_t *out) {
  if (a && b > LIMIT / a)
    return 0;
  *out = a * b;
  return 1;
}

jx_ratio jx_ratio_of(jx_decimal d) {
  jx_ratio r = {0, 1};
  /* 10^6 has no factor beyond 2^6 × 5^6, so even INT64_MIN micros reduce
     to something that fits. */
  make(d.micros < 0, mag(d.micros), JX_DECIMAL_SCALE, &r);
  return r;
}

jx_ratio jx_ratio_int(int64_t n) {
  jx_ratio r = {0, 1};
  make(n < 0, mag(n), 1, &r);
  return r;
}

/* ±ma ± mb, as a sign and magnitude within LIMIT. */
static int add_signed(int na, uint64_t ma, int nb, uint64_t mb, int *neg,
                      uint64_t *m) {
  if (na == nb) {
    if (ma > LIMIT - mb)
      return 0;
    *neg = na;
    *m = ma + mb;
  } else if (ma >= mb) {
    *neg = na;
    *m = ma - mb;
  } else {
    *neg = nb;
    *m = mb - ma;
  }
  return 1;
}

jx_decimal_status jx_ratio_add(jx_ratio a, jx_ratio b, jx_ratio *out) {
  /* a/b + c/d over lcm(b, d): the cross products are as small as they
     can be, so only a sum that really is large overflows. */
  uint64_t db = (uint64_t)a.den, dd = (uint64_t)b.den;
  uint64_t g = gcd(db, dd);
  uint64_t x, y, den;
  if (!mul_u(mag(a.num), dd / g, &x) || !mul_u(mag(b.num), db / g, &y) ||
      !mul_u(db, dd / g, &den))
    return JX_DEC_OVERFLOW;
  int neg;
  uint64_t m;
  if (!add_signed(a.num < 0, x, b.num < 0, y, &neg, &m))
    return JX_DEC_OVERFLOW;
  return make(neg, m, den, out);
}

jx_decimal_status jx_ratio_sub(jx_ratio a, jx_ratio b, jx_ratio *out) {
  b.num = -b.num; /* within ±INT64_MAX by construction */
  return jx_ratio_add(a, b, out);
}

jx_decimal_status jx_ratio_mul(jx_ratio a, jx_ratio b, jx_ratio *out) {
  /* Cancel across before multiplying: (a/b)(c/d) = (a/g1)(c/g2) /
     ((b/g2)(d/g1)). */
  uint64_t ma = mag(a.num), mc = mag(b.num);
  uint64_t db = (uint64_t)a.den, dd = (uint64_t)b.den;
  uint64_t g1 = gcd(ma, dd), g2 = gcd(mc, db); /* never 0: dens are > 0 */
  uint64_t num, den;
  if (!mul_u(ma / g1, mc / g2, &num) || !mul_u(db / g2, dd / g1, &den))
    return JX_DEC_OVERFLOW;
  return make((a.num < 0) != (b.num < 0), num, den, out);
}

jx_decimal_status jx_ratio_div(jx_ratio a, jx_ratio b, jx_ratio *out) {
  if (b.num == 0)
    return JX_DEC_UNDEFINED;
  jx_ratio inv;
  inv.num = b.num < 0 ? -b.den : b.den;
  inv.den = (int64_t)mag(b.num);
  return jx_ratio_mul(a, inv, out);
}

/* a × b as 128 bits (hi, lo), from 32-bit halves. */
static void mul_wide(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo) {
  uint64_t a0 = a & 0xFFFFFFFFu, a1 = a >> 32;
  uint64_t b0 = b & 0xFFFFFFFFu, b1 = b >> 32;
  uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  uint64_t mid = (p00 >> 32) + (p01 & 0xFFFFFFFFu) + (p10 & 0xFFFFFFFFu);
  *lo = (mid << 32) | (p00 & 0xFFFFFFFFu);
  *hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

int jx_ratio_cmp(jx_ratio a, jx_ratio b) {
  int sa = (a.num > 0) - (a.num < 0), sb = (b.num > 0) - (b.num < 0);
  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (sa == 0)
    return 0;
  /* Same sign: compare |a.num| × b.den with |b.num| × a.den. */
  uint64_t h1, l1, h2, l2;
  mul_wide(mag(a.num), (uint64_t)b.den, &h1, &l1);
  mul_wide(mag(b.num), (uint64_t)a.den, &h2, &l2);
  int c = h1 != h2 ? (h1 > h2 ? 1 : -1) : (l1 != l2 ? (l1 > l2 ? 1 : -1) : 0);
  return sa < 0 ? -c : c;
}

jx_decimal_status jx_ratio_round(jx_ratio r, int places, jx_round mode,
                                 jx_decimal *out) {
  if (places < 0 || places > JX_DECIMAL_PLACES || r.den <= 0)
    return JX_DEC_SYNTAX;
  uint64_t m = mag(r.num), den = (uint64_t)r.den;
  uint64_t acc = m / den, rem = m % den;
  /* Long division, one digit a place: rem × 10 must fit in 64 bits. */
  if (places > 0 && den > UINT64_MAX / 10)
    return JX_DEC_OVERFLOW;
  for (int k = 0; k < places; k++) {
    rem *= 10;
    if (!mul_u(acc, 10, &acc) || acc > LIMIT - rem / den)
      return JX_DEC_OVERFLOW;
    acc += rem / den;
    rem %= den;
  }
  /* rem < den <= INT64_MAX, so 2 × rem fits. */
  if (mode == JX_ROUND_HALF_UP && rem != 0 && 2 * rem >= den) {
    if (acc == LIMIT)
      return JX_DEC_OVERFLOW;
    acc++;
  }
  uint64_t scale = 1;
  for (int k = places; k < JX_DECIMAL_PLACES; k++)
    scale *= 10;
  uint64_t micros;
  if (!mul_u(acc, scale, &micros))
    return JX_DEC_OVERFLOW;
  out->micros = r.num < 0 ? -(int64_t)micros : (int64_t)micros;
  return JX_DEC_OK;
}

jx_decimal_status jx_ratio_decimal(jx_ratio r, jx_decimal *out) {
  if (r.den <= 0 || JX_DECIMAL_SCALE % r.den != 0)
    return JX_DEC_INEXACT;
  uint64_t micros;
  if (!mul_u(mag(r.num), (uint64_t)(JX_DECIMAL_SCALE / r.den), &micros))
    return JX_DEC_OVERFLOW;
  out->micros = r.num < 0 ? -(int64_t)micros : (int64_t)micros;
  return JX_DEC_OK;
}

size_t jx_ratio_format(jx_ratio r, char buf[JX_RATIO_BUFSZ]) {
  jx_decimal d;
  if (jx_ratio_decimal(r, &d) == JX_DEC_OK)
    return jx_decimal_format(d, buf);
  int n = snprintf(buf, JX_RATIO_BUFSZ, "%lld/%lld", (long long)r.num,
                   (long long)r.den);
  return n < 0 ? 0 : (size_t)n;
}
