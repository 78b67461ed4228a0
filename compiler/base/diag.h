/*
 * diag.h — diagnostics as records, rendered late.
 *
 * Lexer, parser, checker, input, output and the command line all report
 * through jx_diag_report() and its kin: a message id from the catalog
 * (diag_codes.def), a location and the message's arguments.  A report
 * makes a record — id, code, severity, where, the arguments captured
 * (strings copied, each cut at 200 bytes), notes — and nothing is worded
 * yet.  When the record is finished (the next report starts, or a flush)
 * the engine works out its place on the line (code-point columns) and
 * keeps the piece of the line a quote shows; then the record goes to the
 * sink.  The default sink renders it, as text (diag_text.c)
 *
 *     file:line:col: error: message [code]
 *      12 |   output.quantty "人数" = 22人;
 *         |   ^~~~~~~~~~~~~~
 *
 * or as one JSON object per line (diag_json.c), in the chosen language,
 * and hands the bytes to a writer (stderr by default).  SARIF (a single
 * JSON document for the whole run, diag_sarif.c) is rendered a record at
 * a time into pieces the engine keeps, and written as one log by
 * jx_diag_end().  Another sink — a language server — takes the records as
 * data and words them itself with jx_diag_message().
 *
 * The engine counts errors and warnings, applies -W error, stops the run
 * after a cap, and while holding sorts each declaration's records by
 * position.  Text from the input (file names, echoed words, quoted lines)
 * is escaped for the terminal when rendered as text: controls and bad
 * bytes as \x1B, bidi overrides as <U+202E>.
 */
#ifndef JX_DIAG_H
#define JX_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "loc.h"
#include "strbuf.h"

typedef enum jx_diag_format {
  JX_DIAG_TEXT,
  JX_DIAG_JSON,
  JX_DIAG_SARIF
} jx_diag_format;

/* The cap on errors per run; past it one `too-many-errors` ends the run. */
#define JX_MAX_ERRORS 50

typedef struct jx_diag jx_diag;

/* ---- records --------------------------------------------------------- */

/* Where a record or a note points, worked out when it was finished. */
typedef struct jx_diag_place {
  jx_loc loc;       /* loc.line == 0: no position */
  const char *path; /* the file loc is in; NULL without a position */
  /* 1-based code-point columns on the line, end exclusive (what editors
   * count); byte columns when the line could not be had; 0 without a
   * position. */
  uint32_t col, end_col;
  bool byte_cols; /* col and end_col count bytes: the line was not had */
  /* The piece of the line a quote shows (NULL: not quoted): loc starts at
   * quote_at within it and quote_span bytes are underlined; cut_before and
   * cut_after say the line goes on beyond the piece ("..."). */
  const char *quote;
  size_t quote_len, quote_at, quote_span;
  bool cut_before, cut_after;
} jx_diag_place;

/* The diagnostic itself, or one of its notes. */
typedef struct jx_diag_part {
  jx_diag_id id;
  jx_severity sev; /* as shown: a warning under -W error is an error */
  jx_diag_place at;
  jx_args args; /* the message's arguments (strings in the record's pool) */
} jx_diag_part;

/* A fix-it: a concrete edit that cures the diagnostic, where the reporter
 * knows one (the keyword a misspelt word was meant to be, the `%` a
 * satisfaction target lacks): the at.loc.len bytes at at.loc (on one line;
 * 0: an insertion before loc.offset) are replaced by `text`.  at.col and
 * at.end_col are worked out as for a note; nothing is quoted.  What a
 * language server offers as a quick fix. */
typedef struct jx_diag_fixit {
  jx_diag_place at;
  const char *text; /* UTF-8, in the record's pool */
} jx_diag_fixit;

