/*
 * check.c — the checker's state and the plan-level rules: the header, the
 * indicator framework in force, and the numbers every value is built from.
 *
 * The rules about projects, funds, schedules and indicators build on the
 * helpers here (see check.h for the streaming contract).
 */
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "lower.h"

struct jx_checker {
  jx_diag *diag;
  jx_arena arena; /* declared frameworks, copies of codes */

  /* The plan as declared by the first file that has a header. */
  bool have_plan;
  int year;
  const jx_framework *plan_framework;
  const jx_unit_info *plan_currency;
  jx_text plan_framework_name;

  /* The current file. */
  uint32_t file;
  const jx_framework *framework;
  const jx_unit_info *currency;

  /* Frameworks declared in any file so far, newest first. */
  struct declared {
    struct declared *next;
    jx_framework fw;
  } *declared;
};

jx_checker *jx_checker_new(jx_diag *d) {
  jx_checker *c = jx_xcalloc(1, sizeof *c);
  c->diag = d;
  jx_arena_init(&c->arena);
  c->framework = jx_framework_builtin("local");
  c->currency = jx_currency_lookup("万元");
  return c;
}

void jx_checker_free(jx_checker *c) {
  if (!c)
    return;
  jx_arena_free(&c->arena);
  free(c);
}

void jx_check_begin_file(jx_checker *c, uint32_t file) {
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

static const jx_framework *find_framework(const jx_checker *c,
                                          const char *name) {
  for (const struct declared *d = c->declared; d; d = d->next)
    if (strcmp(d->fw.name, name) == 0)
      return &d->fw;
  return jx_framework_builtin(name);
}

/* ---- numbers ------------------------------------------------------------ */

/* Reports why a NUMBER value cannot be an exact decimal. */
static bool check_decimal(jx_checker *c, const jx_value *v, jx_decimal *out) {
  jx_decimal d;
  jx_decimal_status st = jx_value_decimal(v, &d);
  if (st == JX_DEC_PRECISION)
    jx_diag_report(c->diag, JX_E_NUMBER_PRECISION, v->loc, v->text);
  else if (st == JX_DEC_OVERFLOW)
    jx_diag_report(c->diag, JX_E_NUMBER_OVERFLOW, v->loc, v->text);
  else if (st != JX_DEC_OK)
    jx_diag_report(c->diag, JX_E_NUMBER_OVERFLOW, v->loc, v->text);
  if (out)
    *out = d;
  return st == JX_DEC_OK;
}

/* ---- header ------------------------------------------------------------- */

bool jx_check_header(jx_checker *c, const jx_node *h, bool first) {
  int before = jx_diag_errors(c->diag);
  if (!first)
    jx_diag_report(c->diag, JX_E_HEADER_PLACE, h->loc);

  int year = 0;
  const jx_value *y = &h->u.header.year;
  if (y->kind == JX_VAL_NUMBER) {
    jx_decimal d;
    if (check_decimal(c, y, &d)) {
      if (y->unit || !jx_decimal_is_integer(d) || d.micros < 0 ||
          d.micros / JX_DECIMAL_SCALE > 9999)
        jx_diag_report(c->diag, JX_E_BAD_DATE, y->loc, y->text);
      else
        year = (int)(d.micros / JX_DECIMAL_SCALE);
    }
  }

  const jx_framework *fw = c->framework;
  const jx_text *fwname = &h->u.header.framework;
  if (fwname->text) {
    fw = find_framework(c, fwname->text);
    if (!fw) {
      jx_diag_report(c->diag, JX_E_UNKNOWN_FRAMEWORK, fwname->loc,
                     fwname->text);
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

  if (!c->have_plan) {
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
    if (fw != c->plan_framework)
      jx_diag_report(c->diag, JX_E_HEADER_MISMATCH, fwname->loc, "framework",
                     fw->name, c->plan_framework->name);
    if (cur != c->plan_currency)
      jx_diag_report(c->diag, JX_E_HEADER_MISMATCH, curname->loc, "currency",
                     cur->norm, c->plan_currency->norm);
  }
  c->framework = fw;
  c->currency = cur;
  return jx_diag_errors(c->diag) == before;
}

/* ---- declared frameworks -------------------------------------------------- */

bool jx_check_framework(jx_checker *c, const jx_node *n) {
  int before = jx_diag_errors(c->diag);
  struct declared *d = jx_arena_alloc(&c->arena, sizeof *d);
  d->fw.name = jx_arena_strdup(&c->arena, n->u.block.code.text);
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
  return jx_diag_errors(c->diag) == before;
}

/* ---- indicators ------------------------------------------------------------ */

static void check_category(jx_checker *c, const jx_node *n) {
  const char *l1 = n->u.indicator.level1.text;
  const char *l2 = n->u.indicator.level2.text;
  if (!l2)
    return; /* the `indicator` keyword form has no category */
  const jx_level1 *a;
  const jx_level2 *b;
  if (jx_framework_resolve(c->framework, l1, l2, &a, &b))
    return;
  char written[256];
  snprintf(written, sizeof written, "%s%s%s", l1 ? l1 : "", l1 ? "." : "",
           l2);
  jx_loc loc = n->loc;
  loc.len = (uint32_t)strlen(written);
  jx_diag_report(c->diag, JX_E_UNKNOWN_CATEGORY, loc, written,
                 c->framework->name);
  char hint[128];
  if (jx_framework_suggest(c->framework, l1, l2, hint, sizeof hint))
    jx_diag_note(c->diag, JX_N_DID_YOU_MEAN, loc, hint);
}

static void check_indicator(jx_checker *c, const jx_node *n) {
  check_category(c, n);
  const jx_value *v = &n->u.indicator.value;
  if (v->kind == JX_VAL_NUMBER)
    check_decimal(c, v, NULL);
}

static void check_items(jx_checker *c, const jx_node *items) {
  for (const jx_node *it = items; it; it = it->next) {
    switch (it->kind) {
    case JX_N_INDICATOR:
      check_indicator(c, it);
      break;
    case JX_N_DIVISION:
      check_items(c, it->u.block.items);
      break;
    case JX_N_BUDGET:
      check_decimal(c, &it->u.budget.amount, NULL);
      break;
    case JX_N_FUNDS:
      if (it->u.funds.fiscal.kind == JX_VAL_NUMBER)
        check_decimal(c, &it->u.funds.fiscal, NULL);
      if (it->u.funds.other.kind == JX_VAL_NUMBER)
        check_decimal(c, &it->u.funds.other, NULL);
      break;
    case JX_N_SCHEDULE:
      for (const jx_schedule_entry *e = it->u.schedule.entries; e;
           e = e->next) {
        if (!jx_schedule_month(e))
          jx_diag_report(c->diag, JX_E_BAD_MONTH, e->month.loc,
                         e->month.text ? e->month.text : "");
        check_decimal(c, &e->percent, NULL);
      }
      break;
    default:
      break;
    }
  }
}

bool jx_check_department(jx_checker *c, const jx_node *d) {
  int before = jx_diag_errors(c->diag);
  check_items(c, d->u.block.items);
  return jx_diag_errors(c->diag) == before;
}

bool jx_check_unit_open(jx_checker *c, const jx_node *unit) {
  (void)c;
  (void)unit;
  return true;
}

bool jx_check_unit_close(jx_checker *c, const jx_node *unit) {
  int before = jx_diag_errors(c->diag);
  check_items(c, unit->u.block.items);
  return jx_diag_errors(c->diag) == before;
}

bool jx_check_project(jx_checker *c, const jx_node *p, const jx_node *unit) {
  (void)unit;
  int before = jx_diag_errors(c->diag);
  check_items(c, p->u.block.items);
  return jx_diag_errors(c->diag) == before;
}

bool jx_check_end(jx_checker *c) {
  (void)c;
  return true;
}
