/*
 * jixiao_score.h — scoring a year's actuals (绩效自评) and monitoring
 * progress during the year (绩效运行监控), over the model of jixiao.h.
 *
 * A budget system that embeds a plan (a header made by `jxc build -f c`,
 * or the structs built by hand) scores it with the same functions and the
 * same rules as `jxc eval` and `jxc monitor`, and gets the same figures:
 *
 *   jx_actual xs[N];                    one per indicator, in order
 *   jx_project_actuals a = {...};       the money, and xs
 *   jx_indicator_score is[N];
 *   jx_project_score ps;
 *   if (jx_score_project(jx_profile_default(), p, &a, is, &ps) == JX_DEC_OK)
 *     ... ps.total_shown, ps.grade, is[i].shown ...
 *
 * The rules are data: a jx_profile holds the weights of each part, the
 * bands of qualitative ratings, the grade bands, the rule for reverse
 * (cost) indicators, the rounding of scores, the lights of monitoring.
 * The built-in profiles are tables (runtime/profile.c); a program may fill
 * its own.
 *
 * Arithmetic is exact: a score such as weight × actual ÷ target is a
 * rational (jx_ratio), kept in lowest terms in two int64 with every
 * product checked, and rounded only where the profile says (or, for
 * display, to two places).  When a figure outgrows int64 the functions
 * return JX_DEC_OVERFLOW instead of an approximate answer.  No floating
 * point is used anywhere.  Nothing here allocates: results go into arrays
 * the caller passes, one entry per indicator of the project.
 *
 * C99 and C++ clean; needs jixiao.h and the standard library only.
 */
#ifndef JIXIAO_SCORE_H
#define JIXIAO_SCORE_H

#include "jixiao.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Exact rationals (runtime/ratio.c) -------------------------------- */

/* num / den in lowest terms, den > 0.  {0, 1} is zero. */
typedef struct jx_ratio {
  int64_t num;
  int64_t den;
} jx_ratio;

/* Enough for "-9223372036854775808/9223372036854775807" and the NUL. */
#define JX_RATIO_BUFSZ 48

typedef enum jx_round {
  JX_ROUND_HALF_UP = 0, /* half away from zero: 9.835 → 9.84 */
  JX_ROUND_DOWN         /* truncation toward zero: 9.89 → 9.8 at 0.1 */
} jx_round;

jx_ratio jx_ratio_of(jx_decimal d); /* exact: 89.1 is 891/10 */
jx_ratio jx_ratio_int(int64_t n);
/* Each returns JX_DEC_OK, JX_DEC_OVERFLOW when the exact result does not
 * fit, or (division) JX_DEC_UNDEFINED for a zero divisor; *out is then
 * untouched. */
jx_decimal_status jx_ratio_add(jx_ratio a, jx_ratio b, jx_ratio *out);
jx_decimal_status jx_ratio_sub(jx_ratio a, jx_ratio b, jx_ratio *out);
jx_decimal_status jx_ratio_mul(jx_ratio a, jx_ratio b, jx_ratio *out);
jx_decimal_status jx_ratio_div(jx_ratio a, jx_ratio b, jx_ratio *out);
int jx_ratio_cmp(jx_ratio a, jx_ratio b); /* exact, never overflows */
/* r rounded to `places` (0–6) decimal places by `mode`. */
jx_decimal_status jx_ratio_round(jx_ratio r, int places, jx_round mode,
                                 jx_decimal *out);
/* r as a decimal when it has one (at most six places): JX_DEC_INEXACT
 * otherwise. */
jx_decimal_status jx_ratio_decimal(jx_ratio r, jx_decimal *out);
/* Exact text: the decimal when there is one ("9.5"), else "num/den"
 * ("2163/220").  Returns the length. */
size_t jx_ratio_format(jx_ratio r, char buf[JX_RATIO_BUFSZ]);

/* ---- Profiles: the rules as data (runtime/profile.c) ------------------ */

#define JX_PROFILE_MAX_GROUPS 6
#define JX_ROLE_BIT(r) (1u << (unsigned)(r))

