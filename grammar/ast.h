/*
 * ast.h — the syntax tree, as written.
 *
 * The tree keeps what the author wrote, in the order written, with a source
 * location on every node: the checker reports against it, the formatter
 * prints it back, and lower.c turns it into the model of runtime/jixiao.h.
 * The parser interprets nothing: a category is the text of its path, a
 * number is its digits and its unit as written.  The checker, the one pass
 * that resolves, then stores what it worked out on the nodes it accepted
 * (the fields marked "checker:"), so that lowering and every later tool
 * copy the answer instead of working it out again.
 *
 * Every block (department, division, unit, project, framework) holds its
 * statements in one list of jx_node in source order, linked through `next`.
 * All nodes and strings live in the parser's arena.
 */
#ifndef JX_AST_H
#define JX_AST_H

#include <stdbool.h>
#include <stdint.h>

#include "jixiao.h"
#include "loc.h"

/* The table entries the checker resolves names to (domain/units.h,
 * domain/framework.h); the tree only points at them. */
struct jx_unit_info;
struct jx_level1;
struct jx_level2;

typedef enum jx_value_kind {
  JX_VAL_NONE = 0, /* absent */
  JX_VAL_NUMBER,   /* 22人, 89.1万元, 90%, 90%以上, 1,909.00 */
  JX_VAL_TEXT,     /* "圆满完成" */
  JX_VAL_NA,       /* n/a, 不涉及 */
  JX_VAL_DATE,     /* 2021年12月31日, 2021-12-31, 2023年6月底前 */
  JX_VAL_DATE_RANGE, /* 2023.07-2024.01, 2023年4月-2024年2月, 2020年-2022年 */
  JX_VAL_WORD        /* a bare word: a profile setting's value (linear) */
} jx_value_kind;

/* jx_value.flags: which parts a DATE or DATE_RANGE names.  A date without
 * a day stands for its whole month; a range end without a month (2020年)
 * for its whole year. */
enum {
  JX_VF_MONTH = 1,  /* the date, or the range's start, names a month */
  JX_VF_DAY = 2,    /* … and a day */
  JX_VF_MONTH2 = 4, /* the range's end names a month */
  JX_VF_DAY2 = 8    /* … and a day */
};

typedef struct jx_value {
  jx_value_kind kind;
  uint8_t post;         /* jx_postfix (vocab.h): a comparison written after
                           the value, at the end of text (90%以上, 9月前) */
  uint8_t post_len;     /* its bytes */
  uint8_t flags;        /* JX_VF_* */
  const char *text;     /* as written (a string's decoded content; full-width
                           digits and letters as NFKC makes them) */
  const char *number;   /* NUMBER: sign, digits and point only */
  const char *unit;     /* NUMBER: the unit as written, or NULL; without
                           a postfix comparison */
  int year, month, day; /* DATE, and DATE_RANGE's start; 0 if not named */
  int16_t year2;        /* DATE_RANGE's end (its year is the start's */
  uint8_t month2, day2; /* when not written: 2023年1月-12月) */
  jx_loc loc;           /* the whole value */
  jx_loc unit_loc;      /* NUMBER with a unit: just the unit */
} jx_value;

/* checker: what a NUMBER or DATE value means.  It sits beside the value
 * on the node, not in jx_value, which is also the parser's token value
 * and is copied at every reduction. */
typedef struct jx_resolved {
  bool ok;        /* the value could be read; the rest is set */
  bool date;      /* a NUMBER that names a month of the plan's year (9月前,
                     12月底): dec is that date */
  jx_decimal dec; /* NUMBER: exact, in its written unit; DATE: yyyymmdd ×
                     10^6, dd 00 for a month (jixiao.h, Dates);
                     DATE_RANGE: its start, a year alone as its January */
  jx_decimal end; /* DATE_RANGE: its end, so; a year alone as December */
  const struct jx_unit_info *unit; /* NUMBER: its unit's table entry (a
                                      cost per unit: the checker's);
                                      NULL: none written, or unknown */
} jx_resolved;

typedef struct jx_text {
  const char *text;
  jx_loc loc;
} jx_text;

