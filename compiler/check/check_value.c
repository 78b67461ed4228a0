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
#include "check_impl.h"
#include "resolve.h"

const char *jx_chk_dec(jx_decimal d, char buf[JX_DECIMAL_BUFSZ]) {
  jx_decimal_format(d, buf);
  return buf;
}

bool jx_chk_number(jx_checker *c, const jx_value *v, jx_resolved *r) {
  jx_decimal d;
  r->ok = false;
  jx_decimal_status st = jx_value_decimal(v, &d);
  if (st == JX_DEC_PRECISION)
    jx_diag_report(c->diag, JX_E_NUMBER_PRECISION, v->loc, v->text);
  else if (st != JX_DEC_OK)
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
