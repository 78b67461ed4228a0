/*
 * check_value.c — reading numbers, amounts, dates and date ranges, once.
 *
 * Every NUMBER the checker meets is parsed here into an exact decimal and
 * its unit looked up in the table (a cost per unit, 元/亩, is read from
 * its spelling once per run); an amount is converted here to the plan's
 * currency; a date or a date range is checked against the calendar.
 * What could be read goes to a jx_resolved that the caller keeps on the
 * node (with the converted amount), so that no later pass parses, looks
 * up or converts it again; what could not is reported.
 *
 * The bottom of the checker: the other checker files call in, this one
 * calls none of them.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check_value.h"
#include "hash.h"
#include "resolve.h"
#include "vocab.h"

/* A cost per unit, by the spelling it was read from. */
struct jx_chk_compound {
  uint64_t hash;
  jx_unit_info info; /* dimension JX_DIM_NONE: not a cost per unit */
  char norm[JX_UNIT_COMPOUND_MAX];
  char spelling[];
};

/* Doubles the table (from 64 slots), moving the entries over. */
static void compounds_grow(jx_checker *c) {
  size_t cap = c->compounds_cap ? 2 * c->compounds_cap : 64;
  struct jx_chk_compound **t = jx_arena_alloc(&c->arena, cap * sizeof *t);
  memset(t, 0, cap * sizeof *t);
  for (size_t i = 0; i < c->compounds_cap; i++) {
    struct jx_chk_compound *e = c->compounds[i];
    if (!e)
      continue;
    size_t j = (size_t)e->hash & (cap - 1);
    while (t[j])
      j = (j + 1) & (cap - 1);
    t[j] = e;
  }
  c->compounds = t;
  c->compounds_cap = cap;
}

/* The unit a spelling with a slash or 每 is, when it is a cost per unit
 * (元/亩, 17元/人.每天): read once per spelling and kept, so that the
 * jx_resolved of every value written with it can point at it. */
static const jx_unit_info *compound(jx_checker *c, const char *unit) {
  if (2 * (c->compounds_n + 1) > c->compounds_cap)
    compounds_grow(c);
  uint64_t h = jx_fnv1a_str(unit);
  size_t mask = c->compounds_cap - 1, j = (size_t)h & mask;
  struct jx_chk_compound *e;
  while ((e = c->compounds[j]) != NULL &&
         (e->hash != h || strcmp(e->spelling, unit) != 0))
    j = (j + 1) & mask;
  if (!e) {
    size_t n = strlen(unit);
    e = jx_arena_alloc(&c->arena, sizeof *e + n + 1);
    e->hash = h;
    memcpy(e->spelling, unit, n + 1);
    if (!jx_unit_compound(unit, n, &e->info, e->norm))
      memset(&e->info, 0, sizeof e->info);
    c->compounds[j] = e;
    c->compounds_n++;
  }
  return e->info.dimension == JX_DIM_MONEY_PER ? &e->info : NULL;
}

/* ---- remembered answers ----------------------------------------------- */

/* The middle of a spelling of n > 16 bytes (bytes 8 to n - 8), folded
 * into one word for the hash: spellings that differ only there must not
 * all fall on the same four slots. */
static inline uint64_t middle(const char *s, size_t n) {
  uint64_t m = 0;
  for (size_t i = 8; i < n - 8; i += 8)
    m = (m ^ jx_chk_load8(s + i)) * 0x9E3779B97F4A7C15u;
  return m;
}

/* Bytes 8 to n - 8 of two spellings of n bytes, n > 16 (the rest is in
 * their ends), in words that stay inside both. */
static inline bool same_middle(const char *a, const char *b, size_t n) {
  for (size_t i = 8; i < n - 8; i += 8)
    if (jx_chk_load8(a + i) != jx_chk_load8(b + i))
      return false;
  return true;
}

/* The slot of memo table t for the spellings s1 (n1 bytes) and s2 (n2)
 * with tag, in context ctx; NULL when they are too long to remember.
 * *hit says whether the slot holds their answer already; if not, it is
 * the slot to keep the answer in (memo_keep). */
