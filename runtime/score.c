/*
 * score.c — self-evaluation (绩效自评): a project's actuals into scores,
 * under a profile (jixiao_score.h).
 *
 * The order of the work is the order of the printed form:
 *
 *   1. Each indicator belongs to the part (group) of the profile that
 *      takes its level-1 role; one that no part takes is not scored.
 *   2. Weights: a weight printed on the form is used as printed; the rest
 *      of a part's points are shared evenly among its indicators without
 *      one.  A not-applicable indicator is left out of the sharing and,
 *      when that leaves points no indicator can earn (its printed weight,
 *      a part with no indicator at all), every weight is rescaled so the
 *      total stays what the profile says (JX_NA_RESCALE); or it is scored
 *      in full (JX_NA_FULL).
 *   3. Each indicator's score: full weight when met; otherwise actual ÷
 *      target for a floor (≥ > =), target ÷ actual or the linear rule for
 *      a ceiling (≤ <, and `=` on a cost), nothing for a missed deadline;
 *      a qualitative result by the band of its rating.
 *   4. 预算执行率: spent ÷ the adjusted annual budget, × its weight, capped.
 *   5. Rounding, only if the profile says so, of each score; the total is
 *      the sum of what is shown, and the grade is the total's.
 *
 * Every figure is an exact jx_ratio; the first one that does not fit ends
 * the work with JX_DEC_OVERFLOW.
 */
#include "jixiao_score.h"

#include <string.h>

/* What a score shows when the profile does not round. */
#define SHOWN_PLACES 2

/* The first failure of a chain of exact operations is kept in *st; after
 * it every step returns zero, and the caller returns *st. */
static jx_ratio add(jx_ratio a, jx_ratio b, jx_decimal_status *st) {
  jx_ratio r = {0, 1};
  if (*st == JX_DEC_OK)
    *st = jx_ratio_add(a, b, &r);
  return r;
}

static jx_ratio sub(jx_ratio a, jx_ratio b, jx_decimal_status *st) {
  jx_ratio r = {0, 1};
  if (*st == JX_DEC_OK)
    *st = jx_ratio_sub(a, b, &r);
  return r;
}

static jx_ratio mul(jx_ratio a, jx_ratio b, jx_decimal_status *st) {
  jx_ratio r = {0, 1};
  if (*st == JX_DEC_OK)
    *st = jx_ratio_mul(a, b, &r);
  return r;
}

/* a ÷ b; callers never divide by zero (they test first). */
static jx_ratio divide(jx_ratio a, jx_ratio b, jx_decimal_status *st) {
  jx_ratio r = {0, 1};
  if (*st == JX_DEC_OK)
    *st = jx_ratio_div(a, b, &r);
  return r;
}

static jx_ratio ratio(jx_decimal d) {
  return jx_ratio_of(d);
}

static const jx_ratio ZERO = {0, 1}, ONE = {1, 1};

static jx_ratio clamp01(jx_ratio r) {
  if (jx_ratio_cmp(r, ZERO) < 0)
    return ZERO;
  if (jx_ratio_cmp(r, ONE) > 0)
    return ONE;
  return r;
}

const char *jx_grade_text(jx_grade g) {
  switch (g) {
  case JX_GRADE_A:
    return "优";
  case JX_GRADE_B:
    return "良";
  case JX_GRADE_C:
    return "中";
  case JX_GRADE_D:
    return "差";
  }
  return NULL;
}

jx_grade jx_profile_grade(const jx_profile *prof, jx_ratio total) {
  if (!prof)
    prof = jx_profile_default();
  if (jx_ratio_cmp(total, ratio(prof->grade_a)) >= 0)
    return JX_GRADE_A;
  if (jx_ratio_cmp(total, ratio(prof->grade_b)) >= 0)
    return JX_GRADE_B;
  if (jx_ratio_cmp(total, ratio(prof->grade_c)) >= 0)
    return JX_GRADE_C;
  return JX_GRADE_D;
}

