/*
 * report_pick.c — the entry points of eval.h that print a run's report in
 * the format asked for.  They sit above the three renderers, which share
 * report.c below them, so that no renderer calls back up into the file
 * that calls it.
 */
#include "report.h"

void jx_ev_report_eval(const jx_ev_run *r, jx_ev_format f, jx_lang lang,
                       jx_out *o) {
  if (f == JX_EV_JSON)
    ev_json_eval(r, o);
  else if (f == JX_EV_CSV)
    ev_csv_eval(r, o);
  else
    ev_text_eval(r, lang, o);
}

void jx_ev_report_monitor(const jx_ev_run *r, jx_ev_format f, jx_lang lang,
                          jx_out *o) {
  if (f == JX_EV_JSON)
    ev_json_monitor(r, o);
  else if (f == JX_EV_CSV)
    ev_csv_monitor(r, o);
  else
    ev_text_monitor(r, lang, o);
}