static inline struct jx_chk_memo *
memo_slot(struct jx_chk_memo *t, const void *ctx, bool tag, const char *s1,
          size_t n1, const char *s2, size_t n2, bool *hit) {
  *hit = false;
  if (n1 + n2 > JX_CHK_MEMO_KEY)
    return NULL;
  uint64_t w[4] = {0, 0, 0, 0};
  jx_chk_ends(s1, n1, w);
  if (n2) /* a unit has none */
    jx_chk_ends(s2, n2, w + 2);
  uint32_t shape = (uint32_t)(n1 | n2 << 8 | (size_t)tag << 16);
  uint64_t h = (w[0] ^ (uint64_t)(uintptr_t)ctx) * 0xff51afd7ed558ccdu;
  if (n1 > 16)
    h ^= middle(s1, n1);
  if (n2 > 16)
    h += middle(s2, n2);
  h ^= (w[1] + shape) * 0x9E3779B97F4A7C15u;
  h ^= w[2] * 0xc4ceb9fe1a85ec53u;
  h ^= w[3];
  h *= 0xc4ceb9fe1a85ec53u;
  _Static_assert(JX_CHK_MEMO_SLOTS == 64, "the slot is the hash's top 6 bits");
  /* Four slots from there: a hit, or else an empty one, or the first. */
  size_t at = (size_t)(h >> 58);
  struct jx_chk_memo *free_slot = NULL;
  for (size_t k = 0; k < 4; k++) {
    struct jx_chk_memo *e = &t[(at + k) & (JX_CHK_MEMO_SLOTS - 1)];
    if (!e->ctx) {
      if (!free_slot)
        free_slot = e;
      continue;
    }
    if (e->h == h && e->ctx == ctx && e->shape == shape && e->w[0] == w[0] &&
        e->w[1] == w[1] && e->w[2] == w[2] && e->w[3] == w[3] &&
        (n1 <= 16 || same_middle(e->key, s1, n1)) &&
        (n2 <= 16 || same_middle(e->key + n1, s2, n2))) {
      *hit = true;
      return e;
    }
  }
  struct jx_chk_memo *e = free_slot ? free_slot : &t[at];
  e->h = h;
  memcpy(e->w, w, sizeof w);
  e->shape = shape;
  return e;
}

/* Fills the slot memo_slot gave for a miss (it set the hash and words). */
static void memo_keep(struct jx_chk_memo *e, const void *ctx, const char *s1,
                      size_t n1, const char *s2, size_t n2) {
  e->ctx = ctx;
  memcpy(e->key, s1, n1);
  memcpy(e->key + n1, s2, n2);
}

/* Keeps a category's answer in the fast memo (check_value.h): in an empty
 * one of its two slots, or else the first. */
static void fast_cat_keep(jx_checker *c, const jx_framework *fw, const char *s1,
                          size_t n1, const char *s2, size_t n2, bool tag,
                          bool ok, const jx_level1 *a, const jx_level2 *b) {
  if (n1 > 16 || n2 > 32)
    return;
  uint64_t w[6];
  uint32_t shape;
  size_t at = jx_chk_cat_key(fw, s1, n1, s2, n2, tag, w, &shape);
  struct jx_chk_fast_cat *e = &c->fast_cats[at];
  if (e->fw && !c->fast_cats[at ^ 1].fw)
    e = &c->fast_cats[at ^ 1];
  e->fw = fw;
  memcpy(e->w, w, sizeof w);
  e->shape = shape;
  e->ok = ok;
  e->a = a;
  e->b = b;
}

bool jx_chk_category_slow(jx_checker *c, const char *level1, const char *level2,
                          const jx_level1 **l1, const jx_level2 **l2) {
  const jx_framework *fw = c->framework;
  if (!fw || !level2)
    return jx_framework_resolve(fw, level1, level2, l1, l2);
  const char *s1 = level1 ? level1 : "";
  size_t n1 = strlen(s1), n2 = strlen(level2);
  bool hit;
  struct jx_chk_memo *e =
      memo_slot(c->categories, fw, level1 != NULL, s1, n1, level2, n2, &hit);
  if (!hit) {
    const jx_level1 *a = NULL;
    const jx_level2 *b = NULL;
    bool ok = jx_framework_resolve(fw, level1, level2, &a, &b);
    if (!e) {
      *l1 = a;
      *l2 = b;
      return ok;
    }
    memo_keep(e, fw, s1, n1, level2, n2);
    e->ok = ok;
    e->a = a;
    e->b = b;
  }
  fast_cat_keep(c, fw, s1, n1, level2, n2, level1 != NULL, e->ok, e->a, e->b);
  if (e->ok) {
    *l1 = e->a;
    *l2 = e->b;
  }
  return e->ok;
}

