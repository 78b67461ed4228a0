/*
 * diff_load.c — loading one side of a `jxc diff` (see diff.h), and the
 * string multimap the matching is built on.
 *
 * A side is parsed with keep_tree, because the model's strings point
 * into the tree; it is checked through the same jx_check_* calls as `jxc
 * check` (so a side with errors is refused before anything is compared),
 * and each project is lowered as it arrives, with its locations table.
 * The checker resolves with the framework and currency in force for its
 * file: that is what makes Chinese and English spellings, and 89.1万元 and
 * 891000元, compare equal later.
 */
#include "diff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "lower.h"
#include "parse.h"
#include "source.h"

/* ---- The multimap ------------------------------------------------------ */

/* Open addressing over key hashes; each slot heads a FIFO chain of values
 * in a node pool, so duplicate keys (two projects of one name) match in
 * order of declaration. */
typedef struct map_node {
  size_t value;
  size_t next; /* SIZE_MAX ends the chain */
} map_node;

typedef struct map_slot {
  uint64_t hash;
  const char *key; /* NULL: empty */
  size_t head, tail;
} map_slot;

struct jx_diff_map {
  map_slot *slots;
  size_t n_slots, used;
  map_node *nodes;
  size_t n_nodes, cap_nodes;
};

static uint64_t hash_key(const char *s) {
  return jx_fnv1a_str(s); /* hash.h */
}

jx_diff_map *jx_diff_map_new(size_t expect) {
  jx_diff_map *m = jx_xcalloc(1, sizeof *m);
  size_t n = 16;
  while (n < expect * 2 + 2)
    n *= 2;
  m->slots = jx_xcalloc(n, sizeof *m->slots);
  m->n_slots = n;
  return m;
}

void jx_diff_map_free(jx_diff_map *m) {
  if (!m)
    return;
  free(m->slots);
  free(m->nodes);
  free(m);
}

static map_slot *find_slot(map_slot *slots, size_t n, uint64_t h,
                           const char *key) {
  size_t i = (size_t)h & (n - 1);
  for (;;) {
    map_slot *s = &slots[i];
    if (!s->key || (s->hash == h && strcmp(s->key, key) == 0))
      return s;
    i = (i + 1) & (n - 1);
  }
}

static void grow(jx_diff_map *m) {
  size_t n = m->n_slots * 2;
  map_slot *slots = jx_xcalloc(n, sizeof *slots);
  for (size_t i = 0; i < m->n_slots; i++)
    if (m->slots[i].key)
      *find_slot(slots, n, m->slots[i].hash, m->slots[i].key) = m->slots[i];
  free(m->slots);
  m->slots = slots;
  m->n_slots = n;
}

void jx_diff_map_add(jx_diff_map *m, const char *key, size_t value) {
  if ((m->used + 1) * 2 > m->n_slots)
    grow(m);
  if (m->n_nodes == m->cap_nodes) {
    m->cap_nodes = m->cap_nodes ? m->cap_nodes * 2 : 16;
    m->nodes = jx_xrealloc(m->nodes, m->cap_nodes * sizeof *m->nodes);
  }
  size_t k = m->n_nodes++;
  m->nodes[k].value = value;
  m->nodes[k].next = SIZE_MAX;
  uint64_t h = hash_key(key);
  map_slot *s = find_slot(m->slots, m->n_slots, h, key);
  if (!s->key) {
    s->key = key;
    s->hash = h;
    s->head = s->tail = k;
    m->used++;
    return;
  }
  if (s->head == SIZE_MAX)
    s->head = k;
  else
    m->nodes[s->tail].next = k;
  s->tail = k;
}

size_t jx_diff_map_take(jx_diff_map *m, const char *key,
                        bool (*avail)(void *ud, size_t value), void *ud) {
  map_slot *s = find_slot(m->slots, m->n_slots, hash_key(key), key);
  if (!s->key)
    return SIZE_MAX;
  while (s->head != SIZE_MAX) {
    map_node *nd = &m->nodes[s->head];
    s->head = nd->next;
    if (!avail || avail(ud, nd->value))
      return nd->value;
  }
  return SIZE_MAX;
}

