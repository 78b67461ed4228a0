/*
 * resolve.h — what a value as written means, without judging it.
 *
 * The checker reads every value through these once and stores the answer
 * on the node (check_value.c); lowering and the back ends copy the stored
 * answer.  They are public for the tools that read a tree the checker has
 * not seen: the formatter prints 3月底 and jun alike as the month they
 * name.
 */
#ifndef JX_RESOLVE_H
#define JX_RESOLVE_H

#include "ast.h"
#include "jixiao.h"
#include "units.h"

/* A NUMBER value as an exact decimal in its own written unit. */
jx_decimal_status jx_value_decimal(const jx_value *v, jx_decimal *out);
/* The unit table entry of a NUMBER value's unit (NULL: none or unknown). */
const jx_unit_info *jx_value_unit(const jx_value *v);
/* A schedule entry's month 1–12 (a month name, or 3月 / 3月底), or 0. */
int jx_schedule_month(const jx_schedule_entry *e);

#endif