/* A part of the score that indicators earn: 产出 50 earned by indicators
 * whose level-1 role is output (or cost, where the profile says so). */
typedef struct jx_score_group {
  const char *name;  /* "output": the name JSON and CSV use */
  const char *label; /* "产出指标" */
  jx_decimal weight; /* points */
  unsigned roles;    /* level-1 roles scored here: JX_ROLE_BIT(…) | … */
} jx_score_group;

typedef enum jx_reverse_rule {
  JX_REVERSE_RATIO = 0, /* missed: target ÷ actual × weight (the rule text) */
  JX_REVERSE_LINEAR /* missed: (1 − (actual − target) ÷ target) × weight,
                       0 at twice the target */
} jx_reverse_rule;

typedef enum jx_na_rule {
  JX_NA_RESCALE = 0, /* left out, the other weights rescaled to the total */
  JX_NA_FULL         /* scored in full */
} jx_na_rule;

typedef enum jx_budget_basis {
  JX_BASIS_TIME = 0, /* the budget light compares with 序时进度 (month ÷ 12) */
  JX_BASIS_SCHEDULE /* with the plan's own schedule (序时 without one) */
} jx_budget_basis;

typedef struct jx_profile {
  const char *name;  /* "caiyu2020" */
  const char *label; /* "财预〔2020〕10号" */
  /* ---- self-evaluation */
  jx_decimal execution_weight; /* 预算执行率: 10 */
  int execution_cap; /* 1: 执行率 × weight is at most the weight */
  jx_score_group groups[JX_PROFILE_MAX_GROUPS];
  size_t n_groups;
  /* Qualitative ratings: 达成 from band_met % of the weight up to 100 %,
   * 部分达成 from band_partly % up to band_met %, 未达成 below. */
  jx_decimal band_met, band_partly;
  /* Grades: 优 from grade_a, 良 from grade_b, 中 from grade_c, 差 below. */
  jx_decimal grade_a, grade_b, grade_c;
  jx_reverse_rule reverse;
  int round_places; /* each score rounded to this many places; -1: none */
  jx_round round_mode;
  jx_na_rule na;
  /* ---- monitoring: progress as a percentage of what was due by now */
  jx_decimal light_red, light_yellow, light_blue; /* below red: red; below
                                                     yellow: yellow; from
                                                     blue: blue (0: none) */
  jx_decimal budget_red, budget_yellow, budget_blue;
  jx_budget_basis budget_basis;
  int reason_for_yellow; /* yellow needs a reason too (red always does) */
} jx_profile;

/* The default profile: 财预〔2020〕10号. */
const jx_profile *jx_profile_default(void);
/* A built-in profile by name ("caiyu2020", "hubei"), or NULL. */
const jx_profile *jx_profile_builtin(const char *name);
/* The built-ins, in order, and how many. */
const jx_profile *jx_profile_list(size_t *n);

/* ---- Actuals: what the user reports --------------------------------- */

typedef enum jx_actual_kind {
  JX_ACTUAL_NONE = 0, /* no actual reported */
  JX_ACTUAL_NUMBER,   /* value, in the indicator's unit */
  JX_ACTUAL_DATE,     /* value yyyymmdd × 10^6; dd 00: some day of the month */
  JX_ACTUAL_TEXT,     /* a qualitative result, with a rating */
  JX_ACTUAL_TARGETED, /* "as targeted": the target, exactly */
  JX_ACTUAL_NA        /* not applicable this year */
} jx_actual_kind;

/* The evaluator's rating of a qualitative result (in monitoring also:
 * 达到预期 / 部分达到 / 未达到). */
typedef enum jx_rating {
  JX_RATING_NONE = 0,
  JX_RATING_MET,    /* 达成 */
  JX_RATING_PARTLY, /* 部分达成 */
  JX_RATING_MISSED  /* 未达成 */
} jx_rating;

typedef struct jx_actual {
  jx_actual_kind kind;
  jx_decimal value;
  const char *text; /* TEXT: as written (NULL: a rating alone) */
  jx_rating rating;
  int has_weight; /* the weight (分值) printed on the form */
  jx_decimal weight;
  int has_score; /* the score (得分) printed on the form: compared */
  jx_decimal score;
} jx_actual;

