/*
 * diff.h — `jxc diff`: what changed in meaning between two plans.
 *
 * Each side (one or more files) is parsed with the whole tree kept, checked
 * and lowered to the model of runtime/jixiao.h with its locations table
 * (model_locs.h), so the comparison sees exact decimals in one currency,
 * resolved categories and their roles, and takes every line it reports
 * from the table, never from the tree: whitespace, comments,
 * keyword spelling (English or Chinese) and the order of declarations make
 * no difference.  jx_diff_compute() then matches the two models —
 *
 *   units       by code;
 *   projects    by code anywhere in the plan, then by name within the
 *               matched unit (codes embed the year, names continue);
 *   indicators  by level-1, level-2 category and name, within a project
 *               (or a division, or the department);
 *   divisions   by name; measures by title; goals by text, leftovers
 *               paired in order when they are similar enough —
 *
 * with hash tables throughout, so time is linear in the size of the plans,
 * and records every difference as a jx_diff_item in reading order.  The
 * renderers (diff_text.c) print the list as text, Markdown or JSON.
 *
 * Ownership: a side owns an arena with its tree and model; a jx_diff owns
 * its items.  Strings in items point into the sides (or the diff's arena),
 * so the sides must outlive the diff.  Paths come from the jx_diag the
 * sides were loaded with, which must outlive both.
 */
#ifndef JX_DIFF_H
#define JX_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "ast.h"
#include "check.h"
#include "diag.h"
#include "jixiao.h"
#include "model_locs.h"
#include "out.h"
#include "source.h"
#include "units.h"

/* ---- One side: a plan loaded from files ------------------------------- */

typedef struct jx_diff_unit {
  jx_unit u;         /* code (NULL: projects outside any unit), name,
                        goals, measures; projects are in the side */
  jx_unit_locs locs; /* of its first declaration; zero for the NULL group */
  bool declared;     /* false for the NULL group */
  bool lowered;      /* goals and measures read (from its first block) */
} jx_diff_unit;

typedef struct jx_diff_project {
  const jx_project *p;
  const jx_project_locs *locs;  /* for the line of each statement */
  const jx_unit_info *currency; /* what p's amounts are in */
  size_t unit;                  /* index into the side's units */
} jx_diff_project;

typedef struct jx_diff_side {
  jx_arena arena;
  jx_checker *checker;
  int year; /* 0 if no file says */
  const char *framework;
  const jx_department *department;           /* NULL if none (or not clean) */
  const jx_department_locs *department_locs; /* beside department */
  jx_loc department_decl; /* the first `department`; zero if none */
  jx_diff_unit *units;
  size_t n_units, cap_units;
  jx_diff_project *projects;
  size_t n_projects, cap_projects;
  jx_loc header;                  /* the first plan header; zero if none */
  struct jx_diff_map *unit_index; /* code → unit, while loading */
} jx_diff_side;

/* Parses and checks the inputs (opened with jx_sources_open, which the
 * caller closes) into *s, reporting through d, under the name given for
 * each (names NULL, or names[i] NULL: its own): a git diff driver gets
 * temporary files that stand for a/PATH.  Returns 0 when clean (warnings
 * allowed), 1 when the input has errors, 2 when a read failed (reported).
 * *s must be freed with jx_diff_side_free() in every case. */
int jx_diff_side_load_sources(jx_diff_side *s, jx_source *const *src,
                              const char *const *names, int n, jx_diag *d);
/* The same from paths ("-" is standard input), opened first: 2 when one
 * cannot be (reported). */
int jx_diff_side_load(jx_diff_side *s, const char *const *paths, int n,
                      jx_diag *d);
int jx_diff_side_load_as(jx_diff_side *s, const char *const *paths,
                         const char *const *names, int n, jx_diag *d);
void jx_diff_side_free(jx_diff_side *s);

/* ---- A string-keyed multimap (hashing keeps matching linear) -------- */

