/*
 * diag.h — one diagnostic printer for every phase.
 *
 * Lexer, parser, checker and driver all report through jx_diag_report():
 * a message id from the table in diag_codes.def, a location and printf
 * arguments.  The engine formats the message in the chosen language, prints
 *
 *     file:line:col: error: message [code]
 *      12 |   output.quantty "人数" = 22人;
 *         |   ^~~~~~~~~~~~~~
 *
 * with the caret placed by display width (CJK characters are two columns),
 * attaches notes and help lines, counts errors and warnings, and stops the
 * run after a cap.  Output goes to a callback (stderr by default) so unit
 * tests can capture it byte for byte; --diagnostics=json prints one JSON
 * object per line instead.
 *
 * A diagnostic is held until the next one starts or jx_diag_flush() is
 * called, so that notes can be attached to it.
 */
#ifndef JX_DIAG_H
#define JX_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"

typedef enum jx_severity {
  JX_SEV_HELP, /* a hint without location: "did you mean …?" */
  JX_SEV_NOTE, /* context with a location: "budget declared here" */
  JX_SEV_WARNING,
  JX_SEV_ERROR
} jx_severity;

typedef enum jx_diag_id {
#define JX_DIAG(id, code, sev, en, zh) id,
#include "diag_codes.def"
#undef JX_DIAG
  JX_DIAG_COUNT
} jx_diag_id;

typedef enum jx_lang { JX_LANG_EN, JX_LANG_ZH } jx_lang;
typedef enum jx_diag_format { JX_DIAG_TEXT, JX_DIAG_JSON } jx_diag_format;

/* The cap on errors per run; past it one `too-many-errors` ends the run. */
#define JX_MAX_ERRORS 50

typedef void (*jx_diag_writer)(void *ud, const char *text, size_t n);

typedef struct jx_diag jx_diag;

jx_diag *jx_diag_new(void);
void jx_diag_free(jx_diag *d);

/* Registers a source and returns its index for jx_loc.file.  With data NULL
 * the lines shown under a message are read back from the file at `path`;
 * otherwise from data (which must outlive the engine). */
uint32_t jx_diag_add_source(jx_diag *d, const char *path, const char *data,
                            size_t size);
const char *jx_diag_source_path(const jx_diag *d, uint32_t file);

void jx_diag_set_writer(jx_diag *d, jx_diag_writer fn, void *ud);
void jx_diag_set_format(jx_diag *d, jx_diag_format f);
void jx_diag_set_lang(jx_diag *d, jx_lang lang);
jx_lang jx_diag_lang(const jx_diag *d);
void jx_diag_set_color(jx_diag *d, bool on);
void jx_diag_set_werror(jx_diag *d, bool on); /* warnings count as errors */
void jx_diag_set_max_errors(jx_diag *d, int max);

/* Starts a diagnostic (flushing the previous one).  The arguments fill the
 * message's printf format in the current language.  A loc with line 0 has
 * no position (a whole-run message). */
void jx_diag_report(jx_diag *d, jx_diag_id id, jx_loc loc, ...);
/* Attaches a note (with a location) or help (loc ignored) to the current
 * diagnostic; the id must have severity NOTE or HELP. */
void jx_diag_note(jx_diag *d, jx_diag_id id, jx_loc loc, ...);
/* Called with each diagnostic's location just before it is printed, so a
 * tool can attach a note of its own with jx_diag_note: `jxc import` names
 * the spreadsheet cell behind a line of the .jx it wrote.  NULL: none. */
typedef void (*jx_diag_annotator)(void *ud, jx_diag *d, jx_loc loc);
void jx_diag_set_annotator(jx_diag *d, jx_diag_annotator fn, void *ud);
/* Prints everything held (in order of position) and the current one. */
void jx_diag_flush(jx_diag *d);
/* While on, finished diagnostics are queued instead of printed, and
 * jx_diag_release() prints the queue sorted by file and position.  The
 * streaming compile holds each declaration's messages so that a syntax
 * error found while parsing and a rule broken when the block closes come
 * out in source order.  Counting and the cap are not delayed. */
void jx_diag_set_hold(jx_diag *d, bool on);
void jx_diag_release(jx_diag *d);

int jx_diag_errors(const jx_diag *d);   /* includes promoted warnings */
int jx_diag_warnings(const jx_diag *d); /* not promoted */
/* True once the cap is reached: callers stop reading input. */
bool jx_diag_too_many(const jx_diag *d);
/* Flushes and prints "N errors, M warnings" (text format, only if any). */
void jx_diag_summary(jx_diag *d);

/* Table look-ups, for docs and tests. */
const char *jx_diag_code(jx_diag_id id);
jx_severity jx_diag_severity(jx_diag_id id);
const char *jx_diag_format_string(jx_diag_id id, jx_lang lang);

#endif
