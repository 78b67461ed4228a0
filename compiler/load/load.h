/*
 * load.h — the loader: "a plan from these sources".
 *
 * Every command that needs a plan gets it here, the same way: each input
 * opened before any is read (source.h), parsed as it streams in, each
 * declaration checked as it closes, its diagnostics released together and
 * in source order, and — when someone wants the model — lowered to the
 * structs of runtime/jixiao.h with the place of every field beside them
 * (model_locs.h).  check, build and diff use it; eval, import's
 * verification and a language server are meant to.
 *
 * Two modes:
 *
 *   STREAM  each declaration is handed to a consumer (jx_load_consumer)
 *           and released when the callback returns, so memory stays flat
 *           however large the input: `jxc check` (no consumer: nothing is
 *           lowered) and `jxc build` (a back end behind the consumer).
 *           Once an error has been reported nothing more is handed over
 *           (unless after_errors), but parsing and checking go on, so one
 *           run reports every error of every input.
 *
 *   WHOLE   everything is kept and returned as a jx_loaded_plan: the
 *           model with its locations, the currency each project's amounts
 *           are in, and which inputs were read (`jxc diff`, and the tools
 *           that need the whole plan).  Every declaration that checks
 *           clean is kept, even after errors elsewhere, so a tool can work
 *           on what is sound; jx_loaded_status says whether it all was.
 *
 * Exit statuses, as every command uses them: 0 clean (warnings allowed),
 * 1 the input has errors, 2 an input could not be opened or read (all
 * reported through the jx_diag).  After a read error nothing more is
 * handed over and the rules that need the whole input are not run: what
 * the unread rest would have settled is unknown.
 */
#ifndef JX_LOAD_H
#define JX_LOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "framework.h"
#include "jixiao.h"
#include "model_locs.h"
#include "source.h"
#include "units.h"

/* ---- What to load ------------------------------------------------------ */

typedef enum jx_load_mode { JX_LOAD_STREAM, JX_LOAD_WHOLE } jx_load_mode;

struct jx_node; /* ast.h */

/* An input held in memory (which must outlive the jx_diag: its lines are
 * quoted from there). */
typedef struct jx_load_text {
  const char *data;
  size_t len;
} jx_load_text;

/*
 * STREAM events, in source order.  Each may be NULL.  The structs are
 * valid until the callback returns; the locations are NULL unless the job
 * asked for them.
 *
 *   begin(header)      once, before the first unit_open (or before end()
 *                      when there is none): year, framework, currency,
 *                      form;
 *                      units empty; department set if it was declared
 *                      before the first unit or project (else NULL)
 *   unit_open(u)       u->code and u->name; code and name NULL for a run
 *                      of projects written outside any unit (one group);
 *                      a unit written without a code has code NULL and
 *                      its name
 *   project(u, p)      between unit_open and unit_close of its group
 *   unit_close(u)      u->goals, u->measures, u->supervisor and
 *                      u->implementer now set (a unit left open
 *                      by a syntax error closes without them)
 *   department(d)      at most once, after the last unit_close
 *   end()              once, last
 */
typedef struct jx_load_consumer {
  void *ud;
  void (*begin)(void *ud, const jx_plan *header);
  void (*unit_open)(void *ud, const jx_unit *unit, const jx_unit_locs *locs);
  void (*project)(void *ud, const jx_unit *unit, const jx_project *p,
                  const jx_project_locs *locs);
  void (*unit_close)(void *ud, const jx_unit *unit, const jx_unit_locs *locs);
  void (*department)(void *ud, const jx_department *d,
                     const jx_department_locs *locs);
  void (*end)(void *ud);
} jx_load_consumer;

typedef struct jx_load_job {
  /* The inputs, n of them, given one of three ways: paths ("-" is
   * standard input), opened by the loader; sources already opened with
   * jx_sources_open (the caller closes them: diff opens both sides before
   * reading either); or texts in memory (the fuzzer, tests, import's
   * verification), named by paths[i] when paths is set, else "<memory>". */
  const char *const *paths;
  jx_source *const *sources;
  const jx_load_text *texts;
  int n;
  /* How diagnostics name each input (NULL, or names[i] NULL: its own
   * name): a git diff driver is handed temporary files that stand for
   * a/PATH and b/PATH. */
  const char *const *names;
  jx_load_mode mode;
  /* STREAM: who receives the declarations; NULL checks only (nothing is
   * lowered). */
  const jx_load_consumer *consumer;
  bool locations;    /* STREAM: lower the locations tables too */
  bool after_errors; /* STREAM: go on handing over, after an error, what
                        checked clean (build -f html --with-diagnostics) */
  /* The declarations of the rest of the year (`actuals` blocks and
   * `profile`s, which compiler/eval reads), in either mode, as each is
   * parsed: the node is valid until the callback returns, and what is
   * reported about it is released with it.  NULL: passed over. */
  void (*year_end)(void *ud, const struct jx_node *decl);
  void *year_end_ud;
  /* The framework and form of a file whose header names none (built-in
   * names, NULL: local and generic): jxc.ini's [plan] keys. */
  const char *default_framework, *default_form;
  /* Filled in when set: what was read, errors or not (check --each). */
  struct jx_load_stats *stats;
} jx_load_job;

