/*
 * lsp_config.c — jxc.ini in the language server: the file above each
 * document, found and read as `jxc check` finds and reads it
 * (compiler/load/config_file.h), so that an editor shows what check
 * prints in the same folder.
 *
 * Each file read is kept, by its path (one per folder that has one),
 * with the stat() of its last reading; every load of a document finds
 * its file again (a stat() per folder up to the root) and compares that
 * stamp, so a jxc.ini written, moved in or removed is seen at the next
 * load without the client's help.  A client that can watch files is asked
 * to (workspace/didChangeWatchedFiles on **\/jxc.ini): then a change to
 * jxc.ini loads every open document again at once.
 *
 * A mistake in the file is published as a diagnostic on the jxc.ini (an
 * editor lists it under that file, at its line and column, with check's
 * words; cleared when it is mended) and the documents under it are
 * loaded as if it were not there.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "lsp_impl.h"
#include "lsp_rpc.h"

typedef struct jx_lsp_ini {
  struct jx_lsp_ini *next;
  char *path;
  /* the file as it was read */
  dev_t dev;
  ino_t ino;
  off_t size;
  struct timespec mtime;
  jx_config *cfg; /* NULL: it has a mistake */
  bool shown;     /* diagnostics of ours are on it */
} jx_lsp_ini;

/* ---- its URI and its diagnostics ------------------------------------- */

static void publish(jx_lsp *s, const char *path, json_t *diags) {
  char *uri = jx_lsp_path_uri(path);
  jx_lsp_notify(s, "textDocument/publishDiagnostics",
                json_pack("{s:s,s:o}", "uri", uri, "diagnostics", diags));
  free(uri);
}

/* Reading it: the text becomes the pseudo-document's once it is read, so
 * that the mistake's place is turned into a range of its lines. */
typedef struct reading {
  const char *path;
  jx_lsp_doc *as_doc;
  jx_config *cfg;
  int rc;
} reading;

static void run_read(void *ud, jx_diag *dg) {
  reading *r = ud;
  r->rc = jx_config_read(r->path, dg, &r->cfg);
  if (r->cfg) {
    r->as_doc->text = r->cfg->text;
    r->as_doc->len = r->cfg->len;
    jx_lsp_lines_build(&r->as_doc->lines, r->cfg->text, r->cfg->len);
  }
}

/* Reads the file again: its settings, or its mistake published on it. */
static void read_ini(jx_lsp *s, jx_lsp_ini *e) {
  jx_config_free(e->cfg);
  e->cfg = NULL;
  jx_lsp_doc as_doc;
  memset(&as_doc, 0, sizeof as_doc);
  as_doc.uri = jx_lsp_path_uri(e->path);
  as_doc.path = e->path;
  /* Worded as the command line words it: the file's own lang is not in
   * force while it is wrong. */
  as_doc.lang = s->lang_server;
  as_doc.diags = json_array();
  as_doc.text = (char *)""; /* until it is read (a read error: no place) */
  jx_lsp_lines_build(&as_doc.lines, as_doc.text, 0);
  reading r = {e->path, &as_doc, NULL, 0};
  jx_lsp_doc_diagnose(s, &as_doc, run_read, &r);
  if (r.rc == 0) {
    e->cfg = r.cfg;
    if (e->shown)
      publish(s, e->path, json_array());
    e->shown = false;
  } else {
    jx_config_free(r.cfg);
    publish(s, e->path, json_incref(as_doc.diags));
    e->shown = true;
  }
  for (size_t i = 0; i < as_doc.n_fixes; i++)
    free(as_doc.fixes[i].text);
  free(as_doc.fixes);
  json_decref(as_doc.diags);
  jx_lsp_lines_free(&as_doc.lines);
  free(as_doc.uri);
}

/* ---- the files kept --------------------------------------------------- */

static void drop(jx_lsp *s, jx_lsp_ini **at) {
  jx_lsp_ini *e = *at;
  *at = e->next;
  if (e->shown)
    publish(s, e->path, json_array());
  jx_config_free(e->cfg);
  free(e->path);
  free(e);
}

