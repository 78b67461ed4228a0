/*
 * jixiao.h — the data model of a budget performance-target plan, as C types.
 *
 * This is the one definition of the model.  The compiler lowers its AST into
 * these structs before any back end sees them, and the C headers that
 * `jxc build -f c` generates are static initialisers of the same structs, so
 * a budget system that embeds a plan and the compiler that checked it agree
 * on every field by construction.
 *
 * The header is C99 and C++ clean and needs nothing but the standard library.
 * Every string is UTF-8 and NUL-terminated; an absent optional string is
 * NULL.  Arrays come as a pointer and a count.  Nothing here owns memory: in
 * the compiler the structs live in an arena, in generated code they are
 * static.
 */
#ifndef JIXIAO_H
#define JIXIAO_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define JX_VERSION "0.1.0"

/* ---- Exact decimals --------------------------------------------------- */

/*
 * Money and percentages are exact: a jx_decimal is an integer count of
 * millionths.  Six places in 万元 reach a single 分 (0.01 元); the range is
 * ±9.2e12 in the written unit.  Binary floating point never touches a value.
 */
typedef struct jx_decimal {
  int64_t micros; /* value × 10^6 */
} jx_decimal;

#define JX_DECIMAL_SCALE 1000000
#define JX_DECIMAL_PLACES 6
/* Enough for "-9223372036854.775808" and the NUL. */
#define JX_DECIMAL_BUFSZ 32

#define JX_DEC(units_, micros_)                                                \
  { (int64_t)(units_) * 1000000 + (micros_) }

typedef enum jx_decimal_status {
  JX_DEC_OK = 0,
  JX_DEC_SYNTAX,    /* not a decimal number */
  JX_DEC_PRECISION, /* more fractional digits than the type holds */
  JX_DEC_OVERFLOW,  /* magnitude beyond the type's range */
  JX_DEC_INEXACT,   /* a conversion would have to round */
  JX_DEC_UNDEFINED  /* no value: a division by zero (jixiao_score.h) */
} jx_decimal_status;

/* Parses [-+]?digits[.digits] (exactly n bytes of s).  Never rounds. */
jx_decimal_status jx_decimal_parse(const char *s, size_t n, jx_decimal *out);
/* Shortest exact text: "89.1", "0", "-0.25".  Returns the length. */
size_t jx_decimal_format(jx_decimal d, char buf[JX_DECIMAL_BUFSZ]);
int jx_decimal_cmp(jx_decimal a, jx_decimal b);
jx_decimal_status jx_decimal_add(jx_decimal a, jx_decimal b, jx_decimal *out);
jx_decimal_status jx_decimal_sub(jx_decimal a, jx_decimal b, jx_decimal *out);
/* out = d × num / den, exactly; JX_DEC_INEXACT when it would round. */
jx_decimal_status jx_decimal_scale(jx_decimal d, int64_t num, int64_t den,
                                   jx_decimal *out);
int jx_decimal_is_integer(jx_decimal d);

/* ---- Codes shared by every layer -------------------------------------- */

typedef enum jx_op {
  JX_OP_EQ = 0, /* =  (also when no comparison is written) */
  JX_OP_GE,     /* >= ≥ */
  JX_OP_LE,     /* <= ≤ */
  JX_OP_GT,     /* >  */
  JX_OP_LT      /* <  */
} jx_op;

typedef enum jx_kind {
  JX_KIND_QUANTITATIVE = 0, /* a number with an optional unit: 22人, ≥90% */
  JX_KIND_QUALITATIVE,      /* a text target: "圆满完成" */
  JX_KIND_NA,               /* 不涉及 / n/a: not applicable */
  JX_KIND_DATE,             /* a deadline: 2021年12月31日 */
  JX_KIND_EMPTY,            /* a row the form prints without a target: a
                               category with no name and no value */
  JX_KIND_DATE_RANGE        /* a period: 2023.07-2024.01 (value to
                               value_end) */
} jx_kind;

