/*
 * lsp.h — `jxc lsp`: a language server for jixiao over standard input and
 * output (the Language Server Protocol 3.17, JSON-RPC 2.0).
 *
 * The server keeps every open document in memory and loads each one, on
 * opening and after changes, through the compiler's own loader
 * (compiler/load/, WHOLE mode: the same lexer, parser, checker and
 * lowering as `jxc check` and `jxc build`), so that its diagnostics are
 * jxc check's, worded from the same catalog.  Hover, completion, symbols,
 * definition and quick fixes read the loaded model and its locations
 * table; formatting is jxc fmt in process; semantic tokens come from the
 * lexer.  No second parser.
 *
 * One thread: messages are read as they come, and a document is loaded
 * again only when no message is waiting (or a request needs it), so a
 * burst of keystrokes costs one load, not one per key.
 */
#ifndef JX_LSP_H
#define JX_LSP_H

#include "catalog.h"

#include <stdbool.h>

/* Serves until `exit` or the end of input, in `lang` unless the client's
 * initializationOptions say otherwise (or, when lang_given is false, its
 * locale does).  Returns the exit status: 0 after shutdown then exit, 1
 * otherwise (as the protocol asks). */
int jx_lsp_serve(int in_fd, int out_fd, jx_lang lang, bool lang_given);

#endif
