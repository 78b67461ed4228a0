/*
 * check_value.h — reading numbers, amounts, dates and categories once
 * (check_value.c); private to compiler/check, used by every rule file.
 */
#ifndef JX_CHECK_VALUE_H
#define JX_CHECK_VALUE_H

#include <string.h>

#include "check_state.h"
#include "resolve.h"

/* ---- spellings as words --------------------------------------------------
 * The memos of check_state.h key a spelling by its bytes loaded a word at
 * a time: never past its end, so a short one is packed. */

static inline uint64_t jx_chk_load8(const char *p) {
  uint64_t v;
  memcpy(&v, p, sizeof v);
  return v;
}

static inline uint64_t jx_chk_load4(const char *p) {
  uint32_t v;
  memcpy(&v, p, sizeof v);
  return v;
}

/* The first and the last eight bytes of s (n bytes; overlapping when
 * shorter than 16, and all of them, packed, when shorter than 8): with n,
 * the whole of s up to 16 bytes, so that most spellings (数量指标, 万元,
 * 平方米) are compared in two words. */
static inline void jx_chk_ends(const char *s, size_t n, uint64_t w[2]) {
  if (n >= 8) {
    w[0] = jx_chk_load8(s);
    w[1] = jx_chk_load8(s + n - 8);
  } else if (n >= 4) {
    w[0] = jx_chk_load4(s) | jx_chk_load4(s + n - 4) << 32;
    w[1] = 0;
  } else {
    const unsigned char *u = (const unsigned char *)s;
    w[0] = n ? u[0] | (uint64_t)u[n / 2] << 8 | (uint64_t)u[n - 1] << 16 : 0;
    w[1] = 0;
  }
}

/* The fast memo's key of a category (level1 of n1 <= 16 bytes, level2 of
 * n2 <= 32, both whole in w, with the lengths in the shape) and the first
 * of its two slots. */
static inline size_t jx_chk_cat_key(const void *fw, const char *s1, size_t n1,
                                    const char *s2, size_t n2, bool tag,
                                    uint64_t w[6], uint32_t *shape) {
  jx_chk_ends(s1, n1, w);
  if (n2 > 16) { /* 17-32 bytes: four words, overlapping */
    w[2] = jx_chk_load8(s2);
    w[3] = jx_chk_load8(s2 + 8);
    w[4] = jx_chk_load8(s2 + n2 - 16);
    w[5] = jx_chk_load8(s2 + n2 - 8);
  } else {
    jx_chk_ends(s2, n2, w + 2);
    w[4] = w[5] = 0;
  }
  *shape = (uint32_t)(n1 | n2 << 8 | (size_t)tag << 16);
  /* One multiply: it only spreads a plan's few dozen categories over the
   * slots, and a collision costs a lookup in the memo behind. */
  uint64_t h = (w[0] + w[1]) ^ (w[2] + (w[3] << 1)) ^ (w[4] + w[5]) ^
               (uint64_t)(uintptr_t)fw ^ *shape;
  h *= 0x9E3779B97F4A7C15u;
  _Static_assert(JX_CHK_FAST_CATS == 128, "the slot is the hash's top 7 bits");
  return (size_t)(h >> 57);
}

static inline bool jx_chk_cat_same(const struct jx_chk_fast_cat *e,
                                   const void *fw, const uint64_t w[6],
                                   uint32_t shape) {
  return e->fw == fw && e->shape == shape && e->w[0] == w[0] &&
         e->w[1] == w[1] && e->w[2] == w[2] && e->w[3] == w[3] &&
         e->w[4] == w[4] && e->w[5] == w[5];
}

/* The fast memo's key of a unit: its length and its bytes as words (all
 * of them, packed, up to three bytes: 人, 个, %, measured and packed from
 * the bytes tested for the end, without strlen; else its ends), and the
 * first of its two slots.  False for a unit it does not keep (empty, or
 * over 16 bytes). */
static inline bool jx_chk_unit_key(const char *t, size_t *n, uint64_t w[2],
                                   size_t *at) {
  const unsigned char *u = (const unsigned char *)t;
  w[1] = 0;
  if (!u[0])
    return false;
  if (!u[1]) {
    *n = 1;
    w[0] = u[0];
  } else if (!u[2]) {
    *n = 2;
    w[0] = u[0] | (uint64_t)u[1] << 8;
  } else if (!u[3]) {
    *n = 3;
    w[0] = u[0] | (uint64_t)u[1] << 8 | (uint64_t)u[2] << 16;
  } else {
    *n = 4 + strlen(t + 4);
    if (*n > 16)
      return false;
    jx_chk_ends(t, *n, w);
  }
  uint64_t h = (w[0] + *n) * 0xff51afd7ed558ccdu;
  h ^= w[1] * 0x9E3779B97F4A7C15u;
  h *= 0xc4ceb9fe1a85ec53u;
  _Static_assert(JX_CHK_FAST_UNITS == 64, "the slot is the hash's top 6 bits");
  *at = (size_t)(h >> 58);
  return true;
}

/* ---- reading values ------------------------------------------------------ */

/* jx_chk_category when the fast memo does not have the answer. */
bool jx_chk_category_slow(jx_checker *c, const char *level1, const char *level2,
                          const jx_level1 **l1, const jx_level2 **l2);
/* jx_framework_resolve in the framework in force, remembered.  Inline:
 * every indicator asks, and nearly every time a spelling it has asked
 * before, which is a few compares here. */