typedef struct jx_diff_map jx_diff_map;

jx_diff_map *jx_diff_map_new(size_t expect);
void jx_diff_map_free(jx_diff_map *m);
/* Adds value under key (the key is not copied: it must outlive the map). */
void jx_diff_map_add(jx_diff_map *m, const char *key, size_t value);
/* The oldest value under key for which avail(ud, value) is true, removed
 * from the map; values passed over because they are unavailable are
 * dropped too, so every value is looked at once.  SIZE_MAX if none.
 * avail may be NULL (everything is available). */
size_t jx_diff_map_take(jx_diff_map *m, const char *key,
                        bool (*avail)(void *ud, size_t value), void *ud);
/* The oldest value under key, left in place; SIZE_MAX if none. */
size_t jx_diff_map_get(const jx_diff_map *m, const char *key);

/* ---- The change model ------------------------------------------------- */

typedef enum jx_diff_op {
  JX_DIFF_ADDED,
  JX_DIFF_REMOVED,
  JX_DIFF_CHANGED
} jx_diff_op;

/* What an item is about. */
typedef enum jx_diff_what {
  JX_DW_YEAR,       /* plan year */
  JX_DW_FRAMEWORK,  /* indicator framework */
  JX_DW_DEPARTMENT, /* the department: added, removed, or its name */
  JX_DW_DIVISION,   /* a division added or removed */
  JX_DW_UNIT,       /* a unit added or removed */
  JX_DW_UNIT_NAME,  /* a unit renamed */
  JX_DW_PROJECT,    /* a project added or removed */
  JX_DW_PROJECT_NAME,
  JX_DW_PROJECT_CODE,
  JX_DW_PROJECT_UNIT, /* moved to another unit */
  JX_DW_BUDGET,
  JX_DW_FISCAL,
  JX_DW_OTHER,
  JX_DW_SCHEDULE, /* one month */
  JX_DW_GOAL,
  JX_DW_PURPOSE,
  JX_DW_MEASURE,   /* added, removed, or its text changed */
  JX_DW_INDICATOR, /* added or removed */
  JX_DW_IND_VALUE, /* comparison, value or unit */
  JX_DW_IND_DESC,
  JX_DW_IND_BASIS,
  /* issue 11: what the forms of other regions print */
  JX_DW_TOTAL,        /* 项目总预算 */
  JX_DW_SOURCE,       /* one source of funds (field: its label) */
  JX_DW_LINE,         /* one line item of a breakdown (field: its name) */
  JX_DW_PERIOD,       /* 实施期 */
  JX_DW_SUPERVISOR,   /* 主管部门 */
  JX_DW_IMPLEMENTER,  /* 实施单位 */
  JX_DW_FIELD,        /* a header field (field: which: 项目分类 …) */
  JX_DW_OVERALL_GOAL, /* a goal over the project's period */
  JX_DW_IND_PERIOD,   /* an indicator's target over the period */
  JX_DW_IND_NOTE,     /* an explanation column (field: which) */
  JX_DW_COUNT
} jx_diff_what;

/* How a changed indicator value moved (docs/diff.md states the rule). */
typedef enum jx_diff_verdict {
  JX_VERDICT_NONE = 0, /* not an indicator value */
  JX_VERDICT_TIGHTENED,
  JX_VERDICT_LOOSENED,
  JX_VERDICT_CHANGED /* neither: a different kind, unit or direction */
} jx_diff_verdict;

typedef struct jx_diff_loc {
  const char *path; /* NULL: not on this side */
  int line;
} jx_diff_loc;

