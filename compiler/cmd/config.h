/*
 * config.h — jxc.ini on the command line (docs/config.md).
 *
 * The file itself (finding, reading, its keys) is compiler/load/
 * config_file.h; this is the command line's half: the inputs of one run
 * must find the same file (or none), and what the command line says wins
 * over it.
 */
#ifndef JX_CONFIG_H
#define JX_CONFIG_H

#include "config_file.h"
#include "opts.h"

/* Finds and applies the configuration for cl's inputs (cl->config; the
 * diagnostics settings go straight to cl->d).  Returns -1 to go on, or
 * the exit status (2) after reporting a mistake in the file. */
int jx_config_apply(jx_cmdline *cl);

#endif
