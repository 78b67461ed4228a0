/*
 * units.c — the unit table and exact conversion between units.
 *
 * The table is plain data, grouped by dimension, so adding a spelling seen
 * in a real document is a one-line change.  Factors are exact rationals
 * (亩 is 10000/15 平方米, not 666.67), and conversions and comparisons are
 * exact or refused: a checker that says 891000元 equals 89.10万元 must never
 * say so because of rounding.
 */
#include "units.h"

#include <stdint.h>
#include <string.h>

/* Entries whose factor is not a fixed number of base units (a month has 28
 * to 31 days) carry num 0: they compare only with themselves. */
#define NO_FACTOR 0, 1

static const jx_unit_info unit_table[] = {
    /* Money.  Base 元; 万元 is what budget tables are written in.  分 is not
     * here as money: in targets "90分" is a score (see counts). */
    {"元", "元", JX_DIM_MONEY, 1, 1},
    {"千元", "千元", JX_DIM_MONEY, 1000, 1},
    {"万元", "万元", JX_DIM_MONEY, 10000, 1},
    {"百万元", "百万元", JX_DIM_MONEY, 1000000, 1},
    {"亿元", "亿元", JX_DIM_MONEY, 100000000, 1},

    /* Percentages.  The seed writes 90%, 90％ and 100百分比 for the same
     * thing; all normalise to "%".  ‰ is exact against it. */
    {"%", "%", JX_DIM_PERCENT, 1, 1},
    {"％", "%", JX_DIM_PERCENT, 1, 1},
    {"百分比", "%", JX_DIM_PERCENT, 1, 1},
    {"‰", "‰", JX_DIM_PERCENT, 1, 10},

    /* Counts.  Each measure word counts its own kind of thing, so each is
     * its own base and only equal norms compare (22人 vs 2辆 is meaningless).
     * 分 is a score in points, which behaves the same way. */
    {"人", "人", JX_DIM_COUNT, 1, 1},
    {"人次", "人次", JX_DIM_COUNT, 1, 1},
    {"名", "名", JX_DIM_COUNT, 1, 1},
    {"位", "位", JX_DIM_COUNT, 1, 1},
    {"个", "个", JX_DIM_COUNT, 1, 1},
    {"项", "项", JX_DIM_COUNT, 1, 1},
    {"次", "次", JX_DIM_COUNT, 1, 1},
    {"户", "户", JX_DIM_COUNT, 1, 1},
    {"户次", "户次", JX_DIM_COUNT, 1, 1},
    {"株", "株", JX_DIM_COUNT, 1, 1},
    {"棵", "棵", JX_DIM_COUNT, 1, 1},
    {"辆", "辆", JX_DIM_COUNT, 1, 1},
    {"台", "台", JX_DIM_COUNT, 1, 1},
    {"套", "套", JX_DIM_COUNT, 1, 1},
    {"件", "件", JX_DIM_COUNT, 1, 1},
    {"家", "家", JX_DIM_COUNT, 1, 1},
    {"所", "所", JX_DIM_COUNT, 1, 1},
    {"座", "座", JX_DIM_COUNT, 1, 1},
    {"栋", "栋", JX_DIM_COUNT, 1, 1},
    {"篇", "篇", JX_DIM_COUNT, 1, 1},
    {"份", "份", JX_DIM_COUNT, 1, 1},
    {"场", "场", JX_DIM_COUNT, 1, 1},
    {"期", "期", JX_DIM_COUNT, 1, 1},
    {"批", "批", JX_DIM_COUNT, 1, 1},
    {"条", "条", JX_DIM_COUNT, 1, 1},
    {"处", "处", JX_DIM_COUNT, 1, 1},
    {"本", "本", JX_DIM_COUNT, 1, 1},
    {"册", "册", JX_DIM_COUNT, 1, 1},
    {"间", "间", JX_DIM_COUNT, 1, 1},
    {"张", "张", JX_DIM_COUNT, 1, 1},
    {"部", "部", JX_DIM_COUNT, 1, 1},
    {"支", "支", JX_DIM_COUNT, 1, 1},
    {"头", "头", JX_DIM_COUNT, 1, 1},
    {"只", "只", JX_DIM_COUNT, 1, 1},
    {"宗", "宗", JX_DIM_COUNT, 1, 1},
    {"起", "起", JX_DIM_COUNT, 1, 1},
    {"类", "类", JX_DIM_COUNT, 1, 1},
    {"块", "块", JX_DIM_COUNT, 1, 1},
    {"村", "村", JX_DIM_COUNT, 1, 1},
    {"分", "分", JX_DIM_COUNT, 1, 1},

    /* Area.  Base 平方米.  亩 is defined as 1/15 公顷, so its factor is the
     * rational 10000/15: 15亩 converts to exactly 1公顷, while 1亩 in 平方米
     * (666.666…) is refused as inexact. */
    {"平方米", "平方米", JX_DIM_AREA, 1, 1},
    {"㎡", "平方米", JX_DIM_AREA, 1, 1},
    {"m²", "平方米", JX_DIM_AREA, 1, 1},
    {"平方公里", "平方公里", JX_DIM_AREA, 1000000, 1},
    {"平方千米", "平方公里", JX_DIM_AREA, 1000000, 1},
    {"㎢", "平方公里", JX_DIM_AREA, 1000000, 1},
    {"km²", "平方公里", JX_DIM_AREA, 1000000, 1},
    {"公顷", "公顷", JX_DIM_AREA, 10000, 1},
    {"ha", "公顷", JX_DIM_AREA, 10000, 1},
    {"亩", "亩", JX_DIM_AREA, 10000, 15},
    {"万亩", "万亩", JX_DIM_AREA, 100000000, 15},

    /* Length.  Base 米. */
    {"米", "米", JX_DIM_LENGTH, 1, 1},
    {"m", "米", JX_DIM_LENGTH, 1, 1},
    {"公里", "公里", JX_DIM_LENGTH, 1000, 1},
    {"千米", "公里", JX_DIM_LENGTH, 1000, 1},
    {"km", "公里", JX_DIM_LENGTH, 1000, 1},
    {"厘米", "厘米", JX_DIM_LENGTH, 1, 100},
    {"cm", "厘米", JX_DIM_LENGTH, 1, 100},
    {"毫米", "毫米", JX_DIM_LENGTH, 1, 1000},
    {"mm", "毫米", JX_DIM_LENGTH, 1, 1000},

    /* Mass.  Base 千克. */
    {"千克", "千克", JX_DIM_MASS, 1, 1},
    {"公斤", "千克", JX_DIM_MASS, 1, 1},
    {"kg", "千克", JX_DIM_MASS, 1, 1},
    {"克", "克", JX_DIM_MASS, 1, 1000},
    {"g", "克", JX_DIM_MASS, 1, 1000},
    {"斤", "斤", JX_DIM_MASS, 1, 2},
    {"吨", "吨", JX_DIM_MASS, 1000, 1},
    {"万吨", "万吨", JX_DIM_MASS, 10000000, 1},

    /* Time.  Base 天.  Working days, months, quarters and years are not a
     * fixed number of days, so they compare only with themselves.  月底 is
     * here because schedules write 3月底 as a number with a unit. */
    {"天", "天", JX_DIM_TIME, 1, 1},
    {"日", "天", JX_DIM_TIME, 1, 1},
    {"小时", "小时", JX_DIM_TIME, 1, 24},
    {"分钟", "分钟", JX_DIM_TIME, 1, 1440},
    {"周", "周", JX_DIM_TIME, 7, 1},
    {"星期", "周", JX_DIM_TIME, 7, 1},
    {"工作日", "工作日", JX_DIM_TIME, NO_FACTOR},
    {"个工作日", "工作日", JX_DIM_TIME, NO_FACTOR},
    {"月", "月", JX_DIM_TIME, NO_FACTOR},
    {"个月", "月", JX_DIM_TIME, NO_FACTOR},
    {"月底", "月底", JX_DIM_TIME, NO_FACTOR},
    {"季度", "季度", JX_DIM_TIME, NO_FACTOR},
    {"个季度", "季度", JX_DIM_TIME, NO_FACTOR},
    {"年", "年", JX_DIM_TIME, NO_FACTOR},
};