typedef enum jx_node_kind {
  /* top level */
  JX_N_HEADER,     /* plan 2021 framework local currency 万元; */
  JX_N_FRAMEWORK,  /* framework NAME { level1 … } */
  JX_N_DEPARTMENT, /* department "name" { … } */
  JX_N_UNIT,       /* unit 324001 "name" { … } */
  JX_N_PROJECT,    /* project "name" [budget N] { … } (also inside a unit) */
  /* inside blocks */
  JX_N_DIVISION,  /* division "name" { … } (in a department) */
  JX_N_LEVEL1,    /* code "label" { level2 … } (in a framework) */
  JX_N_LEVEL2,    /* code "label" [role]; (in a level1) */
  JX_N_GOAL,      /* goal "text"; */
  JX_N_MEASURE,   /* measure "title" ["text"]; */
  JX_N_INDICATOR, /* output.quantity "name" >= 22人 desc "…" basis "…"; */
  JX_N_CODE,      /* code "130304…"; */
  JX_N_BUDGET,    /* budget 89.10; (or in the project header) */
  JX_N_FUNDS,     /* funds fiscal 89.10 other 0; */
  JX_N_PURPOSE,   /* purpose "text"; */
  JX_N_SCHEDULE,  /* schedule mar 25% jun 50% …; */
  /* issue 11: what the forms of other regions and years print */
  JX_N_TOTAL, /* total 300; (项目总预算; uses u.budget) */
  JX_N_ORG, /* supervisor "505_湘西州教育和体育局"; implementer …; */
  JX_N_PERIOD,  /* period 2023.07-2024.01; (实施期) */
  JX_N_OVERALL, /* overall "…"; (总体 / 实施期 goal; uses u.text) */
  JX_N_ATTR,    /* class "…"; nature "…"; attribute "key" "value"; … */
  JX_N_BREAKDOWN, /* breakdown "高标准农田建设" 400万元 "示范建设" 295万元; */
  /* the rest of the year (compiler/eval, docs/eval.md) */
  JX_N_ACTUALS,        /* actuals ["plan.jx"] [profile NAME] { project … } */
  JX_N_ACTUAL_PROJECT, /* project "code or name" { actual … } (in actuals) */
  JX_N_ACTUAL,         /* "name" 21人 weight 12.5 …; spent 88.2; … */
  JX_N_PROFILE,        /* profile NAME ["label"] { setting … } or NAME; */
  JX_N_SETTING         /* WORD value…; (in a profile) */
} jx_node_kind;

/* Which organisation a JX_N_ORG names. */
typedef enum jx_org_role { JX_ORG_SUPERVISOR, JX_ORG_IMPLEMENTER } jx_org_role;

/* Which header field a JX_N_ATTR gives. */
typedef enum jx_attr_key {
  JX_ATTR_CLASS,    /* 项目分类 */
  JX_ATTR_NATURE,   /* 项目属性 */
  JX_ATTR_POLICY,   /* 立项依据 */
  JX_ATTR_DOCUMENT, /* 资金文号 */
  JX_ATTR_SUBJECT,  /* 科目代码 */
  JX_ATTR_MANAGER,  /* 项目负责人 [phone] */
  JX_ATTR_CONTACT,  /* 联系人 [phone] */
  JX_ATTR_OTHER,    /* attribute "key" "value" */
  JX_ATTR_COUNT
} jx_attr_key;

/* The explanation columns an indicator may carry besides desc and basis,
 * in the order fmt writes them. */
typedef enum jx_expl {
  JX_EXPL_STANDARD,    /* 绩效标准 */
  JX_EXPL_EXPLANATION, /* 指标解释 */
  JX_EXPL_NOTE,        /* 指标值说明 */
  JX_EXPL_REMARK,      /* 备注 */
  JX_EXPL_SCORING,     /* 评（扣）分标准 */
  JX_EXPL_COUNT
} jx_expl;

/* One part of `funds`: fiscal 50, other 10, or a source word from the
 * table (上级资金 30).  The parser keeps every part in order. */
