/*
 * cli.h — what the jxc commands share: exit statuses, the diagnostics
 * options and the engine made from them, output trouble reported as
 * diagnostics.
 *
 * Exit status everywhere: 0 success, 1 the input has errors, 2 usage or
 * I/O trouble (diff: 0 same, 1 different, 2 trouble).
 *
 * Commands parse their options with the table-driven parser of opts.h.
 */
#ifndef JX_CLI_H
#define JX_CLI_H

#include <stdbool.h>

#include "diag.h"
#include "out.h"

enum { JX_EXIT_OK = 0, JX_EXIT_INPUT = 1, JX_EXIT_USAGE = 2 };

/* One -WCODE, -Wno-CODE, -Werror=CODE or -Wno-error=CODE, in order. */
typedef struct jx_warn_opt {
  const char *code; /* points into argv (or the configuration) */
  jx_warn_action action;
} jx_warn_opt;

typedef struct jx_diag_opts {
  jx_diag_format format;
  jx_lang lang;
  int color; /* -1 auto (a terminal and no NO_COLOR), 0 never, 1 always */
  bool werror;
  int max_errors;    /* 0: no cap */
  jx_warn_opt *warn; /* applied in order, after the configuration's */
  size_t n_warn;
  /* Which were given on the command line: the configuration file fills
   * in the others (config.h). */
  bool lang_set, werror_set, max_errors_set;
} jx_diag_opts;

/* The defaults: text, the environment's language (jx_lang_from_env),
 * colour on a terminal, 50 errors. */
void jx_diag_opts_init(jx_diag_opts *o);
jx_diag *jx_diag_from_opts(const jx_diag_opts *o);
/* Applies o's -W settings to d (jx_diag_from_opts does it too). */
void jx_diag_apply_warnings(jx_diag *d, const jx_diag_opts *o);
/* Whether to colour what goes to standard output (diff): opt as in
 * jx_diag_opts.color. */
bool jx_stdout_color(int opt);

/* An output file that could not be written (jx_outfile_open or _commit
 * failed): a write-error naming it, in the user's language. */
void jx_report_outfile(jx_diag *d, const char *path, const jx_outfile *f);
/* A write that failed with errno err; path NULL: standard output. */
void jx_report_write(jx_diag *d, const char *path, int err);

/* --encoding=VALUE: the iconv name of the encoding ("GB18030" for
 * gb18030 or gbk), "" for UTF-8 (nothing to convert), NULL for anything
 * else. */
const char *jx_encoding_iconv(const char *value);
/* Reads each input whole and converts it from `from` (an iconv name) to
 * UTF-8: (*data)[i], (*len)[i], for the loader's texts; free them with
 * jx_converted_free.  Returns 0, or 2 after reporting why (an input that
 * cannot be read, or holds a byte that is not in that encoding). */
int jx_read_converted(jx_diag *d, const char *const *paths, int n,
                      const char *from, char ***data, size_t **len);
void jx_converted_free(char **data, size_t *len, int n);

#endif
