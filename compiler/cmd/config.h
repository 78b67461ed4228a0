/*
 * config.h — the project configuration file, jxc.ini (docs/config.md).
 *
 * INI, read with libinih.  Found by walking up from each input's folder
 * to the root, as .editorconfig is; the inputs of one run must find the
 * same file (or none).  What the command line says wins over it.
 */
#ifndef JX_CONFIG_H
#define JX_CONFIG_H

#include "opts.h"

#define JX_CONFIG_NAME "jxc.ini"

/* What the file says that a command reads (the diagnostics settings go
 * straight to cl->d). */
typedef struct jx_config {
  char *path;      /* the file read, or NULL: none */
  char *text;      /* its bytes (the diagnostics quote its lines) */
  int fmt_lang;    /* [fmt] lang: -1 keep (unset), 0 en, 1 zh */
  char format[16]; /* [build] format, "" if unset */
} jx_config;

/* Finds and applies the configuration for cl's inputs.  Returns -1 to go
 * on, or the exit status (2) after reporting a mistake in the file. */
int jx_config_apply(jx_cmdline *cl);
void jx_config_free(jx_config *c);

#endif