/* The part of the profile that scores this indicator, or -1. */
static int group_of(const jx_profile *prof, const jx_indicator *x) {
  if (x->level1_role == JX_ROLE_NONE)
    return -1;
  for (size_t g = 0; g < prof->n_groups; g++)
    if (prof->groups[g].roles & JX_ROLE_BIT(x->level1_role))
      return (int)g;
  return -1;
}

/* A ceiling: ≤ and <, and `=` on a cost (spending less than the figure
 * is not falling short of it). */
static int is_ceiling(const jx_indicator *x) {
  if (x->op == JX_OP_LE || x->op == JX_OP_LT)
    return 1;
  return x->op == JX_OP_EQ &&
         (x->level1_role == JX_ROLE_COST || x->level2_role == JX_ROLE_COST);
}

/* Whether a number meets a quantitative target, as scoring reads `=`: a
 * floor (reaching the figure is meeting it) or, on a cost, a ceiling; an
 * `=` target of 0 (no accidents) is met by 0 alone. */
int jx_actual_number_met(const jx_indicator *x, jx_decimal a) {
  if (x->op == JX_OP_EQ) {
    int c = jx_decimal_cmp(a, x->value);
    if (x->value.micros == 0)
      return c <= 0;
    return is_ceiling(x) ? c <= 0 : c >= 0;
  }
  return jx_indicator_met(x, a);
}

/* Whether a date or month meets a date target: a month reported for a
 * deadline is taken at its last day, for a start at its first (what is
 * known for certain).  -1 when either is not a date. */
int jx_actual_date_met(const jx_indicator *x, jx_decimal a) {
  jx_decimal bound, day;
  int dir = jx_date_bound(x->op, x->value, &bound);
  if (dir == 0 || !jx_date_bound(dir < 0 ? JX_OP_LE : JX_OP_GE, a, &day))
    return -1;
  int c = jx_decimal_cmp(day, bound);
  return dir < 0 ? c <= 0 : c >= 0;
}

/* The share of its weight a missed quantitative target earns. */
static jx_ratio missed_share(const jx_profile *prof, const jx_indicator *x,
                             jx_decimal a, jx_decimal_status *st) {
  jx_ratio t = ratio(x->value), r = ratio(a);
  if (jx_ratio_cmp(t, ZERO) <= 0)
    return ZERO; /* a target of 0 or less, missed: no proportion to take */
  if (!is_ceiling(x))
    return clamp01(divide(r, t, st));
  if (prof->reverse == JX_REVERSE_LINEAR) /* (2t − a) ÷ t */
    return clamp01(divide(sub(add(t, t, st), r, st), t, st));
  if (jx_ratio_cmp(r, ZERO) <= 0)
    return ONE;
  return clamp01(divide(t, r, st));
}

/* The lower and upper bound (percent) of a rating's band. */
static void band(const jx_profile *prof, jx_rating rt, jx_ratio *lo,
                 jx_ratio *hi) {
  switch (rt) {
  case JX_RATING_MET:
    *lo = ratio(prof->band_met);
    *hi = jx_ratio_int(100);
    return;
  case JX_RATING_PARTLY:
    *lo = ratio(prof->band_partly);
    *hi = ratio(prof->band_met);
    return;
  default:
    *lo = ZERO;
    *hi = ratio(prof->band_partly);
    return;
  }
}

/* A rated qualitative result: the printed score when it lies in the
 * band (the evaluator's choice within it), else the band's own figure:
 * all of the weight for 达成, the band's floor for 部分达成, 0 for 未达成. */
