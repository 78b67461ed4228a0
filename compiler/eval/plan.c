/*
 * plan.c — the whole plan, loaded for evaluation (compiler/load, WHOLE
 * mode): every project with its model, its locations table (so that a
 * diagnostic about an actual can point at the target it is measured
 * against) and its currency, flattened in the order written; and what the
 * plan files say of the rest of the year: the profiles they declare and
 * the one they choose (`profile NAME;`).  Their `actuals` blocks are
 * passed over: actuals come from --actuals (which may name a plan file).
 */
#include "eval.h"

#include <stdlib.h>
#include <string.h>

#include "load.h"

typedef struct year_end {
  jx_ev_plan *pl;
  jx_ev_profiles *ps;
  jx_diag *d;
} year_end;

/* While the plan is parsed: the node and its strings go with the parse. */
static void on_year_end(void *ud, const jx_node *n) {
  year_end *y = ud;
  if (n->kind != JX_N_PROFILE)
    return;
  if (!n->u.block.uses) {
    if (y->ps && !jx_ev_profiles_declare(y->ps, n, y->d))
      y->pl->profile_errors = true;
    return;
  }
  if (y->pl->profile) {
    if (strcmp(y->pl->profile, n->u.block.code.text) != 0) {
      jx_diag_report(y->d, JX_E_PROFILE_CHOSEN_TWICE, n->u.block.code.loc,
                     n->u.block.code.text, y->pl->profile);
      jx_diag_note(y->d, JX_N_FIRST_HERE, y->pl->profile_loc);
      y->pl->profile_errors = true;
    }
    return;
  }
  if (!y->ps)
    return;
  y->pl->profile = jx_ev_profiles_keep(y->ps, n->u.block.code.text);
  y->pl->profile_loc = n->u.block.code.loc;
}

int jx_ev_plan_load(jx_ev_plan *pl, const char *const *paths, int n,
                    jx_ev_profiles *ps, jx_diag *d) {
  return jx_ev_plan_load_with(pl, paths, n, NULL, NULL, ps, d);
}

int jx_ev_plan_load_with(jx_ev_plan *pl, const char *const *paths, int n,
                         const char *framework, const char *form,
                         jx_ev_profiles *ps, jx_diag *d) {
  memset(pl, 0, sizeof *pl);
  year_end y = {pl, ps, d};
  jx_load_job job;
  memset(&job, 0, sizeof job);
  job.paths = paths;
  job.n = n;
  job.mode = JX_LOAD_WHOLE;
  job.year_end = on_year_end;
  job.year_end_ud = &y;
  job.default_framework = framework;
  job.default_form = form;
  jx_loaded_plan *lp = NULL;
  int rc = jx_load(&job, d, &lp);
  pl->impl = lp;
  if (rc == 0 && pl->profile_errors)
    rc = 1;
  const jx_plan *m = jx_loaded_model(lp);
  pl->year = m->year;
  pl->n_units = m->n_units;
  pl->units = jx_xcalloc(m->n_units ? m->n_units : 1, sizeof *pl->units);
  size_t np = 0;
  for (size_t u = 0; u < m->n_units; u++) {
    pl->units[u].code = m->units[u].code;
    pl->units[u].name = m->units[u].name;
    np += m->units[u].n_projects;
  }
  pl->projects = jx_xcalloc(np ? np : 1, sizeof *pl->projects);
  for (size_t u = 0; u < m->n_units; u++)
    for (size_t k = 0; k < m->units[u].n_projects; k++) {
      jx_ev_project *p = &pl->projects[pl->n_projects++];
      p->p = &m->units[u].projects[k];
      p->locs = jx_loaded_project_locs(lp, u, k);
      p->currency = jx_loaded_project_currency(lp, u, k);
      p->unit = u;
    }
  return rc;
}

void jx_ev_plan_free(jx_ev_plan *pl) {
  jx_loaded_free(pl->impl);
  free(pl->units);
  free(pl->projects);
  memset(pl, 0, sizeof *pl);
}