/* jx_value_unit, remembered (v is a NUMBER). */
static const jx_unit_info *value_unit(jx_checker *c, const jx_value *v) {
  if (!v->unit)
    return NULL;
  size_t n = strlen(v->unit);
  bool hit;
  static const char units_ctx; /* the unit table: one for the run */
  struct jx_chk_memo *e =
      memo_slot(c->units, &units_ctx, false, v->unit, n, "", 0, &hit);
  if (hit)
    return e->a;
  const jx_unit_info *u = jx_unit_lookup(v->unit, n);
  if (e) {
    memo_keep(e, &units_ctx, v->unit, n, "", 0);
    e->a = u;
  }
  return u;
}

const char *jx_chk_dec(jx_decimal d, char buf[JX_DECIMAL_BUFSZ]) {
  jx_decimal_format(d, buf);
  return buf;
}

/* 89.1234567万元 has too many places, but in 元 it is 891234.567元: the
 * fix for number-precision, when a smaller unit of the table is a power of
 * ten below the written one and the value fits in it.  The digits are
 * shifted as text, so nothing is rounded on the way. */
static void precision_fixit(jx_checker *c, const jx_value *v) {
  const jx_unit_info *u = jx_value_unit(v);
  const char *num = v->number;
  if (!u || !num || u->num == 0)
    return;
  const char *dot = strchr(num, '.');
  if (!dot)
    return;
  size_t places = strlen(dot + 1);
  size_t n;
  const jx_unit_info *t = jx_unit_table(&n);
  const jx_unit_info *best = NULL;
  int best_k = 0;
  for (size_t i = 0; i < n; i++) {
    const jx_unit_info *w = &t[i];
    if (w->dimension != u->dimension || w->num == 0 ||
        strcmp(w->spelling, w->norm) != 0)
      continue;
    /* Money goes into a unit a plan may be written in (元, 万元, 亿元):
     * the official forms know no 千元. */
    if (w->dimension == JX_DIM_MONEY && !jx_currency_lookup(w->spelling))
      continue;
    /* u = w × 10^k, k ≥ 1: the ratio num_u·den_w / (den_u·num_w). */
    long long a = u->num * w->den, b = u->den * w->num;
    if (b == 0 || a % b != 0)
      continue;
    long long r = a / b;
    int k = 0;
    while (r > 1 && r % 10 == 0 && k < 18) {
      r /= 10;
      k++;
    }
    if (r != 1 || k == 0 || places > (size_t)k + JX_DECIMAL_PLACES)
      continue;
    if (!best || k < best_k) {
      best = w;
      best_k = k;
    }
  }
  if (!best)
    return;
  /* Digits without the point, then the point k places further right. */
  char digits[128];
  size_t nd = 0, int_len = (size_t)(dot - num);
  if (int_len + places + (size_t)best_k + 4 > sizeof digits)
    return;
  for (const char *p = num; *p; p++)
    if (*p != '.')
      digits[nd++] = *p;
  size_t point = int_len + (size_t)best_k;
  while (nd < point)
    digits[nd++] = '0';
  char out[192];
  size_t o = 0, i = 0;
  if (digits[0] == '-' || digits[0] == '+')
    out[o++] = digits[i++];
  while (i + 1 < point && digits[i] == '0') /* 0012.5 → 12.5 */
    i++;
  for (; i < point; i++)
    out[o++] = digits[i];
  size_t end = nd;
  while (end > point && digits[end - 1] == '0')
    end--;
  if (end > point) {
    out[o++] = '.';
    for (; i < end; i++)
      out[o++] = digits[i];
  }
  out[o] = '\0';
  char text[256];
  snprintf(text, sizeof text, "%s%s", out, best->spelling);
  jx_diag_add_fixit(c->diag, v->loc, text);
}

/* The unit of a NUMBER as jx_resolved holds it (a cost per unit read
 * once, see compound), kept in the fast memo (check_value.h). */
