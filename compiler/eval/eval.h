/*
 * eval.h — the rest of the year: actuals read, matched to the plan, and
 * scored (`jxc eval`) or monitored (`jxc monitor`).
 *
 * The stages, one file each:
 *
 *   plan.c         the whole plan loaded: every project with its model,
 *                  its locations table and its unit
 *   actuals.c      what a user reports, as written (jx_actuals), and the
 *                  words it may use: ratings, reasons, likelihoods
 *   actuals_csv.c  the CSV form: a header row, a row per actual
 *   bind.c         actuals matched to the plan's projects and indicators,
 *                  converted into each target's unit: the runtime's
 *                  jx_project_actuals (jixiao_score.h), with every rule an
 *                  actual can break reported through jx_diag
 *   run.c          scoring or monitoring each project with libjixiao, the
 *                  checks on the figures a form printed, the unit totals
 *   report_*.c     the result as text, JSON or CSV
 *   profiles.c     the profile in force: built-in or declared
 *   diff_actuals.c jxc diff of two actuals files, by meaning
 *   actuals_write.c  jxc fmt of a table: the language's actuals block
 *
 * The scoring itself is libjixiao's (runtime/score.c, monitor.c): the CLI
 * and a budget system that links the library compute the same figures.
 *
 * Ownership: a jx_ev_plan, a jx_actuals and a jx_ev_run each own an arena
 * with everything they hold; a run points into the plan and the actuals,
 * which must outlive it.
 */
#ifndef JX_EVAL_H
#define JX_EVAL_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "jixiao_score.h"
#include "ast.h"
#include "model_locs.h"
#include "out.h"
#include "units.h"

/* ---- The plan, whole (plan.c) ------------------------------------------ */

typedef struct jx_ev_unit {
  const char *code; /* NULL: the projects written outside any unit */
  const char *name;
} jx_ev_unit;

typedef struct jx_ev_project {
  const jx_project *p;
  const jx_project_locs *locs;
  const jx_unit_info *currency; /* what p's amounts are in */
  size_t unit;                  /* index into the plan's units */
} jx_ev_project;

typedef struct jx_ev_plan {
  int year; /* 0 when no file says */
  jx_ev_unit *units;
  size_t n_units;
  jx_ev_project *projects; /* in the order written */
  size_t n_projects;
  const char *profile; /* the profile the plan chooses (`profile NAME;`) */
  jx_loc profile_loc;
  bool profile_errors; /* a profile declared in it was refused */
  void *impl;          /* the loaded plan (load.h) */
} jx_ev_plan;

struct jx_ev_profiles;
/* Loads and checks the plan files (compiler/load, WHOLE), declaring the
 * profiles they declare into ps (may be NULL).  0 clean (warnings
 * allowed), 1 the plan has errors, 2 a file could not be read (all
 * reported).  Free with jx_ev_plan_free in every case. */
int jx_ev_plan_load(jx_ev_plan *pl, const char *const *paths, int n,
                    struct jx_ev_profiles *ps, jx_diag *d);
/* The same, with the framework and form of a file whose header names
 * none (NULL: local, generic; jxc.ini's). */
int jx_ev_plan_load_with(jx_ev_plan *pl, const char *const *paths, int n,
                         const char *framework, const char *form,
                         struct jx_ev_profiles *ps, jx_diag *d);
void jx_ev_plan_free(jx_ev_plan *pl);

/* ---- Actuals as written (actuals.c) ------------------------------------ */

typedef enum jx_av_kind {
  JX_AV_NONE = 0, /* nothing written */
  JX_AV_NUMBER,   /* 22人, 0.5万元, 95%, 7月 (a month or a duration: the
                     target decides) */
  JX_AV_DATE,     /* 2021年7月15日, 2021-07; year 0 when not written */
  JX_AV_TEXT,     /* 圆满完成 */
  JX_AV_TARGETED, /* as targeted: 按目标 */
  JX_AV_NA        /* 不涉及 */
} jx_av_kind;

/* A value as the user wrote it. */
typedef struct jx_av {
  jx_av_kind kind;
  const char *text;              /* as written, NULL for none */
  jx_decimal number;             /* NUMBER, in its written unit */
  const char *unit;              /* NUMBER: the unit written, or NULL */
  const jx_unit_info *unit_info; /* NULL: none written, or unknown */
  int year, month, day;          /* DATE: day 0 for a month */
  jx_loc loc;
} jx_av;

