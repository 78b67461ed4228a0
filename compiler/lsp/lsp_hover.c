/*
 * lsp_hover.c — textDocument/hover, from the loaded model and its
 * locations table (model_locs.h):
 *
 *   a category      its official labels, level and role in the framework
 *                   in force;
 *   an amount       the budget, a source of funds, or a target in money:
 *                   its value in the plan's currency and in 元;
 *   a schedule      the spending the point implies: that share of the
 *   point           budget, in the plan's currency and in 元;
 *   an indicator    its JSON form, as `jxc build -f json` writes it.
 *
 * Only what checked clean is in the model: in a declaration with an error
 * only its categories have a hover (read from the text, below), the rest
 * waits until it is fixed (its diagnostics say what is wrong).
 */
#include <string.h>

#include "arena.h"
#include "backend.h"
#include "diag.h"
#include "lsp_impl.h"
#include "out.h"
#include "parse.h"
#include "parser.h"
#include "units.h"
#include "vocab.h"

typedef struct hover {
  jx_lsp *s;
  jx_strbuf md; /* the Markdown shown */
  jx_loc at;    /* the range it is about */
} hover;

static const char *dec(jx_decimal d, char buf[JX_DECIMAL_BUFSZ]) {
  jx_decimal_format(d, buf);
  return buf;
}

/* "产出" for JX_ROLE_OUTPUT in Chinese, "output" in English. */
static const char *role_word(jx_role r, jx_lang lang) {
  const char *en = jx_role_text(r);
  unsigned levels;
  int row = en ? jx_vocab_role_find(en, &levels) : -1;
  return row < 0 ? NULL : jx_vocab_role_word(row, lang == JX_LANG_ZH);
}

static void role_line(hover *h, jx_role r) {
  const char *w = role_word(r, h->s->lang);
  jx_strbuf word = {0};
  if (!w)
    jx_lsp_msg(h->s, &word, JX_M_LSP_H_NO_ROLE);
  jx_lsp_msg(h->s, &h->md, JX_M_LSP_H_ROLE, w ? w : word.p);
  jx_sb_puts(&h->md, "\n");
  jx_sb_free(&word);
}

static void category_of(hover *h, const char *framework, const char *l1_label,
                        const char *l1, jx_role l1_role, const char *l2_label,
                        const char *l2, jx_role l2_role) {
  jx_sb_printf(&h->md, "**%s** `%s`  \n", l1_label, l1);
  jx_lsp_msg(h->s, &h->md, JX_M_LSP_H_LEVEL1, framework);
  jx_sb_puts(&h->md, "  \n");
  role_line(h, l1_role);
  jx_sb_printf(&h->md, "\n**%s** `%s`  \n", l2_label, l2);
  jx_lsp_msg(h->s, &h->md, JX_M_LSP_H_LEVEL2, framework, l1_label);
  jx_sb_puts(&h->md, "  \n");
  role_line(h, l2_role);
}

static void category(hover *h, const jx_plan *plan, const jx_indicator *x) {
  category_of(h, plan->framework, x->level1_label, x->level1, x->level1_role,
              x->level2_label, x->level2, x->level2_role);
}

/* An amount in `unit`: in the plan's currency and in 元. */
static void amount(hover *h, jx_decimal v, const jx_unit_info *unit,
                   const jx_unit_info *cur) {
  char a[JX_DECIMAL_BUFSZ];
  jx_decimal c;
  if (jx_unit_convert(v, unit, cur, &c) == JX_DEC_OK)
    jx_lsp_msg(h->s, &h->md, JX_M_LSP_H_AMOUNT, dec(c, a), cur->norm);
  else
    jx_lsp_msg(h->s, &h->md, JX_M_LSP_H_NOT_EXACT, cur->norm);
  jx_sb_puts(&h->md, "  \n");
  const jx_unit_info *yuan = jx_currency_lookup("元");
  if (jx_unit_convert(v, unit, yuan, &c) == JX_DEC_OK)
    jx_lsp_msg(h->s, &h->md, JX_M_LSP_H_YUAN, dec(c, a));
  else
    jx_lsp_msg(h->s, &h->md, JX_M_LSP_H_NOT_EXACT, yuan->norm);
  jx_sb_puts(&h->md, "\n");
}