static const jx_unit_info *number_unit(jx_checker *c, const jx_value *v) {
  const jx_unit_info *u = value_unit(c, v);
  if (!u && v->unit && (strchr(v->unit, '/') || strstr(v->unit, "每")))
    u = compound(c, v->unit);
  size_t n, at;
  uint64_t w[2];
  if (v->unit && jx_chk_unit_key(v->unit, &n, w, &at)) {
    struct jx_chk_fast_unit *e = &c->fast_units[at];
    if (e->n && !c->fast_units[at ^ 1].n)
      e = &c->fast_units[at ^ 1];
    memcpy(e->w, w, sizeof w);
    e->n = n;
    e->u = u;
  }
  return u;
}

bool jx_chk_number_slow(jx_checker *c, const jx_value *v, jx_resolved *r) {
  jx_decimal d = {0};
  r->ok = false;
  jx_decimal_status st = v->kind == JX_VAL_NUMBER && v->number &&
                                 jx_usual_number(v->number, &d.micros)
                             ? JX_DEC_OK
                             : jx_value_decimal(v, &d);
  if (st == JX_DEC_PRECISION) {
    jx_diag_report(c->diag, JX_E_NUMBER_PRECISION, v->loc, v->text);
    precision_fixit(c, v);
  } else if (st != JX_DEC_OK)
    jx_diag_report(c->diag, JX_E_NUMBER_OVERFLOW, v->loc, v->text);
  if (st != JX_DEC_OK)
    return false;
  r->dec = d;
  r->unit = number_unit(c, v);
  r->ok = true;
  return true;
}

bool jx_chk_amount_slow(jx_checker *c, const jx_value *v, jx_resolved *r,
                        jx_decimal *out) {
  out->micros = 0;
  if (!jx_chk_number(c, v, r))
    return false;
  const jx_unit_info *u = r->unit;
  /* 854万 is an amount; 854万以上 or 475元/亩 is not. */
  if ((v->unit && (!u || u->dimension != JX_DIM_MONEY)) || v->post) {
    jx_diag_report(c->diag, JX_E_AMOUNT_UNIT, v->loc, v->text,
                   c->currency->norm);
    return false;
  }
  /* A bare amount is already in the currency. */
  jx_decimal conv = r->dec;
  jx_decimal_status st =
      u ? jx_unit_convert(r->dec, u, c->currency, &conv) : JX_DEC_OK;
  if (st == JX_DEC_OVERFLOW)
    jx_diag_report(c->diag, JX_E_AMOUNT_OVERFLOW, v->loc, v->text,
                   c->currency->norm);
  else if (st != JX_DEC_OK)
    jx_diag_report(c->diag, JX_E_AMOUNT_INEXACT, v->loc, v->text,
                   c->currency->norm);
  if (st != JX_DEC_OK)
    return false;
  *out = conv;
  return true;
}

bool jx_chk_part_slow(jx_checker *c, const jx_value *v, jx_resolved *r,
                      jx_decimal *out) {
  if (!jx_chk_amount_slow(c, v, r, out))
    return false;
  if (out->micros < 0) {
    jx_diag_report(c->diag, JX_E_FUNDS_NEGATIVE, v->loc, v->text);
    return false;
  }
  return true;
}

/* ---- dates ---------------------------------------------------------------
 */

/* y-m-d as the model holds it, or false after saying what is wrong with
 * it; a date without a day (has_d false) is its month.  The help comes
 * from the runtime's calendar, so the checker and jx_indicator_met agree
 * on every month's length. */
static bool ymd(jx_checker *c, const jx_value *v, int y, int m, int d,
                bool has_d, jx_decimal *out) {
  int last = jx_date_days_in_month(y, m);
  if (last == 0) {
    jx_diag_report(c->diag, JX_E_BAD_DATE, v->loc, v->text);
    jx_diag_note(c->diag, JX_N_DATE_MONTH, v->loc);
    return false;
  }
  if (has_d && (d < 1 || d > last)) {
    jx_diag_report(c->diag, JX_E_BAD_DATE, v->loc, v->text);
    jx_diag_note(c->diag, JX_N_DATE_DAY, v->loc, y, m, last);
    return false;
  }
  out->micros =
      ((int64_t)y * 10000 + m * 100 + (has_d ? d : 0)) * JX_DECIMAL_SCALE;
  return true;
}

