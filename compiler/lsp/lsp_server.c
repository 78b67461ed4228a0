/*
 * lsp_server.c — the server's loop: read what the client sent, answer each
 * message in order, and load a changed document when nothing is waiting.
 *
 * Everything that has arrived is framed and parsed first, so that a
 * $/cancelRequest overtakes the request it cancels (answered with
 * RequestCancelled, as the protocol asks) and a burst of didChange
 * notifications is applied as one before the document is loaded again.
 * A request about a document loads it first if it changed, so every
 * answer reads a model that matches the text.
 *
 * Nothing a client sends stops the server: a message that cannot be
 * framed or parsed is skipped (and answered with ParseError when it was
 * framed), a request it does not know gets MethodNotFound, bad parameters
 * InvalidParams, and a document with errors is simply a document with
 * diagnostics.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lsp.h"
#include "lsp_impl.h"
#include "lsp_rpc.h"

typedef json_t *(*request_fn)(jx_lsp *s, json_t *params, json_t **error);

static const struct {
  const char *method;
  request_fn fn;
} requests[] = {
    {"textDocument/hover", jx_lsp_hover},
    {"textDocument/completion", jx_lsp_completion},
    {"textDocument/formatting", jx_lsp_formatting},
    {"textDocument/rangeFormatting", jx_lsp_range_formatting},
    {"textDocument/documentSymbol", jx_lsp_document_symbol},
    {"textDocument/definition", jx_lsp_definition},
    {"textDocument/semanticTokens/full", jx_lsp_semantic_tokens},
    {"textDocument/semanticTokens/range", jx_lsp_semantic_tokens_range},
    {"textDocument/codeAction", jx_lsp_code_action},
};

/* ---- replies --------------------------------------------------------------
 */

static void send(jx_lsp *s, json_t *m) {
  if (!s->out_gone && !jx_rpc_write(s->out_fd, m))
    s->out_gone = true;
  json_decref(m);
}

static void reply(jx_lsp *s, json_t *id, json_t *result, json_t *error) {
  json_t *m = json_pack("{s:s,s:O}", "jsonrpc", "2.0", "id", id);
  if (error) {
    json_object_set_new(m, "error", error);
    json_decref(result);
  } else {
    json_object_set_new(m, "result", result ? result : json_null());
  }
  send(s, m);
}

/* ---- the lifecycle --------------------------------------------------------
 */

static json_t *capabilities(void) {
  json_t *c =
      json_pack("{s:s,s:{s:b,s:i,s:{s:b}},s:b,s:{s:[s,s],s:b},s:b,s:b,s:b,s:b,"
                "s:{s:[s]},s:{s:o,s:b,s:b}}",
                "positionEncoding", "utf-16", "textDocumentSync", "openClose",
                1, "change", 2, "save", "includeText", 0, "hoverProvider", 1,
                "completionProvider", "triggerCharacters", ".", "\xEF\xBC\x8E",
                "resolveProvider", 0, "documentFormattingProvider", 1,
                "documentRangeFormattingProvider", 1, "documentSymbolProvider",
                1, "definitionProvider", 1, "codeActionProvider",
                "codeActionKinds", "quickfix", "semanticTokensProvider",
                "legend", jx_lsp_token_legend(), "full", 1, "range", 1);
  return c;
}

