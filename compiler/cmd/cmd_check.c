/*
 * cmd_check.c — `jxc check FILE...`: parse and check, print every problem
 * found (the loader does the work; with no one to hand the declarations
 * to, it lowers nothing).
 */
#include <stdlib.h>
#include <string.h>

#include "cmds.h"
#include "load.h"

int jx_cmd_check(jx_cmdline *cl) {
  const char **files = jx_opts_operands(cl);
  int n = cl->n_operands, rc;
  if (n == 0) {
    rc = jx_usage(cl, JX_U_NO_INPUT);
  } else {
    jx_load_job job;
    memset(&job, 0, sizeof job);
    job.paths = files;
    job.n = n;
    rc = jx_load(&job, cl->d, NULL);
    jx_diag_summary(cl->d);
  }
  free((void *)files);
  return rc;
}
