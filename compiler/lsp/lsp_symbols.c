/*
 * lsp_symbols.c — textDocument/documentSymbol (the outline: department
 * and divisions, units, projects, indicators) and textDocument/definition
 * (from a category to where the declared framework in force defines it,
 * from the header's framework name to the declaration), both from the
 * loaded model, its locations and the loader's list of declared
 * frameworks.  A built-in framework has no source to go to.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "lsp_impl.h"
#include "parse.h"
#include "parser.h"

enum {
  S_MODULE = 2,
  S_NAMESPACE = 3,
  S_CLASS = 5,
  S_FUNCTION = 12,
  S_FIELD = 8
};

/* ---- the outline ----------------------------------------------------------
 */

/* The span a symbol covers: from its first place to the end of its last. */
typedef struct span {
  size_t from, to;
  bool known;
} span;

static void widen(span *s, jx_loc l) {
  if (!jx_loc_known(l))
    return;
  size_t a = (size_t)l.offset, b = (size_t)l.offset + l.len;
  if (!s->known || a < s->from)
    s->from = a;
  if (!s->known || b > s->to)
    s->to = b;
  s->known = true;
}

static json_t *symbol(const jx_lsp_doc *d, const char *name, const char *detail,
                      int kind, span sp, jx_loc sel, json_t *children) {
  widen(&sp, sel);
  json_t *x = json_pack("{s:o,s:i,s:o,s:o}", "name",
                        jx_lsp_str(name && *name ? name : "-"), "kind", kind,
                        "range", jx_lsp_range(d, sp.from, sp.to - sp.from),
                        "selectionRange", jx_lsp_loc_range(d, sel));
  if (detail && *detail)
    json_object_set_new(x, "detail", jx_lsp_str(detail));
  if (children)
    json_object_set_new(x, "children", children);
  return x;
}

static json_t *indicator(const jx_lsp_doc *d, const jx_indicator *x,
                         const jx_indicator_locs *l, span *parent) {
  span sp = {0, 0, false};
  const jx_loc parts[] = {l->decl,  l->category, l->name, l->op,
                          l->value, l->unit,     l->desc, l->basis};
  for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
    widen(&sp, parts[i]);
  widen(parent, l->decl);
  widen(parent, l->basis);
  widen(parent, l->desc);
  widen(parent, l->value);
  char detail[512] = "";
  if (x->level1)
    snprintf(detail, sizeof detail, "%s.%s %s", x->level1_label,
             x->level2_label, x->text ? x->text : "");
  else if (x->text)
    snprintf(detail, sizeof detail, "%s", x->text);
  return symbol(d, x->name, detail, S_FIELD, sp,
                jx_loc_known(l->name) ? l->name : l->decl, NULL);
}

static json_t *project(jx_lsp *s, const jx_lsp_doc *d, const jx_project *p,
                       const jx_project_locs *l, const jx_unit_info *cur,
                       span *parent) {
  span sp = {0, 0, false};
  widen(&sp, l->decl);
  widen(&sp, l->code.value);
  widen(&sp, l->budget.value);
  widen(&sp, l->funds);
  widen(&sp, l->other);
  widen(&sp, l->purpose.value);
  widen(&sp, l->schedule);
  for (size_t i = 0; i < p->n_schedule; i++)
    widen(&sp, l->points[i].percent);
  for (size_t i = 0; i < p->n_goals; i++)
    widen(&sp, l->goals[i].value);
  json_t *kids = json_array();
  for (size_t i = 0; i < p->n_indicators; i++)
    json_array_append_new(
        kids, indicator(d, &p->indicators[i], &l->indicators[i], &sp));
  widen(parent, l->decl);
  if (sp.known) {
    jx_loc end = {sp.to, 1, 1, 0, 0};
    widen(parent, end);
  }
  char b[JX_DECIMAL_BUFSZ];
  jx_decimal_format(p->budget, b);
  jx_strbuf detail = {0};
  jx_lsp_msg(s, &detail, JX_M_LSP_S_BUDGET, b, cur->norm);
  json_t *x = symbol(d, p->name, detail.p, S_FUNCTION, sp,
                     jx_loc_known(l->name) ? l->name : l->decl, kids);
  jx_sb_free(&detail);
  return x;
}

