/*
 * lower.h — from the syntax tree to the model of runtime/jixiao.h.
 *
 * Lowering resolves what the checker has already validated: categories to
 * framework codes and labels, numbers to exact decimals, amounts to the
 * plan's currency, units to their normalised names.  It is only called on
 * nodes the checker accepted, so it reports nothing; where a value still
 * cannot be read it leaves the field zero rather than guess.
 */
#ifndef JX_LOWER_H
#define JX_LOWER_H

#include "arena.h"
#include "ast.h"
#include "framework.h"
#include "jixiao.h"
#include "units.h"

typedef struct jx_lower_ctx {
  jx_arena *arena; /* where the model structs go */
  const jx_framework *framework;
  const jx_unit_info *currency; /* unit of bare amounts */
} jx_lower_ctx;

/* A NUMBER value as an exact decimal in its own written unit. */
jx_decimal_status jx_value_decimal(const jx_value *v, jx_decimal *out);
/* A NUMBER value as an amount in the currency (a bare number is already in
 * it; 891000元 is converted).  JX_DEC_INEXACT if the unit is not money. */
jx_decimal_status jx_value_amount(const jx_value *v,
                                  const jx_unit_info *currency,
                                  jx_decimal *out);
/* The unit table entry of a NUMBER value's unit (NULL: none or unknown). */
const jx_unit_info *jx_value_unit(const jx_value *v);
/* A schedule entry's month 1–12, or 0. */
int jx_schedule_month(const jx_schedule_entry *e);

const jx_project *jx_lower_project(const jx_lower_ctx *c, const jx_node *p);
/* code, name, goals and measures; projects are streamed separately. */
void jx_lower_unit(const jx_lower_ctx *c, const jx_node *unit, jx_unit *out);
const jx_department *jx_lower_department(const jx_lower_ctx *c,
                                         const jx_node *d);
/* One indicator (the category must resolve, or be absent). */
void jx_lower_indicator(const jx_lower_ctx *c, const jx_node *n,
                        jx_indicator *out);

#endif