typedef enum jx_entry_kind {
  JX_ENTRY_INDICATOR = 0, /* an indicator's actual */
  JX_ENTRY_SPENT,         /* 执行数 */
  JX_ENTRY_BUDGET_FULL    /* 全年预算数 (adjusted) */
} jx_entry_kind;

/* The official categories of 偏差原因. */
typedef enum jx_reason {
  JX_REASON_NONE = 0,
  JX_REASON_FUNDING,  /* 经费保障 */
  JX_REASON_RULES,    /* 制度保障 */
  JX_REASON_STAFF,    /* 人员保障 */
  JX_REASON_HARDWARE, /* 硬件保障 */
  JX_REASON_OTHER     /* 其他 */
} jx_reason;

/* 完成可能性 */
typedef enum jx_likelihood {
  JX_LIKELY_NONE = 0,
  JX_LIKELY_CERTAIN,   /* 确定能 */
  JX_LIKELY_POSSIBLE,  /* 有可能 */
  JX_LIKELY_IMPOSSIBLE /* 完全不可能 */
} jx_likelihood;

/* One actual: a CSV row, or a statement of an `actuals` block. */
typedef struct jx_entry {
  jx_entry_kind kind;
  const char *project; /* code or name */
  jx_loc project_loc;
  const char *indicator; /* 三级指标; NULL for the money */
  jx_loc indicator_loc;
  jx_av value;
  jx_rating rating;
  jx_loc rating_loc;
  bool has_weight, has_score;
  jx_decimal weight, score;
  jx_loc weight_loc, score_loc;
  jx_reason reason;
  const char *reason_text; /* the analysis, NULL if none */
  jx_loc reason_loc;
  const char *measure; /* 改进措施, NULL if none */
  jx_likelihood likelihood;
  jx_loc likelihood_loc;
  jx_loc loc; /* the whole row or statement */
} jx_entry;

typedef struct jx_actuals {
  jx_arena arena; /* entries' strings, and the native form's syntax tree */
  jx_entry *entries;
  size_t n, cap;
  bool csv;            /* which form it was written in */
  const char *profile; /* the profile the file asks for, or NULL */
  jx_loc profile_loc;
  size_t blocks;    /* native: `actuals` blocks, empty ones too */
  const char *plan; /* native: the plan file it names, or NULL */
  jx_loc plan_loc;
  const jx_node **profiles; /* the profiles it declares, in order */
  size_t n_profiles, cap_profiles;
  char *text; /* the decoded input, owned (quoted lines) */
} jx_actuals;

/* Reads an actuals file, recognising its form by its content: CSV (a
 * header row naming the columns) or the language's `actuals` blocks.
 * 0 clean, 1 errors (reported), 2 unreadable (reported).  Free with
 * jx_actuals_free in every case. */
int jx_actuals_read(jx_actuals *a, const char *path, jx_diag *d);
/* The same over n bytes in memory, named `name` (the fuzzer's way). */
int jx_actuals_read_mem(jx_actuals *a, const char *name, const char *data,
                        size_t n, jx_diag *d);
void jx_actuals_free(jx_actuals *a);
jx_entry *jx_actuals_add(jx_actuals *a);

/* The words a user may write, in either language (actuals.c):
 * JX_RATING_NONE, JX_REASON_NONE, JX_LIKELY_NONE when the text is none. */
jx_rating jx_rating_lookup(const char *word);
jx_reason jx_reason_lookup(const char *word);
jx_likelihood jx_likelihood_lookup(const char *word);
/* The canonical word in lang (English) or Chinese. */
const char *jx_rating_word(jx_rating r, jx_lang lang);
const char *jx_reason_word(jx_reason r, jx_lang lang);
const char *jx_likelihood_word(jx_likelihood l, jx_lang lang);
/* What jxc fmt writes for a word of an actuals statement (the words of
 * that kind, in either language and any spelling, become the canonical
 * one in the keywords' language) and of a profile (a setting's name, and
 * a value of a setting that takes choice words); NULL when jxc does not
 * know the word: it stays as written (profiles.c, actuals.c). */
typedef enum jx_ev_word {
  JX_EVW_RATING,
  JX_EVW_REASON,
  JX_EVW_LIKELIHOOD
} jx_ev_word;
const char *jx_ev_word_spelling(jx_ev_word kind, const char *word, bool zh);
const char *jx_ev_setting_spelling(const char *name, bool zh);
const char *jx_ev_choice_spelling(const char *setting, const char *word,
                                  bool zh);