static void schedule(hover *h, const jx_project *p, const jx_schedule_point *pt,
                     const jx_unit_info *cur) {
  char a[JX_DECIMAL_BUFSZ], b[JX_DECIMAL_BUFSZ];
  jx_decimal spent;
  /* budget × percent / 100, exactly (micros over 100 × 10^6). */
  if (jx_decimal_scale(p->budget, pt->percent.micros,
                       (int64_t)100 * JX_DECIMAL_SCALE, &spent) != JX_DEC_OK) {
    jx_lsp_msg(h->s, &h->md, JX_M_LSP_H_NOT_EXACT, cur->norm);
    jx_sb_puts(&h->md, "\n");
    return;
  }
  jx_lsp_msg(h->s, &h->md, JX_M_LSP_H_SCHEDULE, pt->month, dec(pt->percent, a),
             dec(spent, b), cur->norm);
  jx_sb_puts(&h->md, "  \n");
  const jx_unit_info *yuan = jx_currency_lookup("元");
  jx_decimal y;
  if (jx_unit_convert(spent, cur, yuan, &y) == JX_DEC_OK)
    jx_lsp_msg(h->s, &h->md, JX_M_LSP_H_YUAN, dec(y, a));
  else
    jx_lsp_msg(h->s, &h->md, JX_M_LSP_H_NOT_EXACT, yuan->norm);
  jx_sb_puts(&h->md, "\n");
}

static void indicator_json(hover *h, const jx_indicator *x) {
  jx_lsp_msg(h->s, &h->md, JX_M_LSP_H_INDICATOR);
  jx_sb_puts(&h->md, "\n\n```json\n");
  jx_out o;
  jx_out_init_mem(&o);
  jx_emit_json_indicator(&o, x);
  size_t n;
  const char *p = jx_out_data(&o, &n);
  jx_sb_add(&h->md, p, n);
  jx_out_free(&o);
  jx_sb_puts(&h->md, "\n```\n");
}

/* An indicator's parts: the category, a value in money, or the rest. */
static bool indicator(hover *h, const jx_plan *plan, const jx_indicator *x,
                      const jx_indicator_locs *l, const jx_unit_info *cur,
                      size_t off) {
  if (jx_lsp_loc_has(l->category, off) && x->level1) {
    h->at = l->category;
    category(h, plan, x);
    return true;
  }
  if (jx_lsp_loc_has(l->value, off) && x->kind == JX_KIND_QUANTITATIVE &&
      x->dimension == JX_DIM_MONEY && x->unit) {
    const jx_unit_info *u = jx_unit_lookup(x->unit, strlen(x->unit));
    if (u) {
      h->at = l->value;
      amount(h, x->value, u, cur);
      return true;
    }
  }
  const jx_loc parts[] = {l->decl, l->name, l->op,   l->value,
                          l->unit, l->desc, l->basis};
  for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
    if (jx_lsp_loc_has(parts[i], off)) {
      h->at = parts[i];
      indicator_json(h, x);
      return true;
    }
  return false;
}

static bool project(hover *h, const jx_plan *plan, const jx_project *p,
                    const jx_project_locs *l, const jx_unit_info *cur,
                    size_t off) {
  if (jx_lsp_loc_has(l->budget.value, off) ||
      jx_lsp_loc_has(l->budget.stmt, off)) {
    h->at =
        jx_lsp_loc_has(l->budget.value, off) ? l->budget.value : l->budget.stmt;
    amount(h, p->budget, cur, cur);
    return true;
  }
  if (jx_lsp_loc_has(l->fiscal, off) || jx_lsp_loc_has(l->other, off)) {
    bool fiscal = jx_lsp_loc_has(l->fiscal, off);
    h->at = fiscal ? l->fiscal : l->other;
    amount(h, fiscal ? p->fiscal : p->other, cur, cur);
    return true;
  }
  for (size_t i = 0; i < p->n_schedule; i++)
    if (jx_lsp_loc_has(l->points[i].month, off) ||
        jx_lsp_loc_has(l->points[i].percent, off)) {
      h->at = jx_lsp_loc_has(l->points[i].month, off) ? l->points[i].month
                                                      : l->points[i].percent;
      schedule(h, p, &p->schedule[i], cur);
      return true;
    }
  for (size_t i = 0; i < p->n_indicators; i++)
    if (indicator(h, plan, &p->indicators[i], &l->indicators[i], cur, off))
      return true;
  return false;
}