static jx_ratio rated(const jx_profile *prof, jx_rating rt, const jx_actual *ac,
                      jx_ratio base, jx_ratio w, jx_score_note *note,
                      jx_decimal_status *st) {
  jx_ratio lo, hi, hundred = jx_ratio_int(100);
  band(prof, rt, &lo, &hi);
  if (ac->has_score && jx_ratio_cmp(base, ZERO) > 0) {
    jx_ratio pct = mul(divide(ratio(ac->score), base, st), hundred, st);
    int top = jx_ratio_cmp(pct, hi);
    if (jx_ratio_cmp(pct, lo) >= 0 &&
        (rt == JX_RATING_MET ? top <= 0 : top < 0)) {
      *note = JX_NOTE_PRINTED_IN_BAND;
      return mul(w, divide(pct, hundred, st), st);
    }
    *note = JX_NOTE_PRINTED_OUT_OF_BAND;
  }
  if (rt == JX_RATING_MET)
    return w;
  if (rt == JX_RATING_PARTLY)
    return mul(w, divide(lo, hundred, st), st);
  return ZERO;
}

/* Is the actual's text the target's own text (a qualitative result
 * reported as it was targeted)? */
static int same_text(const jx_indicator *x, const jx_actual *ac) {
  return ac->text && x->text && strcmp(ac->text, x->text) == 0;
}

/* Scores one applicable indicator worth w (base: what its printed score
 * is a share of). */
static void score_one(const jx_profile *prof, const jx_indicator *x,
                      const jx_actual *ac, jx_ratio w, jx_ratio base,
                      jx_indicator_score *out, jx_decimal_status *st) {
  out->met = -1;
  out->score = ZERO;
  if (!ac || ac->kind == JX_ACTUAL_NONE) {
    out->note = JX_NOTE_NO_ACTUAL;
    return;
  }
  if (ac->kind == JX_ACTUAL_TARGETED) {
    out->met = 1;
    out->score = w;
    return;
  }
  switch (x->kind) {
  case JX_KIND_QUANTITATIVE: {
    if (ac->kind != JX_ACTUAL_NUMBER)
      break;
    jx_decimal a = ac->value;
    if (a.micros < 0) /* a negative actual counts as 0 */
      a.micros = 0;
    out->met = jx_actual_number_met(x, a);
    out->score = out->met ? w : mul(w, missed_share(prof, x, a, st), st);
    return;
  }
  case JX_KIND_DATE:
    if (ac->kind != JX_ACTUAL_DATE)
      break;
    out->met = jx_actual_date_met(x, ac->value);
    if (out->met < 0)
      break;
    out->score = out->met ? w : ZERO;
    return;
  case JX_KIND_QUALITATIVE:
  case JX_KIND_DATE_RANGE: { /* a period is rated like a text target */
    if (ac->kind != JX_ACTUAL_TEXT)
      break;
    jx_rating rt = ac->rating;
    if (rt == JX_RATING_NONE) {
      if (!same_text(x, ac)) {
        out->note = JX_NOTE_NO_RATING;
        out->met = 0;
        return;
      }
      rt = JX_RATING_MET;
    }
    out->met = rt == JX_RATING_MET;
    out->score = rated(prof, rt, ac, base, w, &out->note, st);
    return;
  }
  case JX_KIND_NA:
  case JX_KIND_EMPTY:
    break;
  }
  out->met = -1;
  out->note = JX_NOTE_MISMATCH;
}

/* The decimal places of d as its shortest text has them. */
static int places_of(jx_decimal d) {
  int64_t f = d.micros % JX_DECIMAL_SCALE;
  int places = JX_DECIMAL_PLACES;
  if (f == 0)
    return 0;
  while (f % 10 == 0) {
    f /= 10;
    places--;
  }
  return places;
}

/* Shows s as the profile says, and whether a printed score differs from
 * it: with the profile's rounding, unless it is exactly what is shown;
 * without, unless rounding or truncating s at the printed places gives it. */