/* Every spelling of each, for messages ("达成、部分达成或未达成"). */
void jx_rating_words(jx_strbuf *out, jx_lang lang);
void jx_reason_words(jx_strbuf *out, jx_lang lang);
void jx_likelihood_words(jx_strbuf *out, jx_lang lang);

/* Reads a value written as text (a CSV cell, already trimmed) into *out,
 * strings in a: 22人, 1,909.00, 0.5万元, 95%, 2021年7月15日, 2021-07,
 * 7月, 按目标 (as targeted), 不涉及, else a text. */
void jx_av_read(jx_arena *a, const char *text, jx_loc loc, jx_av *out);

/* The CSV form (actuals_csv.c): text (n bytes, UTF-8) registered as
 * `file`.  Returns -1 when it is not an actuals table (no header row with
 * the project, indicator and actual columns): nothing is reported then,
 * so the caller can try the other form; else 0, or 1 after errors. */
int jx_actuals_read_csv(jx_actuals *a, const char *path, uint32_t file,
                        const char *text, size_t n, jx_diag *d);
/* The language's form (actuals_jx.c): `actuals` blocks, and `profile`
 * declarations and selections, in jixiao source registered as `file`.
 * Returns -1, having reported nothing, when the text has neither (not
 * jixiao, or a plan); else 0, or 1 after errors. */
int jx_actuals_read_jx(jx_actuals *a, uint32_t file, const char *text, size_t n,
                       jx_diag *d);

/* ---- Matching and scoring (bind.c, run.c) ------------------------------ */

/* An indicator's name for a message: the rows some forms print without a
 * name (issue 11) have none, and no actual can name them. */
static inline const char *jx_ev_name(const jx_indicator *x) {
  return x->name ? x->name : "";
}

/* One project of the plan and what was reported for it. */
typedef struct jx_ev_item {
  const jx_ev_project *proj;
  bool reported;            /* some actual names this project */
  jx_project_actuals pa;    /* for libjixiao */
  jx_actual *acts;          /* n_indicators of them */
  const jx_entry **entries; /* n_indicators: the entry behind each, or NULL */
  const jx_entry *spent, *budget_full;
  bool done;                  /* scored or monitored */
  jx_indicator_score *scores; /* eval */
  jx_project_score score;
  jx_indicator_progress *progress; /* monitor */
  jx_project_progress prog;
} jx_ev_item;

typedef struct jx_ev_run {
  jx_arena arena;
  const jx_ev_plan *plan;
  const jx_profile *profile;
  jx_ev_item *items; /* one per project of the plan, in its order */
  size_t n_items;
  int month; /* monitor */
} jx_ev_run;

/* Matches the actuals to the plan, reporting what does not fit (month:
 * 0 for scoring, 1–12 for monitoring, which words the messages).  Returns
 * 0, or 1 when an error was reported (the run must not be scored). */
int jx_ev_bind(jx_ev_run *r, const jx_ev_plan *pl, const jx_actuals *a,
               const jx_profile *prof, int month, jx_diag *d);
/* Scores every reported project; reports printed weights and scores that
 * do not agree.  0, or 1 after an error (a figure beyond exact range). */
int jx_ev_score(jx_ev_run *r, jx_diag *d);
/* Monitors every reported project by the end of `month`; reports red
 * and yellow lights without a reason.  0, or 1 after an error. */
int jx_ev_monitor(jx_ev_run *r, int month, jx_diag *d);
/* Is any light red? */
bool jx_ev_any_red(const jx_ev_run *r);
void jx_ev_run_free(jx_ev_run *r);

/* What a unit's reported projects add up to (run.c). */
typedef struct jx_ev_summary {
  size_t projects;  /* scored or monitored */
  jx_ratio total;   /* eval: the sum of the totals */
  jx_ratio average; /* eval: total ÷ projects */
  size_t grades[4]; /* eval: by jx_grade */
  size_t lights[5]; /* monitor: by jx_light, the budget's and indicators' */
  bool money;       /* all its projects in one currency: the sums below */
  const jx_unit_info *currency;
  jx_decimal budget_full, spent;
  bool has_rate;
  jx_ratio rate; /* percent */
  bool ok;       /* false: a sum beyond range (not shown) */
} jx_ev_summary;

