/*
 * cmd_lsp.c — `jxc lsp [--stdio]`: the language server (compiler/lsp/),
 * over standard input and output, for an editor to start.
 *
 * --stdio is accepted because clients (vscode-languageclient among them)
 * add it; it is the only transport.  --lang sets the language of the
 * server's words unless the client's initializationOptions say otherwise.
 * A build without the server (JX_NO_LSP: Windows, which has neither
 * jansson nor poll() on pipes) says so and exits 2.
 */
#include <unistd.h>

#include "cmds.h"
#include "lsp.h"

enum { L_STDIO = 1 };

const jx_option jx_lsp_options[] = {
    {"stdio", 0, false, L_STDIO, JX_M_NONE, NULL, false, NULL, JX_M_OPT_STDIO},
    {NULL, 0, false, 0, JX_M_NONE, NULL, false, NULL, JX_M_NONE},
};

int jx_cmd_lsp(jx_cmdline *cl) {
  for (int i = 0; i < cl->n_use; i++)
    if (cl->use[i].key == JX_OPERAND)
      return jx_usage(cl, JX_U_NO_OPERANDS, cl->use[i].value);
#ifdef JX_NO_LSP /* the Windows build (docs/windows.md) */
  return jx_usage(cl, JX_U_NOT_BUILT, "JSON-RPC", "jansson");
#else
  /* A language asked for with --lang, even the environment's own, then
   * outranks the client's locale and jxc.ini (only initializationOptions
   * outrank it). */
  return jx_lsp_serve(STDIN_FILENO, STDOUT_FILENO, cl->dopt.lang,
                      cl->dopt.lang_set);
#endif
}
