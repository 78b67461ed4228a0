/*
 * build.h — what `jxc build` does, as a function: the loader in STREAM
 * mode (load.h) feeding a back end (backend.h), one declaration at a
 * time.  The build command, the fuzzer and the tests call it.
 */
#ifndef JX_BUILD_H
#define JX_BUILD_H

#include "backend.h"
#include "load.h"

/* Builds the plan that in's inputs form (its paths, sources or texts, and
 * names; the rest of the job is set here) with back end `be` into out.
 * Every input is opened before the back end is made, so an input that
 * cannot be opened leaves nothing on out.  Once an error has been
 * reported nothing more is emitted — except with eo->with_diagnostics,
 * where the page is the report.  Returns 0, 1 or 2 as jx_load does. */
int jx_build(const jx_load_job *in, const jx_backend *be, jx_out *out,
             const jx_emit_options *eo, jx_diag *d);

#endif