typedef struct jx_diag_record {
  jx_diag_part main;
  const char *code; /* the public code; NULL only for a stray note */
  /* A whole file's trouble (read-error, write-error): the file, which JSON
   * names although there is no position; NULL otherwise. */
  const char *file;
  /* A usage error: the command it is about ("build"; "" for jxc itself),
   * shown "jxc build: message" with its help lines; NULL otherwise. */
  const char *command;
  const jx_diag_part *notes;
  size_t n_notes;
  const jx_diag_fixit *fixits; /* in the order attached */
  size_t n_fixits;
  const char *pool; /* where the arguments' strings are */
} jx_diag_record;

/* Receives each finished record, in the order the run releases them; the
 * record is valid until the callback returns, and the callback must not
 * report to the same engine. */
typedef void (*jx_diag_sink)(void *ud, const jx_diag_record *r);
/* Receives rendered text; the default sink writes through it. */
typedef void (*jx_diag_writer)(void *ud, const char *text, size_t n);

/* Text from the user (a file name, a word echoed in a message) as it may
 * safely reach a terminal: controls and bad bytes as \xNN, bidi controls
 * as <U+202E> (diag_layout.c).  Other text reports (jxc eval's) use it too,
 * so that a name looks the same in a report as in a diagnostic. */
void jx_diag_put_safe(jx_strbuf *out, const char *s, size_t n);

/* The message of a part (r->main or one of r->notes), in lang.  Nothing is
 * escaped: that is the renderer's business. */
void jx_diag_message(jx_strbuf *out, const jx_diag_record *r,
                     const jx_diag_part *p, jx_lang lang);
/* A record as text (header, quoted lines, carets, notes), terminal-safe,
 * with ANSI colours when color is set (diag_text.c). */
void jx_diag_render_text(jx_strbuf *out, const jx_diag_record *r, jx_lang lang,
                         bool color);
/* A record as one line of JSON (diag_json.c). */
void jx_diag_render_json(jx_strbuf *out, const jx_diag_record *r, jx_lang lang);
/* A record as a piece of a SARIF log: one line of text that
 * jx_diag_sarif_log() puts together with the others (diag_sarif.c). */
void jx_diag_render_sarif(jx_strbuf *out, const jx_diag_record *r,
                          jx_lang lang);
/* The SARIF 2.1.0 log of a run, from its pieces in the order rendered
 * (n bytes of jx_diag_render_sarif lines): one run, its rules the codes
 * that occur, in lang (docs/diagnostics.md "SARIF output"). */
void jx_diag_sarif_log(jx_strbuf *out, const char *pieces, size_t n,
                       jx_lang lang);
/* ... with the documentation at docs_url (NULL or "": no helpUri), which
 * jx_diag_sarif_log takes from the build (JX_DOCS_URL). */
void jx_diag_sarif_log_at(jx_strbuf *out, const char *pieces, size_t n,
                          jx_lang lang, const char *docs_url);

/* ---- the engine ------------------------------------------------------ */

jx_diag *jx_diag_new(void);
void jx_diag_free(jx_diag *d);

/* Registers a source and returns its index for jx_loc.file.  The engine
 * never opens a path: the lines it quotes come from data (which must
 * outlive the engine; NULL: lines are not quoted), ... */
uint32_t jx_diag_add_source(jx_diag *d, const char *path, const char *data,
                            size_t size);
/* ... from a regular file, through the engine's own duplicate of fd, at
 * file offset base + loc.offset (source.c registers its inputs so) ... */
uint32_t jx_diag_add_file(jx_diag *d, const char *path, int fd, uint64_t base);
/* ... or from a stream read once (pipe, FIFO, device), whose reader hands
 * every piece read to jx_diag_keep (n == 0: the input has ended) and says
 * with jx_diag_forget which bytes no message will need any more (those
 * before `offset`; the engine still keeps what its pending diagnostic
 * needs).  A location before what is kept is shown without its line. */
uint32_t jx_diag_add_stream(jx_diag *d, const char *path);
void jx_diag_keep(jx_diag *d, uint32_t file, const char *p, size_t n);
void jx_diag_forget(jx_diag *d, uint32_t file, uint64_t offset);
const char *jx_diag_source_path(const jx_diag *d, uint32_t file);