/* What a load read: every project and unit parsed, whether it checked
 * clean or not, and the first unit's code and name (NULL when there is
 * none; the caller frees them). */
typedef struct jx_load_stats {
  size_t projects, units;
  char *unit_code, *unit_name;
} jx_load_stats;

typedef struct jx_loaded_plan jx_loaded_plan;

/* Runs the job.  Returns 0, 1 or 2 (above).  In WHOLE mode *whole
 * receives the plan in every case, errors or not (empty when an input
 * could not be opened), and the caller frees it with jx_loaded_free; in
 * STREAM mode `whole` may be NULL. */
int jx_load(const jx_load_job *job, jx_diag *d, jx_loaded_plan **whole);

/* The common case of WHOLE: these paths, under their own names.  Never
 * NULL; jx_loaded_status says how it went. */
jx_loaded_plan *jx_load_whole(const char *const *paths, int n, jx_diag *d);

/* ---- The loaded plan (WHOLE) ------------------------------------------ */

/* 0 clean, 1 the input has errors, 2 an input could not be read. */
int jx_loaded_status(const jx_loaded_plan *lp);

/*
 * The model.  Units are in order of first declaration; a unit declared
 * again (an error, unit-code-duplicate, or unit-name-duplicate for one
 * without a code, which is known by its name) keeps its first goals and
 * measures, and its projects join it.  Projects written outside any unit,
 * wherever they are, form one group with code and name NULL, placed where the
 * first of them was.  year, framework and currency are the plan's as the
 * headers left them at the end.  Everything the model points to is owned
 * by the loaded plan.
 */
const jx_plan *jx_loaded_model(const jx_loaded_plan *lp);
/* Where each thing was written: units[u] of the model, its projects[k],
 * the department (NULL when there is none).  The group outside units has
 * the zero table (jx_loc_known is false). */
const jx_unit_locs *jx_loaded_unit_locs(const jx_loaded_plan *lp, size_t u);
const jx_project_locs *jx_loaded_project_locs(const jx_loaded_plan *lp,
                                              size_t u, size_t k);
const jx_department_locs *jx_loaded_department_locs(const jx_loaded_plan *lp);
/* The first plan header; the zero jx_loc when no input has one. */
jx_loc jx_loaded_header_loc(const jx_loaded_plan *lp);

/* What amounts are in: the plan's currency (as the model's `currency`
 * says), and that of each project — its own file's header's, which may
 * differ when the inputs do. */
const jx_unit_info *jx_loaded_currency(const jx_loaded_plan *lp);
const jx_unit_info *jx_loaded_project_currency(const jx_loaded_plan *lp,
                                               size_t u, size_t k);

/* The inputs read, in order: how many, and each one's index for
 * jx_loc.file (the name is jx_diag_source_path's). */
size_t jx_loaded_n_inputs(const jx_loaded_plan *lp);
uint32_t jx_loaded_input(const jx_loaded_plan *lp, size_t i);

/* The indicator framework in force at the end of the load (the last
 * input's): built in or declared, with its categories' labels and
 * roles. */
const jx_framework *jx_loaded_framework(const jx_loaded_plan *lp);

/* The frameworks the inputs declare (`framework NAME { … }`), in source
 * order, each with where it and its categories were written: a language
 * server's go to definition.  Recorded as written, errors or not. */
typedef struct jx_declared_category {
  const char *code, *label;
  jx_loc code_loc;
  const struct jx_declared_category *children; /* a level 1's level 2s */
  size_t n_children;
} jx_declared_category;

typedef struct jx_declared_framework {
  const char *name;
  jx_loc name_loc;
  const jx_declared_category *levels;
  size_t n_levels;
} jx_declared_framework;

size_t jx_loaded_n_declared(const jx_loaded_plan *lp);
const jx_declared_framework *jx_loaded_declared(const jx_loaded_plan *lp,
                                                size_t i);

/* The projects that did not check clean, in source order.  They are not
 * in the model; where they were written is kept for a language server's
 * outline, which should not lose a project while it is being mended. */
typedef struct jx_unsound_project {
  size_t unit;      /* the model's unit (or group) it was written in */
  const char *name; /* as written, or NULL */
  jx_loc decl, name_loc, close;
} jx_unsound_project;

size_t jx_loaded_n_unsound(const jx_loaded_plan *lp);
const jx_unsound_project *jx_loaded_unsound(const jx_loaded_plan *lp, size_t i);

void jx_loaded_free(jx_loaded_plan *lp); /* NULL is fine */

#endif
