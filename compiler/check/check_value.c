/*
 * check_value.c — reading numbers and amounts, once.
 *
 * Every NUMBER the checker meets is parsed here into an exact decimal and
 * its unit looked up in the table; an amount is converted here to the
 * plan's currency.  What could be read goes to a jx_resolved that the
 * caller keeps on the node (with the converted amount), so that no later
 * pass parses, looks up or converts it again; what could not is reported.
 *
 * The bottom of the checker: the other checker files call in, this one
 * calls none of them.
 */
#include <stdio.h>
#include <string.h>

#include "check_impl.h"
#include "resolve.h"

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

bool jx_chk_number(jx_checker *c, const jx_value *v, jx_resolved *r) {
  jx_decimal d;
  r->ok = false;
  jx_decimal_status st = jx_value_decimal(v, &d);
  if (st == JX_DEC_PRECISION) {
    jx_diag_report(c->diag, JX_E_NUMBER_PRECISION, v->loc, v->text);
    precision_fixit(c, v);
  } else if (st != JX_DEC_OK)
    jx_diag_report(c->diag, JX_E_NUMBER_OVERFLOW, v->loc, v->text);
  if (st != JX_DEC_OK)
    return false;
  r->dec = d;
  r->unit = jx_value_unit(v);
  r->ok = true;
  return true;
}

bool jx_chk_amount(jx_checker *c, const jx_value *v, jx_resolved *r,
                   jx_decimal *out) {
  out->micros = 0;
  if (!jx_chk_number(c, v, r))
    return false;
  const jx_unit_info *u = r->unit;
  if (v->unit && (!u || u->dimension != JX_DIM_MONEY)) {
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
