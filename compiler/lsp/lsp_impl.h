/*
 * lsp_impl.h — what the language server's files share (private to
 * compiler/lsp/).
 *
 *   lsp_server.c    the loop: reading, dispatching, lifecycle, cancel
 *   lsp_rpc.c       framing and JSON (jansson)
 *   lsp_pos.c       byte offsets <-> LSP positions (UTF-16)
 *   lsp_doc.c       the open documents: text, edits, loading, diagnostics
 *   lsp_config.c    jxc.ini: the one above each document, kept per folder
 *   lsp_json.c      building replies: strings, ranges, locations
 *   lsp_hover.c     textDocument/hover
 *   lsp_complete.c  textDocument/completion
 *   lsp_format.c    textDocument/formatting and rangeFormatting
 *   lsp_symbols.c   textDocument/documentSymbol and definition
 *   lsp_tokens.c    textDocument/semanticTokens (full and range)
 *   lsp_actions.c   textDocument/codeAction (the checker's fix-its)
 */
#ifndef JX_LSP_IMPL_H
#define JX_LSP_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "catalog.h"
#include "config_file.h"
#include "load.h"
#include "lsp_pos.h"
#include "strbuf.h"

/* A fix-it of the last load: the bytes [off, off+len) become text. */
typedef struct jx_lsp_fix {
  size_t diag;               /* index in the document's diagnostics */
  size_t diag_off, diag_len; /* the diagnostic's own range */
  size_t off, len;
  char *text;
} jx_lsp_fix;

typedef struct jx_lsp_doc {
  struct jx_lsp_doc *next;
  char *uri;
  char *path; /* how diagnostics name it: the file's path, or the URI */
  char *text;
  size_t len, cap;
  int64_t version;
  jx_lang lang; /* its diagnostics' (the server's, or its jxc.ini's) */
  jx_lsp_lines lines;
  bool dirty;           /* changed since the last load */
  jx_loaded_plan *plan; /* the last load (matches text when !dirty) */
  json_t *diags;        /* its LSP diagnostics */
  jx_lsp_fix *fixes;
  size_t n_fixes, cap_fixes;
} jx_lsp_doc;

struct jx_lsp_ini; /* lsp_config.c */

typedef struct jx_lsp {
  int out_fd;
  /* The language of the words being written: the server's own
   * (lang_server) but while a request about a document is answered, when
   * it is that document's (jxc.ini's [jxc] lang). */
  jx_lang lang, lang_server;
  bool lang_given; /* --lang: the client's locale does not override it */
  /* --lang or the client's own setting: jxc.ini's lang does not apply,
   * as the command line wins over the file */
  bool lang_fixed;
  /* Formatting writes keywords as the document mostly does (-1), or in
   * English (0) or Chinese (1). */
  int keywords;
  bool initialized, shutdown;
  bool out_gone; /* the client closed our output */
  jx_lsp_doc *docs;
  char *root;              /* the workspace's folder, or NULL */
  bool watch;              /* the client can watch jxc.ini for us */
  struct jx_lsp_ini *inis; /* the jxc.ini files read (lsp_config.c) */
} jx_lsp;

/* ---- documents (lsp_doc.c) --------------------------------------------- */

jx_lsp_doc *jx_lsp_doc_find(jx_lsp *s, const char *uri);
/* Opens (or replaces) a document with its text; marks it for loading. */
jx_lsp_doc *jx_lsp_doc_open(jx_lsp *s, const char *uri, const char *text,
                            size_t len, int64_t version);
void jx_lsp_doc_close(jx_lsp *s, const char *uri);
void jx_lsp_doc_free_all(jx_lsp *s);
/* Applies didChange's contentChanges (full or incremental); false when
 * one is malformed (the document is then left as the valid ones made it). */
bool jx_lsp_doc_change(jx_lsp_doc *d, json_t *changes, int64_t version);
/* Loads the document again if it changed, and publishes its diagnostics. */
void jx_lsp_doc_refresh(jx_lsp *s, jx_lsp_doc *d);
/* Refreshes every document that changed. */
void jx_lsp_refresh_all(jx_lsp *s);
/* The document and byte offset a TextDocumentPositionParams names; NULL
 * when the document is not open or the position is missing.  The
 * document is refreshed first, so its plan matches its text. */
jx_lsp_doc *jx_lsp_param_doc(jx_lsp *s, json_t *params, size_t *off);

/* ---- URIs (lsp_uri.c) and diagnostics (lsp_diagnose.c) ---------------- */