typedef struct jx_diff_item {
  jx_diff_what what;
  jx_diff_op op;
  /* Where it is: the unit and project (NULL above that level) and the thing
   * inside (an indicator "产出指标.数量指标 name", a division, a measure's
   * title), each as a display label built from the new side when it has
   * one.  Renderers print a heading when these change. */
  const char *unit;
  const char *project;
  const char *sub;
  jx_diff_loc project_old, project_new;
  jx_diff_loc old_loc, new_loc;
  const char *old_text, *new_text; /* display values, NULL when absent */
  /* Amounts (BUDGET, FISCAL, OTHER): exact, in `currency`. */
  bool has_amount;
  jx_decimal old_amount, new_amount, delta;
  const char *currency;
  bool has_percent;      /* false when the old amount is 0 */
  int64_t percent_cents; /* delta/old in hundredths of a percent */
  int month;             /* SCHEDULE */
  jx_diff_verdict verdict;
  bool by_name;     /* PROJECT_*: the pair was matched by name */
  bool inline_diff; /* text changes: render old/new as an inline diff */
  /* SOURCE, LINE, FIELD, IND_NOTE: which one, as the report shows it
   * (after the kind's label) and as JSON names it. */
  const char *field, *field_id;
} jx_diff_item;

typedef struct jx_diff_summary {
  size_t count[JX_DW_COUNT][3]; /* [what][op] */
  size_t tightened, loosened;
  size_t projects_old, projects_new, projects_matched, projects_unchanged,
      matched_by_name;
  /* Total budget, old and new, in `currency`; ok false if it overflowed or
   * could not be converted exactly. */
  bool budget_ok;
  jx_decimal budget_old, budget_new, budget_delta;
  bool has_percent;
  int64_t percent_cents;
  const char *currency;
} jx_diff_summary;

typedef struct jx_diff {
  jx_arena arena; /* labels and formatted values */
  jx_diff_item *items;
  size_t n_items, cap_items;
  jx_diff_summary summary;
} jx_diff;

/* Compares two loaded sides.  Never fails. */
void jx_diff_compute(jx_diff *df, const jx_diff_side *old,
                     const jx_diff_side *neu, const jx_diag *d);
void jx_diff_free(jx_diff *df);

/* delta / base as hundredths of a percent, rounded half away from zero;
 * returns false when base is 0. */
bool jx_diff_percent(jx_decimal delta, jx_decimal base, int64_t *cents);

/* ---- Inline difference of two texts ----------------------------------- */

typedef enum jx_seg_op { JX_SEG_SAME, JX_SEG_DEL, JX_SEG_INS } jx_seg_op;

typedef struct jx_seg {
  jx_seg_op op;
  const char *text; /* not NUL-terminated */
  size_t len;
} jx_seg;

/* Segments turning a into b: a longest common subsequence over tokens (a
 * run of ASCII letters and digits, or any other single code point), after
 * the common prefix and suffix are set aside.  When the middle parts are
 * too large for the table (JX_INLINE_MAX_CELLS) the middle is one deletion
 * and one insertion.  Adjacent segments of one op are merged.  *similar
 * (may be NULL) receives 2·common/(|a|+|b|) in per mille, by bytes.
 * Returns the number of segments written to *out (freed with free()). */
#define JX_INLINE_MAX_CELLS 4000000
size_t jx_inline_diff(const char *a, const char *b, jx_seg **out, int *similar);

/* ---- Rendering (diff_text.c) ------------------------------------------ */

typedef enum jx_diff_format {
  JX_DIFF_FMT_TEXT,
  JX_DIFF_FMT_MD,
  JX_DIFF_FMT_JSON
} jx_diff_format;

typedef struct jx_diff_render_opts {
  jx_diff_format format;
  bool color;
  const char *old_name, *new_name; /* for headings: the sides' first paths */
  jx_lang lang; /* of the labels in text and Markdown (JSON's keys stay) */
} jx_diff_render_opts;

void jx_diff_render(jx_out *o, const jx_diff *df,
                    const jx_diff_render_opts *opt);

/* The names of the enums, as they appear in JSON. */
const char *jx_diff_what_name(jx_diff_what w);
const char *jx_diff_op_name(jx_diff_op op);
const char *jx_diff_verdict_name(jx_diff_verdict v);

#endif
