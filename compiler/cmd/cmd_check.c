/*
 * cmd_check.c — `jxc check FILE...`: parse and check, print every problem
 * found (compile.c does the work, without a back end).
 */
#include <stdlib.h>

#include "cmds.h"
#include "compile.h"

int jx_cmd_check(jx_cmdline *cl) {
  const char **files = jx_opts_operands(cl);
  int n = cl->n_operands, rc;
  if (n == 0) {
    rc = jx_usage(cl, JX_U_NO_INPUT);
  } else {
    jx_compile_job job = {files, n, NULL, NULL, {0}};
    rc = jx_compile(&job, cl->d);
    jx_diag_summary(cl->d);
  }
  free((void *)files);
  return rc;
}