static json_t *department(const jx_lsp_doc *d, const jx_department *dep,
                          const jx_department_locs *l) {
  span sp = {0, 0, false};
  widen(&sp, l->decl);
  for (size_t i = 0; i < dep->n_goals; i++)
    widen(&sp, l->goals[i].value);
  for (size_t i = 0; i < dep->n_measures; i++)
    widen(&sp, l->measures[i].text);
  json_t *kids = json_array();
  for (size_t v = 0; v < dep->n_divisions; v++) {
    const jx_division *dv = &dep->divisions[v];
    const jx_division_locs *dl = &l->divisions[v];
    span ds = {0, 0, false};
    widen(&ds, dl->decl);
    for (size_t i = 0; i < dv->n_goals; i++)
      widen(&ds, dl->goals[i].value);
    json_t *inds = json_array();
    for (size_t i = 0; i < dv->n_indicators; i++)
      json_array_append_new(
          inds, indicator(d, &dv->indicators[i], &dl->indicators[i], &ds));
    widen(&sp, dl->decl);
    if (ds.known) {
      jx_loc end = {ds.to, 1, 1, 0, 0};
      widen(&sp, end);
    }
    json_array_append_new(
        kids, symbol(d, dv->name, NULL, S_CLASS, ds, dl->name, inds));
  }
  for (size_t i = 0; i < dep->n_indicators; i++)
    json_array_append_new(
        kids, indicator(d, &dep->indicators[i], &l->indicators[i], &sp));
  return symbol(d, dep->name, NULL, S_MODULE, sp, l->name, kids);
}

/* A project that did not check clean: its name and extent only, so the
 * outline does not lose it while it is being mended. */
static json_t *unsound(jx_lsp *s, const jx_lsp_doc *d,
                       const jx_unsound_project *x, span *parent) {
  span sp = {0, 0, false};
  widen(&sp, x->decl);
  widen(&sp, x->close);
  widen(parent, x->decl);
  widen(parent, x->close);
  jx_strbuf detail = {0};
  jx_lsp_msg(s, &detail, JX_M_LSP_S_ERRORS);
  json_t *sym = symbol(d, x->name, detail.p, S_FUNCTION, sp,
                       jx_loc_known(x->name_loc) ? x->name_loc : x->decl, NULL);
  jx_sb_free(&detail);
  return sym;
}

json_t *jx_lsp_document_symbol(jx_lsp *s, json_t *params, json_t **error) {
  (void)error;
  jx_lsp_doc *d = jx_lsp_param_doc(s, params, NULL);
  if (!d)
    return NULL;
  const jx_loaded_plan *lp = d->plan;
  const jx_plan *plan = jx_loaded_model(lp);
  json_t *out = json_array();
  if (plan->department)
    json_array_append_new(
        out, department(d, plan->department, jx_loaded_department_locs(lp)));
  for (size_t u = 0; u < plan->n_units; u++) {
    const jx_unit *unit = &plan->units[u];
    const jx_unit_locs *ul = jx_loaded_unit_locs(lp, u);
    span sp = {0, 0, false};
    widen(&sp, ul->decl);
    for (size_t i = 0; i < unit->n_goals; i++)
      widen(&sp, ul->goals[i].value);
    for (size_t i = 0; i < unit->n_measures; i++)
      widen(&sp, ul->measures[i].text);
    json_t *kids = unit->code ? json_array() : out;
    for (size_t k = 0; k < unit->n_projects; k++)
      json_array_append_new(kids,
                            project(s, d, &unit->projects[k],
                                    jx_loaded_project_locs(lp, u, k),
                                    jx_loaded_project_currency(lp, u, k), &sp));
    for (size_t k = 0; k < jx_loaded_n_unsound(lp); k++)
      if (jx_loaded_unsound(lp, k)->unit == u)
        json_array_append_new(kids,
                              unsound(s, d, jx_loaded_unsound(lp, k), &sp));
    if (unit->code)
      json_array_append_new(out, symbol(d, unit->name, unit->code, S_NAMESPACE,
                                        sp, ul->name, kids));
  }
  return out;
}

