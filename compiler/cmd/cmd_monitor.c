/*
 * cmd_monitor.c — `jxc monitor PLAN... --actuals FILE --month N [-f
 * text|json|csv] [--profile NAME]`: progress by the end of month N
 * (绩效运行监控), with a light per project and indicator.
 *
 * The exit status is for pipelines: 0 when no light is red, 1 when one is
 * (or the input has errors), 2 for usage or I/O trouble.  The options and
 * the run are shared with jxc eval (cmd_eval.c).
 */
#include "cmds.h"

int jx_cmd_monitor(jx_cmdline *cl) {
  return jx_ev_command(cl, true);
}
