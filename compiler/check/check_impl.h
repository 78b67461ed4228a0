/*
 * check_impl.h — what the checker's files share (not part of check.h).
 *
 * check.c keeps the state and the plan-level rules (header, declared
 * frameworks, the blocks outside projects), check_project.c the rules
 * about one project (budget, funds, schedule, statements, completeness,
 * codes), check_indicator.c the rules about one indicator and the
 * indicators of one block, and check_value.c reads numbers and amounts
 * for all of them.  Calls only go one way: check_project.c uses check.c
 * (the framework in force, the code sets), check.c and check_project.c
 * use check_indicator.c, and all of them use check_value.c, which uses
 * only resolve.c; chk_set.c holds the sets of codes and names.  The
 * functions here carry the jx_chk_ prefix because
 * they cross files; nothing outside the checker calls them.
 */
#ifndef JX_CHECK_IMPL_H
#define JX_CHECK_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "check.h"
#include "forms.h"

/* A set of strings, each with the place it was first seen (chk_set.c).
 * Keys are copied into the set, so the AST they came from can go: the
 * streaming build frees every project once it is checked.  Laid out for
 * a national roll-up's 12 million project codes: ~40 bytes a code. */
typedef struct jx_chk_set {
  char *bytes; /* the entries: key and place, as varints */
  size_t n_bytes, cap_bytes;
  uint64_t *slots; /* open addressing, at most 3/4 full: hash bits, offset */
  size_t cap, n;
  jx_loc found; /* what jx_chk_set_add last returned */
  bool off;     /* remembers nothing: every key is new */
} jx_chk_set;

void jx_chk_set_init(jx_chk_set *s);
void jx_chk_set_free(jx_chk_set *s);
/* Adds key (n bytes).  Returns NULL if it was new, or the location of the
 * first time it was added (valid until the next call). */
const jx_loc *jx_chk_set_add(jx_chk_set *s, const char *key, size_t n,
                             jx_loc loc);
/* The bytes the set has allocated (entries and slots). */
size_t jx_chk_set_memory(const jx_chk_set *s);

/* One remembered answer: the spellings it is for (key: the first n1
 * bytes, then n2), the context it holds in (the framework; for a unit,
 * the unit table), the answer.
 * A spelling is looked for in the four slots from its hash's; a new one
 * takes an empty one of them, or else the first. */
#define JX_CHK_MEMO_SLOTS 64
#define JX_CHK_MEMO_KEY 64
struct jx_chk_memo {
  const void *ctx; /* NULL: an empty slot */
  uint64_t h;      /* of everything below but the answer */
  const void *a, *b;
  bool ok;
  bool tag; /* a level-1 spelling is given (it may be "") */
  unsigned char n1, n2;
  char key[JX_CHK_MEMO_KEY];
};

struct jx_checker {
  jx_diag *diag;
  jx_arena arena; /* declared frameworks */

  /* The plan as declared by the first file that has a header. */
  bool have_plan;
  int year;
  const jx_framework *plan_framework;
  const jx_unit_info *plan_currency;
  const jx_form_spec *plan_form;

  /* The current file. */
  uint32_t file;
  const jx_framework *framework;
  const jx_unit_info *currency;
  const jx_form_spec *form; /* what the form requires (forms.h) */
  /* What a file without a header follows: local and generic, unless
   * the project's jxc.ini says otherwise (jx_checker_set_defaults). */
  const jx_framework *default_framework;
  const jx_form_spec *default_form;
  /* A header naming a framework not yet declared: it may be declared
   * later in the same file, so it is looked up again when the framework
   * is first needed (or the file ends) and only then reported. */
  bool pending;
  bool pending_sets_plan; /* that header is the one that set the plan */
  char *pending_name;     /* in arena */
  jx_loc pending_loc;

  /* Frameworks declared in any file so far, newest first. */
  struct jx_chk_declared {
    struct jx_chk_declared *next;
    jx_framework fw;
    jx_loc loc;
  } * declared;

  jx_chk_set project_codes; /* across every input file */
  jx_chk_set unit_codes;
  jx_chk_set unit_names; /* of the units without a code */

  /* Indicators of the block being checked, by category and name, to find
   * duplicates.  Reused from block to block (cleared, not freed), since
   * allocating a set per project was a tenth of the checker's time. */
  struct jx_chk_dup {
    const jx_level1 *a;
    const jx_level2 *b;
    const jx_node *n; /* NULL: empty slot */
    uint64_t h;
  } * dups;
  size_t dups_cap;

  /* Costs per unit read so far (元/亩, 万元/人·天), by spelling: an
   * open-addressing table, at most half full, in the arena (a grown table
   * leaves the old one there: at most as much again).  A jx_resolved
   * points at an entry, so each lives as long as the checker; there are
   * as many as distinct spellings (check_value.c). */
  struct jx_chk_compound **compounds;
  size_t compounds_cap, compounds_n;

  /* The last answers of jx_framework_resolve and jx_unit_lookup, by
   * spelling (check_value.c): a plan writes the same few categories and
   * units thousands of times, and looking one up in the tables costs
   * 200-500 instructions against ~60 here. */
  struct jx_chk_memo categories[JX_CHK_MEMO_SLOTS];
  struct jx_chk_memo units[JX_CHK_MEMO_SLOTS];
};

/* The framework in force, resolving a pending header name first. */
const jx_framework *jx_chk_framework(jx_checker *c);

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

/* Whether a text is blank (absent, or only spaces). */
bool jx_chk_blank(const char *s);

/* Statements of one kind: the first is kept in *slot, a later one is
 * reported as `field` given twice (statement-duplicate). */
void jx_chk_first(jx_checker *c, jx_node **slot, jx_node *n, jx_msg field);

/* Reads a supervisor's or implementer's code and name, taking apart a
 * name printed with its code (forms.h jx_org_split), into the node's
 * checker fields; reports nothing, and may be called more than once. */
void jx_chk_org(jx_node *org);

/* Formats d as the shortest exact text, into buf. */
const char *jx_chk_dec(jx_decimal d, char buf[JX_DECIMAL_BUFSZ]);

/* What the indicator rules need to know about the enclosing project. */
typedef struct jx_chk_budget {
  bool known;        /* budget read without error, and more than 0 */
  bool read;         /* budget read (funds are compared with it even
                        when it is 0: budget 0 with fiscal 90 is a
                        funds-sum error as well) */
  jx_decimal amount; /* in the plan currency */
  jx_loc loc;        /* the budget's value */
  /* The total over the project's period (项目总预算), when written: a
   * target over the period, and a cost row of a table with one target
   * column, are compared with it. */
  bool total_known;
  jx_decimal total;
  jx_loc total_loc;
} jx_chk_budget;

/* Checks every indicator in items (one block): each on its own, then no
 * two with the same category and name; stores each one's category and
 * value on it.  budget may be NULL outside a
 * project.  Sets found[i] for each level-1 index of the framework that has
 * an indicator, when found is not NULL (it has fw->n_levels entries).
 * Returns how many categories did not resolve. */
int jx_chk_indicators(jx_checker *c, jx_node *items,
                      const jx_chk_budget *budget, bool *found);

/* The line items of a breakdown: each an amount, adding up to the budget
 * or (when one is known) the total of b. */
void jx_chk_breakdown(jx_checker *c, jx_node *n, const jx_chk_budget *b);

#endif
