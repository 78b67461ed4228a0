/*
 * load_plan.c — the loaded plan of WHOLE mode: collected declaration by
 * declaration (load_impl.h), put together into one jx_plan at the end,
 * and read through the accessors of load.h.
 *
 * While loading, projects go into one list in source order, each with the
 * index of its unit; at the end a counting sort by unit gives every unit
 * its projects as one array, in source order, as jx_unit.projects wants,
 * with the locations and currencies in arrays beside it.
 */
#include <stdlib.h>
#include <string.h>

#include "load_impl.h"
#include "strmap.h"

typedef struct lp_unit {
  jx_unit u; /* projects filled in at the end */
  jx_unit_locs locs;
  bool has_body; /* goals and measures read from its first declaration */
  size_t start;  /* its projects: from start in the arrays below */
} lp_unit;

typedef struct lp_project {
  const jx_project *p;
  const jx_project_locs *locs;
  const jx_unit_info *currency;
  size_t unit;
} lp_project;

struct jx_loaded_plan {
  int status;
  jx_arena arena;      /* the model, its locations, its texts */
  jx_checker *checker; /* declared frameworks (see jx_lp_finish) */
  jx_plan plan;
  jx_loc header;
  const jx_unit_info *currency;
  lp_unit *units;
  size_t n_units, cap_units;
  jx_unit *model_units; /* what plan.units points to */
  lp_project *list;     /* while loading, in source order */
  size_t n_list, cap_list;
  /* After jx_lp_finish, by unit: projects[units[u].start + k]. */
  jx_project *projects;
  const jx_project_locs **project_locs;
  const jx_unit_info **project_currency;
  const jx_department_locs *department_locs;
  uint32_t *inputs;
  size_t n_inputs, cap_inputs;
  jx_strmap *unit_index; /* code → unit, while loading */
};

/* The key of the group outside units: a byte no unit code starts with. */
static const char no_unit_key[] = "\x01";

static const jx_unit_locs no_unit_locs;

jx_loaded_plan *jx_lp_new(void) {
  jx_loaded_plan *lp = jx_xcalloc(1, sizeof *lp);
  jx_arena_init(&lp->arena);
  lp->unit_index = jx_strmap_new(16);
  return lp;
}

jx_arena *jx_lp_arena(jx_loaded_plan *lp) {
  return &lp->arena;
}

void jx_lp_input(jx_loaded_plan *lp, uint32_t file) {
  if (lp->n_inputs == lp->cap_inputs) {
    lp->cap_inputs = lp->cap_inputs ? lp->cap_inputs * 2 : 4;
    lp->inputs = jx_xrealloc(lp->inputs, lp->cap_inputs * sizeof *lp->inputs);
  }
  lp->inputs[lp->n_inputs++] = file;
}

void jx_lp_header(jx_loaded_plan *lp, jx_loc where) {
  if (!jx_loc_known(lp->header))
    lp->header = where;
}

size_t jx_lp_unit(jx_loaded_plan *lp, const jx_unit *u,
                  const jx_unit_locs *locs) {
  const char *key = u->code ? u->code : no_unit_key;
  size_t i = jx_strmap_get(lp->unit_index, key);
  if (i != SIZE_MAX)
    return i;
  if (lp->n_units == lp->cap_units) {
    lp->cap_units = lp->cap_units ? lp->cap_units * 2 : 8;
    lp->units = jx_xrealloc(lp->units, lp->cap_units * sizeof *lp->units);
  }
  i = lp->n_units++;
  lp_unit *x = &lp->units[i];
  memset(x, 0, sizeof *x);
  x->u.code = u->code;
  x->u.name = u->name;
  if (u->code && locs) {
    x->locs.decl = locs->decl;
    x->locs.code = locs->code;
    x->locs.name = locs->name;
  }
  /* The key lives as long as the map: the plan's copy, or the static one. */
  jx_strmap_add(lp->unit_index, x->u.code ? x->u.code : no_unit_key, i);
  return i;
}

bool jx_lp_unit_wants_body(const jx_loaded_plan *lp, size_t i, jx_loc decl) {
  const lp_unit *x = &lp->units[i];
  return !x->has_body && x->u.code && x->locs.decl.file == decl.file &&
         x->locs.decl.offset == decl.offset;
}

void jx_lp_unit_body(jx_loaded_plan *lp, size_t i, const jx_unit *u,
                     const jx_unit_locs *locs) {
  lp_unit *x = &lp->units[i];
  x->u.goals = u->goals;
  x->u.n_goals = u->n_goals;
  x->u.measures = u->measures;
  x->u.n_measures = u->n_measures;
  x->locs.goals = locs->goals;
  x->locs.measures = locs->measures;
  x->has_body = true;
}