/* Where finished records go: fn (NULL: the default, which renders them in
 * the engine's format and language and writes them). */
void jx_diag_set_sink(jx_diag *d, jx_diag_sink fn, void *ud);
/* Where the default sink and the summary write (NULL: the default,
 * stderr; in SARIF format, the engine's own pieces, for jx_diag_end). */
void jx_diag_set_writer(jx_diag *d, jx_diag_writer fn, void *ud);
/* Hands text rendered earlier in this engine's format (a captured part of
 * the run, `check -j`'s child's) to the writer. */
void jx_diag_write(jx_diag *d, const char *text, size_t n);
/* The end of the run: flushes, and in SARIF format writes the log of the
 * pieces kept to stderr (an empty log when there were none).  Once. */
void jx_diag_end(jx_diag *d);

/* One diagnostic, worded, for a program that shows diagnostics itself
 * beside its own output (`jxc build -f html --with-diagnostics` puts them
 * beside the rows).  A thinner view than a record, kept for that use. */
typedef struct jx_diag_event {
  jx_severity severity; /* as printed: -W error already applied */
  const char *code;     /* "funds-sum" */
  const char *path;     /* NULL for a message without a position */
  uint32_t line, col;   /* 1-based; col in bytes */
  const char *message;  /* in the run's language */
} jx_diag_event;
typedef void (*jx_diag_observer)(void *ud, const jx_diag_event *e);
/* fn sees each diagnostic (not its notes) when it is finished, before it
 * is held or sent, and e NULL at the end of each jx_diag_release(): in
 * the streaming build, everything between two NULLs belongs to one
 * declaration.  NULL fn: none. */
void jx_diag_set_observer(jx_diag *d, jx_diag_observer fn, void *ud);
void jx_diag_set_format(jx_diag *d, jx_diag_format f);
jx_diag_format jx_diag_get_format(const jx_diag *d);
void jx_diag_set_lang(jx_diag *d, jx_lang lang);
jx_lang jx_diag_lang(const jx_diag *d);
void jx_diag_set_color(jx_diag *d, bool on);
void jx_diag_set_werror(jx_diag *d, bool on);     /* warnings count as errors */
void jx_diag_set_max_errors(jx_diag *d, int max); /* <= 0: no cap */
/* The cap counts from here on (`check --each`: per file); the counts
 * themselves go on. */
void jx_diag_restart_cap(jx_diag *d);
/* Counts what was reported elsewhere (check -j: in a child process), for
 * the summary. */
void jx_diag_add_counts(jx_diag *d, int errors, int warnings);
/* Where the counts and the error cap stand, to come back to when what was
 * reported since is thrown away and reported again: `jxc diff` loads a
 * side a second time, with a rule the first load left out, and its caller
 * drops what its writer received since the mark. */
typedef struct jx_diag_mark {
  int errors, warnings, cap_base;
  bool too_many, too_many_shown;
} jx_diag_mark;
jx_diag_mark jx_diag_get_mark(jx_diag *d); /* flushes first */
void jx_diag_rewind(jx_diag *d, const jx_diag_mark *m);

/* ---- warning control (-W, the configuration file) -------------------- */

/* What is said about one warning code, as gcc and clang have it.  Each
 * code has two settings, applied in the order given: whether it is on
 * (every warning is, by default), and whether it is an error (by default:
 * only under -W error). */
typedef enum jx_warn_action {
  JX_WARN_ON,       /* -WCODE */
  JX_WARN_OFF,      /* -Wno-CODE: neither shown nor counted */
  JX_WARN_ERROR,    /* -Werror=CODE: on, and an error */
  JX_WARN_NO_ERROR, /* -Wno-error=CODE: a warning even under -W error */
} jx_warn_action;

/* What a code names: a warning (which -W may turn off or make an error),
 * an error (which nothing may turn off), or nothing. */
