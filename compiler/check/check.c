/*
 * check.c — the checker's state and the plan-level rules: the header, the
 * indicator framework in force (declared ones included), the numbers every
 * value is built from, and the string sets the identity rules use.
 *
 * The rules about projects live in check_project.c, those about
 * indicators in check_indicator.c (see check.h for the streaming contract
 * and check_impl.h for what the files share).
 */
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "check_impl.h"
#include "hash.h"
#include "lower.h"

/* ---- string sets ----------------------------------------------------------
 */

static uint64_t hash(const char *s, size_t n) {
  return jx_fnv1a(s, n); /* hash.h */
}

/* One key.  A province has hundreds of thousands of project codes, and
 * this is all the checker keeps of each: ~64 bytes and a slot pointer. */
struct jx_chk_entry {
  jx_loc loc;
  uint64_t h;
  uint32_t len;
  char key[];
};

void jx_chk_set_init(jx_chk_set *s) {
  memset(s, 0, sizeof *s);
  jx_arena_init(&s->arena);
}

void jx_chk_set_free(jx_chk_set *s) {
  jx_arena_free(&s->arena);
  free(s->slots);
  memset(s, 0, sizeof *s);
}

static void set_grow(jx_chk_set *s) {
  size_t cap = s->cap ? s->cap * 2 : 64;
  struct jx_chk_entry **slots = jx_xcalloc(cap, sizeof *slots);
  for (size_t i = 0; i < s->cap; i++) {
    struct jx_chk_entry *e = s->slots[i];
    if (!e)
      continue;
    size_t j = (size_t)e->h & (cap - 1);
    while (slots[j])
      j = (j + 1) & (cap - 1);
    slots[j] = e;
  }
  free(s->slots);
  s->slots = slots;
  s->cap = cap;
}

const jx_loc *jx_chk_set_add(jx_chk_set *s, const char *key, size_t n,
                             jx_loc loc) {
  if ((s->n + 1) * 4 > s->cap * 3)
    set_grow(s);
  uint64_t h = hash(key, n);
  size_t j = (size_t)h & (s->cap - 1);
  for (struct jx_chk_entry *e; (e = s->slots[j]); j = (j + 1) & (s->cap - 1))
    if (e->h == h && e->len == n && memcmp(e->key, key, n) == 0)
      return &e->loc;
  struct jx_chk_entry *e = jx_arena_alloc(&s->arena, sizeof *e + n + 1);
  e->loc = loc;
  e->h = h;
  e->len = (uint32_t)n;
  memcpy(e->key, key, n);
  s->slots[j] = e;
  s->n++;
  return NULL;
}

jx_checker *jx_checker_new(jx_diag *d) {
  jx_checker *c = jx_xcalloc(1, sizeof *c);
  c->diag = d;
  jx_arena_init(&c->arena);
  jx_chk_set_init(&c->project_codes);
  jx_chk_set_init(&c->unit_codes);
  c->framework = jx_framework_builtin("local");
  c->currency = jx_currency_lookup("万元");
  return c;
}

void jx_checker_free(jx_checker *c) {
  if (!c)
    return;
  jx_chk_set_free(&c->project_codes);
  jx_chk_set_free(&c->unit_codes);
  jx_arena_free(&c->arena);
  free(c->dups);
  free(c);
}

/* The header's framework is still unknown at the first use or at the end of
 * its file: report it at the header, and go on with the default. */
static void settle_pending(jx_checker *c) {
  if (!c->pending)
    return;
  c->pending = false;
  jx_diag_report(c->diag, JX_E_UNKNOWN_FRAMEWORK, c->pending_loc,
                 c->pending_name);
  jx_diag_note(c->diag, JX_N_UNKNOWN_FRAMEWORK_LATER, c->pending_loc);
}

const jx_framework *jx_chk_framework(jx_checker *c) {
  settle_pending(c);
  return c->framework;
}

void jx_check_begin_file(jx_checker *c, uint32_t file) {
  settle_pending(c); /* the previous file ended without declaring it */
  c->file = file;
  c->framework =
      c->have_plan ? c->plan_framework : jx_framework_builtin("local");
  c->currency = c->have_plan ? c->plan_currency : jx_currency_lookup("万元");
}