/* ---- go to definition ------------------------------------------------------
 */

static const jx_declared_framework *declared(const jx_loaded_plan *lp,
                                             const char *name) {
  for (size_t i = 0; name && i < jx_loaded_n_declared(lp); i++) {
    const jx_declared_framework *f = jx_loaded_declared(lp, i);
    if (f->name && strcmp(f->name, name) == 0)
      return f;
  }
  return NULL;
}

static json_t *location(const jx_lsp_doc *d, jx_loc l) {
  return json_pack("{s:s,s:o}", "uri", d->uri, "range", jx_lsp_loc_range(d, l));
}

/* The declaration of an indicator's category, when the framework is one
 * the document declares. */
static bool category_at(const jx_declared_framework *f, const jx_indicator *x,
                        const jx_indicator_locs *l, size_t off, jx_loc *to) {
  if (!f || !x->level1 || !jx_lsp_loc_has(l->category, off))
    return false;
  for (size_t i = 0; i < f->n_levels; i++) {
    const jx_declared_category *a = &f->levels[i];
    if (!a->code || strcmp(a->code, x->level1) != 0)
      continue;
    *to = a->code_loc;
    for (size_t j = 0; x->level2 && j < a->n_children; j++)
      if (a->children[j].code && strcmp(a->children[j].code, x->level2) == 0)
        *to = a->children[j].code_loc;
    return true;
  }
  return false;
}

/* The header's `framework NAME`: the word after the keyword, found by
 * lexing the header statement alone. */
typedef struct header_word {
  size_t base, off;
  int prev;
  bool hit;
} header_word;

static void on_header_token(void *ud, const jx_token *t) {
  header_word *h = ud;
  if (t->kind == WORD && h->prev == FRAMEWORK &&
      jx_lsp_loc_has(t->loc, h->off - h->base))
    h->hit = true;
  h->prev = t->kind;
}

static void quiet(void *ud, const jx_diag_record *r) {
  (void)ud;
  (void)r;
}

static bool on_header_framework(const jx_lsp_doc *d, jx_loc header,
                                size_t off) {
  if (!jx_loc_known(header) || off < header.offset)
    return false;
  size_t from = (size_t)header.offset, to = from;
  while (to < d->len && d->text[to] != ';' &&
         !(to + 3 <= d->len && memcmp(d->text + to, "\xEF\xBC\x9B", 3) == 0))
    to++;
  if (off > to)
    return false;
  header_word h = {from, off, 0, false};
  jx_diag *dg = jx_diag_new();
  jx_diag_set_sink(dg, quiet, NULL);
  uint32_t file = jx_diag_add_source(dg, d->path, d->text + from, to - from);
  jx_arena a;
  jx_arena_init(&a);
  jx_lex_mem(d->text + from, to - from, file, dg, &a, on_header_token, &h);
  jx_arena_free(&a);
  jx_diag_free(dg);
  return h.hit;
}

json_t *jx_lsp_definition(jx_lsp *s, json_t *params, json_t **error) {
  (void)error;
  size_t off;
  jx_lsp_doc *d = jx_lsp_param_doc(s, params, &off);
  if (!d)
    return NULL;
  const jx_loaded_plan *lp = d->plan;
  const jx_plan *plan = jx_loaded_model(lp);
  const jx_declared_framework *f = declared(lp, plan->framework);
  if (!f)
    return json_null(); /* built in, or unknown: nowhere to go */
  if (on_header_framework(d, jx_loaded_header_loc(lp), off))
    return location(d, f->name_loc);
  jx_loc to;
  for (size_t u = 0; u < plan->n_units; u++)
    for (size_t k = 0; k < plan->units[u].n_projects; k++) {
      const jx_project *p = &plan->units[u].projects[k];
      const jx_project_locs *l = jx_loaded_project_locs(lp, u, k);
      for (size_t i = 0; i < p->n_indicators; i++)
        if (category_at(f, &p->indicators[i], &l->indicators[i], off, &to))
          return location(d, to);
    }
  return json_null();
}
