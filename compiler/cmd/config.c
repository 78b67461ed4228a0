/*
 * config.c — jxc.ini on the command line (see config.h and
 * docs/config.md): which file a run's inputs come under, and its settings
 * applied below what the command line says.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "port.h"

/* ---- applying it --------------------------------------------------------- */

static bool takes_files(const jx_cmdline *cl) {
  static const char *const names[] = {"check", "build", "fmt",
                                      "diff",  "eval",  "monitor"};
  for (size_t i = 0; cl->cmd && i < 6; i++)
    if (strcmp(cl->cmd->name, names[i]) == 0)
      return true;
  return false;
}

int jx_config_apply(jx_cmdline *cl) {
  if (!takes_files(cl))
    return -1;
  const char **files = jx_opts_operands(cl);
  char *path = NULL, *real = NULL;
  int rc = -1;
  for (int i = 0; files[i] && rc < 0; i++) {
    char *p = jx_config_find(files[i]);
    char *r2 = p ? jx_realpath(p) : NULL;
    if (i == 0) {
      path = p;
      real = r2;
      continue;
    }
    if ((path == NULL) != (p == NULL) ||
        (p && strcmp(real ? real : "", r2 ? r2 : "") != 0)) {
      rc = jx_usage(cl, JX_U_CONFIG_MIXED, path ? path : "-", p ? p : "-");
    }
    free(r2);
    free(p);
  }
  free(real);
  free((void *)files);
  if (rc >= 0 || !path) {
    free(path);
    return rc;
  }
#ifdef JX_NO_INIH /* a Windows build without it (docs/windows.md) */
  rc = jx_usage(cl, JX_U_NOT_BUILT, path, "libinih");
  free(path);
  return rc;
#endif
  jx_config *cfg = NULL;
  rc = jx_config_read(path, cl->d, &cfg);
  cl->config = cfg;
  if (rc != 0) {
    jx_diag_flush(cl->d);
    free(path);
    return JX_EXIT_USAGE;
  }
  free(path);
  /* The command line wins: what it set stays. */
  jx_diag *d = cl->d;
  if (cfg->lang >= 0 && !cl->dopt.lang_set) {
    cl->dopt.lang = (jx_lang)cfg->lang;
    jx_diag_set_lang(d, cl->dopt.lang);
  }
  if (cfg->werror >= 0 && !cl->dopt.werror_set)
    jx_diag_set_werror(d, cfg->werror == 1);
  if (cfg->max_errors >= 0 && !cl->dopt.max_errors_set)
    jx_diag_set_max_errors(d, cfg->max_errors);
  jx_config_warnings(cfg, d);
  jx_diag_apply_warnings(d, &cl->dopt); /* -W after the file's */
  return -1;
}
