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

#include <limits.h>
#include <stdint.h>
#include <string.h>

/* Entries whose factor is not a fixed number of base units (a month has 28
 * to 31 days) carry num 0: they compare only with themselves. */
#define NO_FACTOR 0, 1

/* The measure words of counts; each also has a 万 form (2万人, 10万株).
 * 分 (a score) is listed apart: 万分 is not ten thousand points. */
// clang-format off
#define JX_COUNTS(X)                                                           \
  X("人") X("人次") X("名") X("位") X("个") X("项") X("次") X("户")            \
  X("户次") X("株") X("棵") X("辆") X("台") X("套") X("件") X("家") X("所")    \
  X("座") X("栋") X("篇") X("份") X("场") X("期") X("批") X("条") X("处")      \
  X("本") X("册") X("间") X("张") X("部") X("支") X("头") X("只") X("宗")      \
  X("起") X("类") X("块") X("村")
// clang-format on

static const jx_unit_info unit_table[] = {
    /* Money.  Base 元; 万元 is what budget tables are written in.  分 is not
     * here as money: in targets "90分" is a score (see counts). */
    {"元", "元", JX_DIM_MONEY, 1, 1, NULL, NULL, {NULL, NULL}},
    {"千元", "千元", JX_DIM_MONEY, 1000, 1, NULL, NULL, {NULL, NULL}},
    {"万元", "万元", JX_DIM_MONEY, 10000, 1, NULL, NULL, {NULL, NULL}},
    {"百万元", "百万元", JX_DIM_MONEY, 1000000, 1, NULL, NULL, {NULL, NULL}},
    {"亿元", "亿元", JX_DIM_MONEY, 100000000, 1, NULL, NULL, {NULL, NULL}},
    /* 万 alone is 万元: what budget tables and Chinese input methods write
     * for an amount (854万). */
    {"万", "万元", JX_DIM_MONEY, 10000, 1, NULL, NULL, {NULL, NULL}},

    /* Percentages.  The seed writes 90%, 90％ and 100百分比 for the same
     * thing; all normalise to "%".  ‰ is exact against it. */
    {"%", "%", JX_DIM_PERCENT, 1, 1, NULL, NULL, {NULL, NULL}},
    {"％", "%", JX_DIM_PERCENT, 1, 1, NULL, NULL, {NULL, NULL}},
    {"百分比", "%", JX_DIM_PERCENT, 1, 1, NULL, NULL, {NULL, NULL}},
    {"‰", "‰", JX_DIM_PERCENT, 1, 10, NULL, NULL, {NULL, NULL}},

/* Counts.  Each measure word counts its own kind of thing, so each is
 * its own base and only counts of the same thing compare (22人 vs 2辆
 * is meaningless; 2万人 is 20000人).  分 is a score in points, which
 * behaves the same way. */
#define COUNT_ROW(s) {s, s, JX_DIM_COUNT, 1, 1, s, NULL, {NULL, NULL}},
    JX_COUNTS(COUNT_ROW)
#undef COUNT_ROW
        {"分", "分", JX_DIM_COUNT, 1, 1, "分", NULL, {NULL, NULL}},

    /* Area.  Base 平方米.  亩 is defined as 1/15 公顷, so its factor is the
     * rational 10000/15: 15亩 converts to exactly 1公顷, while 1亩 in 平方米
     * (666.666…) is refused as inexact. */
    {"平方米", "平方米", JX_DIM_AREA, 1, 1, NULL, NULL, {NULL, NULL}},
    {"㎡", "平方米", JX_DIM_AREA, 1, 1, NULL, NULL, {NULL, NULL}},
    {"m²", "平方米", JX_DIM_AREA, 1, 1, NULL, NULL, {NULL, NULL}},
    {"平方公里", "平方公里", JX_DIM_AREA, 1000000, 1, NULL, NULL, {NULL, NULL}},
    {"平方千米", "平方公里", JX_DIM_AREA, 1000000, 1, NULL, NULL, {NULL, NULL}},
    {"㎢", "平方公里", JX_DIM_AREA, 1000000, 1, NULL, NULL, {NULL, NULL}},
    {"km²", "平方公里", JX_DIM_AREA, 1000000, 1, NULL, NULL, {NULL, NULL}},
    {"公顷", "公顷", JX_DIM_AREA, 10000, 1, NULL, NULL, {NULL, NULL}},
    {"ha", "公顷", JX_DIM_AREA, 10000, 1, NULL, NULL, {NULL, NULL}},
    {"亩", "亩", JX_DIM_AREA, 10000, 15, NULL, NULL, {NULL, NULL}},
    {"万亩", "万亩", JX_DIM_AREA, 100000000, 15, NULL, NULL, {NULL, NULL}},

    /* Length.  Base 米. */
    {"米", "米", JX_DIM_LENGTH, 1, 1, NULL, NULL, {NULL, NULL}},
    {"m", "米", JX_DIM_LENGTH, 1, 1, NULL, NULL, {NULL, NULL}},
    {"公里", "公里", JX_DIM_LENGTH, 1000, 1, NULL, NULL, {NULL, NULL}},
    {"千米", "公里", JX_DIM_LENGTH, 1000, 1, NULL, NULL, {NULL, NULL}},
    {"km", "公里", JX_DIM_LENGTH, 1000, 1, NULL, NULL, {NULL, NULL}},
    {"厘米", "厘米", JX_DIM_LENGTH, 1, 100, NULL, NULL, {NULL, NULL}},
    {"cm", "厘米", JX_DIM_LENGTH, 1, 100, NULL, NULL, {NULL, NULL}},
    {"毫米", "毫米", JX_DIM_LENGTH, 1, 1000, NULL, NULL, {NULL, NULL}},
    {"mm", "毫米", JX_DIM_LENGTH, 1, 1000, NULL, NULL, {NULL, NULL}},

    /* Mass.  Base 千克. */
    {"千克", "千克", JX_DIM_MASS, 1, 1, NULL, NULL, {NULL, NULL}},
    {"公斤", "千克", JX_DIM_MASS, 1, 1, NULL, NULL, {NULL, NULL}},
    {"kg", "千克", JX_DIM_MASS, 1, 1, NULL, NULL, {NULL, NULL}},
    {"克", "克", JX_DIM_MASS, 1, 1000, NULL, NULL, {NULL, NULL}},
    {"g", "克", JX_DIM_MASS, 1, 1000, NULL, NULL, {NULL, NULL}},
    {"斤", "斤", JX_DIM_MASS, 1, 2, NULL, NULL, {NULL, NULL}},
    {"吨", "吨", JX_DIM_MASS, 1000, 1, NULL, NULL, {NULL, NULL}},
    {"万吨", "万吨", JX_DIM_MASS, 10000000, 1, NULL, NULL, {NULL, NULL}},

    /* Time.  Base 天.  Working days, months, quarters and years are not a
     * fixed number of days, so they compare only with themselves.  月底 is
     * here because schedules write 3月底 as a number with a unit. */
    {"天", "天", JX_DIM_TIME, 1, 1, NULL, NULL, {NULL, NULL}},
    {"日", "天", JX_DIM_TIME, 1, 1, NULL, NULL, {NULL, NULL}},
    {"小时", "小时", JX_DIM_TIME, 1, 24, NULL, NULL, {NULL, NULL}},
    {"分钟", "分钟", JX_DIM_TIME, 1, 1440, NULL, NULL, {NULL, NULL}},
    {"周", "周", JX_DIM_TIME, 7, 1, NULL, NULL, {NULL, NULL}},
    {"星期", "周", JX_DIM_TIME, 7, 1, NULL, NULL, {NULL, NULL}},
    {"工作日", "工作日", JX_DIM_TIME, NO_FACTOR, NULL, NULL, {NULL, NULL}},
    {"个工作日", "工作日", JX_DIM_TIME, NO_FACTOR, NULL, NULL, {NULL, NULL}},
    {"月", "月", JX_DIM_TIME, NO_FACTOR, NULL, NULL, {NULL, NULL}},
    {"个月", "月", JX_DIM_TIME, NO_FACTOR, NULL, NULL, {NULL, NULL}},
    {"月底", "月底", JX_DIM_TIME, NO_FACTOR, NULL, NULL, {NULL, NULL}},
    {"季度", "季度", JX_DIM_TIME, NO_FACTOR, NULL, NULL, {NULL, NULL}},
    {"个季度", "季度", JX_DIM_TIME, NO_FACTOR, NULL, NULL, {NULL, NULL}},
    {"年", "年", JX_DIM_TIME, NO_FACTOR, NULL, NULL, {NULL, NULL}},
};