static jx_decimal show(const jx_profile *prof, jx_ratio s, int has_printed,
                       jx_decimal printed, int *differs,
                       jx_decimal_status *st) {
  jx_decimal shown = {0};
  int rounds = prof->round_places >= 0;
  if (*st == JX_DEC_OK)
    *st = jx_ratio_round(s, rounds ? prof->round_places : SHOWN_PLACES,
                         rounds ? prof->round_mode : JX_ROUND_HALF_UP, &shown);
  *differs = 0;
  if (!has_printed || *st != JX_DEC_OK)
    return shown;
  if (rounds) {
    *differs = jx_decimal_cmp(printed, shown) != 0;
    return shown;
  }
  jx_decimal up = {0}, down = {0};
  int k = places_of(printed);
  if (jx_ratio_round(s, k, JX_ROUND_HALF_UP, &up) != JX_DEC_OK ||
      jx_ratio_round(s, k, JX_ROUND_DOWN, &down) != JX_DEC_OK) {
    *differs = 1;
    return shown;
  }
  *differs =
      jx_decimal_cmp(printed, up) != 0 && jx_decimal_cmp(printed, down) != 0;
  return shown;
}

/* What a score adds to the total: what is shown when the profile rounds,
 * the exact figure when it does not. */
static jx_ratio counted(const jx_profile *prof, jx_ratio exact,
                        jx_decimal shown) {
  return prof->round_places >= 0 ? ratio(shown) : exact;
}

/* A row printed without a target (JX_KIND_EMPTY) has nothing to score
 * against: it counts as not applicable. */
static int is_na(const jx_indicator *x, const jx_actual *ac) {
  return x->kind == JX_KIND_NA || x->kind == JX_KIND_EMPTY ||
         (ac && ac->kind == JX_ACTUAL_NA);
}

