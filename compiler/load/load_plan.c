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
  bool is_unit;  /* a unit block (with or without a code), not the group
                  * of projects written outside units */
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
  jx_declared_framework *frameworks; /* declared, in source order */
  size_t n_frameworks, cap_frameworks;
  jx_unsound_project *unsound; /* projects with errors, in source order */
  size_t n_unsound, cap_unsound;
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

/* A unit is known by its code; one without (most forms print none) by its
 * name, under a key no code can be: "\x02" and the name, in the plan's
 * arena. */
static const char *unit_key(jx_loaded_plan *lp, const jx_unit *u) {
  if (u->code)
    return u->code;
  if (!u->name)
    return no_unit_key;
  size_t len = strlen(u->name);
  char *k = jx_arena_alloc(&lp->arena, len + 2);
  k[0] = '\x02';
  memcpy(k + 1, u->name, len + 1);
  return k;
}

size_t jx_lp_unit(jx_loaded_plan *lp, const jx_unit *u,
                  const jx_unit_locs *locs) {
  const char *key = unit_key(lp, u);
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
  x->is_unit = u->code || u->name;
  if (x->is_unit && locs) {
    x->locs.decl = locs->decl;
    x->locs.code = locs->code;
    x->locs.name = locs->name;
  }
  /* The key lives as long as the map: the plan's copy, or the static one. */
  jx_strmap_add(lp->unit_index, key, i);
  return i;
}

const jx_unit *jx_lp_unit_head(const jx_loaded_plan *lp, size_t i) {
  return &lp->units[i].u;
}

bool jx_lp_unit_wants_body(const jx_loaded_plan *lp, size_t i, jx_loc decl) {
  const lp_unit *x = &lp->units[i];
  return !x->has_body && x->is_unit && x->locs.decl.file == decl.file &&
         x->locs.decl.offset == decl.offset;
}

void jx_lp_unit_body(jx_loaded_plan *lp, size_t i, const jx_unit *u,
                     const jx_unit_locs *locs) {
  lp_unit *x = &lp->units[i];
  x->u.goals = u->goals;
  x->u.n_goals = u->n_goals;
  x->u.measures = u->measures;
  x->u.n_measures = u->n_measures;
  x->u.supervisor = u->supervisor;
  x->u.implementer = u->implementer;
  x->locs.goals = locs->goals;
  x->locs.measures = locs->measures;
  x->locs.supervisor = locs->supervisor;
  x->locs.implementer = locs->implementer;
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

static const char *copy_text(jx_arena *a, const char *s) {
  return s ? jx_arena_strdup(a, s) : NULL;
}

static size_t count_items(const jx_node *n) {
  size_t k = 0;
  for (; n; n = n->next)
    k++;
  return k;
}

void jx_lp_unsound_project(jx_loaded_plan *lp, size_t unit, const jx_node *n) {
  if (lp->n_unsound == lp->cap_unsound) {
    lp->cap_unsound = lp->cap_unsound ? lp->cap_unsound * 2 : 4;
    lp->unsound =
        jx_xrealloc(lp->unsound, lp->cap_unsound * sizeof *lp->unsound);
  }
  jx_unsound_project *x = &lp->unsound[lp->n_unsound++];
  x->unit = unit;
  x->name = copy_text(&lp->arena, n->u.block.name.text);
  x->decl = n->loc;
  x->name_loc = n->u.block.name.loc;
  x->close = n->u.block.close;
}

void jx_lp_framework(jx_loaded_plan *lp, const jx_node *n) {
  if (lp->n_frameworks == lp->cap_frameworks) {
    lp->cap_frameworks = lp->cap_frameworks ? lp->cap_frameworks * 2 : 4;
    lp->frameworks = jx_xrealloc(lp->frameworks,
                                 lp->cap_frameworks * sizeof *lp->frameworks);
  }
  jx_arena *a = &lp->arena;
  jx_declared_framework *f = &lp->frameworks[lp->n_frameworks++];
  f->name = copy_text(a, n->u.block.code.text);
  f->name_loc = n->u.block.code.loc;
  f->n_levels = count_items(n->u.block.items);
  jx_declared_category *levels =
      jx_arena_alloc(a, (f->n_levels ? f->n_levels : 1) * sizeof *levels);
  size_t i = 0;
  for (const jx_node *l1 = n->u.block.items; l1; l1 = l1->next, i++) {
    jx_declared_category *c = &levels[i];
    c->code = copy_text(a, l1->u.block.code.text);
    c->label = copy_text(a, l1->u.block.name.text);
    c->code_loc = l1->u.block.code.loc;
    c->n_children = count_items(l1->u.block.items);
    jx_declared_category *kids =
        jx_arena_alloc(a, (c->n_children ? c->n_children : 1) * sizeof *kids);
    size_t j = 0;
    for (const jx_node *l2 = l1->u.block.items; l2; l2 = l2->next, j++) {
      kids[j].code = copy_text(a, l2->u.level2.code.text);
      kids[j].label = copy_text(a, l2->u.level2.label.text);
      kids[j].code_loc = l2->u.level2.code.loc;
      kids[j].children = NULL;
      kids[j].n_children = 0;
    }
    c->children = kids;
  }
  f->levels = levels;
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
    jx_checker_drop_sets(checker); /* ~40 bytes a project code */
    lp->plan.year = jx_checker_year(checker);
    lp->plan.framework = jx_checker_framework(checker)->name;
    lp->plan.form = jx_checker_form(checker)->name;
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
  free(lp->frameworks);
  free(lp->unsound);
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

const jx_framework *jx_loaded_framework(const jx_loaded_plan *lp) {
  return lp->checker ? jx_checker_framework(lp->checker)
                     : jx_framework_builtin("local");
}

size_t jx_loaded_n_declared(const jx_loaded_plan *lp) {
  return lp->n_frameworks;
}

const jx_declared_framework *jx_loaded_declared(const jx_loaded_plan *lp,
                                                size_t i) {
  return i < lp->n_frameworks ? &lp->frameworks[i] : NULL;
}

size_t jx_loaded_n_unsound(const jx_loaded_plan *lp) {
  return lp->n_unsound;
}

const jx_unsound_project *jx_loaded_unsound(const jx_loaded_plan *lp,
                                            size_t i) {
  return i < lp->n_unsound ? &lp->unsound[i] : NULL;
}
