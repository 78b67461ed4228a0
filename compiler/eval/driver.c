/*
 * driver.c — what `jxc eval` and `jxc monitor` do once their options are
 * read (cmd_eval.c, cmd_monitor.c): load the plan, read the actuals,
 * match them, score or monitor, and print the report only when nothing
 * was wrong with the input.
 */
#include "eval.h"

#include <string.h>

int jx_ev_main(const jx_ev_args *a, jx_out *out, jx_diag *d) {
  jx_ev_plan plan;
  jx_actuals acts;
  jx_ev_run run;
  memset(&acts, 0, sizeof acts);
  memset(&run, 0, sizeof run);
  int rc = jx_ev_plan_load(&plan, a->plans, a->n_plans, d);
  /* What is said about the actuals comes out sorted by file and place. */
  jx_diag_set_hold(d, true);
  if (rc == 0)
    rc = jx_actuals_read(&acts, a->actuals, d);
  /* Rows with a bad cell are still matched, so that one run reports
   * every problem; nothing is scored after an error. */
  if (rc == 0 || (rc == 1 && acts.n > 0)) {
    int r = jx_ev_bind(&run, &plan, &acts, a->profile, a->month, d);
    rc = rc ? rc : r;
  }
  if (rc == 0)
    rc = a->month ? jx_ev_monitor(&run, a->month, d) : jx_ev_score(&run, d);
  /* Everything the actuals' text is quoted for is said before it goes. */
  jx_diag_set_hold(d, false);
  jx_diag_flush(d);
  if (rc == 0) {
    if (a->month)
      jx_ev_report_monitor(&run, a->format, a->lang, out);
    else
      jx_ev_report_eval(&run, a->format, a->lang, out);
    if (a->month && jx_ev_any_red(&run))
      rc = 1;
  }
  jx_ev_run_free(&run);
  jx_actuals_free(&acts);
  jx_ev_plan_free(&plan);
  return rc;
}
