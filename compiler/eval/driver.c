/*
 * driver.c — what `jxc eval` and `jxc monitor` do once their options are
 * read (cmd_eval.c, cmd_monitor.c): load the plan, read the actuals, pick
 * the profile, match, score or monitor, and print the report only when
 * nothing was wrong with the input.
 *
 * The profile: --profile NAME, else the one the actuals file names
 * (`actuals … profile NAME`, or `profile NAME;`), else the one the plan
 * names (`profile NAME;`), else jxc.ini's ([eval] profile), else
 * 财预〔2020〕10号.  A name is looked up among
 * the profiles the plan and the actuals files declare, then the built-in
 * ones.
 */
#include "eval.h"

#include <string.h>

/* The last path component: what an actuals file's plan name is compared
 * by, since it was written relative to wherever the file was. */
static const char *base(const char *path) {
  const char *s = strrchr(path, '/');
  return s ? s + 1 : path;
}

/* The names there are, in each language, for a message's %L. */
static void names(const jx_ev_profiles *ps, jx_strbuf *list,
                  const char **text) {
  for (int l = 0; l < JX_LANG_COUNT; l++) {
    jx_ev_profiles_names(ps, &list[l], (jx_lang)l);
    text[l] = list[l].p;
  }
}

/* The profile in force, or NULL after reporting why there is none
 * (*usage set when --profile was the trouble). */
static const jx_profile *choose(const jx_ev_args *a, const jx_ev_plan *plan,
                                const jx_actuals *acts, jx_ev_profiles *ps,
                                jx_diag *d, bool *usage) {
  const char *want = a->profile      ? a->profile
                     : acts->profile ? acts->profile
                     : plan->profile ? plan->profile
                                     : a->config_profile;
  if (!want)
    return jx_profile_default();
  const jx_profile *pr = jx_ev_profiles_find(ps, want);
  if (pr)
    return pr;
  jx_strbuf list[JX_LANG_COUNT];
  const char *text[JX_LANG_COUNT];
  memset(list, 0, sizeof list);
  names(ps, list, text);
  if (a->profile) {
    jx_loc none = {0};
    *usage = true;
    jx_diag_usage(d, a->command ? a->command : "", JX_U_PROFILE, want, text);
    jx_diag_note(d, JX_N_TRY_HELP, none, a->command ? a->command : "");
  } else {
    jx_diag_report(d, JX_E_PROFILE_UNKNOWN,
                   acts->profile   ? acts->profile_loc
                   : plan->profile ? plan->profile_loc
                                   : a->config_profile_loc,
                   want, text);
  }
  for (int l = 0; l < JX_LANG_COUNT; l++)
    jx_sb_free(&list[l]);
  return NULL;
}

int jx_ev_main(const jx_ev_args *a, jx_out *out, jx_diag *d) {
  jx_ev_plan plan;
  jx_actuals acts;
  jx_ev_run run;
  jx_ev_profiles ps;
  memset(&acts, 0, sizeof acts);
  memset(&run, 0, sizeof run);
  jx_ev_profiles_init(&ps);
  int rc = jx_ev_plan_load_with(&plan, a->plans, a->n_plans,
                                a->default_framework, a->default_form, &ps, d);
  /* What is said about the actuals comes out sorted by file and place. */
  jx_diag_set_hold(d, true);
  if (rc == 0)
    rc = jx_actuals_read(&acts, a->actuals, d);
  const jx_profile *prof = NULL;
  if (rc == 0 || rc == 1) {
    for (size_t i = 0; i < acts.n_profiles; i++)
      if (!jx_ev_profiles_declare(&ps, acts.profiles[i], d))
        rc = 1;
    bool usage = false;
    prof = choose(a, &plan, &acts, &ps, d, &usage);
    if (!prof)
      rc = usage ? 2 : 1;
  }
  if ((rc == 0 || rc == 1) && acts.plan) {
    bool named = false;
    for (int i = 0; i < a->n_plans && !named; i++)
      named = strcmp(base(a->plans[i]), base(acts.plan)) == 0;
    if (!named)
      jx_diag_report(d, JX_W_ACTUALS_PLAN, acts.plan_loc, acts.plan);
  }
  /* Rows with a bad cell are still matched, so that one run reports
   * every problem; nothing is scored after an error.  Clean actuals with
   * no row are matched too (every project is then left out), but a file
   * that is no actuals at all is not. */
  if (rc == 0 || (rc == 1 && acts.n > 0)) {
    int r = jx_ev_bind(&run, &plan, &acts, prof ? prof : jx_profile_default(),
                       a->month, d);
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
  jx_ev_profiles_free(&ps);
  jx_ev_plan_free(&plan);
  return rc;
}
