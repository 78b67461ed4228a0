/*
 * compile.h — the pipeline behind `jxc check` and `jxc build`.
 *
 * For each input file: parse (streaming), check every declaration as it
 * closes, lower it to the model and hand it to the back end.  Once any
 * error has been reported nothing more is emitted (the driver throws the
 * output away), but parsing and checking go on so that one run reports
 * every error of every file.
 */
#ifndef JX_COMPILE_H
#define JX_COMPILE_H

#include <stddef.h>

#include "backend.h"
#include "diag.h"

typedef struct jx_compile_job {
  const char *const *paths; /* "-" is standard input */
  int n_paths;
  const jx_backend *backend; /* NULL: check only */
  jx_out *out;
  jx_emit_options emit;
} jx_compile_job;

/* Returns 0 when every file compiled cleanly, 1 when the input has errors
 * (reported through d), 2 when a file could not be read (reported too). */
int jx_compile(const jx_compile_job *job, jx_diag *d);
/* The same run over one source held in memory (n bytes of data, which must
 * outlive d), named job->paths[0] ("<memory>" if none) in diagnostics; the
 * fuzzer and unit tests use it to skip the file system. */
int jx_compile_mem(const jx_compile_job *job, const char *data, size_t n,
                   jx_diag *d);

#endif
