/*
 * check_state.h — the checker's state, and the few helpers every rule
 * file uses (check_state.c); private to compiler/check.
 *
 * The checker's files call one way only, each using the ones below it:
 *
 *   check.c            the public entry points, the header, declared
 *                      frameworks, the blocks outside projects
 *   check_project.c    the rules about one project (jx_check_project)
 *   check_indicator.c  the rules about one indicator and the indicators
 *                      of one block (check_indicator.h)
 *   check_value.c      numbers, amounts, dates, categories, read once
 *                      (check_value.h)
 *   check_state.c      the framework in force, blank texts, statements
 *                      given twice, organisations (this header)
 *   chk_set.c          the sets of codes and names (this header)
 *
 * so no two of them call each other (scripts/check-layers.py checks the
 * includes).  The functions carry the jx_chk_ prefix because they cross
 * files; nothing outside the checker calls them.
 */
#ifndef JX_CHECK_STATE_H
#define JX_CHECK_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "forms.h"
#include "framework.h"
#include "units.h"

/* check.h's handle; not included from here, so that check.c is the only
 * file of the two modules that uses the other. */
typedef struct jx_checker jx_checker;

/* A set of strings, each with the place it was first seen (chk_set.c).
 * Keys are copied into the set, so the AST they came from can go: the
 * streaming build frees every project once it is checked.  Laid out for
 * a national roll-up's 12 million project codes: ~30 bytes a code, of
 * which the ~11-21 of the slots stay in memory. */
typedef struct jx_chk_set {
  char *bytes; /* the entries: key and place, as varints */
  size_t n_bytes, cap_bytes;
  /* Past mem_limit bytes (0: JX_CHK_SET_MEM) the entries move to an
   * unlinked temporary, spill, and bytes holds those after its first
   * `spilled`: an entry is read back only when a key's hash bits agree. */
  size_t mem_limit;
  FILE *spill;
  uint64_t spilled;
  bool no_spill; /* no temporary could be had: all stay in memory */
  char *scratch; /* an entry read back from spill */
  size_t cap_scratch;
  uint64_t *slots; /* open addressing, at most 3/4 full: hash bits, offset */
  size_t cap, n;
  unsigned shift; /* cap is 2^(64 - shift): a key's first slot is h >> shift */
  jx_loc found;   /* what jx_chk_set_add last returned */
  bool off;       /* remembers nothing: every key is new */
} jx_chk_set;

void jx_chk_set_init(jx_chk_set *s);
void jx_chk_set_free(jx_chk_set *s);
/* Adds key (n bytes).  Returns NULL if it was new, or the location of the
 * first time it was added (valid until the next call). */
const jx_loc *jx_chk_set_add(jx_chk_set *s, const char *key, size_t n,
                             jx_loc loc);
/* The bytes the set has allocated (entries in memory and slots). */
size_t jx_chk_set_memory(const jx_chk_set *s);
/* The entries' bytes kept in memory before the rest go to a temporary. */
#define JX_CHK_SET_MEM ((size_t)1 << 20)

/* One remembered answer: the spellings it is for (key: the first n1
 * bytes, then n2), the context it holds in (the framework; for a unit,
 * the unit table), the answer.
 * A spelling is looked for in the four slots from its hash's; a new one
 * takes an empty one of them, or else the first. */
#define JX_CHK_MEMO_SLOTS 64
#define JX_CHK_MEMO_KEY 64
struct jx_chk_memo {
  const void *ctx; /* NULL: an empty slot */
  uint64_t h;      /* of the words and the shape */
  /* Each spelling's first and last eight bytes (fewer: all of them),
   * which with the lengths are the whole key up to 16 bytes a spelling;
   * the middle of a longer one is compared in key. */
  uint64_t w[4];
  uint32_t shape; /* n1, n2 and the tag */
  bool ok;
  const void *a, *b;
  char key[JX_CHK_MEMO_KEY];
};

/* The same answers again, for the usual spellings, by their bytes held in
 * words (check_value.h): a category of up to 16 + 32 bytes (产出指标 +
 * 服务对象满意度指标), a unit of up to 16 (平方米), which is every
 * official one.  Looked for in two slots from the hash, so that the hit
 * that is nearly every lookup costs a few compares; a longer spelling,
 * and a miss, go to the memo above. */
#define JX_CHK_FAST_CATS 128
#define JX_CHK_FAST_UNITS 64
struct jx_chk_fast_cat {
  const void *fw; /* NULL: an empty slot */
  uint64_t w[6];  /* level1's ends; level2's ends, or its four words */
  uint32_t shape; /* the lengths and whether level1 was written */
  bool ok;
  const void *a, *b;
};
struct jx_chk_fast_unit {
  uint64_t w[2]; /* its ends */
  size_t n;      /* 0: an empty slot */
  const void *u; /* the unit's table entry, or a cost per unit's, or NULL */
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
   * duplicates.  Reused from block to block (not freed), since allocating
   * a set per project was a tenth of the checker's time; a block of up to
   * JX_CHK_DUP_SCAN rows only fills its first entries, in order, and is
   * scanned, so the table is cleared only for a larger one. */
  struct jx_chk_dup {
    const jx_level1 *a;
    const jx_level2 *b;
    const jx_node *n; /* NULL: empty slot */
    uint64_t h;
  } * dups;
  size_t dups_cap;
/* A block of at most this many indicators is looked through in order
 * (check_indicator.c); the table has at least as many entries. */
#define JX_CHK_DUP_SCAN 16

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
  struct jx_chk_fast_cat fast_cats[JX_CHK_FAST_CATS];
  struct jx_chk_fast_unit fast_units[JX_CHK_FAST_UNITS];
};

/* The framework in force, resolving a pending header name first. */
const jx_framework *jx_chk_framework(jx_checker *c);
/* A header's framework still unknown at its first use or at the end of
 * its file is reported at the header; the default goes on. */
void jx_chk_settle(jx_checker *c);

/* Whether a text is blank (absent, or only spaces). */
bool jx_chk_blank_slow(const char *s);
/* The same, told by its first byte for nearly every text (an indicator's
 * name each row): the blanks and the end are all below '!'. */
static inline bool jx_chk_blank(const char *s) {
  if (s && (unsigned char)*s > ' ')
    return false;
  return jx_chk_blank_slow(s);
}

/* Statements of one kind: the first is kept in *slot, a later one is
 * reported as `field` given twice (statement-duplicate). */
void jx_chk_first(jx_checker *c, jx_node **slot, jx_node *n, jx_msg field);

/* Reads a supervisor's or implementer's code and name, taking apart a
 * name printed with its code (forms.h jx_org_split), into the node's
 * checker fields; reports nothing, and may be called more than once. */
void jx_chk_org(jx_node *org);

/* What the rules about amounts and indicators need to know about the
 * enclosing project (or department). */
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

#endif
