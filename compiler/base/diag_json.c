/*
 * diag_json.c — a diagnostic record as one line of JSON, for editors and
 * CI (`--diagnostics=json`, docs/diagnostics.md "JSON output"):
 *
 *   {"file":…,"line":…,"column":…,"end_line":…,"end_column":…,
 *    "byte_offset":…,"severity":"error","code":…,"message":…,"notes":[…],
 *    "fixits":[…]}
 *
 * "fixits" only where the record has fix-its: the edits that cure it, each
 * an alternative (what a language server offers as quick fixes).
 *
 * Keys and the severity are a format, not words: they stay English in
 * every language; the message is in the language asked for.
 */
#include "diag.h"

#include <string.h>

#include "json.h"

/* One escaper for every JSON jxc writes (json.h); null for NULL. */
static void json_cstr(jx_strbuf *o, const char *s) {
  jx_json_string_sb(o, s);
}

static const char *sev_name(jx_severity s) {
  static const char *const names[] = {"help", "note", "warning", "error"};
  return names[s <= JX_SEV_ERROR ? s : JX_SEV_ERROR];
}

static void json_message(jx_strbuf *o, const jx_diag_record *r,
                         const jx_diag_part *p, jx_lang lang, jx_strbuf *tmp) {
  jx_sb_clear(tmp);
  jx_diag_message(tmp, r, p, lang);
  jx_json_string_sb(o, tmp->p ? tmp->p : "");
}

void jx_diag_render_json(jx_strbuf *o, const jx_diag_record *r, jx_lang lang) {
  jx_strbuf tmp = {0};
  const jx_diag_part *m = &r->main;
  jx_sb_puts(o, "{\"file\":");
  if (m->at.loc.line == 0) {
    json_cstr(o, r->file);
    jx_sb_puts(o, ",\"line\":0,\"column\":0,\"end_line\":0,"
                  "\"end_column\":0,\"byte_offset\":0");
  } else {
    json_cstr(o, m->at.path);
    jx_sb_printf(o,
                 ",\"line\":%lu,\"column\":%lu,\"end_line\":%lu,"
                 "\"end_column\":%lu,\"byte_offset\":%llu",
                 (unsigned long)m->at.loc.line, (unsigned long)m->at.col,
                 (unsigned long)m->at.loc.line, (unsigned long)m->at.end_col,
                 (unsigned long long)m->at.loc.offset);
  }
  jx_sb_printf(o, ",\"severity\":\"%s\",\"code\":", sev_name(m->sev));
  json_cstr(o, r->code);
  jx_sb_puts(o, ",\"message\":");
  json_message(o, r, m, lang, &tmp);
  jx_sb_puts(o, ",\"notes\":[");
  for (size_t i = 0; i < r->n_notes; i++) {
    const jx_diag_part *nt = &r->notes[i];
    jx_sb_printf(o, "%s{\"severity\":\"%s\",\"message\":", i ? "," : "",
                 sev_name(nt->sev));
    json_message(o, r, nt, lang, &tmp);
    if (nt->sev == JX_SEV_NOTE && nt->at.loc.line != 0) {
      jx_sb_puts(o, ",\"file\":");
      json_cstr(o, nt->at.path);
      jx_sb_printf(o, ",\"line\":%lu,\"column\":%lu,\"end_column\":%lu",
                   (unsigned long)nt->at.loc.line, (unsigned long)nt->at.col,
                   (unsigned long)nt->at.end_col);
    }
    jx_sb_puts(o, "}");
  }
  jx_sb_puts(o, "]");
  for (size_t i = 0; i < r->n_fixits; i++) {
    const jx_diag_fixit *f = &r->fixits[i];
    jx_sb_puts(o, i ? ",{\"file\":" : ",\"fixits\":[{\"file\":");
    json_cstr(o, f->at.path);
    jx_sb_printf(o,
                 ",\"line\":%lu,\"column\":%lu,\"end_line\":%lu,"
                 "\"end_column\":%lu,\"byte_offset\":%llu,\"byte_length\":%lu,"
                 "\"text\":",
                 (unsigned long)f->at.loc.line, (unsigned long)f->at.col,
                 (unsigned long)f->at.loc.line, (unsigned long)f->at.end_col,
                 (unsigned long long)f->at.loc.offset,
                 (unsigned long)f->at.loc.len);
    json_cstr(o, f->text);
    jx_sb_puts(o, i + 1 == r->n_fixits ? "}]" : "}");
  }
  jx_sb_puts(o, "}\n");
  jx_sb_free(&tmp);
}
