/*
 * backend.h — the interface every output format implements.
 *
 * The build is streaming: the driver calls a back end once per event, in
 * source order, with lowered model structs (runtime/jixiao.h) that are
 * valid only for the duration of the call.  A back end that needs more
 * than one project at a time (the C header's arrays) keeps its own copy of
 * what it needs; everything else writes as it goes, so memory stays flat in
 * the number of projects.
 *
 * Events, for each run:
 *   begin(plan header) — once, before anything else; plan->units is empty,
 *                        plan->department set if it was declared before
 *                        the first unit or project (else NULL)
 *   unit_open(unit)    — unit->code/name set; code NULL for projects written
 *                        outside any unit (a run of them forms one group)
 *   project(unit, p)   — between unit_open and unit_close of its unit
 *   unit_close(unit)   — unit->goals/measures now set
 *   department(d)      — at most once, after the last unit_close
 *   end()              — once
 *
 * A back end that cannot write its output for a reason of its own (the
 * XLSX writer's temporary file) reports it through opt->diag and sets
 * out->failed with out->errno_saved 0: the driver then exits 2 without a
 * second message.
 */
#ifndef JX_BACKEND_H
#define JX_BACKEND_H

#include <stdbool.h>
#include <stddef.h>

#include "jixiao.h"
#include "json.h" /* jx_json_string, for every JSON writer */
#include "out.h"

typedef enum jx_csv_table {
  JX_CSV_INDICATORS = 0,
  JX_CSV_PROJECTS,
  JX_CSV_SCHEDULE,
  JX_CSV_SOURCES,  /* issue 11: each source of funds of each project */
  JX_CSV_BREAKDOWN /* the line items of each budget */
} jx_csv_table;

/* XLSX: a worksheet per project (with a sheet for each unit's own goals),
 * or one per unit holding its projects' forms one below the other. */
typedef enum jx_sheet_mode {
  JX_SHEET_PROJECT = 0,
  JX_SHEET_UNIT
} jx_sheet_mode;

struct jx_diag;

typedef struct jx_emit_options {
  const char *prefix;     /* C: identifier prefix (ASCII, validated) */
  const char *input_name; /* for banners: the first input file's name */
  bool bom;               /* CSV: UTF-8 byte order mark */
  bool compact;           /* JSON: no indentation (--compact) */
  jx_csv_table csv_table;
  jx_sheet_mode sheet; /* XLSX */
  /* HTML: show the run's diagnostics beside the rows they are about; the
   * back end observes `diag` (jx_diag_set_observer), and the build goes on
   * emitting after errors (compile.c) so the page shows them. */
  bool with_diagnostics;
  struct jx_diag *diag;
  /* The indicators' level1 and level2 texts are their framework's, and
   * a source's kind and label, when its kind is not NULL, the table of
   * sources' (lowering's), and neither changes until the back end is
   * destroyed, so the back end may key what it made of them on their
   * addresses (emit_json.c, emit_csv.c, emit_c.c).  jx_build sets it: its
   * models come from one load, whose checker keeps every framework to the
   * end. */
  bool framework_texts_stable;
} jx_emit_options;

typedef struct jx_backend jx_backend;

struct jx_backend {
  const char *name; /* "json", "jsonl", "csv", "c", "xlsx", "html" */
  bool binary;      /* not text: the driver will not write it to a terminal */
  void *(*create)(jx_out *out, const jx_emit_options *opt);
  void (*begin)(void *st, const jx_plan *header);
  void (*unit_open)(void *st, const jx_unit *unit);
  void (*project)(void *st, const jx_unit *unit, const jx_project *p);
  void (*unit_close)(void *st, const jx_unit *unit);
  void (*department)(void *st, const jx_department *d);
  void (*end)(void *st);
  void (*destroy)(void *st);
};

/* The registered back ends (NULL-terminated) and a look-up by name. */
extern const jx_backend *const jx_backends[];
const jx_backend *jx_backend_find(const char *name);

extern const jx_backend jx_backend_json;
extern const jx_backend jx_backend_jsonl; /* a line per project */
/* One indicator as the JSON back end writes it inside a project (an
 * object, two-space indents from depth 0): a language server's hover. */
void jx_emit_json_indicator(jx_out *o, const jx_indicator *x);

/* jx_json_string (a JSON string literal, escaped) is in json.h. */
/* A CSV cell of text (NULL: empty) as the CSV back end writes it: quoted
 * when needed, a formula lead neutralised, ill-formed UTF-8 replaced; *col
 * counts the row's cells (the separator goes before all but the first).
 * jx_csv_figure writes a number the caller formatted, as it is.  Shared
 * with the reports of jxc eval and jxc monitor. */
void jx_csv_text(jx_out *o, int *col, const char *s);
void jx_csv_figure(jx_out *o, int *col, const char *s);
extern const jx_backend jx_backend_csv;
extern const jx_backend jx_backend_c;
extern const jx_backend jx_backend_xlsx;
extern const jx_backend jx_backend_html;

/*
 * The identifier prefix of `build -f c` (docs/c.md): `given` (--prefix, or
 * NULL) checked, or else one made readable from the output file's name or,
 * without -o, the first input's ("plan" for standard input).  Returns it
 * (malloc'd), or NULL with a usage message in `why` when the prefix would
 * make reserved names or names of the runtime (jx, JX_…, jixiao), or when
 * a file name has nothing to make one from.
 */
char *jx_c_prefix(const char *given, const char *output, const char *input,
                  char *why, size_t why_size);

#endif