size_t jx_diff_map_get(const jx_diff_map *m, const char *key) {
  const map_slot *s = find_slot(m->slots, m->n_slots, hash_key(key), key);
  return s->key && s->head != SIZE_MAX ? m->nodes[s->head].value : SIZE_MAX;
}

/* ---- Loading a side ---------------------------------------------------- */

typedef struct load_state {
  jx_diff_side *side;
  jx_diag *diag;
  bool seen_decl;
  size_t cur_unit; /* SIZE_MAX outside a unit */
} load_state;

/* The key of the group of projects written outside any unit: a byte no
 * unit code can start with. */
static const char no_unit_key[] = "\x01";

static size_t unit_for(load_state *ls, const jx_node *n) {
  jx_diff_side *s = ls->side;
  const char *code = n ? n->u.block.code.text : NULL;
  const char *key = code ? code : no_unit_key;
  size_t i = jx_diff_map_get(s->unit_index, key);
  if (i != SIZE_MAX)
    return i;
  if (s->n_units == s->cap_units) {
    s->cap_units = s->cap_units ? s->cap_units * 2 : 8;
    s->units = jx_xrealloc(s->units, s->cap_units * sizeof *s->units);
  }
  i = s->n_units++;
  jx_diff_unit *u = &s->units[i];
  memset(u, 0, sizeof *u);
  u->u.code = code;
  u->u.name = n ? n->u.block.name.text : NULL;
  u->declared = n != NULL;
  if (n) {
    /* Goals and measures come with unit_close, if the unit is clean. */
    u->locs.decl = n->loc;
    u->locs.code = n->u.block.code.loc;
    u->locs.name = n->u.block.name.loc;
  }
  jx_diff_map_add(s->unit_index, key, i);
  return i;
}

static jx_lower_ctx lower_ctx(load_state *ls) {
  jx_lower_ctx c = {&ls->side->arena};
  return c;
}

static void on_header(void *ud, jx_node *n) {
  load_state *ls = ud;
  jx_check_header(ls->side->checker, n, !ls->seen_decl);
  if (!jx_loc_known(ls->side->header))
    ls->side->header = n->loc;
  ls->seen_decl = true;
  jx_diag_release(ls->diag);
}

static void on_framework(void *ud, jx_node *n) {
  load_state *ls = ud;
  jx_check_framework(ls->side->checker, n);
  ls->seen_decl = true;
  jx_diag_release(ls->diag);
}

static void on_department(void *ud, jx_node *n) {
  load_state *ls = ud;
  jx_diff_side *s = ls->side;
  ls->seen_decl = true;
  if (jx_loc_known(s->department_decl)) {
    jx_diag_report(ls->diag, JX_E_DEPARTMENT_TWICE, n->loc);
    jx_diag_note(ls->diag, JX_N_FIRST_HERE, s->department_decl);
  } else {
    s->department_decl = n->loc;
    if (jx_check_department(s->checker, n)) {
      jx_lower_ctx c = lower_ctx(ls);
      s->department = jx_lower_department(&c, n, &s->department_locs);
    }
  }
  jx_diag_release(ls->diag);
}

static void on_unit_open(void *ud, jx_node *n) {
  load_state *ls = ud;
  ls->seen_decl = true;
  jx_check_unit_open(ls->side->checker, n);
  ls->cur_unit = unit_for(ls, n);
  jx_diag_release(ls->diag);
}

