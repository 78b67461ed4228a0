/*
 * lsp_doc.c — the open documents: their text (edited as the client says),
 * loading each through the compiler's loader, and its diagnostics.
 *
 * A document is loaded whole, from its text in memory, in the loader's
 * WHOLE mode: the same passes as `jxc check`, with the settings of the
 * jxc.ini above it (lsp_config.c), and a model with the place of every
 * field for the other features.  The diagnostics arrive as records
 * (diag.h) and become LSP Diagnostics in lsp_diagnose.c.
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