typedef struct jx_funds_part {
  struct jx_funds_part *next;
  int token;    /* 1 fiscal, 2 other, 0 a word */
  jx_text word; /* the word as written (also for fiscal and other) */
  jx_value amount;
  /* checker: */
  const struct jx_source_kind *kind;
  jx_resolved res;
  jx_decimal plan_amount; /* in the plan's currency */
} jx_funds_part;

/* One line item of `breakdown`: an optional name and an amount. */
typedef struct jx_line {
  struct jx_line *next;
  jx_text name; /* text NULL when only the amount is written */
  jx_value amount;
  /* checker: */
  jx_resolved res;
  jx_decimal plan_amount;
} jx_line;

/* What an actual statement reports. */
typedef enum jx_actual_what {
  JX_ACT_INDICATOR = 0, /* "name" value … */
  JX_ACT_SPENT,         /* spent N (执行数) */
  JX_ACT_BUDGET_FULL    /* budget_full N (全年预算数) */
} jx_actual_what;

/* A profile setting's values, in order. */
typedef struct jx_setting_arg {
  struct jx_setting_arg *next;
  jx_value value; /* NUMBER, TEXT (a string) or WORD */
} jx_setting_arg;

typedef struct jx_schedule_entry {
  struct jx_schedule_entry *next;
  jx_value month; /* NUMBER "3" unit "月底", or month name as TEXT "mar" */
  int month_no;   /* 1–12 as read by the parser, 0 if not a month */
  jx_value percent;
  /* checker: */
  int resolved_month;      /* 1–12 (3月底 too), 0 if not a month */
  jx_resolved percent_res; /* in percent */
} jx_schedule_entry;

typedef struct jx_node jx_node;