/* What a unit measures; conversions happen only within one dimension. */
typedef enum jx_dimension {
  JX_DIM_NONE = 0, /* no unit written */
  JX_DIM_MONEY,    /* 元 万元 亿元 */
  JX_DIM_PERCENT,  /* % ％ 百分比 */
  JX_DIM_COUNT,    /* 人 辆 个 项 次 户 株 … */
  JX_DIM_AREA,     /* 亩 公顷 平方米 */
  JX_DIM_LENGTH,   /* 米 公里 */
  JX_DIM_MASS,     /* 吨 千克 */
  JX_DIM_TIME,     /* 天 工作日 月 年 */
  JX_DIM_OTHER,    /* a unit the table does not know */
  JX_DIM_MONEY_PER /* a cost per unit: 元/亩, 万元/平方米, 元/人·天
                      (per_unit says what it is per) */
} jx_dimension;

/*
 * What an indicator's category is for, as its framework says: the
 * built-in frameworks carry roles in their tables, a declared framework
 * states them (`role cost`).  A level-1 category is one of the four kinds
 * of target; a level-2 one is cost or satisfaction (whose values the
 * checker constrains) or an aspect of output.  Tools ask the role, never
 * the category's code, which a declared framework may spell any way.
 */
typedef enum jx_role {
  JX_ROLE_NONE = 0,     /* the framework gives none */
  JX_ROLE_OUTPUT,       /* level 1: 产出, what the money delivers */
  JX_ROLE_BENEFIT,      /* level 1: 效益, what the delivery achieves */
  JX_ROLE_SATISFACTION, /* both levels: 满意度, a percentage */
  JX_ROLE_COST,         /* both levels: 成本, money or a percentage of the
                           budget; the smaller, the stricter */
  JX_ROLE_QUANTITY,     /* level 2: 数量 */
  JX_ROLE_QUALITY,      /* level 2: 质量 */
  JX_ROLE_TIMELINESS    /* level 2: 时效, a deadline or a duration; the
                           sooner, the stricter */
} jx_role;

const char *jx_op_text(jx_op op);    /* "=", ">=", … */
const char *jx_kind_text(jx_kind k); /* "quantitative", … */
/* "output", "cost", "timeliness", …; NULL for JX_ROLE_NONE (and for a
 * value that is not a jx_role). */
const char *jx_role_text(jx_role r);

/* ---- The model -------------------------------------------------------- */

/*
 * The second target of an indicator printed with two (年度 and 实施期/长期
 * columns): the target over the project's whole period.  The same fields
 * as an indicator's own target, with the same meaning.
 */
typedef struct jx_target {
  jx_kind kind;
  jx_op op;
  jx_decimal value; /* quantitative: in `unit`; date: yyyymmdd × 10^6 */
  const char *unit; /* normalised; NULL if none */
  jx_dimension dimension;
  const char *text; /* as written: "≥1500人" */
  /* As jx_indicator's (after its fields, for the same reason): a date
   * range's end, and what a cost per unit is per. */
  jx_decimal value_end;
  const char *per_unit;
} jx_target;

typedef struct jx_indicator {
  const char *level1;       /* framework code: "output"; NULL in a division */
  const char *level1_label; /* official label: "产出指标" */
  const char *level2;       /* "quantity" */
  const char *level2_label; /* "数量指标" */
  const char *name;         /* 三级指标 */
  const char *description;  /* 绩效指标描述, or NULL */
  jx_kind kind;
  jx_op op;
  jx_decimal value; /* quantitative: in `unit`; date: yyyymmdd × 10^6,
                       dd = 00 for a month (see Dates below); date range:
                       its first day or month */
  const char *unit; /* normalised ("%" for ％ and 百分比, "元/人·天"); NULL if
                       none */
  jx_dimension dimension;
  const char *text;  /* the value as written: "≥90%", "圆满完成" */
  const char *basis; /* 指标值确定依据, or NULL */
  int line;          /* source line of the indicator */
  /* The roles of level1 and level2 (JX_ROLE_NONE without a category).
   * Last, so that positional initialisers written for the fields above
   * still compile. */
  jx_role level1_role;
  jx_role level2_role;
  /* Issue 11, after the roles for the same reason: the target over the
   * project's period (NULL when the row has one target), and the
   * explanation columns some forms print, each NULL when not given. */
  const jx_target *period_target;
  const char *standard;    /* 绩效标准: "计划标准", "历史标准" */
  const char *explanation; /* 指标解释 */
  const char *value_note;  /* 指标值说明 */
  const char *remark;      /* 备注 */
  const char *scoring;     /* 评（扣）分标准 */
  /* A date range: its last day or month, as `value` (a month-only end is
   * the whole month: 2023.07-2024.01 runs to 2024-01-31); 0 otherwise. */
  jx_decimal value_end;
  /* A cost per unit (dimension JX_DIM_MONEY_PER): what it is per,
   * normalised ("亩", "人·天"); `unit` is the whole ("元/亩").  NULL
   * otherwise. */
  const char *per_unit;
} jx_indicator;

