/*
 * diff_value.h — how an indicator's target moved between two plans: asks
 * more of the project (tightened), less (loosened), or something else
 * (changed).  The rule, by role, is stated in docs/diff.md.  And how
 * large a change of an amount is, as a percentage (items and the summary
 * both report it).
 */
#ifndef JX_DIFF_VALUE_H
#define JX_DIFF_VALUE_H

#include <stdbool.h>
#include <stdint.h>

#include "jixiao.h"

/* How a changed indicator value moved (docs/diff.md states the rule). */
typedef enum jx_diff_verdict {
  JX_VERDICT_NONE = 0, /* not an indicator value; or no change in meaning */
  JX_VERDICT_TIGHTENED,
  JX_VERDICT_LOOSENED,
  JX_VERDICT_CHANGED /* neither: a different kind, unit, text or direction */
} jx_diff_verdict;

/* The verdict on indicator o of the old plan becoming n of the new (the
 * same category and name): JX_VERDICT_NONE when the target means the
 * same — 0.5万元 and 5000元, or ≤ 2021年12月 and ≤ 2021年12月31日 —
 * however differently it is written. */
jx_diff_verdict jx_diff_target_moved(const jx_indicator *o,
                                     const jx_indicator *n);

/* delta / base as hundredths of a percent, rounded half away from zero;
 * returns false when base is 0. */
bool jx_diff_percent(jx_decimal delta, jx_decimal base, int64_t *cents);

#endif