#define N_UNITS (sizeof unit_table / sizeof unit_table[0])

/* The lexer calls this for every number, so the first byte is compared
 * before any length is computed: most entries are rejected on one load. */
const jx_unit_info *jx_unit_lookup(const char *s, size_t n) {
  if (!s || n == 0)
    return NULL;
  for (size_t i = 0; i < N_UNITS; i++) {
    const char *sp = unit_table[i].spelling;
    if (sp[0] == s[0] && strlen(sp) == n && memcmp(sp, s, n) == 0)
      return &unit_table[i];
  }
  return NULL;
}

const jx_unit_info *jx_currency_lookup(const char *s) {
  if (!s)
    return NULL;
  if (strcmp(s, "元") && strcmp(s, "万元") && strcmp(s, "亿元"))
    return NULL;
  return jx_unit_lookup(s, strlen(s));
}

const jx_unit_info *jx_unit_table(size_t *n) {
  if (n)
    *n = N_UNITS;
  return unit_table;
}

static uint64_t gcd_u64(uint64_t a, uint64_t b) {
  while (b) {
    uint64_t t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/* Same norm means same unit, whatever the spelling: always an identity. */
static int same_unit(const jx_unit_info *a, const jx_unit_info *b) {
  return a == b || (a->dimension == b->dimension && a->norm && b->norm &&
                    strcmp(a->norm, b->norm) == 0);
}

/*
 * The factor num/den with value_in_to = value_in_from × num / den, reduced,
 * or 0 when the units do not convert.  Cross-cancelling before multiplying
 * keeps the factor small (万亩 → 亩 is 10000/1, not 1500000000/150000).
 */
static int factor(const jx_unit_info *from, const jx_unit_info *to,
                  int64_t *num, int64_t *den) {
  if (same_unit(from, to)) {
    *num = *den = 1;
    return 1;
  }
  if (from->dimension != to->dimension || from->dimension == JX_DIM_NONE ||
      from->dimension == JX_DIM_COUNT || from->dimension == JX_DIM_OTHER)
    return 0;
  if (from->num <= 0 || from->den <= 0 || to->num <= 0 || to->den <= 0)
    return 0;

  uint64_t fn = (uint64_t)from->num, fd = (uint64_t)from->den;
  uint64_t tn = (uint64_t)to->num, td = (uint64_t)to->den;
  uint64_t g = gcd_u64(fn, tn);
  fn /= g;
  tn /= g;
  g = gcd_u64(fd, td);
  fd /= g;
  td /= g;
  g = gcd_u64(fn, fd); /* the table need not store reduced fractions */
  fn /= g;
  fd /= g;
  g = gcd_u64(tn, td);
  tn /= g;
  td /= g;
  /* num = fn × td, den = fd × tn */
  if ((td && fn > (uint64_t)INT64_MAX / td) ||
      (tn && fd > (uint64_t)INT64_MAX / tn))
    return 0;
  *num = (int64_t)(fn * td);
  *den = (int64_t)(fd * tn);
  return 1;
}

jx_decimal_status jx_unit_convert(jx_decimal d, const jx_unit_info *from,
                                  const jx_unit_info *to, jx_decimal *out) {
  int64_t num, den;
  if (!from || !to) {
    if (from || to)
      return JX_DEC_INEXACT; /* a bare number has no unit to convert from */
    *out = d;
    return JX_DEC_OK;
  }
  if (!factor(from, to, &num, &den))
    return JX_DEC_INEXACT;
  return jx_decimal_scale(d, num, den, out);
}

/* Full 128-bit product of two uint64_t as hi:lo, built from 32-bit halves
 * so that no compiler extension is needed. */
static void mul_wide(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo) {
  uint64_t a_lo = a & 0xffffffffu, a_hi = a >> 32;
  uint64_t b_lo = b & 0xffffffffu, b_hi = b >> 32;
  uint64_t ll = a_lo * b_lo, lh = a_lo * b_hi;
  uint64_t hl = a_hi * b_lo, hh = a_hi * b_hi;
  uint64_t mid = (ll >> 32) + (lh & 0xffffffffu) + (hl & 0xffffffffu);
  *lo = (mid << 32) | (ll & 0xffffffffu);
  *hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
}

static uint64_t magnitude(int64_t v) {
  return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/* Sign of x × p − y × q for q, p > 0, exactly. */
static int cmp_products(int64_t x, int64_t p, int64_t y, int64_t q) {
  int sx = (x > 0) - (x < 0), sy = (y > 0) - (y < 0);
  if (sx != sy)
    return sx > sy ? 1 : -1;
  if (sx == 0)
    return 0;
  uint64_t xh, xl, yh, yl;
  mul_wide(magnitude(x), (uint64_t)p, &xh, &xl);
  mul_wide(magnitude(y), (uint64_t)q, &yh, &yl);
  int c = xh != yh ? (xh > yh ? 1 : -1) : (xl > yl) - (xl < yl);
  return sx > 0 ? c : -c;
}

/*
 * a (in ua) is compared with b (in ub) as a × num against b × den, where
 * num/den converts ua to ub.  Cross-multiplying in 128 bits never rounds and
 * never overflows, so even 100亩 against 66666.67平方米, which converts
 * exactly in neither direction, gets a true answer.
 */
int jx_unit_compare(jx_decimal a, const jx_unit_info *ua, jx_decimal b,
                    const jx_unit_info *ub, int *cmp) {
  int64_t num, den;
  if (!ua || !ub) {
    if (ua || ub)
      return -1;
    num = den = 1;
  } else if (!factor(ua, ub, &num, &den)) {
    return -1;
  }
  if (cmp)
    *cmp = cmp_products(a.micros, num, b.micros, den);
  return 0;
}