struct jx_node {
  jx_node_kind kind;
  jx_loc loc;    /* the keyword (or category) that starts the statement */
  jx_loc end;    /* its ';', or a block's opening brace (for the formatter:
                    a comment after it on its line belongs to it) */
  jx_node *next; /* next statement in the same block */
  union {
    struct {             /* JX_N_HEADER: each part optional */
      jx_value year;     /* NUMBER, kind NONE if absent */
      jx_text framework; /* text NULL if absent */
      jx_text currency;
      jx_text form;         /* issue 11: the printed form followed */
      jx_loc dup_loc;       /* a part written twice (the first repeat) */
      jx_resolved year_res; /* checker */
    } header;
    struct {        /* FRAMEWORK, DEPARTMENT, DIVISION, UNIT, PROJECT, LEVEL1 */
      jx_text code; /* UNIT: its code; FRAMEWORK, LEVEL1: the identifier */
      jx_text name; /* the quoted name or label */
      jx_node *items;
      jx_text role; /* LEVEL1: optional, `role output` */
      jx_loc close; /* the closing brace */
      /* A statement inside was skipped by error recovery: what seems
       * missing may only be unreadable, so the checker does not say so. */
      bool recovered;
      /* ACTUALS: code is the profile named after `profile` (text NULL if
       * none), name the plan the file names.  PROFILE: code is its name,
       * name its label; `uses` when it is `profile NAME;`, which selects
       * a profile rather than declaring one. */
      bool uses;
      /* UNIT: its first `supervisor` and `implementer` so far (the parser
       * sets them as they are read, so that the projects after them see
       * them).  PROJECT, checker: the ones that apply to it, its own or
       * its unit's. */
      const jx_node *org[2];
    } block;
    struct { /* LEVEL2 */
      jx_text code;
      jx_text label;
      jx_text role; /* optional: cost, satisfaction, timeliness, … */
    } level2;
    struct { /* GOAL, PURPOSE, CODE */
      jx_text text;
    } text;
    struct { /* MEASURE */
      jx_text title;
      jx_text text; /* text NULL if absent */
    } measure;
    struct {          /* INDICATOR */
      jx_text level1; /* "output" / "产出指标" as written; NULL for the */
      jx_text level2; /* keyword form `indicator` and for a bare level2 */
      jx_text name;
      jx_op op;
      bool op_written;
      jx_loc op_loc;
      jx_value value;
      jx_text desc;        /* NULL if absent */
      jx_text basis;       /* NULL if absent */
      int n_desc, n_basis; /* >1 is a duplicate the checker reports */
      jx_loc dup_loc;      /* the first duplicated attribute */
      /* issue 11: the name may be absent (a value printed without one),
       * and so may the value (an empty row: kind NONE); the explanation
       * columns; and a second target over the project's period. */
      jx_text expl[JX_EXPL_COUNT];
      int n_expl_dup;   /* explanation columns given twice */
      jx_expl expl_dup; /* the first one repeated */
      jx_loc expl_dup_loc;
      bool has_period;   /* `period [op] value` */
      int n_period;      /* >1 is a duplicate */
      jx_loc period_loc; /* the `period` keyword */
      jx_op period_op;
      bool period_op_written;
      jx_loc period_op_loc;
      jx_value period_value;
      jx_resolved period_res; /* checker */
      /* checker: the category's table entries, with their roles (NULL
       * when no category is written or it does not resolve), and the
       * value read. */
      const struct jx_level1 *l1;
      const struct jx_level2 *l2;
      jx_resolved value_res;
    } indicator;
    struct { /* BUDGET */
      jx_value amount;
      bool in_header;
      /* checker: the amount read, and in the plan's currency */
      jx_resolved amount_res;
      jx_decimal plan_amount;
    } budget;
    struct { /* FUNDS: either part may be absent (kind NONE) */
      jx_value fiscal;
      jx_value other;
      int n_fiscal, n_other; /* >1 is a duplicate the checker reports */
      jx_funds_part *parts;  /* every part in order (issue 11) */
      /* checker: each part read, and in the plan's currency (0 when
       * absent) */
      jx_resolved fiscal_res, other_res;
      jx_decimal plan_fiscal, plan_other;
    } funds;
    struct { /* SCHEDULE */
      jx_schedule_entry *entries;
    } schedule;
    struct { /* ACTUAL */
      jx_actual_what what;
      jx_text name;   /* INDICATOR: the indicator's name */
      jx_value value; /* kind NONE: as targeted, or a rating alone */
      bool targeted;  /* `targeted` (按目标) */
      jx_loc targeted_loc;
      jx_text rating;  /* a word after the value, or instead of it */
      jx_value weight; /* kind NONE when absent */
      jx_value score;
      jx_text reason; /* the category word (经费保障), or NULL */
      jx_text reason_text;
      jx_text measure;    /* 改进措施 */
      jx_text likelihood; /* 完成可能性 */
      jx_loc dup_loc;     /* the first attribute given twice, if any */
    } actual;
    struct { /* SETTING */
      jx_text name;
      jx_setting_arg *args;
    } setting;
    struct { /* ORG: code and name as written */
      jx_org_role role;
      jx_text code; /* NULL when only a name is written */
      jx_text name;
      /* checker: a name printed with its code ("505_name") taken apart:
       * the code is name[code_at .. code_at+code_len), the name from
       * name_at.  Lowering copies the pieces. */
      bool resolved, split;
      uint32_t code_at, code_len, name_at;
    } org;
    struct {          /* PERIOD */
      jx_value value; /* a range, a year, a duration or a text */
      /* checker: the first and last month as dates (0: unknown) */
      jx_decimal start, end;
    } period;
    struct { /* ATTR */
      jx_attr_key key;
      jx_text name; /* OTHER: the key as printed */
      jx_text value;
      jx_text extra; /* MANAGER, CONTACT: a telephone number */
    } attr;
    struct { /* BREAKDOWN */
      jx_line *items;
    } breakdown;
  } u;
};

/* A comment, kept when the parser is asked to (jxc fmt needs them). */
typedef struct jx_comment {
  struct jx_comment *next;
  const char *text; /* without the leading # or // */
  jx_loc loc;
} jx_comment;

/* A whole file, when the parser keeps the tree (jx_parse_options.keep_tree) */
typedef struct jx_file_ast {
  jx_node *items; /* top-level declarations in order */
  jx_comment *comments;
} jx_file_ast;

#endif