static bool same_stamp(const jx_lsp_ini *e, const struct stat *st) {
  return e->dev == st->st_dev && e->ino == st->st_ino &&
         e->size == st->st_size && e->mtime.tv_sec == st->st_mtim.tv_sec &&
         e->mtime.tv_nsec == st->st_mtim.tv_nsec;
}

const jx_config *jx_lsp_config(jx_lsp *s, const jx_lsp_doc *d) {
  /* Only from an absolute path: never from the server's own folder. */
  char *path = NULL;
  if (strncmp(d->uri, "file://", 7) == 0) {
    if (d->path[0] == '/')
      path = jx_config_find(d->path);
  } else if (s->root && s->root[0] == '/') {
    path = jx_config_find_in(s->root);
  }
  struct stat st;
  /* A file with a mistake shown on it that is gone (removed with no word
   * from the client): its diagnostics go with it. */
  for (jx_lsp_ini **g = &s->inis; *g;)
    if ((*g)->shown && stat((*g)->path, &st) != 0)
      drop(s, g);
    else
      g = &(*g)->next;
  if (!path || stat(path, &st) != 0) {
    free(path);
    return NULL;
  }
  jx_lsp_ini **at = &s->inis;
  while (*at && strcmp((*at)->path, path) != 0)
    at = &(*at)->next;
  jx_lsp_ini *e = *at;
  if (e && same_stamp(e, &st)) {
    free(path);
    return e->cfg;
  }
  bool again = e != NULL;
  if (!e) {
    e = jx_xcalloc(1, sizeof *e);
    e->path = path;
    e->next = s->inis;
    s->inis = e;
  } else {
    free(path);
  }
  e->dev = st.st_dev;
  e->ino = st.st_ino;
  e->size = st.st_size;
  e->mtime = st.st_mtim;
  read_ini(s, e);
  /* The other documents loaded read it as it was. */
  for (jx_lsp_doc *o = s->docs; again && o; o = o->next)
    if (o != d)
      o->dirty = true;
  return e->cfg;
}

void jx_lsp_config_changed(jx_lsp *s, json_t *params) {
  json_t *changes = json_object_get(params, "changes"), *c;
  size_t i;
  bool any = false;
  json_array_foreach(changes, i, c) {
    const char *uri = json_string_value(json_object_get(c, "uri"));
    const char *base = uri ? strrchr(uri, '/') : NULL;
    if (!base || strcmp(base + 1, JX_CONFIG_NAME) != 0)
      continue;
    any = true;
    /* Read again at the next load; one that is gone is forgotten, with
     * what was published on it. */
    char *path = jx_lsp_uri_path(uri);
    struct stat st;
    for (jx_lsp_ini **at = &s->inis; *at; at = &(*at)->next)
      if (strcmp((*at)->path, path) == 0) {
        if (stat(path, &st) != 0)
          drop(s, at);
        else
          (*at)->size = -1;
        break;
      }
    free(path);
  }
  /* A file created or removed may change which one a document finds. */
  for (jx_lsp_doc *d = s->docs; any && d; d = d->next)
    d->dirty = true;
}

void jx_lsp_config_watch(jx_lsp *s) {
  if (!s->watch || s->out_gone)
    return;
  s->watch = false; /* once */
  json_t *m =
      json_pack("{s:s,s:s,s:s,s:{s:[{s:s,s:s,s:{s:[{s:s}]}}]}}", "jsonrpc",
                "2.0", "id", "jxc.ini", "method", "client/registerCapability",
                "params", "registrations", "id", "jxc.ini", "method",
                "workspace/didChangeWatchedFiles", "registerOptions",
                "watchers", "globPattern", "**/" JX_CONFIG_NAME);
  if (!jx_rpc_write(s->out_fd, m))
    s->out_gone = true;
  json_decref(m);
}

void jx_lsp_config_free_all(jx_lsp *s) {
  while (s->inis) {
    jx_lsp_ini *e = s->inis;
    s->inis = e->next;
    jx_config_free(e->cfg);
    free(e->path);
    free(e);
  }
}