static bool department(hover *h, const jx_plan *plan,
                       const jx_department_locs *l, const jx_unit_info *cur,
                       size_t off) {
  const jx_department *d = plan->department;
  for (size_t i = 0; i < d->n_indicators; i++)
    if (indicator(h, plan, &d->indicators[i], &l->indicators[i], cur, off))
      return true;
  for (size_t v = 0; v < d->n_divisions; v++)
    for (size_t i = 0; i < d->divisions[v].n_indicators; i++)
      if (indicator(h, plan, &d->divisions[v].indicators[i],
                    &l->divisions[v].indicators[i], cur, off))
        return true;
  return false;
}

/* ---- a category in a declaration that did not check clean ---------------
 *
 * Such a declaration is not in the model, but its categories still mean
 * something: a clerk hovers 满意度指标 to see why ≥90人 is wrong.  The
 * cursor's line is lexed (the compiler's lexer, so a path is what jxc
 * reads as one) and the path under the cursor resolved in the framework
 * in force. */

typedef struct path_at {
  size_t off; /* the cursor, relative to the line */
  jx_loc loc; /* the path found */
  bool found;
} path_at;

static void on_path(void *ud, const jx_token *t) {
  path_at *p = ud;
  if (t->kind == PATH && !p->found && jx_lsp_loc_has(t->loc, p->off)) {
    p->loc = t->loc;
    p->found = true;
  }
}

static void quiet(void *ud, const jx_diag_record *r) {
  (void)ud;
  (void)r;
}

static bool category_in_text(hover *h, const jx_lsp_doc *d, size_t off) {
  jx_lsp_pos p = jx_lsp_pos_at(&d->lines, d->text, d->len, off);
  size_t from = d->lines.start[p.line];
  size_t to = p.line + 1 < d->lines.n ? d->lines.start[p.line + 1] : d->len;
  path_at at = {off - from, {0}, false};
  jx_diag *dg = jx_diag_new();
  jx_diag_set_sink(dg, quiet, NULL);
  jx_diag_set_max_errors(dg, 0);
  uint32_t file = jx_diag_add_source(dg, d->path, d->text + from, to - from);
  jx_arena a;
  jx_arena_init(&a);
  jx_lex_mem(d->text + from, to - from, file, dg, &a, on_path, &at);
  jx_arena_free(&a);
  jx_diag_free(dg);
  if (!at.found || at.loc.len > 512)
    return false;
  /* level1 . level2, the dot narrow or wide (．) */
  char l1[513], l2[513];
  const char *w = d->text + from + at.loc.offset;
  size_t n = at.loc.len, i = 0, dl = 0;
  for (; i < n; i++) {
    if (w[i] == '.') {
      dl = 1;
      break;
    }
    if (n - i >= 3 && memcmp(w + i, "\xEF\xBC\x8E", 3) == 0) {
      dl = 3;
      break;
    }
  }
  if (!dl)
    return false;
  memcpy(l1, w, i);
  l1[i] = '\0';
  memcpy(l2, w + i + dl, n - i - dl);
  l2[n - i - dl] = '\0';
  const jx_framework *fw = jx_loaded_framework(d->plan);
  const jx_level1 *c1;
  const jx_level2 *c2;
  if (!jx_framework_resolve(fw, l1, l2, &c1, &c2))
    return false;
  category_of(h, fw->name, c1->label, c1->code, c1->role, c2->label, c2->code,
              c2->role);
  h->at = at.loc;
  h->at.offset += from;
  return true;
}

json_t *jx_lsp_hover(jx_lsp *s, json_t *params, json_t **error) {
  (void)error;
  size_t off;
  jx_lsp_doc *d = jx_lsp_param_doc(s, params, &off);
  if (!d)
    return NULL;
  const jx_loaded_plan *lp = d->plan;
  const jx_plan *plan = jx_loaded_model(lp);
  hover h = {s, {0}, {0}};
  bool found = false;
  for (size_t u = 0; u < plan->n_units && !found; u++)
    for (size_t k = 0; k < plan->units[u].n_projects && !found; k++)
      found = project(&h, plan, &plan->units[u].projects[k],
                      jx_loaded_project_locs(lp, u, k),
                      jx_loaded_project_currency(lp, u, k), off);
  if (!found && plan->department)
    found = department(&h, plan, jx_loaded_department_locs(lp),
                       jx_loaded_currency(lp), off);
  if (!found)
    found = category_in_text(&h, d, off);
  json_t *r = json_null();
  if (found) {
    r = json_pack("{s:{s:s,s:o},s:o}", "contents", "kind", "markdown", "value",
                  jx_lsp_strn(h.md.p ? h.md.p : "", h.md.n), "range",
                  jx_lsp_loc_range(d, h.at));
  }
  jx_sb_free(&h.md);
  return r;
}