void jx_ev_summarize(const jx_ev_run *r, size_t unit, jx_ev_summary *s);

/* ---- Profiles (profiles.c) --------------------------------------------- */

/* The profiles a run knows: libjixiao's built-ins and those the inputs
 * declare (`profile NAME { … }`), each read into a jx_profile. */
typedef struct jx_ev_profiles {
  jx_arena arena;
  struct jx_ev_declared {
    const jx_profile *profile;
    jx_loc where; /* its name in the declaration */
  } * declared;
  size_t n, cap;
} jx_ev_profiles;

void jx_ev_profiles_init(jx_ev_profiles *ps);
void jx_ev_profiles_free(jx_ev_profiles *ps);
/* Reads a declaration (a JX_N_PROFILE that is not `uses`), reporting what
 * is wrong with it; true when it was added.  The node's strings must
 * outlive ps. */
bool jx_ev_profiles_declare(jx_ev_profiles *ps, const jx_node *decl,
                            jx_diag *d);
/* A copy of s in ps's arena (a name that must outlive a parse). */
const char *jx_ev_profiles_keep(jx_ev_profiles *ps, const char *s);
/* A profile by name: declared first, then built in; NULL if none. */
const jx_profile *jx_ev_profiles_find(const jx_ev_profiles *ps,
                                      const char *name);
/* Every name there is, joined for a message in lang. */
void jx_ev_profiles_names(const jx_ev_profiles *ps, jx_strbuf *out,
                          jx_lang lang);

/* ---- The commands (driver.c) ------------------------------------------- */

typedef enum jx_ev_format { JX_EV_TEXT, JX_EV_JSON, JX_EV_CSV } jx_ev_format;

typedef struct jx_ev_args {
  const char *const *plans; /* the plan's files */
  int n_plans;
  const char *actuals; /* the actuals file */
  const char *profile; /* --profile NAME, or NULL */
  const char *command; /* "eval" or "monitor", for a usage error */
  jx_ev_format format;
  int month; /* 0: jxc eval; 1–12: jxc monitor by the end of that month */
  jx_lang lang;
  /* From jxc.ini: the framework and form of a plan file whose header
   * names none (NULL: local, generic), and the profile when neither the
   * command line nor a file names one, with where it is written. */
  const char *default_framework, *default_form;
  const char *config_profile;
  jx_loc config_profile_loc;
} jx_ev_args;

/* Runs eval or monitor, writing the report to out.  Returns the exit
 * status: 0 done (for monitor: and no red light), 1 the input has errors
 * (nothing is written) or, for monitor, a light is red, 2 a file could not
 * be read. */
int jx_ev_main(const jx_ev_args *a, jx_out *out, jx_diag *d);

/* ---- jxc diff of actuals (diff_actuals.c) ------------------------------- */

/* Is the file at path actuals (CSV, or jixiao with `actuals` blocks or
 * `profile`s) rather than a plan?  Reads it, quietly; false for "-". */
bool jx_actuals_sniff(const char *path);
/* Writes what differs between two actuals, by meaning, as text (JX_EV_TEXT
 * and JX_EV_CSV) or JSON.  Returns 0 when nothing does, 1 otherwise. */
int jx_ev_diff_actuals(const jx_actuals *a, const jx_actuals *b,
                       const char *old_path, const char *new_path,
                       jx_ev_format f, jx_lang lang, jx_out *o);

/* ---- jxc fmt of an actuals table (actuals_write.c) ----------------------- */

/* Is data (n bytes of the file `name`) an actuals table?  -1 when it is
 * not (nothing reported: it is fmt's to format as jixiao); else writes it
 * as an `actuals` block, English keywords and the words (ratings,
 * reasons, likelihoods) in Chinese when zh, into out: 0, or 1 after
 * reporting its errors (diagnostics flushed: they quote its text).  With
 * out NULL, only says whether it is a table (0), reading it quietly. */
int jx_actuals_fmt_table(const char *name, const char *data, size_t n, bool zh,
                         jx_strbuf *out, jx_diag *d);

/* ---- Reports (report_text.c, report_json.c, report_csv.c) -------------- */

void jx_ev_report_eval(const jx_ev_run *r, jx_ev_format f, jx_lang lang,
                       jx_out *o);
void jx_ev_report_monitor(const jx_ev_run *r, jx_ev_format f, jx_lang lang,
                          jx_out *o);

#endif