int jx_checker_year(const jx_checker *c) {
  return c->year;
}

const jx_framework *jx_checker_framework(const jx_checker *c) {
  return c->framework;
}

const jx_unit_info *jx_checker_currency(const jx_checker *c) {
  return c->currency;
}

static const struct jx_chk_declared *find_declared(const jx_checker *c,
                                                   const char *name) {
  for (const struct jx_chk_declared *d = c->declared; d; d = d->next)
    if (strcmp(d->fw.name, name) == 0)
      return d;
  return NULL;
}

static const jx_framework *find_framework(const jx_checker *c,
                                          const char *name) {
  const struct jx_chk_declared *d = find_declared(c, name);
  return d ? &d->fw : jx_framework_builtin(name);
}

/* ---- numbers ------------------------------------------------------------ */

const char *jx_chk_dec(jx_decimal d, char buf[JX_DECIMAL_BUFSZ]) {
  jx_decimal_format(d, buf);
  return buf;
}

/* Reports why a NUMBER value cannot be an exact decimal. */
bool jx_chk_decimal(jx_checker *c, const jx_value *v, jx_decimal *out) {
  jx_decimal d;
  jx_decimal_status st = jx_value_decimal(v, &d);
  if (st == JX_DEC_PRECISION)
    jx_diag_report(c->diag, JX_E_NUMBER_PRECISION, v->loc, v->text);
  else if (st != JX_DEC_OK)
    jx_diag_report(c->diag, JX_E_NUMBER_OVERFLOW, v->loc, v->text);
  if (out)
    *out = d;
  return st == JX_DEC_OK;
}

bool jx_chk_amount(jx_checker *c, const jx_value *v, jx_decimal *out) {
  out->micros = 0;
  if (!jx_chk_decimal(c, v, NULL))
    return false;
  const jx_unit_info *u = jx_value_unit(v);
  if (v->unit && (!u || u->dimension != JX_DIM_MONEY)) {
    jx_diag_report(c->diag, JX_E_AMOUNT_UNIT, v->loc, v->text,
                   c->currency->norm);
    return false;
  }
  jx_decimal_status st = jx_value_amount(v, c->currency, out);
  if (st == JX_DEC_OVERFLOW)
    jx_diag_report(c->diag, JX_E_AMOUNT_OVERFLOW, v->loc, v->text,
                   c->currency->norm);
  else if (st != JX_DEC_OK)
    jx_diag_report(c->diag, JX_E_AMOUNT_INEXACT, v->loc, v->text,
                   c->currency->norm);
  return st == JX_DEC_OK;
}

/* ---- header ------------------------------------------------------------- */

