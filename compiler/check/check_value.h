/*
 * check_value.h — reading numbers, amounts, dates and categories once
 * (check_value.c); private to compiler/check, used by every rule file.
 */
#ifndef JX_CHECK_VALUE_H
#define JX_CHECK_VALUE_H

#include "check_state.h"

/* Reads a NUMBER once: its exact decimal and its unit's table entry go
 * to *r (r->ok), which the caller keeps on the node.  Reports why it
 * cannot be read and returns false. */
bool jx_chk_number(jx_checker *c, const jx_value *v, jx_resolved *r);
/* jx_framework_resolve in the framework in force, remembered. */
bool jx_chk_category(jx_checker *c, const char *level1, const char *level2,
                     const jx_level1 **l1, const jx_level2 **l2);
/* A NUMBER as an amount of money in the plan currency (bare: already in
 * it), read with jx_chk_number into *r; reports a non-money unit,
 * overflow or rounding.  *out is 0 unless it returns true. */
bool jx_chk_amount(jx_checker *c, const jx_value *v, jx_resolved *r,
                   jx_decimal *out);
/* An amount that is a part of a whole (a source of funds, a line item):
 * as jx_chk_amount, and never below zero (funds-negative). */
bool jx_chk_part(jx_checker *c, const jx_value *v, jx_resolved *r,
                 jx_decimal *out);

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