typedef struct jx_project_actuals {
  int has_budget_full; /* 全年预算数 (adjusted); absent: the plan's budget */
  jx_decimal budget_full; /* in the plan's currency, like p->budget */
  int has_spent;          /* 执行数 */
  jx_decimal spent;
  int has_execution_weight; /* printed for 预算执行率 */
  jx_decimal execution_weight;
  int has_execution_score;
  jx_decimal execution_score;
  const jx_actual *actuals; /* p->n_indicators of them, in order; NULL: none */
} jx_project_actuals;

/* ---- Scoring (runtime/score.c) --------------------------------------- */

typedef enum jx_grade {
  JX_GRADE_A = 0, /* 优 */
  JX_GRADE_B,     /* 良 */
  JX_GRADE_C,     /* 中 */
  JX_GRADE_D      /* 差 */
} jx_grade;

/* "优", "良", "中", "差" (NULL for a value outside the enum). */
const char *jx_grade_text(jx_grade g);
/* The grade of a total under a profile's bands. */
jx_grade jx_profile_grade(const jx_profile *prof, jx_ratio total);

/* Whether an actual meets its indicator's target, as scoring and
 * monitoring both read it (财预〔2020〕10号 as docs/eval.md gives it): a
 * number against a quantitative target, where `=` is a floor (reaching
 * the figure is meeting it) or, on a cost, a ceiling, and `= 0` (no
 * accidents) is met by 0 alone; a day (yyyymmdd × 10^6) against a date
 * target, a month taken at its last day for a deadline and its first for
 * a start.  1 met, 0 not, -1 when a date is not a date. */
int jx_actual_number_met(const jx_indicator *x, jx_decimal actual);
int jx_actual_date_met(const jx_indicator *x, jx_decimal actual);

/* Why an indicator scored as it did, beyond its actual. */
typedef enum jx_score_note {
  JX_NOTE_NONE = 0,
  JX_NOTE_NO_ACTUAL,           /* no actual: 0 */
  JX_NOTE_NA,                  /* not applicable: left out, or full (na rule) */
  JX_NOTE_NO_GROUP,            /* no part of the profile takes its role: not
                                  scored */
  JX_NOTE_NO_RATING,           /* qualitative, not rated, text not the target's:
                                  scored as 未达成 */
  JX_NOTE_PRINTED_IN_BAND,     /* qualitative: the printed score, in its band */
  JX_NOTE_PRINTED_OUT_OF_BAND, /* qualitative: the printed score is outside
                                  its band: the band's own figure */
  JX_NOTE_MISMATCH             /* the actual is not of the target's kind: 0 */
} jx_score_note;

typedef struct jx_indicator_score {
  int group;        /* index in the profile's groups; -1: not scored */
  jx_ratio weight;  /* what it is worth, rescaled */
  jx_ratio score;   /* exact, before the profile's rounding */
  jx_decimal shown; /* rounded by the profile; two places (half up) when
                       the profile does not round */
  int met;          /* 1 met, 0 missed, -1 cannot say */
  jx_score_note note;
  int printed_differs; /* a printed score that no rounding of `score` gives
                          (with the profile's rounding: not `shown`) */
} jx_indicator_score;

typedef struct jx_group_score {
  jx_ratio weight;  /* what its indicators are worth together, rescaled */
  jx_ratio score;   /* what they earned (rounded scores when the profile
                       rounds) */
  size_t n;         /* indicators scored in it (not-applicable ones left
                       out under JX_NA_RESCALE) */
  size_t n_printed; /* of those, with a printed weight */
  jx_ratio printed; /* the sum of the printed weights (not-applicable
                       indicators' too): what the form's part adds up to */
} jx_group_score;