typedef struct jx_schedule_point {
  int month;          /* 1–12: cumulative spending by the end of it */
  jx_decimal percent; /* cumulative, 0–100 */
} jx_schedule_point;

/* An organisation as a form prints it: 主管部门 "505_湘西州教育和体育局" is
 * code "505" and the name; either may be NULL. */
typedef struct jx_org {
  const char *code;
  const char *name;
} jx_org;

/* A person the form names (项目负责人, 联系人), with a telephone number. */
typedef struct jx_person {
  const char *name;
  const char *phone; /* NULL if none */
} jx_person;

/* One source of funds (资金来源): its kind from the table of sources
 * ("fiscal", "superior", "own", "central", …; docs/language.md), the
 * label the form prints (上级资金), and whether it counts as fiscal money
 * (财政资金: the sum of those is jx_project.fiscal, of the rest .other). */
typedef struct jx_source {
  const char *kind;
  const char *label;
  jx_decimal amount; /* in the plan's currency */
  int fiscal;
} jx_source;

/* A line item of an amount that must add up (明细): 高标准农田建设 400. */
typedef struct jx_line_item {
  const char *name;  /* NULL when the form prints only the amounts */
  jx_decimal amount; /* in the plan's currency */
} jx_line_item;

/* A header field of a form that has no field of its own: key and value as
 * printed (属性 "资金性质" "一般公共预算"). */
typedef struct jx_attribute {
  const char *key;
  const char *value;
} jx_attribute;

/* 项目属性 read for the one thing every form means by it. */
typedef enum jx_continuity {
  JX_CONTINUITY_UNKNOWN = 0, /* not said, or not one of these */
  JX_CONTINUITY_NEW,         /* 新增项目 */
  JX_CONTINUITY_CONTINUING   /* 延续项目, 续建 */
} jx_continuity;

typedef struct jx_project {
  const char *code; /* 项目编码, or NULL */
  const char *name;
  jx_decimal budget; /* in the plan's currency */
  jx_decimal fiscal; /* 财政资金 */
  jx_decimal other;  /* 其他资金 */
  const char *purpose;
  const jx_schedule_point *schedule;
  size_t n_schedule;
  const char *const *goals;
  size_t n_goals;
  const jx_indicator *indicators;
  size_t n_indicators;
  int line;
  /* Issue 11, after `line` so that positional initialisers written for
   * the fields above still compile. */
  int has_total;      /* a total over the project's period is written */
  jx_decimal total;   /* 项目总预算 (equal to budget when not written) */
  const char *period; /* 实施期 as written, or NULL */
  /* The period's first and last month (or year, or day) as dates,
   * yyyymmdd × 10^6 with 00 for what is not given; 0 when unknown. */
  jx_decimal period_start, period_end;
  jx_org supervisor;  /* 主管部门 (the project's, else its unit's) */
  jx_org implementer; /* 实施单位 (likewise) */
  const char *const *overall_goals; /* 总体 / 实施期 / 中长期 goals */
  size_t n_overall_goals;
  const jx_source *sources; /* every source as written, fiscal and other
                               included; fiscal and other are their sums */
  size_t n_sources;
  const jx_line_item *breakdown; /* 明细 of the budget (or the total) */
  size_t n_breakdown;
  const char *classification;     /* 项目分类 */
  const char *nature;             /* 项目属性 as written */
  jx_continuity continuity;       /* read from nature */
  const char *policy;             /* 立项依据 / 政策依据 */
  const char *document;           /* 资金文号 */
  const char *subject;            /* 财政资金科目代码 */
  jx_person manager;              /* 项目负责人 */
  jx_person contact;              /* 联系人 */
  const jx_attribute *attributes; /* the other header fields, in order */
  size_t n_attributes;
} jx_project;

typedef struct jx_measure {
  const char *title;
  const char *text; /* may be NULL when only a title is given */
} jx_measure;

typedef struct jx_division {
  const char *name;
  const char *const *goals;
  size_t n_goals;
  const jx_indicator *indicators;
  size_t n_indicators;
} jx_division;