static inline bool jx_chk_category(jx_checker *c, const char *level1,
                                   const char *level2, const jx_level1 **l1,
                                   const jx_level2 **l2) {
  const jx_framework *fw = c->framework;
  if (fw && level2) {
    const char *s1 = level1 ? level1 : "";
    size_t n1 = strlen(s1), n2 = strlen(level2);
    if (n1 <= 16 && n2 <= 32) {
      uint64_t w[6];
      uint32_t shape;
      size_t at =
          jx_chk_cat_key(fw, s1, n1, level2, n2, level1 != NULL, w, &shape);
      for (size_t k = 0; k < 2; k++) {
        const struct jx_chk_fast_cat *e = &c->fast_cats[at ^ k];
        if (jx_chk_cat_same(e, fw, w, shape)) {
          if (e->ok) {
            *l1 = e->a;
            *l2 = e->b;
          }
          return e->ok;
        }
      }
    }
  }
  return jx_chk_category_slow(c, level1, level2, l1, l2);
}

/* jx_chk_number for anything but a usual number whose unit (if any) the
 * fast memo has. */
bool jx_chk_number_slow(jx_checker *c, const jx_value *v, jx_resolved *r);
/* Reads a NUMBER once: its exact decimal and its unit's table entry go
 * to *r (r->ok), which the caller keeps on the node.  Reports why it
 * cannot be read and returns false.  Inline: the checker reads every
 * number of the plan through it. */
static inline bool jx_chk_number(jx_checker *c, const jx_value *v,
                                 jx_resolved *r) {
  int64_t m;
  if (v->kind == JX_VAL_NUMBER && v->number && jx_usual_number(v->number, &m)) {
    const void *u = NULL;
    bool hit = !v->unit;
    size_t n, at;
    uint64_t w[2];
    if (!hit && jx_chk_unit_key(v->unit, &n, w, &at)) {
      for (size_t k = 0; k < 2 && !hit; k++) {
        const struct jx_chk_fast_unit *e = &c->fast_units[at ^ k];
        if (e->n == n && e->w[0] == w[0] && e->w[1] == w[1]) {
          u = e->u;
          hit = true;
        }
      }
    }
    if (hit) {
      r->dec.micros = m;
      r->unit = u;
      r->ok = true;
      return true;
    }
  }
  return jx_chk_number_slow(c, v, r);
}
/* A bare usual number (406.40: no unit, no sign, no comparison after
 * it), which is an amount as it stands, read into *r and *out as
 * jx_chk_amount would; false for anything else, which it leaves alone. */
static inline bool jx_chk_bare_amount(const jx_value *v, jx_resolved *r,
                                      jx_decimal *out) {
  int64_t m;
  if (v->kind != JX_VAL_NUMBER || v->unit || v->post || !v->number ||
      !jx_usual_number(v->number, &m))
    return false;
  r->dec.micros = m;
  r->unit = NULL;
  r->ok = true;
  out->micros = m;
  return true;
}

bool jx_chk_amount_slow(jx_checker *c, const jx_value *v, jx_resolved *r,
                        jx_decimal *out);
bool jx_chk_part_slow(jx_checker *c, const jx_value *v, jx_resolved *r,
                      jx_decimal *out);
/* A NUMBER as an amount of money in the plan currency (bare: already in
 * it), read with jx_chk_number into *r; reports a non-money unit,
 * overflow or rounding.  *out is 0 unless it returns true.  Inline for
 * the bare amount that budgets and funds nearly always are. */
static inline bool jx_chk_amount(jx_checker *c, const jx_value *v,
                                 jx_resolved *r, jx_decimal *out) {
  return jx_chk_bare_amount(v, r, out) || jx_chk_amount_slow(c, v, r, out);
}
/* An amount that is a part of a whole (a source of funds, a line item):
 * as jx_chk_amount, and never below zero (funds-negative; a bare usual
 * number has no sign). */
static inline bool jx_chk_part(jx_checker *c, const jx_value *v, jx_resolved *r,
                               jx_decimal *out) {
  return jx_chk_bare_amount(v, r, out) || jx_chk_part_slow(c, v, r, out);
}

/* A DATE as the model holds it (yyyymmdd × 10^6, dd 00 for a month) into
 * *r; reports a date that does not exist (2021年2月30日) and returns
 * false. */
bool jx_chk_date(jx_checker *c, const jx_value *v, jx_resolved *r);
/* A DATE_RANGE (2023.07-2024.01) into r->dec (its start) and r->end (its
 * end), each as jx_chk_date stores a date; a year alone (2020年-2022年)
 * is read as its January at the start and its December at the end.
 * Reports a date that does not exist and an end before the start, and
 * returns false.  For any statement whose value is a period. */
bool jx_chk_date_range(jx_checker *c, const jx_value *v, jx_resolved *r);

/* A NUMBER that names a month of the plan's year (9月前, 9月底前, 12月底):
 * the month 1–12 as a date of the plan's year into r->dec, r->date set.
 * Reports a number that is not a month and a plan without a year. */
bool jx_chk_month_date(jx_checker *c, const jx_value *v, jx_resolved *r);

/* Formats d as the shortest exact text, into buf. */
const char *jx_chk_dec(jx_decimal d, char buf[JX_DECIMAL_BUFSZ]);

/* The line items of a breakdown (a department's or a project's): each
 * an amount, adding up to the budget or (when one is known) the total of
 * b. */
void jx_chk_breakdown(jx_checker *c, jx_node *n, const jx_chk_budget *b);

#endif