static json_t *initialize(jx_lsp *s, json_t *params, json_t **error) {
  (void)error;
  json_t *opts = json_object_get(params, "initializationOptions");
  const char *lang = json_string_value(json_object_get(opts, "lang"));
  const char *locale = json_string_value(json_object_get(params, "locale"));
  jx_lang l;
  if (lang && jx_lang_parse(lang, &l)) {
    s->lang_server = l;
    s->lang_fixed = true;
  } else if (!s->lang_given && locale) {
    s->lang_server = strncmp(locale, "zh", 2) == 0 ? JX_LANG_ZH : JX_LANG_EN;
  }
  s->lang = s->lang_server;
  const char *kw = json_string_value(json_object_get(opts, "keywords"));
  if (kw && jx_lang_parse(kw, &l))
    s->keywords = l == JX_LANG_ZH ? 1 : 0;
  /* Where jxc.ini is looked for when a document is not a file. */
  free(s->root); /* (a second initialize) */
  s->root = NULL;
  const char *root = json_string_value(json_object_get(params, "rootUri"));
  if (!root)
    root = json_string_value(json_object_get(
        json_array_get(json_object_get(params, "workspaceFolders"), 0), "uri"));
  if (root && strncmp(root, "file://", 7) == 0)
    s->root = jx_lsp_uri_path(root);
  else if ((root = json_string_value(json_object_get(params, "rootPath"))))
    s->root = jx_lsp_strdup(root);
  json_t *w = json_object_get(
      json_object_get(json_object_get(params, "capabilities"), "workspace"),
      "didChangeWatchedFiles");
  s->watch = json_is_true(json_object_get(w, "dynamicRegistration"));
  s->initialized = true;
  return json_pack("{s:o,s:{s:s,s:s}}", "capabilities", capabilities(),
                   "serverInfo", "name", "jxc", "version", JX_VERSION);
}

/* ---- notifications --------------------------------------------------------
 */

static void did_open(jx_lsp *s, json_t *params) {
  json_t *td = json_object_get(params, "textDocument");
  const char *uri = json_string_value(json_object_get(td, "uri"));
  json_t *text = json_object_get(td, "text");
  if (!uri || !json_is_string(text))
    return;
  json_t *v = json_object_get(td, "version");
  jx_lsp_doc_open(s, uri, json_string_value(text), json_string_length(text),
                  json_is_integer(v) ? json_integer_value(v) : 0);
}

static void did_change(jx_lsp *s, json_t *params) {
  json_t *td = json_object_get(params, "textDocument");
  const char *uri = json_string_value(json_object_get(td, "uri"));
  jx_lsp_doc *d = uri ? jx_lsp_doc_find(s, uri) : NULL;
  if (!d)
    return;
  json_t *v = json_object_get(td, "version");
  jx_lsp_doc_change(d, json_object_get(params, "contentChanges"),
                    json_is_integer(v) ? json_integer_value(v) : d->version);
}

/* The client's settings for jixiao ({"jixiao": {"lang": "zh", "keywords":
 * "en"}}), sent when they change (a project's .vscode/settings.json, a
 * Neovim config's `settings`): they override initializationOptions and
 * jxc.ini, and the open documents' diagnostics are worded again. */
static void did_change_configuration(jx_lsp *s, json_t *params) {
  json_t *mine = json_object_get(json_object_get(params, "settings"), "jixiao");
  const char *lang = json_string_value(json_object_get(mine, "lang"));
  const char *kw = json_string_value(json_object_get(mine, "keywords"));
  jx_lang l;
  if (kw && jx_lang_parse(kw, &l))
    s->keywords = l == JX_LANG_ZH ? 1 : 0;
  if (!lang || !jx_lang_parse(lang, &l))
    return;
  s->lang = s->lang_server = l;
  s->lang_fixed = true;
  for (jx_lsp_doc *d = s->docs; d; d = d->next)
    if (d->lang != l)
      d->dirty = true;
}

static void did_close(jx_lsp *s, json_t *params) {
  json_t *td = json_object_get(params, "textDocument");
  const char *uri = json_string_value(json_object_get(td, "uri"));
  if (uri)
    jx_lsp_doc_close(s, uri);
}

/* ---- one message ----------------------------------------------------------
 */

typedef struct loop {
  jx_lsp *s;
  json_t *queue;     /* messages read, not yet handled */
  json_t *cancelled; /* ids (as JSON text) cancelled while queued */
  bool exit;
} loop;

static char *id_key(json_t *id) {
  return json_dumps(id, JSON_ENCODE_ANY | JSON_COMPACT);
}