typedef struct jx_department {
  const char *name;
  const char *const *goals;
  size_t n_goals;
  const jx_division *divisions;
  size_t n_divisions;
  const jx_measure *measures;
  size_t n_measures;
  const jx_indicator *indicators; /* the department's own, without category */
  size_t n_indicators;
  /* Issue 11: 部门预算编码, the department's budget and its line items. */
  const char *code;
  int has_budget;
  jx_decimal budget;
  const jx_line_item *breakdown;
  size_t n_breakdown;
} jx_department;

typedef struct jx_unit {
  const char *code; /* NULL for the group of projects written outside a
                       unit, and for a unit known by its name alone */
  const char *name;
  const char *const *goals;
  size_t n_goals;
  const jx_measure *measures;
  size_t n_measures;
  const jx_project *projects;
  size_t n_projects;
  /* Issue 11: what the unit's block says for all its projects. */
  jx_org supervisor;
  jx_org implementer;
} jx_unit;

typedef struct jx_plan {
  int year;              /* 0 when the file does not say */
  const char *framework; /* "local", "central2021" or a declared one */
  const char *currency; /* "万元", "元" or "亿元": the unit of bare amounts */
  const jx_department *department; /* NULL if none */
  const jx_unit *units;
  size_t n_units;
  const char *form; /* the printed form followed: "generic" by default */
} jx_plan;

/* ---- Dates (runtime/eval.c) ------------------------------------------ */

/*
 * A date value is yyyymmdd × 10^6: 2021年12月31日 is 20211231000000.  A
 * month written without a day (2021年12月) keeps dd = 00 and stands for the
 * month as a whole, so which day it means depends on the comparison:
 *
 *   ≤ 2021年12月, = 2021年12月, no op   by 2021-12-31 (the end of the month)
 *   < 2021年12月                        by 2021-11-30 (before the month)
 *   ≥ 2021年12月                        from 2021-12-01 (not before it)
 *   > 2021年12月                        from 2022-01-01 (after it)
 *
 * and a written day is the same day whatever the op, with < and > one day
 * off: < 2021年12月31日 is by 2021-12-30.  jx_date_bound is the one place
 * that says so; jx_indicator_met and jxc diff both go through it.
 */

/* 28–31, February by the Gregorian leap rule; 0 for a month not 1–12. */
int jx_date_days_in_month(int year, int month);
/*
 * The day on which the target `op value` ends or starts, as yyyymmdd ×
 * 10^6 in *day: -1 when the target is met on or before *day (≤ < = or no
 * op: a deadline), +1 when it is met on or after it (≥ >), and 0, *day
 * untouched, when `value` is not a date (a month outside 1–12, a day the
 * month does not have, a year outside 0–9999, or not a whole number) or
 * `op` is not a jx_op.
 */
int jx_date_bound(jx_op op, jx_decimal value, jx_decimal *day);

/* ---- Evaluation (runtime/eval.c) ------------------------------------ */

/*
 * Whether `actual` meets the indicator's target, comparing by its op:
 * 1 met, 0 not met, -1 cannot say (a qualitative or not-applicable target,
 * a date target that is not a date, or ind NULL).  `actual` must be in the
 * indicator's `unit` (no conversion happens here).  For a date target,
 * `actual` is a day, yyyymmdd × 10^6, compared with jx_date_bound's day:
 * a date written without an op is a deadline, and a month-only deadline
 * (≤ 2021年12月) is met on every day of that month.  A date range is met
 * by a day inside it, from the first day of `value` to the last day of
 * `value_end` (2023.07-2024.01: 2023-07-01 to 2024-01-31).
 */
int jx_indicator_met(const jx_indicator *ind, jx_decimal actual);
/*
 * The cumulative percentage of the budget expected to be spent by the end
 * of `month` (1–12): the percent of the latest schedule point at or before
 * it (a step function), 0 before the first point or without a schedule.
 * Months above 12 count as 12.
 */
jx_decimal jx_schedule_expected(const jx_project *p, int month);
/* The first unit / project with that code, or NULL (also for NULL args). */
const jx_unit *jx_plan_find_unit(const jx_plan *plan, const char *code);
const jx_project *jx_plan_find_project(const jx_plan *plan, const char *code);
/* The first indicator of p with that name (三级指标), or NULL. */
const jx_indicator *jx_project_find_indicator(const jx_project *p,
                                              const char *name);

#ifdef __cplusplus
}
#endif

#endif /* JIXIAO_H */
