/*
 * check.c — the checker's state and the plan-level rules: the header, the
 * indicator framework in force (declared ones included, with their roles)
 * and the blocks outside projects.
 *
 * The rules about projects live in check_project.c, those about
 * indicators in check_indicator.c, the reading of numbers in
 * check_value.c, the state and what every rule file uses in
 * check_state.c (see check.h for the streaming contract and
 * check_state.h for the order in which the files use each other).
 */
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "check_indicator.h"
#include "check_state.h"
#include "check_value.h"

jx_checker *jx_checker_new(jx_diag *d) {
  jx_checker *c = jx_xcalloc(1, sizeof *c);
  c->diag = d;
  jx_arena_init(&c->arena);
  jx_chk_set_init(&c->project_codes);
  jx_chk_set_init(&c->unit_codes);
  jx_chk_set_init(&c->unit_names);
  c->framework = c->default_framework = jx_framework_builtin("local");
  c->currency = jx_currency_lookup("万元");
  c->form = c->default_form = jx_form_spec_default();
  return c;
}

void jx_checker_set_defaults(jx_checker *c, const jx_framework *fw,
                             const jx_form_spec *form) {
  if (fw)
    c->framework = c->default_framework = fw;
  if (form)
    c->form = c->default_form = form;
}

void jx_checker_free(jx_checker *c) {
  if (!c)
    return;
  jx_chk_set_free(&c->project_codes);
  jx_chk_set_free(&c->unit_codes);
  jx_chk_set_free(&c->unit_names);
  jx_arena_free(&c->arena);
  free(c->dups);
  free(c);
}

void jx_check_begin_file(jx_checker *c, uint32_t file) {
  jx_chk_settle(c); /* the previous file ended without declaring it */
  c->file = file;
  c->framework = c->have_plan ? c->plan_framework : c->default_framework;
  c->currency = c->have_plan ? c->plan_currency : jx_currency_lookup("万元");
  c->form = c->have_plan ? c->plan_form : c->default_form;
}

void jx_checker_drop_sets(jx_checker *c) {
  jx_chk_set_free(&c->project_codes);
  jx_chk_set_free(&c->unit_codes);
  jx_chk_set_free(&c->unit_names);
}