jx_decimal_status jx_score_project(const jx_profile *prof, const jx_project *p,
                                   const jx_project_actuals *a,
                                   jx_indicator_score *ind,
                                   jx_project_score *out) {
  static const jx_project_actuals none;
  jx_decimal_status st = JX_DEC_OK;
  if (!prof)
    prof = jx_profile_default();
  if (!a)
    a = &none;
  if (!p || !out || (p->n_indicators && !ind) ||
      prof->n_groups > JX_PROFILE_MAX_GROUPS)
    return JX_DEC_SYNTAX;
  memset(out, 0, sizeof *out);
  size_t n = p->n_indicators, ng = prof->n_groups;
  const jx_actual *acts = a->actuals;

  /* 1–2: parts and weights.  `share` is what an indicator without a
   * printed weight gets in each part. */
  jx_ratio share[JX_PROFILE_MAX_GROUPS], used[JX_PROFILE_MAX_GROUPS];
  jx_ratio lost = ZERO;
  size_t n_free[JX_PROFILE_MAX_GROUPS];
  for (size_t g = 0; g < ng; g++) {
    out->groups[g].weight = out->groups[g].score = ZERO;
    out->groups[g].printed = used[g] = ZERO;
    n_free[g] = 0;
  }
  for (size_t i = 0; i < n; i++) {
    const jx_indicator *x = &p->indicators[i];
    const jx_actual *ac = acts ? &acts[i] : NULL;
    memset(&ind[i], 0, sizeof ind[i]);
    ind[i].weight = ind[i].score = ZERO;
    ind[i].group = group_of(prof, x);
    int g = ind[i].group;
    if (g < 0)
      continue;
    jx_group_score *gs = &out->groups[g];
    if (ac && ac->has_weight) /* what the form's part adds up to */
      gs->printed = add(gs->printed, ratio(ac->weight), &st);
    if (is_na(x, ac) && prof->na == JX_NA_RESCALE) {
      if (ac && ac->has_weight) /* points printed for it, now unearnable */
        lost = add(lost, ratio(ac->weight), &st);
      continue;
    }
    gs->n++;
    if (ac && ac->has_weight) {
      gs->n_printed++;
      used[g] = add(used[g], ratio(ac->weight), &st);
    } else {
      n_free[g]++;
    }
  }
  jx_ratio nominal = ratio(prof->execution_weight);
  for (size_t g = 0; g < ng; g++) {
    jx_ratio wg = ratio(prof->groups[g].weight);
    nominal = add(nominal, wg, &st);
    share[g] = ZERO;
    if (out->groups[g].n == 0) { /* nothing can earn this part */
      lost = add(lost, wg, &st);
      continue;
    }
    if (n_free[g] == 0)
      continue;
    jx_ratio left = sub(wg, used[g], &st);
    if (jx_ratio_cmp(left, ZERO) > 0)
      share[g] = divide(left, jx_ratio_int((int64_t)n_free[g]), &st);
  }
  out->rescale = ONE;
  jx_ratio earnable = sub(nominal, lost, &st);
  if (jx_ratio_cmp(lost, ZERO) > 0 && jx_ratio_cmp(earnable, ZERO) > 0)
    out->rescale = divide(nominal, earnable, &st);

  /* 3: each indicator. */
  out->all_printed = a->has_execution_weight;
  out->printed_total =
      a->has_execution_weight ? ratio(a->execution_weight) : ZERO;
  for (size_t i = 0; i < n && st == JX_DEC_OK; i++) {
    const jx_indicator *x = &p->indicators[i];
    const jx_actual *ac = acts ? &acts[i] : NULL;
    jx_indicator_score *is = &ind[i];
    int g = is->group;
    if (g < 0) {
      is->met = -1;
      is->note = JX_NOTE_NO_GROUP;
      continue;
    }
    int na = is_na(x, ac);
    if (na && prof->na == JX_NA_RESCALE) {
      if (ac && ac->has_weight)
        out->printed_total = add(out->printed_total, ratio(ac->weight), &st);
      is->met = -1;
      is->note = JX_NOTE_NA;
      continue;
    }
    jx_ratio base = ac && ac->has_weight ? ratio(ac->weight) : share[g];
    if (ac && ac->has_weight)
      out->printed_total = add(out->printed_total, base, &st);
    else
      out->all_printed = 0;
    is->weight = mul(base, out->rescale, &st);
    if (na) {
      is->met = -1;
      is->note = JX_NOTE_NA;
      is->score = is->weight;
    } else {
      score_one(prof, x, ac, is->weight, base, is, &st);
    }
    is->score = clamp01(st == JX_DEC_OK && jx_ratio_cmp(is->weight, ZERO) > 0
                            ? divide(is->score, is->weight, &st)
                            : ZERO);
    is->score = mul(is->score, is->weight, &st);
    is->shown = show(prof, is->score, ac && ac->has_score,
                     ac ? ac->score : is->shown, &is->printed_differs, &st);
    jx_group_score *gs = &out->groups[g];
    gs->weight = add(gs->weight, is->weight, &st);
    gs->score = add(gs->score, counted(prof, is->score, is->shown), &st);
  }

  /* 4: budget execution. */
  out->budget_full = a->has_budget_full ? a->budget_full : p->budget;
  out->spent = a->has_spent ? a->spent : (jx_decimal){0};
  jx_ratio ew = a->has_execution_weight ? ratio(a->execution_weight)
                                        : ratio(prof->execution_weight);
  out->execution_weight = mul(ew, out->rescale, &st);
  out->execution_score = ZERO;
  if (a->has_spent && out->budget_full.micros > 0) {
    jx_decimal s = out->spent;
    if (s.micros < 0)
      s.micros = 0; /* money spent is never negative */
    out->has_rate = 1;
    out->rate = divide(ratio(s), ratio(out->budget_full), &st);
    out->execution_score = mul(out->rate, out->execution_weight, &st);
    if (prof->execution_cap &&
        jx_ratio_cmp(out->execution_score, out->execution_weight) > 0)
      out->execution_score = out->execution_weight;
  }
  out->execution_shown =
      show(prof, out->execution_score, a->has_execution_score,
           a->execution_score, &out->execution_printed_differs, &st);

  /* 5: the total and its grade. */
  out->total = counted(prof, out->execution_score, out->execution_shown);
  for (size_t g = 0; g < ng; g++)
    out->total = add(out->total, out->groups[g].score, &st);
  if (st == JX_DEC_OK)
    st = jx_ratio_round(
        out->total, prof->round_places >= 0 ? prof->round_places : SHOWN_PLACES,
        JX_ROUND_HALF_UP, &out->total_shown);
  out->grade = jx_profile_grade(prof, out->total);
  return st;
}