#define N_UNITS (sizeof unit_table / sizeof unit_table[0])

/* 万 in front of a count or measure: ten thousand of it.  Looked up only
 * when a spelling that starts with 万 is not in unit_table (万元, 万亩 and
 * 万吨 are). */
static const jx_unit_info wan_table[] = {
#define WAN_ROW(s)                                                             \
  {"万" s, "万" s, JX_DIM_COUNT, 10000, 1, s, NULL, {NULL, NULL}},
    JX_COUNTS(WAN_ROW)
#undef WAN_ROW
        {"万平方米",
         "万平方米",
         JX_DIM_AREA,
         10000,
         1,
         NULL,
         NULL,
         {NULL, NULL}},
    {"万公顷", "万公顷", JX_DIM_AREA, 100000000, 1, NULL, NULL, {NULL, NULL}},
    {"万米", "万米", JX_DIM_LENGTH, 10000, 1, NULL, NULL, {NULL, NULL}},
    {"万公里", "万公里", JX_DIM_LENGTH, 10000000, 1, NULL, NULL, {NULL, NULL}},
    {"万斤", "万斤", JX_DIM_MASS, 5000, 1, NULL, NULL, {NULL, NULL}},
};

#define N_WAN (sizeof wan_table / sizeof wan_table[0])