typedef enum jx_code_kind {
  JX_CODE_UNKNOWN,
  JX_CODE_WARNING,
  JX_CODE_ERROR
} jx_code_kind;
jx_code_kind jx_diag_code_kind(const char *code);
/* The warning code nearest to `code` by edit distance, or NULL when none
 * is close enough to be a typo. */
const char *jx_diag_warning_suggest(const char *code);
/* Applies a to every warning with this code; false (and nothing done)
 * when the code is not a warning's. */
bool jx_diag_warning_set(jx_diag *d, const char *code, jx_warn_action a);

/* Asked about each warning before it is counted: true drops it, neither
 * shown nor counted.  The loader answers from the suppression comments
 * in the files (`# jxc: ignore[CODE]`).  A warning turned off with -W is
 * still shown to the filter first, so a comment that would have
 * suppressed it counts as used.  NULL fn: none. */
typedef bool (*jx_diag_filter)(void *ud, const char *code, jx_loc loc);
void jx_diag_set_filter(jx_diag *d, jx_diag_filter fn, void *ud);

/* Starts a record (finishing the previous one).  The arguments are those
 * of the message's format (catalog.h).  A loc with line 0 has no position
 * (a whole-run message).  Dropped once the cap is reached. */
void jx_diag_report(jx_diag *d, jx_diag_id id, jx_loc loc, ...);
/* A whole file's trouble: an input that cannot be opened or read, an
 * output that cannot be written.  No position; JSON names `path` (NULL:
 * none, as for standard output).  Reported even past the error cap, and
 * strings are never cut. */
void jx_diag_report_file(jx_diag *d, jx_diag_id id, const char *path, ...);
/* A usage error about command `cmd` ("" for jxc itself): text shows it
 * as "jxc CMD: message" with each note on a line of its own below (the
 * caller adds "Try 'jxc help CMD'.", JX_N_TRY_HELP), JSON as a record
 * with code `usage`.  Not counted, never capped, never cut. */
void jx_diag_usage(jx_diag *d, const char *cmd, jx_diag_id id, ...);
void jx_diag_vusage(jx_diag *d, const char *cmd, jx_diag_id id, va_list ap);
/* Attaches a note (with a location) or help (loc ignored) to the current
 * record; the id must have severity NOTE or HELP. */
void jx_diag_note(jx_diag *d, jx_diag_id id, jx_loc loc, ...);
/* Attaches a fix-it to the current record: replace the loc.len bytes at
 * loc (0: insert before loc.offset) by text, which is copied. */
void jx_diag_add_fixit(jx_diag *d, jx_loc loc, const char *text);
/* Called with each diagnostic's location just before it is printed, so a
 * tool can attach a note of its own with jx_diag_note: `jxc import` names
 * the spreadsheet cell behind a line of the .jx it wrote.  NULL: none. */
typedef void (*jx_diag_annotator)(void *ud, jx_diag *d, jx_loc loc);
void jx_diag_set_annotator(jx_diag *d, jx_diag_annotator fn, void *ud);
/* Finishes the current record and sends out everything held. */
void jx_diag_flush(jx_diag *d);
/* While on, finished records are queued instead of sent, and
 * jx_diag_release() sends the queue sorted by file and position.  The
 * streaming compile holds each declaration's records so that a syntax
 * error found while parsing and a rule broken when the block closes come
 * out in source order.  Counting and the cap are not delayed. */
void jx_diag_set_hold(jx_diag *d, bool on);
void jx_diag_release(jx_diag *d);

int jx_diag_errors(const jx_diag *d);   /* includes promoted warnings */
int jx_diag_warnings(const jx_diag *d); /* not promoted */
/* True once the cap is reached: callers stop reading input. */
bool jx_diag_too_many(const jx_diag *d);
/* Flushes and writes "jxc: N errors, M warnings" (text format, only if
 * any), in the engine's language. */
void jx_diag_summary(jx_diag *d);

#endif
