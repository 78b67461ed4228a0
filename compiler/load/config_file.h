/*
 * config_file.h — the project configuration file, jxc.ini (docs/config.md):
 * finding it, reading it with libinih, and what its keys mean.
 *
 * Found by walking up from an input's folder to the root, as .editorconfig
 * is.  Two readers sit on top of this: the command line's
 * (compiler/cmd/config.c: the inputs of one run must find the same file,
 * and what the command line says wins over it) and the language server's
 * (compiler/lsp/lsp_config.c: a file per open document, kept while it is
 * unchanged).
 */
#ifndef JX_CONFIG_FILE_H
#define JX_CONFIG_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"
#include "diag.h"
#include "loc.h"
#include "strbuf.h"

#define JX_CONFIG_NAME "jxc.ini"

/* One [warnings] line: the settings it makes, in order (`warning` is two:
 * on, and not an error). */
typedef struct jx_config_warn {
  char code[48];
  jx_warn_action a[2];
  int n;
} jx_config_warn;

/* What the file says. */
typedef struct jx_config {
  char *path; /* the file read */
  char *text; /* its bytes (the diagnostics quote its lines) */
  size_t len;
  /* [jxc]: lang (a jx_lang), werror (0, 1) and max-errors; -1 unset */
  int lang, werror, max_errors;
  jx_config_warn *warn; /* [warnings], as written */
  size_t n_warn;
  int fmt_lang;    /* [fmt] lang: -1 keep (unset), 0 en, 1 zh */
  char format[16]; /* [build] format, "" if unset */
  /* [plan] framework and form: a built-in's name, "" if unset */
  char framework[32], form[32];
  /* [eval] profile, "" if unset, and where it is written (eval reports
   * a name no profile has there) */
  char profile[64];
  jx_loc profile_loc;
} jx_config;

/* The keys there are, for the help topic `jxc help config` and for
 * telling an unknown key: a row's values are literal, or the built-in
 * frameworks' or forms' names; key "CODE" stands for any warning's code.
 * Ends with a row of NULLs. */
typedef enum { JX_CFG_LITERAL, JX_CFG_FRAMEWORKS, JX_CFG_FORMS } jx_cfg_values;
typedef struct jx_config_key {
  const char *section, *key, *values;
  jx_cfg_values kind;
  jx_msg help;
} jx_config_key;
extern const jx_config_key jx_config_keys[];

/* The frameworks' or the forms' names as "a|b|c", into out. */
void jx_config_values(jx_strbuf *out, const jx_config_key *k);

/* The jxc.ini nearest above an input ("-": standard input, from the
 * current folder), or NULL; the caller frees it.  _in starts in the
 * folder dir itself. */
char *jx_config_find(const char *input);
char *jx_config_find_in(const char *dir);

/* Reads the file at path, registering its text with d (which must not
 * outlive *out: its diagnostics quote the text).  Returns 0; 1 after
 * reporting through d the first mistake in it (code `config`, at its line
 * and column); 2 when it could not be read (reported).  *out is set
 * whenever the text was read (0 and 1), and the caller frees it. */
int jx_config_read(const char *path, jx_diag *d, jx_config **out);

/* The [warnings] settings, applied to d in the order written. */
void jx_config_warnings(const jx_config *c, jx_diag *d);

/* The defaults jxc.ini gives a load (its [plan] framework and form). */
struct jx_load_job;
void jx_config_job(const jx_config *c, struct jx_load_job *job);

void jx_config_free(jx_config *c); /* NULL is fine */

#endif