bool jx_chk_date(jx_checker *c, const jx_value *v, jx_resolved *r) {
  r->ok = ymd(c, v, v->year, v->month, v->day, v->flags & JX_VF_DAY, &r->dec);
  return r->ok;
}

bool jx_chk_date_range(jx_checker *c, const jx_value *v, jx_resolved *r) {
  r->ok = false;
  /* A year alone runs from its January to its December. */
  int m1 = v->flags & JX_VF_MONTH ? v->month : 1;
  int m2 = v->flags & JX_VF_MONTH2 ? v->month2 : 12;
  if (!ymd(c, v, v->year, m1, v->day, v->flags & JX_VF_DAY, &r->dec) ||
      !ymd(c, v, v->year2, m2, v->day2, v->flags & JX_VF_DAY2, &r->end))
    return false;
  /* Its first day against its last: 2023.07-2023.07 is one month. */
  jx_decimal from, to;
  jx_date_bound(JX_OP_GE, r->dec, &from);
  jx_date_bound(JX_OP_LE, r->end, &to);
  if (jx_decimal_cmp(from, to) > 0) {
    jx_diag_report(c->diag, JX_E_DATE_RANGE_ORDER, v->loc, v->text);
    return false;
  }
  r->ok = true;
  return true;
}

bool jx_chk_month_date(jx_checker *c, const jx_value *v, jx_resolved *r) {
  jx_decimal d;
  r->ok = false;
  if (jx_value_decimal(v, &d) != JX_DEC_OK || !jx_decimal_is_integer(d) ||
      d.micros < JX_DECIMAL_SCALE ||
      d.micros > 12 * (int64_t)JX_DECIMAL_SCALE) {
    jx_diag_report(c->diag, JX_E_BAD_DATE, v->loc, v->text);
    jx_diag_note(c->diag, JX_N_DATE_MONTH, v->loc);
    return false;
  }
  if (c->year <= 0) {
    jx_diag_report(c->diag, JX_E_MONTH_YEAR, v->loc, v->text);
    return false;
  }
  int m = (int)(d.micros / JX_DECIMAL_SCALE);
  r->dec.micros = ((int64_t)c->year * 10000 + m * 100) * JX_DECIMAL_SCALE;
  r->date = true;
  r->ok = true;
  return true;
}

/* ---- amounts that add up ------------------------------------------------ */

void jx_chk_breakdown(jx_checker *c, jx_node *n, const jx_chk_budget *b) {
  jx_decimal sum = {0};
  bool ok = true;
  size_t count = 0;
  for (jx_line *x = n->u.breakdown.items; x; x = x->next) {
    count++;
    if (!jx_chk_part(c, &x->amount, &x->res, &x->plan_amount)) {
      ok = false;
      continue;
    }
    if (ok && jx_decimal_add(sum, x->plan_amount, &sum) != JX_DEC_OK) {
      jx_diag_report(c->diag, JX_E_AMOUNT_OVERFLOW, x->amount.loc,
                     x->amount.text, c->currency->norm);
      ok = false;
    }
  }
  if (count == 0) {
    jx_diag_report(c->diag, JX_E_BREAKDOWN_EMPTY, n->loc);
    return;
  }
  if (!ok || !b || (!b->known && !b->total_known))
    return;
  /* The line items of the year's budget, or of the whole project's. */
  if ((b->known && jx_decimal_cmp(sum, b->amount) == 0) ||
      (b->total_known && jx_decimal_cmp(sum, b->total) == 0))
    return;
  bool against_total = !b->known;
  char s1[JX_DECIMAL_BUFSZ], s2[JX_DECIMAL_BUFSZ];
  jx_diag_report(c->diag, JX_E_BREAKDOWN_SUM, n->loc, jx_chk_dec(sum, s1),
                 c->currency->norm,
                 (int)(against_total ? JX_M_FIELD_TOTAL : JX_M_FIELD_BUDGET),
                 jx_chk_dec(against_total ? b->total : b->amount, s2),
                 c->currency->norm);
  jx_diag_note(c->diag, against_total ? JX_N_TOTAL_HERE : JX_N_BUDGET_HERE,
               against_total ? b->total_loc : b->loc);
}