bool jx_check_header(jx_checker *c, const jx_node *h, bool first) {
  int before = jx_diag_errors(c->diag);
  settle_pending(c); /* a second header in the same file */
  if (!first)
    jx_diag_report(c->diag, JX_E_HEADER_PLACE, h->loc);

  int year = 0;
  const jx_value *y = &h->u.header.year;
  if (y->kind == JX_VAL_NUMBER) {
    jx_decimal d;
    if (jx_chk_decimal(c, y, &d)) {
      if (y->unit || !jx_decimal_is_integer(d) || d.micros < 0 ||
          d.micros / JX_DECIMAL_SCALE > 9999)
        jx_diag_report(c->diag, JX_E_BAD_DATE, y->loc, y->text);
      else
        year = (int)(d.micros / JX_DECIMAL_SCALE);
    }
  }

  const jx_framework *fw = c->framework;
  const jx_text *fwname = &h->u.header.framework;
  bool pending = false;
  if (fwname->text) {
    fw = find_framework(c, fwname->text);
    if (!fw) {
      /* Perhaps declared further down this file: decided at first use. */
      pending = true;
      fw = c->framework;
    }
  }

  const jx_unit_info *cur = c->currency;
  const jx_text *curname = &h->u.header.currency;
  if (curname->text) {
    cur = jx_currency_lookup(curname->text);
    if (!cur) {
      jx_diag_report(c->diag, JX_E_UNKNOWN_CURRENCY, curname->loc,
                     curname->text);
      cur = c->currency;
    }
  }

  bool sets_plan = !c->have_plan;
  if (sets_plan) {
    c->have_plan = true;
    c->year = year;
    c->plan_framework = fw;
    c->plan_currency = cur;
  } else {
    char a[16], b[16];
    if (year && c->year && year != c->year) {
      snprintf(a, sizeof a, "%d", year);
      snprintf(b, sizeof b, "%d", c->year);
      jx_diag_report(c->diag, JX_E_HEADER_MISMATCH, y->loc, "year", a, b);
    }
    if (!c->year)
      c->year = year;
    /* A pending name is compared once it resolves (jx_check_framework). */
    if (!pending && fw != c->plan_framework)
      jx_diag_report(c->diag, JX_E_HEADER_MISMATCH, fwname->loc, "framework",
                     fw->name, c->plan_framework->name);
    if (cur != c->plan_currency)
      jx_diag_report(c->diag, JX_E_HEADER_MISMATCH, curname->loc, "currency",
                     cur->norm, c->plan_currency->norm);
  }
  if (pending) {
    c->pending = true;
    c->pending_sets_plan = sets_plan;
    c->pending_name = jx_arena_strdup(&c->arena, fwname->text);
    c->pending_loc = fwname->loc;
  }
  c->framework = fw;
  c->currency = cur;
  return jx_diag_errors(c->diag) == before;
}

/* ---- declared frameworks --------------------------------------------------
 */

static bool is_builtin_name(const char *name) {
  return jx_framework_builtin(name) != NULL;
}

/* Level-1 codes are unique in the framework, level-2 codes in their
 * level-1: a category path could not name one of two twins. */
static void check_framework_codes(jx_checker *c, const jx_node *n) {
  const char *fw = n->u.block.code.text;
  for (const jx_node *a = n->u.block.items; a; a = a->next) {
    for (const jx_node *b = n->u.block.items; b != a; b = b->next)
      if (strcmp(a->u.block.code.text, b->u.block.code.text) == 0) {
        jx_diag_report(c->diag, JX_E_FRAMEWORK_CODE, a->u.block.code.loc,
                       a->u.block.code.text, fw);
        jx_diag_note(c->diag, JX_N_FIRST_HERE, b->u.block.code.loc);
        break;
      }
    for (const jx_node *x = a->u.block.items; x; x = x->next) {
      for (const jx_node *y = a->u.block.items; y != x; y = y->next)
        if (strcmp(x->u.level2.code.text, y->u.level2.code.text) == 0) {
          jx_diag_report(c->diag, JX_E_FRAMEWORK_CODE, x->u.level2.code.loc,
                         x->u.level2.code.text, fw);
          jx_diag_note(c->diag, JX_N_FIRST_HERE, y->u.level2.code.loc);
          break;
        }
      const jx_text *role = &x->u.level2.role;
      if (role->text && strcmp(role->text, "cost") != 0 &&
          strcmp(role->text, "satisfaction") != 0)
        jx_diag_report(c->diag, JX_E_FRAMEWORK_ROLE, role->loc, role->text);
    }
  }
}