/* The lexer calls this for every number, so the first byte is compared
 * before any length is computed: most entries are rejected on one load. */
static const jx_unit_info *find(const jx_unit_info *t, size_t count,
                                const char *s, size_t n) {
  for (size_t i = 0; i < count; i++) {
    const char *sp = t[i].spelling;
    if (sp[0] == s[0] && strlen(sp) == n && memcmp(sp, s, n) == 0)
      return &t[i];
  }
  return NULL;
}

static const char wan[] = "万";
#define WAN_LEN (sizeof wan - 1)

const jx_unit_info *jx_unit_lookup(const char *s, size_t n) {
  if (!s || n == 0)
    return NULL;
  const jx_unit_info *u = find(unit_table, N_UNITS, s, n);
  if (!u && n > WAN_LEN && memcmp(s, wan, WAN_LEN) == 0)
    u = find(wan_table, N_WAN, s, n);
  return u;
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

const jx_unit_info *jx_unit_wan_table(size_t *n) {
  if (n)
    *n = N_WAN;
  return wan_table;
}

/* A part of a cost per unit that the table does not know (元/套餐). */
static const jx_unit_info unknown_part = {NULL, NULL, JX_DIM_OTHER, 0, 1,
                                          NULL, NULL, {NULL, NULL}};

/* ---- costs per unit ------------------------------------------------------ */

/* What may join the money to what it is per, or one part of that to the
 * next: 元/亩, 元每亩, 元/人.每天, 元/人·天, 元/人/月. */
static size_t per_sep(const char *s, size_t n) {
  static const char *const seps[] = {"/", "·", ".", "．", "•", "・", "每"};
  for (size_t i = 0; i < sizeof seps / sizeof *seps; i++) {
    size_t k = strlen(seps[i]);
    if (k <= n && memcmp(s, seps[i], k) == 0)
      return k;
  }
  return 0;
}

/* a × b into *out, false on overflow (both positive). */
static bool mul_ok(long long a, long long b, long long *out) {
  if (a > 0 && b > LLONG_MAX / a)
    return false;
  *out = a * b;
  return true;
}

static bool add_norm(char *norm, size_t *len, const char *s, size_t n) {
  if (*len + n + 1 > JX_UNIT_COMPOUND_MAX)
    return false;
  memcpy(norm + *len, s, n);
  *len += n;
  norm[*len] = '\0';
  return true;
}

bool jx_unit_compound(const char *s, size_t n, jx_unit_info *out,
                      char norm[JX_UNIT_COMPOUND_MAX]) {
  static const char *const money[] = {"百万元", "亿元", "万元",
                                      "千元",   "元",   "万"};
  memset(out, 0, sizeof *out);
  if (!s)
    return false;
  const jx_unit_info *m = NULL;
  size_t i = 0;
  for (size_t k = 0; k < sizeof money / sizeof *money && !m; k++) {
    size_t len = strlen(money[k]);
    if (len < n && memcmp(s, money[k], len) == 0 && per_sep(s + len, n - len))
      m = jx_unit_lookup(s, len), i = len;
  }
  if (!m)
    return false;
  size_t len = 0;
  add_norm(norm, &len, m->norm, strlen(m->norm));
  add_norm(norm, &len, "/", 1);
  size_t base_at = len;
  long long num = m->num, den = m->den;
  int parts = 0;
  while (i < n) {
    size_t k = per_sep(s + i, n - i);
    if (k == 0 || parts == 2)
      return false;
    i += k;
    static const char each[] = "每"; /* 人.每天: the 每 is the joint */
    if (n - i >= sizeof each - 1 && memcmp(s + i, each, sizeof each - 1) == 0)
      i += sizeof each - 1;
    size_t j = i;
    while (j < n && !per_sep(s + j, n - j))
      j++;
    if (j == i)
      return false;
    const jx_unit_info *u = jx_unit_lookup(s + i, j - i);
    const char *text = s + i;
    size_t tn = j - i;
    if (u) {
      if (u->dimension == JX_DIM_MONEY || u->dimension == JX_DIM_PERCENT)
        return false;
      text = u->norm;
      tn = strlen(u->norm);
      /* A part without a fixed factor (月) counts as 1: see same_per. */
      if (u->num > 0 &&
          (!mul_ok(num, u->den, &num) || !mul_ok(den, u->num, &den)))
        return false;
    } else {
      for (size_t t = i; t < j; t++)
        if ((s[t] >= '0' && s[t] <= '9') || s[t] == '%')
          return false;
      u = &unknown_part;
    }
    if ((parts && !add_norm(norm, &len, "·", strlen("·"))) ||
        !add_norm(norm, &len, text, tn))
      return false;
    out->per[parts++] = u;
    i = j;
  }
  if (parts == 0)
    return false;
  out->norm = norm;
  out->dimension = JX_DIM_MONEY_PER;
  out->num = num;
  out->den = den;
  out->base = norm + base_at;
  out->money = m;
  return true;
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

static int same_str(const char *a, const char *b) {
  return a && b && strcmp(a, b) == 0;
}

static int factor(const jx_unit_info *from, const jx_unit_info *to,
                  int64_t *num, int64_t *den);

/* Two costs per unit measure the same thing when what they are per does:
 * part by part, the same unit or units that convert (亩 and 平方米; 人 and
 * 万人).  A part the table does not know compares only with the same
 * word, and a part without a fixed factor (月) only with the same unit:
 * each was counted as 1 in its compound's factor. */
static int same_per(const jx_unit_info *a, const jx_unit_info *b) {
  for (int i = 0; i < 2; i++) {
    const jx_unit_info *x = a->per[i], *y = b->per[i];
    if (!x || !y) {
      if (x || y)
        return 0;
      continue;
    }
    if (x == &unknown_part || y == &unknown_part) {
      if (!same_str(a->base, b->base))
        return 0;
      continue;
    }
    int64_t n, d;
    if (x->num == 0 || y->num == 0 ? !same_unit(x, y) : !factor(x, y, &n, &d))
      return 0;
  }
  return 1;
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
      from->dimension == JX_DIM_OTHER)
    return 0;
  /* Counts of the same thing only: 万人 and 人, never 人 and 辆. */
  if (from->dimension == JX_DIM_COUNT && !same_str(from->base, to->base))
    return 0;
  if (from->dimension == JX_DIM_MONEY_PER && !same_per(from, to))
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
  if (num == den) { /* the same unit (a cost in the plan's currency) */
    *out = d;
    return JX_DEC_OK;
  }
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
  if (cmp) /* the same unit: the numbers themselves */
    *cmp = num == den ? (a.micros > b.micros) - (a.micros < b.micros)
                      : cmp_products(a.micros, num, b.micros, den);
  return 0;
}
