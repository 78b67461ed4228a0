/*
 * lsp_diagnose.c — a diagnostics engine whose records become a
 * document's LSP Diagnostics: the code, the severity, the notes with a
 * place as related information (the budget a cost exceeds), the help
 * lines below the message, and each record's fix-its kept for code
 * actions, worded in the document's language.
 *
 * Used for the documents' loads (lsp_doc.c) and for jxc.ini's mistakes
 * (lsp_config.c), so neither calls the other for it.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "lsp_impl.h"

typedef struct collect {
  jx_lsp *s;
  jx_lsp_doc *d;
  jx_strbuf sb;
} collect;

static int lsp_severity(jx_severity sev) {
  switch (sev) {
  case JX_SEV_ERROR:
    return 1;
  case JX_SEV_WARNING:
    return 2;
  case JX_SEV_NOTE:
    return 3;
  default:
    return 4;
  }
}

/* A place of this document (the only input of its load). */
static bool here(const jx_lsp_doc *d, jx_loc l) {
  return jx_loc_known(l) && l.offset <= d->len && l.offset + l.len <= d->len;
}

static void on_record(void *ud, const jx_diag_record *r) {
  collect *c = ud;
  jx_lsp_doc *d = c->d;
  jx_lang lang = d->lang;
  json_t *dg = json_object();
  jx_loc at = r->main.at.loc;
  json_object_set_new(dg, "range",
                      here(d, at) ? jx_lsp_loc_range(d, at)
                                  : jx_lsp_range(d, 0, 0));
  json_object_set_new(dg, "severity", json_integer(lsp_severity(r->main.sev)));
  if (r->code)
    json_object_set_new(dg, "code", jx_lsp_str(r->code));
  json_object_set_new(dg, "source", json_string("jxc"));
  jx_sb_clear(&c->sb);
  jx_diag_message(&c->sb, r, &r->main, lang);
  json_t *related = json_array();
  for (size_t i = 0; i < r->n_notes; i++) {
    const jx_diag_part *n = &r->notes[i];
    if (n->sev == JX_SEV_NOTE && here(d, n->at.loc)) {
      jx_strbuf m = {0};
      jx_diag_message(&m, r, n, lang);
      json_array_append_new(
          related, json_pack("{s:{s:s,s:o},s:o}", "location", "uri", d->uri,
                             "range", jx_lsp_loc_range(d, n->at.loc), "message",
                             jx_lsp_strn(m.p ? m.p : "", m.n)));
      jx_sb_free(&m);
    } else {
      /* Help (did you mean, what was expected) reads as part of it. */
      jx_sb_puts(&c->sb, "\n");
      jx_diag_message(&c->sb, r, n, lang);
    }
  }
  json_object_set_new(dg, "message",
                      jx_lsp_strn(c->sb.p ? c->sb.p : "", c->sb.n));
  if (json_array_size(related))
    json_object_set_new(dg, "relatedInformation", related);
  else
    json_decref(related);
  size_t index = json_array_size(d->diags);
  for (size_t i = 0; i < r->n_fixits; i++) {
    jx_loc l = r->fixits[i].at.loc;
    if (!here(d, l))
      continue;
    if (d->n_fixes == d->cap_fixes) {
      d->cap_fixes = d->cap_fixes ? 2 * d->cap_fixes : 8;
      d->fixes = jx_xrealloc(d->fixes, d->cap_fixes * sizeof *d->fixes);
    }
    jx_lsp_fix *f = &d->fixes[d->n_fixes++];
    f->diag = index;
    f->diag_off = here(d, at) ? (size_t)at.offset : 0;
    f->diag_len = here(d, at) ? at.len : 0;
    f->off = (size_t)l.offset;
    f->len = l.len;
    f->text = jx_lsp_strdup(r->fixits[i].text);
  }
  json_array_append_new(d->diags, dg);
}

void jx_lsp_doc_diagnose(jx_lsp *s, jx_lsp_doc *d, jx_lsp_run fn, void *ud) {
  collect c = {s, d, {0}};
  jx_diag *dg = jx_diag_new();
  jx_diag_set_sink(dg, on_record, &c);
  jx_diag_set_lang(dg, d->lang);
  fn(ud, dg);
  jx_diag_flush(dg);
  jx_diag_free(dg);
  jx_sb_free(&c.sb);
}
