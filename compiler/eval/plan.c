/*
 * plan.c — the whole plan, loaded for evaluation: every project lowered
 * with its locations table (so a diagnostic about an actual can point at
 * the target it is measured against) and the unit it belongs to.
 *
 * The loading itself (parse with the tree kept, check, lower) is the one
 * `jxc diff` does for a side; this file only gives the result the shape
 * eval.h promises, so that the commands do not depend on how a plan is
 * loaded.
 */
#include "eval.h"

#include <stdlib.h>
#include <string.h>

#include "diff.h"

int jx_ev_plan_load(jx_ev_plan *pl, const char *const *paths, int n,
                    jx_diag *d) {
  memset(pl, 0, sizeof *pl);
  jx_diff_side *side = jx_xcalloc(1, sizeof *side);
  pl->impl = side;
  int rc = jx_diff_side_load(side, paths, n, d);
  if (rc == 2)
    return rc;
  pl->year = side->year;
  pl->n_units = side->n_units;
  pl->units = jx_xcalloc(side->n_units ? side->n_units : 1, sizeof *pl->units);
  for (size_t i = 0; i < side->n_units; i++) {
    pl->units[i].code = side->units[i].u.code;
    pl->units[i].name = side->units[i].u.name;
  }
  pl->n_projects = side->n_projects;
  pl->projects =
      jx_xcalloc(side->n_projects ? side->n_projects : 1, sizeof *pl->projects);
  for (size_t i = 0; i < side->n_projects; i++) {
    pl->projects[i].p = side->projects[i].p;
    pl->projects[i].locs = side->projects[i].locs;
    pl->projects[i].currency = side->projects[i].currency;
    pl->projects[i].unit = side->projects[i].unit;
  }
  return rc;
}

void jx_ev_plan_free(jx_ev_plan *pl) {
  if (pl->impl) {
    jx_diff_side_free(pl->impl);
    free(pl->impl);
  }
  free(pl->units);
  free(pl->projects);
  memset(pl, 0, sizeof *pl);
}