static void handle_request(loop *lp, const char *method, json_t *id,
                           json_t *params) {
  jx_lsp *s = lp->s;
  char *key = id_key(id);
  bool cancelled = key && json_object_get(lp->cancelled, key);
  if (key)
    json_object_del(lp->cancelled, key);
  free(key);
  if (cancelled) {
    reply(s, id, NULL,
          jx_lsp_error(s, JX_LSP_REQUEST_CANCELLED, JX_M_LSP_E_CANCELLED));
    return;
  }
  if (strcmp(method, "initialize") == 0) {
    json_t *err = NULL;
    json_t *r = initialize(s, params, &err);
    reply(s, id, r, err);
    return;
  }
  if (!s->initialized) {
    reply(s, id, NULL,
          jx_lsp_error(s, JX_LSP_SERVER_NOT_INITIALIZED, JX_M_LSP_E_NOT_INIT));
    return;
  }
  if (s->shutdown) {
    reply(s, id, NULL,
          jx_lsp_error(s, JX_LSP_INVALID_REQUEST, JX_M_LSP_E_SHUTDOWN));
    return;
  }
  if (strcmp(method, "shutdown") == 0) {
    s->shutdown = true;
    reply(s, id, json_null(), NULL);
    return;
  }
  for (size_t i = 0; i < sizeof requests / sizeof requests[0]; i++)
    if (strcmp(method, requests[i].method) == 0) {
      json_t *err = NULL;
      json_t *r =
          json_is_object(params) ? requests[i].fn(s, params, &err) : NULL;
      if (!r && !err)
        err = jx_lsp_error(s, JX_LSP_INVALID_PARAMS, JX_M_LSP_E_PARAMS);
      reply(s, id, r, err);
      s->lang = s->lang_server; /* (a document's, while it was answered) */
      return;
    }
  reply(s, id, NULL,
        jx_lsp_error(s, JX_LSP_METHOD_NOT_FOUND, JX_M_LSP_E_METHOD, method));
}

static void handle_notification(loop *lp, const char *method, json_t *params) {
  jx_lsp *s = lp->s;
  if (strcmp(method, "exit") == 0) {
    lp->exit = true;
    return;
  }
  if (!s->initialized || s->shutdown)
    return;
  if (strcmp(method, "initialized") == 0) {
    jx_lsp_config_watch(s); /* (its params, {}, say nothing) */
    return;
  }
  if (!json_is_object(params))
    return;
  if (strcmp(method, "textDocument/didOpen") == 0)
    did_open(s, params);
  else if (strcmp(method, "textDocument/didChange") == 0)
    did_change(s, params);
  else if (strcmp(method, "textDocument/didClose") == 0)
    did_close(s, params);
  else if (strcmp(method, "workspace/didChangeConfiguration") == 0)
    did_change_configuration(s, params);
  else if (strcmp(method, "workspace/didChangeWatchedFiles") == 0)
    jx_lsp_config_changed(s, params);
  /* didSave, $/setTrace and the rest need nothing. */
}

static void handle(loop *lp, json_t *m) {
  jx_lsp *s = lp->s;
  json_t *id = json_object_get(m, "id");
  json_t *method = json_object_get(m, "method");
  json_t *params = json_object_get(m, "params");
  bool id_ok = id && (json_is_integer(id) || json_is_string(id));
  if (!json_is_object(m) || !json_is_string(method) ||
      (params && !json_is_object(params) && !json_is_array(params)) ||
      (id && !id_ok)) {
    /* A response to a request of ours (client/registerCapability, for
     * watching jxc.ini) is ignored: without it, a changed jxc.ini is
     * still seen at the next load. */
    if (json_is_object(m) && !method && id)
      return;
    json_t *null_id = json_null();
    reply(s, id_ok ? id : null_id, NULL,
          jx_lsp_error(s, JX_LSP_INVALID_REQUEST, JX_M_LSP_E_INVALID));
    json_decref(null_id);
    return;
  }
  if (id)
    handle_request(lp, json_string_value(method), id, params);
  else
    handle_notification(lp, json_string_value(method), params);
}

/* ---- reading --------------------------------------------------------------
 */

/* Frames and parses everything buffered: cancellations are noted at once,
 * the rest queued. */
