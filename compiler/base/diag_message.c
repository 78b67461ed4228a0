/*
 * diag_message.c — a record's message in words, in either language: its
 * part's format from the catalog filled with the arguments the record
 * captured when it was reported.  Below the renderers (diag_text.c,
 * diag_json.c) and beside the engine, so that a renderer needs nothing of
 * the engine but the record it is given.
 */
#include "diag.h"

void jx_diag_message(jx_strbuf *out, const jx_diag_record *r,
                     const jx_diag_part *p, jx_lang lang) {
  jx_format(out, jx_diag_format_string(p->id, lang), &p->args, r->pool, lang);
}
