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
  JX_VAL_DATE_RANGE /* 2023.07-2024.01, 2023年4月-2024年2月, 2020年-2022年 */
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
  JX_N_SCHEDULE   /* schedule mar 25% jun 50% …; */
} jx_node_kind;

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
      /* checker: each part read, and in the plan's currency (0 when
       * absent) */
      jx_resolved fiscal_res, other_res;
      jx_decimal plan_fiscal, plan_other;
    } funds;
    struct { /* SCHEDULE */
      jx_schedule_entry *entries;
    } schedule;
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
