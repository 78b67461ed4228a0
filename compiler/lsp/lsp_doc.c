/*
 * lsp_doc.c — the open documents: their text (edited as the client says),
 * loading each through the compiler's loader, and its diagnostics.
 *
 * A document is loaded whole, from its text in memory, in the loader's
 * WHOLE mode: the same passes as `jxc check`, with the settings of the
 * jxc.ini above it (lsp_config.c), and a model with the place of every
 * field for the other features.  The diagnostics arrive as records
 * (diag.h) and are worded here, in the document's language, as LSP
 * Diagnostics: code, severity, the notes with a place as related
 * information (the budget a cost exceeds), the help lines below the
 * message, and each record's fix-its kept for code actions.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "lsp_impl.h"

/* ---- the store ------------------------------------------------------------
 */

jx_lsp_doc *jx_lsp_doc_find(jx_lsp *s, const char *uri) {
  for (jx_lsp_doc *d = s->docs; d; d = d->next)
    if (strcmp(d->uri, uri) == 0)
      return d;
  return NULL;
}

static int hexval(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* file:///a/b%20c.jx -> /a/b c.jx; any other URI names itself.  A name
 * for messages, and where jxc.ini is looked for: the server never opens
 * the document itself. */
char *jx_lsp_uri_path(const char *uri) {
  const char prefix[] = "file://";
  if (strncmp(uri, prefix, sizeof prefix - 1) != 0)
    return jx_lsp_strdup(uri);
  const char *p = uri + sizeof prefix - 1;
  char *out = jx_xmalloc(strlen(p) + 1), *o = out;
  for (; *p; p++) {
    int a, b;
    if (*p == '%' && (a = hexval(p[1])) >= 0 && (b = hexval(p[2])) >= 0 &&
        (a || b)) {
      *o++ = (char)(a * 16 + b);
      p += 2;
    } else {
      *o++ = *p;
    }
  }
  *o = '\0';
  return out;
}

static void clear_load(jx_lsp_doc *d) {
  jx_loaded_free(d->plan);
  d->plan = NULL;
  json_decref(d->diags);
  d->diags = NULL;
  for (size_t i = 0; i < d->n_fixes; i++)
    free(d->fixes[i].text);
  d->n_fixes = 0;
}

static void set_text(jx_lsp_doc *d, const char *text, size_t len) {
  if (len + 1 > d->cap) {
    d->cap = len + 1;
    d->text = jx_xrealloc(d->text, d->cap);
  }
  memcpy(d->text, text, len);
  d->text[len] = '\0';
  d->len = len;
  jx_lsp_lines_build(&d->lines, d->text, d->len);
  d->dirty = true;
}

jx_lsp_doc *jx_lsp_doc_open(jx_lsp *s, const char *uri, const char *text,
                            size_t len, int64_t version) {
  jx_lsp_doc *d = jx_lsp_doc_find(s, uri);
  if (!d) {
    d = jx_xcalloc(1, sizeof *d);
    d->uri = jx_lsp_strdup(uri);
    d->lang = s->lang_server;
    d->path = jx_lsp_uri_path(uri);
    d->next = s->docs;
    s->docs = d;
  }
  d->version = version;
  set_text(d, text, len);
  return d;
}

static void doc_free(jx_lsp_doc *d) {
  clear_load(d);
  free(d->fixes);
  free(d->uri);
  free(d->path);
  free(d->text);
  jx_lsp_lines_free(&d->lines);
  free(d);
}

void jx_lsp_doc_close(jx_lsp *s, const char *uri) {
  for (jx_lsp_doc **p = &s->docs; *p; p = &(*p)->next)
    if (strcmp((*p)->uri, uri) == 0) {
      jx_lsp_doc *d = *p;
      *p = d->next;
      /* Its diagnostics go with it (the client may keep showing them). */
      jx_lsp_notify(s, "textDocument/publishDiagnostics",
                    json_pack("{s:s,s:[]}", "uri", d->uri, "diagnostics"));
      doc_free(d);
      return;
    }
}

void jx_lsp_doc_free_all(jx_lsp *s) {
  while (s->docs) {
    jx_lsp_doc *d = s->docs;
    s->docs = d->next;
    doc_free(d);
  }
}

/* One contentChange: {text} replaces everything, {range, text} a part. */
static bool apply(jx_lsp_doc *d, json_t *c) {
  json_t *t = json_object_get(c, "text");
  if (!json_is_string(t))
    return false;
  const char *text = json_string_value(t);
  size_t n = json_string_length(t);
  json_t *range = json_object_get(c, "range");
  if (!range) {
    set_text(d, text, n);
    return true;
  }
  size_t from, to;
  if (!jx_lsp_param_range(d, range, &from, &to))
    return false;
  size_t len = d->len - (to - from) + n;
  if (len + 1 > d->cap) {
    size_t cap = d->cap ? d->cap : 256;
    while (cap < len + 1)
      cap *= 2;
    d->text = jx_xrealloc(d->text, cap);
    d->cap = cap;
  }
  memmove(d->text + from + n, d->text + to, d->len - to);
  memcpy(d->text + from, text, n);
  d->len = len;
  d->text[len] = '\0';
  jx_lsp_lines_build(&d->lines, d->text, d->len);
  d->dirty = true;
  return true;
}

bool jx_lsp_doc_change(jx_lsp_doc *d, json_t *changes, int64_t version) {
  if (!json_is_array(changes))
    return false;
  size_t i;
  json_t *c;
  json_array_foreach(changes, i, c) {
    if (!apply(d, c))
      return false;
  }
  d->version = version;
  return true;
}

/* ---- loading and diagnostics -------------------------------------------- */

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

typedef struct loading {
  jx_lsp_doc *d;
  const jx_config *cfg;
} loading;

/* The load `jxc check` would run in the document's folder: jxc.ini's
 * [plan] defaults, its warnings, werror and max-errors (the server
 * already capped the errors at check's default; the file's cap, 0 for
 * none among them, keeps the two lists the same). */
static void run_load(void *ud, jx_diag *dg) {
  loading *l = ud;
  jx_lsp_doc *d = l->d;
  jx_load_text text = {d->text, d->len};
  const char *paths[1] = {d->path};
  jx_load_job job;
  memset(&job, 0, sizeof job);
  job.paths = paths;
  job.texts = &text;
  job.n = 1;
  job.mode = JX_LOAD_WHOLE;
  if (l->cfg) {
    if (l->cfg->werror >= 0)
      jx_diag_set_werror(dg, l->cfg->werror == 1);
    if (l->cfg->max_errors >= 0)
      jx_diag_set_max_errors(dg, l->cfg->max_errors);
    jx_config_warnings(l->cfg, dg);
    jx_config_job(l->cfg, &job);
  }
  jx_load(&job, dg, &d->plan);
}

static void load(jx_lsp *s, jx_lsp_doc *d) {
  clear_load(d);
  d->diags = json_array();
  loading l = {d, jx_lsp_config(s, d)};
  /* The client's language (or --lang) wins over the file's. */
  d->lang = !s->lang_fixed && l.cfg && l.cfg->lang >= 0 ? (jx_lang)l.cfg->lang
                                                        : s->lang_server;
  jx_lsp_doc_diagnose(s, d, run_load, &l);
  d->dirty = false;
}

void jx_lsp_doc_refresh(jx_lsp *s, jx_lsp_doc *d) {
  if (!d->dirty && d->plan)
    return;
  load(s, d);
  jx_lsp_notify(s, "textDocument/publishDiagnostics",
                json_pack("{s:s,s:I,s:O}", "uri", d->uri, "version",
                          (json_int_t)d->version, "diagnostics", d->diags));
}

void jx_lsp_refresh_all(jx_lsp *s) {
  for (jx_lsp_doc *d = s->docs; d; d = d->next)
    jx_lsp_doc_refresh(s, d);
}

/* ---- the document a request names -----------------------------------------
 */

jx_lsp_doc *jx_lsp_param_doc(jx_lsp *s, json_t *params, size_t *off) {
  json_t *td = json_object_get(params, "textDocument");
  const char *uri = json_string_value(json_object_get(td, "uri"));
  jx_lsp_doc *d = uri ? jx_lsp_doc_find(s, uri) : NULL;
  if (!d)
    return NULL;
  jx_lsp_doc_refresh(s, d);
  s->lang = d->lang; /* the reply's words: until the request is answered */
  if (off) {
    jx_lsp_pos p;
    if (!jx_lsp_param_pos(json_object_get(params, "position"), &p))
      return NULL;
    *off = jx_lsp_offset_at(&d->lines, d->text, d->len, p);
  }
  return d;
}