/* A file:// URI's path (percent-decoded); any other URI names itself. */
char *jx_lsp_uri_path(const char *uri);
/* The file:// URI of a path, each byte a URI does not take as it is
 * percent-escaped. */
char *jx_lsp_path_uri(const char *path);
/* Runs fn with a diagnostics engine whose records become d's LSP
 * diagnostics (appended to d->diags, their fix-its to d->fixes), worded
 * in d->lang. */
typedef void (*jx_lsp_run)(void *ud, jx_diag *dg);
void jx_lsp_doc_diagnose(jx_lsp *s, jx_lsp_doc *d, jx_lsp_run fn, void *ud);

/* ---- jxc.ini (lsp_config.c) ---------------------------------------------- */

/* The jxc.ini that applies to d, as `jxc check` would find it (walking up
 * from its file; a document that is not a file: from the workspace's
 * folder), read again if it changed since; NULL when there is none or it
 * has a mistake (published as a diagnostic on the jxc.ini).  Valid until
 * the next call. */
const jx_config *jx_lsp_config(jx_lsp *s, const jx_lsp_doc *d);
/* workspace/didChangeWatchedFiles: a jxc.ini changed; every document is
 * loaded again. */
void jx_lsp_config_changed(jx_lsp *s, json_t *params);
/* After `initialized`: asks the client to watch jxc.ini files, if it can. */
void jx_lsp_config_watch(jx_lsp *s);
void jx_lsp_config_free_all(jx_lsp *s);

/* ---- building replies (lsp_json.c) -------------------------------------- */

/* A JSON string for UTF-8 text (ill-formed bytes replaced by U+FFFD). */
json_t *jx_lsp_str(const char *s);
json_t *jx_lsp_strn(const char *s, size_t n);
json_t *jx_lsp_position(const jx_lsp_doc *d, size_t off);
/* The range of bytes [off, off+len). */
json_t *jx_lsp_range(const jx_lsp_doc *d, size_t off, size_t len);
json_t *jx_lsp_loc_range(const jx_lsp_doc *d, jx_loc l);
/* A Position ({"line", "character"}, both integers >= 0). */
bool jx_lsp_param_pos(json_t *p, jx_lsp_pos *out);
/* A Range of the params (params[key]) as byte offsets. */
bool jx_lsp_param_range(const jx_lsp_doc *d, json_t *range, size_t *from,
                        size_t *to);
/* Does loc (its first line) contain byte off? */
bool jx_lsp_loc_has(jx_loc l, size_t off);
/* A catalog word, formatted, in the server's language. */
void jx_lsp_msg(jx_lsp *s, jx_strbuf *out, jx_msg id, ...);
/* Sends a notification. */
void jx_lsp_notify(jx_lsp *s, const char *method, json_t *params);

/* ---- features: each returns the request's result (json_null() for none)
 * and leaves *error NULL, or sets *error to a ResponseError. ------------ */

json_t *jx_lsp_hover(jx_lsp *s, json_t *params, json_t **error);
json_t *jx_lsp_completion(jx_lsp *s, json_t *params, json_t **error);
json_t *jx_lsp_formatting(jx_lsp *s, json_t *params, json_t **error);
json_t *jx_lsp_range_formatting(jx_lsp *s, json_t *params, json_t **error);
json_t *jx_lsp_document_symbol(jx_lsp *s, json_t *params, json_t **error);
json_t *jx_lsp_definition(jx_lsp *s, json_t *params, json_t **error);
json_t *jx_lsp_semantic_tokens(jx_lsp *s, json_t *params, json_t **error);
json_t *jx_lsp_semantic_tokens_range(jx_lsp *s, json_t *params, json_t **error);
json_t *jx_lsp_code_action(jx_lsp *s, json_t *params, json_t **error);

/* The legend semantic tokens are reported with (lsp_tokens.c). */
json_t *jx_lsp_token_legend(void);

/* A ResponseError, its message a catalog word with its arguments. */
json_t *jx_lsp_error(jx_lsp *s, int code, jx_msg msg, ...);
/* A copy of s (malloc). */
char *jx_lsp_strdup(const char *s);
enum {
  JX_LSP_PARSE_ERROR = -32700,
  JX_LSP_INVALID_REQUEST = -32600,
  JX_LSP_METHOD_NOT_FOUND = -32601,
  JX_LSP_INVALID_PARAMS = -32602,
  JX_LSP_SERVER_NOT_INITIALIZED = -32002,
  JX_LSP_REQUEST_CANCELLED = -32800
};

#endif
