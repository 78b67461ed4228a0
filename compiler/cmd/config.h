/*
 * config.h — the project configuration file, jxc.ini (docs/config.md).
 *
 * INI, read with libinih.  Found by walking up from each input's folder
 * to the root, as .editorconfig is; the inputs of one run must find the
 * same file (or none).  What the command line says wins over it.
 */
#ifndef JX_CONFIG_H
#define JX_CONFIG_H

#include "loc.h"
#include "opts.h"

#define JX_CONFIG_NAME "jxc.ini"

/* What the file says that a command reads (the diagnostics settings go
 * straight to cl->d). */
typedef struct jx_config {
  char *path;      /* the file read, or NULL: none */
  char *text;      /* its bytes (the diagnostics quote its lines) */
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

/* The defaults jxc.ini gives a load (its [plan] framework and form). */
struct jx_load_job;
void jx_config_job(const jx_config *c, struct jx_load_job *job);

/* Finds and applies the configuration for cl's inputs.  Returns -1 to go
 * on, or the exit status (2) after reporting a mistake in the file. */
int jx_config_apply(jx_cmdline *cl);
void jx_config_free(jx_config *c);

#endif