static void on_project(void *ud, jx_node *n, const jx_node *unit) {
  load_state *ls = ud;
  jx_diff_side *s = ls->side;
  ls->seen_decl = true;
  bool ok = jx_check_project(s->checker, n, unit);
  size_t ui =
      unit ? (ls->cur_unit != SIZE_MAX ? ls->cur_unit : unit_for(ls, unit))
           : unit_for(ls, NULL);
  if (ok) {
    if (s->n_projects == s->cap_projects) {
      s->cap_projects = s->cap_projects ? s->cap_projects * 2 : 64;
      s->projects =
          jx_xrealloc(s->projects, s->cap_projects * sizeof *s->projects);
    }
    jx_diff_project *p = &s->projects[s->n_projects++];
    jx_lower_ctx c = lower_ctx(ls);
    p->p = jx_lower_project(&c, n, &p->locs);
    p->currency = jx_checker_currency(s->checker);
    p->unit = ui;
  }
  jx_diag_release(ls->diag);
}

static void on_unit_close(void *ud, jx_node *n) {
  load_state *ls = ud;
  jx_diff_side *s = ls->side;
  if (jx_check_unit_close(s->checker, n) && ls->cur_unit != SIZE_MAX) {
    jx_diff_unit *u = &s->units[ls->cur_unit];
    /* A unit declared again (in another file) keeps its first goals and
     * measures; its projects join it. */
    if (!u->lowered && u->locs.decl.offset == n->loc.offset &&
        u->locs.decl.file == n->loc.file) {
      jx_lower_ctx c = lower_ctx(ls);
      jx_lower_unit(&c, n, &u->u, &u->locs);
      u->lowered = true;
    }
  }
  ls->cur_unit = SIZE_MAX;
  jx_diag_release(ls->diag);
}

int jx_diff_side_load_sources(jx_diff_side *s, jx_source *const *src,
                              const char *const *names, int n, jx_diag *d) {
  memset(s, 0, sizeof *s);
  jx_arena_init(&s->arena);
  s->checker = jx_checker_new(d);
  s->unit_index = jx_diff_map_new(16);
  load_state ls = {s, d, false, SIZE_MAX};
  jx_sink sink = {&ls,           on_header,    on_framework,
                  on_department, on_unit_open, on_project,
                  on_unit_close, NULL,         NULL};
  jx_parse_options opt = {true, false};
  int rc = 0;
  int errors_before = jx_diag_errors(d);
  jx_diag_set_hold(d, true);
  for (int i = 0; i < n && !jx_diag_too_many(d); i++) {
    ls.seen_decl = false;
    ls.cur_unit = SIZE_MAX;
    /* A second "-" finds standard input at its end: an empty file. */
    uint32_t file = jx_source_register(src[i], names ? names[i] : NULL);
    jx_check_begin_file(s->checker, file);
    if (jx_parse_source(src[i], file, d, &s->arena, &sink, &opt, NULL) == 2) {
      rc = 2; /* reported; the side is not compared */
      break;
    }
  }
  if (rc != 2)
    jx_check_end(s->checker);
  jx_diag_set_hold(d, false);
  s->year = jx_checker_year(s->checker);
  s->framework = jx_checker_framework(s->checker)->name;
  jx_diff_map_free(s->unit_index);
  s->unit_index = NULL;
  if (rc == 0 && jx_diag_errors(d) > errors_before)
    rc = 1;
  return rc;
}

int jx_diff_side_load_as(jx_diff_side *s, const char *const *paths,
                         const char *const *names, int n, jx_diag *d) {
  jx_source **src = jx_sources_open(paths, n, d);
  if (!src) {
    memset(s, 0, sizeof *s);
    return 2;
  }
  int rc = jx_diff_side_load_sources(s, src, names, n, d);
  jx_sources_close(src, n);
  return rc;
}

int jx_diff_side_load(jx_diff_side *s, const char *const *paths, int n,
                      jx_diag *d) {
  return jx_diff_side_load_as(s, paths, NULL, n, d);
}

void jx_diff_side_free(jx_diff_side *s) {
  jx_diff_map_free(s->unit_index);
  free(s->units);
  free(s->projects);
  jx_checker_free(s->checker);
  jx_arena_free(&s->arena);
  memset(s, 0, sizeof *s);
}