void jx_checker_trust_codes(jx_checker *c) {
  jx_chk_set_free(&c->project_codes);
  c->project_codes.off = true;
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

const jx_form_spec *jx_checker_form(const jx_checker *c) {
  return c->form;
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

/* ---- header ------------------------------------------------------------- */

bool jx_check_header(jx_checker *c, jx_node *h, bool first) {
  int before = jx_diag_errors(c->diag);
  jx_chk_settle(c); /* a second header in the same file */
  if (!first)
    jx_diag_report(c->diag, JX_E_HEADER_PLACE, h->loc);

  int year = 0;
  const jx_value *y = &h->u.header.year;
  if (y->kind == JX_VAL_NUMBER) {
    if (jx_chk_number(c, y, &h->u.header.year_res)) {
      jx_decimal d = h->u.header.year_res.dec;
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

  if (h->u.header.dup_loc.line)
    jx_diag_report(c->diag, JX_E_HEADER_TWICE, h->u.header.dup_loc);

  const jx_form_spec *form = c->form;
  const jx_text *formname = &h->u.header.form;
  if (formname->text) {
    form = jx_form_spec_find(formname->text);
    if (!form) {
      char names[128];
      jx_diag_report(c->diag, JX_E_UNKNOWN_FORM, formname->loc, formname->text,
                     jx_form_spec_names(names, sizeof names));
      form = c->form;
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
    c->plan_form = form;
  } else {
    char a[16], b[16];
    if (year && c->year && year != c->year) {
      snprintf(a, sizeof a, "%d", year);
      snprintf(b, sizeof b, "%d", c->year);
      jx_diag_report(c->diag, JX_E_HEADER_MISMATCH, y->loc,
                     (int)JX_M_FIELD_YEAR, a, b);
    }
    if (!c->year)
      c->year = year;
    /* A pending name is compared once it resolves (jx_check_framework). */
    if (!pending && fw != c->plan_framework)
      jx_diag_report(c->diag, JX_E_HEADER_MISMATCH, fwname->loc,
                     (int)JX_M_FIELD_FRAMEWORK, fw->name,
                     c->plan_framework->name);
    if (cur != c->plan_currency)
      jx_diag_report(c->diag, JX_E_HEADER_MISMATCH, curname->loc,
                     (int)JX_M_FIELD_CURRENCY, cur->norm,
                     c->plan_currency->norm);
    if (form != c->plan_form)
      jx_diag_report(c->diag, JX_E_HEADER_MISMATCH, formname->loc,
                     (int)JX_M_FIELD_FORM, form->name, c->plan_form->name);
  }
  if (pending) {
    c->pending = true;
    c->pending_sets_plan = sets_plan;
    c->pending_name = jx_arena_strdup(&c->arena, fwname->text);
    c->pending_loc = fwname->loc;
  }
  c->framework = fw;
  c->currency = cur;
  c->form = form;
  return jx_diag_errors(c->diag) == before;
}

/* ---- declared frameworks --------------------------------------------------
 */

static bool is_builtin_name(const char *name) {
  return jx_framework_builtin(name) != NULL;
}

/* A role written at a level must be one the table knows there. */
static void check_role(jx_checker *c, const jx_text *role, int level) {
  if (!role->text || jx_role_lookup(role->text, level) != JX_ROLE_NONE)
    return;
  char words[128];
  jx_diag_report(c->diag, JX_E_FRAMEWORK_ROLE, role->loc, role->text,
                 jx_role_words(level, words, sizeof words));
}

/* Level-1 codes are unique in the framework, level-2 codes in their
 * level-1: a category path could not name one of two twins.  Their roles
 * come from the table. */
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
      check_role(c, &x->u.level2.role, 2);
    }
    check_role(c, &a->u.block.role, 1);
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
    levels[i].role = jx_role_lookup(l1->u.block.role.text, 1);
    /* A level-2 category without a role of its own is a cost or a
     * satisfaction rate when its level-1 is one, as in the built-in
     * tables (central2021's 成本指标 and its children). */
    jx_role inherited =
        levels[i].role == JX_ROLE_COST || levels[i].role == JX_ROLE_SATISFACTION
            ? levels[i].role
            : JX_ROLE_NONE;
    size_t n2 = 0;
    for (const jx_node *l2 = l1->u.block.items; l2; l2 = l2->next)
      n2++;
    jx_level2 *kids = jx_arena_alloc(&c->arena, (n2 ? n2 : 1) * sizeof *kids);
    size_t j = 0;
    for (const jx_node *l2 = l1->u.block.items; l2; l2 = l2->next, j++) {
      kids[j].code = jx_arena_strdup(&c->arena, l2->u.level2.code.text);
      kids[j].label = jx_arena_strdup(&c->arena, l2->u.level2.label.text);
      const char *role = l2->u.level2.role.text;
      kids[j].role = role ? jx_role_lookup(role, 2) : inherited;
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
      jx_diag_report(c->diag, JX_E_HEADER_MISMATCH, c->pending_loc,
                     (int)JX_M_FIELD_FRAMEWORK, d->fw.name,
                     c->plan_framework->name);
  }
  return jx_diag_errors(c->diag) == before;
}

/* ---- blocks outside projects -----------------------------------------------
 */

/* Goals, measures and divisions have no numbers of their own to check;
 * their indicators do. */
static void check_items(jx_checker *c, jx_node *items) {
  jx_chk_indicators(c, items, JX_CHK_UNCOUNTED, NULL, NULL);
  for (jx_node *it = items; it; it = it->next)
    if (it->kind == JX_N_DIVISION)
      jx_chk_indicators(c, it->u.block.items, JX_CHK_UNCOUNTED, NULL, NULL);
}

/* The department's code, budget and the line items of its budget
 * (部门预算编码 901001033, budget 171.41). */
static void check_department_totals(jx_checker *c, jx_node *d) {
  jx_node *code = NULL, *budget = NULL, *breakdown = NULL;
  for (jx_node *it = d->u.block.items; it; it = it->next) {
    if (it->kind == JX_N_CODE)
      jx_chk_first(c, &code, it, JX_M_FIELD_CODE);
    else if (it->kind == JX_N_BUDGET)
      jx_chk_first(c, &budget, it, JX_M_FIELD_BUDGET);
    else if (it->kind == JX_N_BREAKDOWN)
      jx_chk_first(c, &breakdown, it, JX_M_FIELD_BREAKDOWN);
  }
  jx_chk_budget b;
  memset(&b, 0, sizeof b);
  if (budget) {
    const jx_value *v = &budget->u.budget.amount;
    if (jx_chk_amount(c, v, &budget->u.budget.amount_res, &b.amount)) {
      budget->u.budget.plan_amount = b.amount;
      b.loc = v->loc;
      char buf[JX_DECIMAL_BUFSZ];
      if (b.amount.micros <= 0)
        jx_diag_report(c->diag, JX_E_DEPT_BUDGET_POSITIVE, v->loc,
                       d->u.block.name.text ? d->u.block.name.text : "",
                       jx_chk_dec(b.amount, buf), c->currency->norm);
      else
        b.known = true;
    }
  }
  if (breakdown)
    jx_chk_breakdown(c, breakdown, &b);
}

bool jx_check_department(jx_checker *c, jx_node *d) {
  int before = jx_diag_errors(c->diag);
  jx_chk_framework(c);
  check_department_totals(c, d);
  check_items(c, d->u.block.items);
  return jx_diag_errors(c->diag) == before;
}

/* A unit is known by its code, or, when the form prints none, by its
 * name: two units without a code clash only when their names do. */
bool jx_check_unit_open(jx_checker *c, const jx_node *unit) {
  int before = jx_diag_errors(c->diag);
  jx_chk_framework(c);
  const jx_text *code = &unit->u.block.code;
  const jx_text *name = &unit->u.block.name;
  if (code->text && *code->text) {
    const jx_loc *first = jx_chk_set_add(&c->unit_codes, code->text,
                                         strlen(code->text), code->loc);
    if (first) {
      jx_diag_report(c->diag, JX_E_UNIT_CODE_DUPLICATE, code->loc, code->text);
      jx_diag_note(c->diag, JX_N_FIRST_HERE, *first);
    }
  } else if (name->text) {
    const jx_loc *first = jx_chk_set_add(&c->unit_names, name->text,
                                         strlen(name->text), name->loc);
    if (first) {
      jx_diag_report(c->diag, JX_E_UNIT_NAME_DUPLICATE, name->loc, name->text);
      jx_diag_note(c->diag, JX_N_FIRST_HERE, *first);
    }
  }
  return jx_diag_errors(c->diag) == before;
}

bool jx_check_unit_close(jx_checker *c, jx_node *unit) {
  int before = jx_diag_errors(c->diag);
  jx_node *org[2] = {NULL, NULL};
  for (jx_node *it = unit->u.block.items; it; it = it->next)
    if (it->kind == JX_N_ORG) {
      jx_chk_org(it);
      jx_chk_first(c, &org[it->u.org.role], it,
                   it->u.org.role == JX_ORG_SUPERVISOR
                       ? JX_M_FIELD_SUPERVISOR
                       : JX_M_FIELD_IMPLEMENTER);
    }
  check_items(c, unit->u.block.items);
  return jx_diag_errors(c->diag) == before;
}

bool jx_check_end(jx_checker *c) {
  int before = jx_diag_errors(c->diag);
  jx_chk_settle(c);
  return jx_diag_errors(c->diag) == before;
}