bool jx_check_framework(jx_checker *c, const jx_node *n) {
  int before = jx_diag_errors(c->diag);
  const char *name = n->u.block.code.text;
  const jx_loc name_loc = n->u.block.code.loc;
  check_framework_codes(c, n);
  if (is_builtin_name(name)) {
    jx_diag_report(c->diag, JX_E_FRAMEWORK_REDEFINED, name_loc, name);
    return false; /* the built-in one stays in force */
  }
  const struct jx_chk_declared *old = find_declared(c, name);
  if (old) {
    jx_diag_report(c->diag, JX_E_FRAMEWORK_TWICE, name_loc, name);
    jx_diag_note(c->diag, JX_N_FIRST_HERE, old->loc);
    return false;
  }
  struct jx_chk_declared *d = jx_arena_alloc(&c->arena, sizeof *d);
  d->loc = name_loc;
  d->fw.name = jx_arena_strdup(&c->arena, name);
  d->fw.label = n->u.block.name.text
                    ? jx_arena_strdup(&c->arena, n->u.block.name.text)
                    : d->fw.name;
  size_t n1 = 0;
  for (const jx_node *l1 = n->u.block.items; l1; l1 = l1->next)
    n1++;
  jx_level1 *levels = jx_arena_alloc(&c->arena, (n1 ? n1 : 1) * sizeof *levels);
  size_t i = 0;
  for (const jx_node *l1 = n->u.block.items; l1; l1 = l1->next, i++) {
    levels[i].code = jx_arena_strdup(&c->arena, l1->u.block.code.text);
    levels[i].label = jx_arena_strdup(&c->arena, l1->u.block.name.text);
    size_t n2 = 0;
    for (const jx_node *l2 = l1->u.block.items; l2; l2 = l2->next)
      n2++;
    jx_level2 *kids = jx_arena_alloc(&c->arena, (n2 ? n2 : 1) * sizeof *kids);
    size_t j = 0;
    for (const jx_node *l2 = l1->u.block.items; l2; l2 = l2->next, j++) {
      kids[j].code = jx_arena_strdup(&c->arena, l2->u.level2.code.text);
      kids[j].label = jx_arena_strdup(&c->arena, l2->u.level2.label.text);
      const char *role = l2->u.level2.role.text;
      if (role && strcmp(role, "cost") == 0)
        kids[j].role = JX_ROLE_COST;
      else if (role && strcmp(role, "satisfaction") == 0)
        kids[j].role = JX_ROLE_SATISFACTION;
    }
    levels[i].children = kids;
    levels[i].n_children = n2;
  }
  d->fw.levels = levels;
  d->fw.n_levels = n1;
  d->next = c->declared;
  c->declared = d;

  /* The header of this file may have been waiting for it. */
  if (c->pending && strcmp(c->pending_name, name) == 0) {
    c->pending = false;
    c->framework = &d->fw;
    if (c->pending_sets_plan)
      c->plan_framework = &d->fw;
    else if (&d->fw != c->plan_framework)
      jx_diag_report(c->diag, JX_E_HEADER_MISMATCH, c->pending_loc, "framework",
                     d->fw.name, c->plan_framework->name);
  }
  return jx_diag_errors(c->diag) == before;
}

/* ---- blocks outside projects -----------------------------------------------
 */

/* Goals, measures and divisions have no numbers of their own to check;
 * their indicators do. */
static void check_items(jx_checker *c, const jx_node *items) {
  jx_chk_indicators(c, items, NULL, NULL);
  for (const jx_node *it = items; it; it = it->next)
    if (it->kind == JX_N_DIVISION)
      jx_chk_indicators(c, it->u.block.items, NULL, NULL);
}

bool jx_check_department(jx_checker *c, const jx_node *d) {
  int before = jx_diag_errors(c->diag);
  jx_chk_framework(c);
  check_items(c, d->u.block.items);
  return jx_diag_errors(c->diag) == before;
}

bool jx_check_unit_open(jx_checker *c, const jx_node *unit) {
  int before = jx_diag_errors(c->diag);
  jx_chk_framework(c);
  const jx_text *code = &unit->u.block.code;
  if (code->text) {
    const jx_loc *first = jx_chk_set_add(&c->unit_codes, code->text,
                                         strlen(code->text), code->loc);
    if (first) {
      jx_diag_report(c->diag, JX_E_UNIT_CODE_DUPLICATE, code->loc, code->text);
      jx_diag_note(c->diag, JX_N_FIRST_HERE, *first);
    }
  }
  return jx_diag_errors(c->diag) == before;
}

bool jx_check_unit_close(jx_checker *c, const jx_node *unit) {
  int before = jx_diag_errors(c->diag);
  check_items(c, unit->u.block.items);
  return jx_diag_errors(c->diag) == before;
}

bool jx_check_end(jx_checker *c) {
  int before = jx_diag_errors(c->diag);
  settle_pending(c);
  return jx_diag_errors(c->diag) == before;
}