static void take_all(loop *lp, jx_rpc_reader *r) {
  jx_lsp *s = lp->s;
  for (;;) {
    json_t *m;
    json_error_t why;
    jx_rpc_status st = jx_rpc_take(r, &m, &why);
    if (st == JX_RPC_NEED_MORE)
      return;
    jx_strbuf log = {0};
    if (st == JX_RPC_BAD_HEADER) {
      jx_lsp_msg(s, &log, JX_M_LSP_E_HEADER);
    } else if (st == JX_RPC_TOO_BIG) {
      jx_lsp_msg(s, &log, JX_M_LSP_E_TOO_BIG, (size_t)(JX_RPC_MAX_BODY >> 20));
    } else if (st == JX_RPC_BAD_JSON) {
      json_t *null_id = json_null();
      reply(s, null_id, NULL,
            jx_lsp_error(s, JX_LSP_PARSE_ERROR, JX_M_LSP_E_PARSE, why.line,
                         why.column));
      json_decref(null_id);
    } else {
      const char *method = json_string_value(json_object_get(m, "method"));
      json_t *params = json_object_get(m, "params");
      if (method && strcmp(method, "$/cancelRequest") == 0) {
        char *key = id_key(json_object_get(params, "id"));
        if (key)
          json_object_set_new(lp->cancelled, key, json_true());
        free(key);
        json_decref(m);
      } else {
        json_array_append_new(lp->queue, m);
      }
    }
    if (log.n)
      fputs(log.p, stderr);
    jx_sb_free(&log);
  }
}

static bool any_dirty(const jx_lsp *s) {
  for (const jx_lsp_doc *d = s->docs; d; d = d->next)
    if (d->dirty)
      return true;
  return false;
}

/* Reads what is there (waiting up to `timeout` ms for the first bytes).
 * Returns false at the end of input. */
static bool read_some(int fd, jx_rpc_reader *r, int timeout) {
  char buf[65536];
  for (int round = 0; round < 1024; round++) {
    struct pollfd p = {fd, POLLIN, 0};
    int n = poll(&p, 1, round == 0 ? timeout : 0);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return true;
    ssize_t k = read(fd, buf, sizeof buf);
    if (k < 0 && (errno == EINTR || errno == EAGAIN))
      continue;
    if (k <= 0)
      return false;
    jx_rpc_push(r, buf, (size_t)k);
  }
  return true;
}

int jx_lsp_serve(int in_fd, int out_fd, jx_lang lang, bool lang_given) {
  signal(SIGPIPE, SIG_IGN); /* a client gone is a failed write, not a kill */
  jx_lsp s;
  memset(&s, 0, sizeof s);
  s.out_fd = out_fd;
  s.lang = s.lang_server = lang;
  s.lang_given = s.lang_fixed = lang_given;
  s.keywords = -1;
  loop lp = {&s, json_array(), json_object(), false};
  jx_rpc_reader r;
  jx_rpc_reader_init(&r);
  bool eof = false;
  while (!lp.exit && !s.out_gone) {
    bool idle = json_array_size(lp.queue) == 0;
    if (!eof) {
      /* Block only when there is nothing to do. */
      int timeout = idle && !any_dirty(&s) ? -1 : 0;
      eof = !read_some(in_fd, &r, timeout);
      take_all(&lp, &r);
    }
    if (json_array_size(lp.queue) == 0) {
      if (any_dirty(&s))
        jx_lsp_refresh_all(&s); /* the client is quiet: load and publish */
      else if (eof)
        break;
      continue;
    }
    json_t *m = json_incref(json_array_get(lp.queue, 0));
    json_array_remove(lp.queue, 0);
    handle(&lp, m);
    json_decref(m);
  }
  int status = lp.exit && s.shutdown ? 0 : 1;
  jx_rpc_reader_free(&r);
  json_decref(lp.queue);
  json_decref(lp.cancelled);
  jx_lsp_doc_free_all(&s);
  jx_lsp_config_free_all(&s);
  free(s.root);
  return status;
}