void jx_lp_project(jx_loaded_plan *lp, size_t unit, const jx_project *p,
                   const jx_project_locs *locs, const jx_unit_info *currency) {
  if (lp->n_list == lp->cap_list) {
    lp->cap_list = lp->cap_list ? lp->cap_list * 2 : 64;
    lp->list = jx_xrealloc(lp->list, lp->cap_list * sizeof *lp->list);
  }
  lp_project *x = &lp->list[lp->n_list++];
  x->p = p;
  x->locs = locs;
  x->currency = currency;
  x->unit = unit;
}

void jx_lp_department(jx_loaded_plan *lp, const jx_department *d,
                      const jx_department_locs *locs) {
  lp->plan.department = d;
  lp->department_locs = locs;
}

void jx_lp_finish(jx_loaded_plan *lp, int status, jx_checker *checker) {
  lp->status = status;
  lp->checker = checker;
  if (checker) {
    lp->plan.year = jx_checker_year(checker);
    lp->plan.framework = jx_checker_framework(checker)->name;
    lp->currency = jx_checker_currency(checker);
  } else {
    lp->currency = jx_currency_lookup("万元");
  }
  lp->plan.currency = lp->currency->norm;
  /* Counting sort by unit: stable, so each unit's projects stay in source
   * order. */
  size_t nu = lp->n_units, np = lp->n_list;
  size_t *fill = jx_xcalloc(nu + 1, sizeof *fill);
  for (size_t i = 0; i < np; i++)
    lp->units[lp->list[i].unit].start++;
  size_t at = 0;
  for (size_t u = 0; u < nu; u++) {
    size_t n = lp->units[u].start;
    lp->units[u].start = at;
    at += n;
  }
  lp->projects = jx_arena_alloc(&lp->arena, (np ? np : 1) * sizeof(jx_project));
  lp->project_locs =
      jx_arena_alloc(&lp->arena, (np ? np : 1) * sizeof *lp->project_locs);
  lp->project_currency =
      jx_arena_alloc(&lp->arena, (np ? np : 1) * sizeof *lp->project_currency);
  for (size_t i = 0; i < np; i++) {
    const lp_project *x = &lp->list[i];
    size_t k = lp->units[x->unit].start + fill[x->unit]++;
    lp->projects[k] = *x->p;
    lp->project_locs[k] = x->locs;
    lp->project_currency[k] = x->currency;
  }
  lp->model_units =
      jx_arena_alloc(&lp->arena, (nu ? nu : 1) * sizeof *lp->model_units);
  for (size_t u = 0; u < nu; u++) {
    lp->model_units[u] = lp->units[u].u;
    lp->model_units[u].projects = lp->projects + lp->units[u].start;
    lp->model_units[u].n_projects = fill[u];
  }
  lp->plan.units = lp->model_units;
  lp->plan.n_units = nu;
  free(fill);
  free(lp->list);
  lp->list = NULL;
  lp->n_list = lp->cap_list = 0;
  jx_strmap_free(lp->unit_index);
  lp->unit_index = NULL;
}

void jx_loaded_free(jx_loaded_plan *lp) {
  if (!lp)
    return;
  jx_strmap_free(lp->unit_index);
  free(lp->list);
  free(lp->units);
  free(lp->inputs);
  if (lp->checker)
    jx_checker_free(lp->checker);
  jx_arena_free(&lp->arena);
  free(lp);
}

/* ---- Reading it -------------------------------------------------------- */

int jx_loaded_status(const jx_loaded_plan *lp) {
  return lp->status;
}

const jx_plan *jx_loaded_model(const jx_loaded_plan *lp) {
  return &lp->plan;
}

const jx_unit_locs *jx_loaded_unit_locs(const jx_loaded_plan *lp, size_t u) {
  return u < lp->n_units ? &lp->units[u].locs : &no_unit_locs;
}

const jx_project_locs *jx_loaded_project_locs(const jx_loaded_plan *lp,
                                              size_t u, size_t k) {
  return lp->project_locs[lp->units[u].start + k];
}

const jx_department_locs *jx_loaded_department_locs(const jx_loaded_plan *lp) {
  return lp->plan.department ? lp->department_locs : NULL;
}

jx_loc jx_loaded_header_loc(const jx_loaded_plan *lp) {
  return lp->header;
}

const jx_unit_info *jx_loaded_currency(const jx_loaded_plan *lp) {
  return lp->currency;
}

const jx_unit_info *jx_loaded_project_currency(const jx_loaded_plan *lp,
                                               size_t u, size_t k) {
  return lp->project_currency[lp->units[u].start + k];
}

size_t jx_loaded_n_inputs(const jx_loaded_plan *lp) {
  return lp->n_inputs;
}

uint32_t jx_loaded_input(const jx_loaded_plan *lp, size_t i) {
  return lp->inputs[i];
}