typedef struct jx_project_score {
  jx_decimal budget_full; /* the figures used */
  jx_decimal spent;
  int has_rate;  /* 0: no spending reported, or no budget */
  jx_ratio rate; /* 执行率, as a fraction: 0.95 */
  jx_ratio execution_weight;
  jx_ratio execution_score;
  jx_decimal execution_shown;
  int execution_printed_differs;
  jx_group_score groups[JX_PROFILE_MAX_GROUPS];
  /* The weights the form printed, all of them (execution included), when
   * every scored indicator had one; else the computed total. */
  int all_printed;
  jx_ratio printed_total;
  jx_ratio rescale; /* the factor not-applicable indicators caused; 1 */
  jx_ratio total;   /* the sum of the parts (rounded ones when the profile
                       rounds) */
  jx_decimal total_shown;
  jx_grade grade;
} jx_project_score;

/*
 * Scores project p against actuals a under prof (NULL: the default).
 * ind must have room for p->n_indicators entries.  Returns JX_DEC_OK, or
 * JX_DEC_OVERFLOW when an exact figure does not fit in 64-bit rationals
 * (the results are then incomplete and must not be shown).
 */
jx_decimal_status jx_score_project(const jx_profile *prof, const jx_project *p,
                                   const jx_project_actuals *a,
                                   jx_indicator_score *ind,
                                   jx_project_score *out);

/* ---- Monitoring (runtime/monitor.c) ---------------------------------- */

typedef enum jx_light {
  JX_LIGHT_NONE = 0, /* no light: nothing to judge yet */
  JX_LIGHT_GREEN,
  JX_LIGHT_YELLOW,
  JX_LIGHT_RED,
  JX_LIGHT_BLUE /* ahead of what was due (beyond the blue threshold) */
} jx_light;

/* "green", "yellow", "red", "blue"; NULL for none. */
const char *jx_light_text(jx_light l);

typedef enum jx_progress_kind {
  JX_PROGRESS_NONE = 0, /* not judged: no actual, not applicable */
  JX_PROGRESS_PRORATED, /* quantity, benefit, satisfaction with ≥ > =:
                           actual against target × month ÷ 12 */
  JX_PROGRESS_BOUND,    /* met or not: quality, timeliness, cost, a ceiling */
  JX_PROGRESS_RATED,    /* qualitative: the rating's light */
  JX_PROGRESS_PENDING   /* a deadline not reached and no actual yet */
} jx_progress_kind;

typedef struct jx_indicator_progress {
  jx_progress_kind kind;
  jx_ratio expected; /* PRORATED: target × month ÷ 12, in the unit */
  jx_ratio progress; /* PRORATED: actual ÷ expected × 100 */
  int met;           /* BOUND: 1 or 0; else -1 */
  jx_light light;
} jx_indicator_progress;

typedef struct jx_project_progress {
  int month;
  jx_ratio time_progress; /* 序时进度, percent: month ÷ 12 × 100 */
  jx_decimal budget_full, spent;
  int has_rate;
  jx_ratio rate;    /* 执行率, percent */
  jx_ratio vs_time; /* rate ÷ time_progress × 100 */
  int has_schedule; /* the plan has a schedule with a point by then */
  jx_decimal schedule_expected; /* percent, jx_schedule_expected */
  jx_ratio vs_schedule;         /* rate ÷ schedule_expected × 100 */
  jx_light budget_light;
  size_t n_red, n_yellow; /* lights of the budget and the indicators */
} jx_project_progress;

/* The light of a progress figure (percent of what was due) under the
 * thresholds red, yellow, blue (blue 0: no blue). */
jx_light jx_progress_light(jx_ratio progress, jx_decimal red, jx_decimal yellow,
                           jx_decimal blue);

/*
 * Progress of project p by the end of `month` (1–12) of `year` (the
 * plan's; 0: each deadline's own year) under prof (NULL: the default).
 * ind must have room for p->n_indicators entries.  JX_DEC_OK,
 * JX_DEC_OVERFLOW as for scoring, JX_DEC_SYNTAX for a month outside 1–12.
 */
jx_decimal_status jx_monitor_project(const jx_profile *prof,
                                     const jx_project *p,
                                     const jx_project_actuals *a, int year,
                                     int month, jx_indicator_progress *ind,
                                     jx_project_progress *out);

#ifdef __cplusplus
}
#endif

#endif /* JIXIAO_SCORE_H */
