/*
 * lsp_actions.c — textDocument/codeAction: a quick fix for each fix-it
 * the last load's diagnostics carry (diag.h): the keyword a misspelt word
 * was meant to be, the category a misspelt path was, the % a
 * satisfaction target lacks, an amount written in a smaller unit that
 * holds it exactly, a cost over the budget that was in a smaller unit, a
 * cost with no unit (two alternatives: 万元 or 元).  The server invents no
 * fix of its own: what the checker knows, it offers; a diagnostic's only
 * fix is preferred, one of several is not.
 */
#include <string.h>

#include "lsp_impl.h"

static bool wanted(json_t *only) {
  if (!json_is_array(only))
    return true;
  size_t i;
  json_t *k;
  json_array_foreach(only, i, k) {
    const char *kind = json_string_value(k);
    if (kind && (strcmp(kind, "quickfix") == 0 || strcmp(kind, "") == 0))
      return true;
  }
  return false;
}

json_t *jx_lsp_code_action(jx_lsp *s, json_t *params, json_t **error) {
  (void)error;
  jx_lsp_doc *d = jx_lsp_param_doc(s, params, NULL);
  size_t from, to;
  if (!d ||
      !jx_lsp_param_range(d, json_object_get(params, "range"), &from, &to))
    return NULL;
  json_t *out = json_array();
  if (!wanted(json_object_get(json_object_get(params, "context"), "only")))
    return out;
  for (size_t i = 0; i < d->n_fixes; i++) {
    const jx_lsp_fix *f = &d->fixes[i];
    /* Anywhere on the diagnostic or on what the fix changes. */
    bool on_fix = f->off <= to && f->off + f->len >= from;
    bool on_diag = f->diag_off <= to && f->diag_off + f->diag_len >= from;
    if (!on_fix && !on_diag)
      continue;
    jx_strbuf title = {0};
    if (f->len) {
      json_t *old = jx_lsp_strn(d->text + f->off, f->len);
      jx_lsp_msg(s, &title, JX_M_LSP_A_REPLACE, json_string_value(old),
                 f->text);
      json_decref(old);
    } else {
      jx_lsp_msg(s, &title, JX_M_LSP_A_INSERT, f->text);
    }
    json_t *edit =
        json_pack("{s:o,s:o}", "range", jx_lsp_range(d, f->off, f->len),
                  "newText", jx_lsp_str(f->text));
    json_t *changes = json_object();
    json_object_set_new(changes, d->uri, json_pack("[o]", edit));
    /* One fix is the fix; of several (万元 or 元?) the user chooses, and
     * an editor's "fix all" must not.  A diagnostic's fixes are kept
     * together. */
    bool alone = (i == 0 || d->fixes[i - 1].diag != f->diag) &&
                 (i + 1 == d->n_fixes || d->fixes[i + 1].diag != f->diag);
    json_t *dg = json_array_get(d->diags, f->diag);
    json_t *action =
        json_pack("{s:o,s:s,s:[O],s:b,s:{s:o}}", "title",
                  jx_lsp_strn(title.p ? title.p : "", title.n), "kind",
                  "quickfix", "diagnostics", dg ? dg : json_null(),
                  "isPreferred", alone, "edit", "changes", changes);
    json_array_append_new(out, action);
    jx_sb_free(&title);
  }
  return out;
}
