/*
 * cmd_eval.c — `jxc eval PLAN... --actuals FILE [-f text|json|csv]
 * [--profile NAME]`: score a year's actuals against the plan (绩效自评).
 *
 * The work is compiler/eval's (eval.h) and libjixiao's (jixiao_score.h);
 * this file reads the options.  The report goes to standard output once
 * the plan and the actuals are clean; warnings (a printed score that
 * differs, weights that do not add up) do not stop it.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmds.h"
#include "config.h"
#include "eval.h"

enum { E_FORMAT = 1, E_ACTUALS, E_PROFILE, E_MONTH };

const jx_option jx_eval_options[] = {
    {NULL, 0, false, 0, JX_M_NONE, NULL, false, NULL, JX_M_HEAD_OPTIONS},
    {"actuals", 'a', true, E_ACTUALS, JX_M_ARG_FILE, NULL, false, NULL,
     JX_M_OPT_ACTUALS},
    {"format", 'f', true, E_FORMAT, JX_M_ARG_FORMAT, NULL, false, NULL,
     JX_M_OPT_FORMAT_EVAL},
    {"profile", 'p', true, E_PROFILE, JX_M_ARG_NAME, NULL, false, NULL,
     JX_M_OPT_PROFILE},
    {NULL, 0, false, 0, JX_M_NONE, NULL, false, NULL, JX_M_NONE},
};

const jx_option jx_monitor_options[] = {
    {NULL, 0, false, 0, JX_M_NONE, NULL, false, NULL, JX_M_HEAD_OPTIONS},
    {"actuals", 'a', true, E_ACTUALS, JX_M_ARG_FILE, NULL, false, NULL,
     JX_M_OPT_ACTUALS},
    {"month", 'm', true, E_MONTH, JX_M_ARG_MONTH, NULL, false, NULL,
     JX_M_OPT_MONTH},
    {"format", 'f', true, E_FORMAT, JX_M_ARG_FORMAT, NULL, false, NULL,
     JX_M_OPT_FORMAT_EVAL},
    {"profile", 'p', true, E_PROFILE, JX_M_ARG_NAME, NULL, false, NULL,
     JX_M_OPT_PROFILE},
    {NULL, 0, false, 0, JX_M_NONE, NULL, false, NULL, JX_M_NONE},
};

/* The options both commands share into *a; returns -1 to go on, or the
 * exit status of a usage error. */
static int options(jx_cmdline *cl, bool monitor, jx_ev_args *a) {
  memset(a, 0, sizeof *a);
  a->lang = cl->dopt.lang;
  a->n_plans = cl->n_operands;
  a->actuals = jx_opt_last(cl, E_ACTUALS);
  const char *format = jx_opt_last(cl, E_FORMAT);
  const char *profile = jx_opt_last(cl, E_PROFILE);
  if (a->n_plans == 0)
    return jx_usage(cl, JX_U_NO_INPUT);
  if (!a->actuals)
    return jx_usage(cl, JX_U_REQUIRED, "--actuals");
  if (format) {
    static const char *const formats[] = {"text", "json", "csv"};
    if (strcmp(format, "text") == 0)
      a->format = JX_EV_TEXT;
    else if (strcmp(format, "json") == 0)
      a->format = JX_EV_JSON;
    else if (strcmp(format, "csv") == 0)
      a->format = JX_EV_CSV;
    else
      return jx_usage_choices(cl, "--format", format, formats, 3, false);
  }
  a->profile = profile; /* found once the files' own are known */
  if (cl->config) {     /* jxc.ini: the plan's defaults, a profile */
    a->default_framework =
        cl->config->framework[0] ? cl->config->framework : NULL;
    a->default_form = cl->config->form[0] ? cl->config->form : NULL;
    a->config_profile = cl->config->profile[0] ? cl->config->profile : NULL;
    a->config_profile_loc = cl->config->profile_loc;
  }
  a->command = cl->cmd ? cl->cmd->name : "";
  if (monitor) {
    const char *m = jx_opt_last(cl, E_MONTH);
    if (!m)
      return jx_usage(cl, JX_U_REQUIRED, "--month");
    char *end;
    long v = strtol(m, &end, 10);
    if (*m < '0' || *m > '9' || *end || v < 1 || v > 12)
      return jx_usage(cl, JX_U_MONTH, m);
    a->month = (int)v;
  }
  return -1;
}

/* Shared by jxc monitor (cmd_monitor.c). */
int jx_ev_command(jx_cmdline *cl, bool monitor) {
  const char **files = jx_opts_operands(cl);
  jx_ev_args a;
  int rc = options(cl, monitor, &a);
  if (rc < 0) {
    a.plans = files;
    jx_out out;
    jx_out_init_fd(&out, STDOUT_FILENO);
    rc = jx_ev_main(&a, &out, cl->d);
    if (jx_out_flush(&out) != 0 && rc != 2) {
      jx_report_write(cl->d, NULL, out.errno_saved);
      rc = JX_EXIT_USAGE;
    }
    jx_out_free(&out);
    jx_diag_summary(cl->d);
  }
  free((void *)files);
  return rc;
}

int jx_cmd_eval(jx_cmdline *cl) {
  return jx_ev_command(cl, false);
}
