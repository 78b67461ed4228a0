/*
 * main.c — the jxc driver: `jxc [diagnostics options] COMMAND [options]
 * FILE...`.
 *
 * The command table and the dispatch only: the diagnostics options before
 * the command name are read here, the command's line by the table-driven
 * parser (opts.h); the diagnostics engine is made from both, a mistake on
 * the line or a request for help is answered here, and the command runs
 * with its options read.  Each command is a file of its own (cmds.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "cmds.h"
#include "config.h"
#include "port.h"

static const jx_command commands[] = {
    {.name = "check",
     .summary = JX_M_SUMMARY_CHECK,
     .usage = JX_M_USAGE_CHECK,
     .about = JX_M_ABOUT_CHECK,
     .exit = JX_M_EXIT_CHECK,
     .options = jx_check_options,
     .diag_help = true,
     .run = jx_cmd_check},
    {.name = "build",
     .summary = JX_M_SUMMARY_BUILD,
     .usage = JX_M_USAGE_BUILD,
     .about = JX_M_ABOUT_BUILD,
     .exit = JX_M_EXIT_BUILD,
     .options = jx_build_options,
     .diag_help = true,
     .run = jx_cmd_build},
    {.name = "fmt",
     .summary = JX_M_SUMMARY_FMT,
     .usage = JX_M_USAGE_FMT,
     .about = JX_M_ABOUT_FMT,
     .exit = JX_M_EXIT_FMT,
     .options = jx_fmt_options,
     .diag_help = true,
     .run = jx_cmd_fmt},
    {.name = "diff",
     .summary = JX_M_SUMMARY_DIFF,
     .usage = JX_M_USAGE_DIFF,
     .about = JX_M_ABOUT_DIFF,
     .exit = JX_M_EXIT_DIFF,
     .options = jx_diff_options,
     .diag_help = true,
     .run = jx_cmd_diff},
    {.name = "import",
     .summary = JX_M_SUMMARY_IMPORT,
     .usage = JX_M_USAGE_IMPORT,
     .about = JX_M_ABOUT_IMPORT,
     .exit = JX_M_EXIT_IMPORT,
     .options = jx_import_opts,
     .diag_help = true,
     .run = jx_cmd_import},
    {.name = "eval",
     .summary = JX_M_SUMMARY_EVAL,
     .usage = JX_M_USAGE_EVAL,
     .about = JX_M_ABOUT_EVAL,
     .exit = JX_M_EXIT_EVAL,
     .options = jx_eval_options,
     .diag_help = true,
     .run = jx_cmd_eval},
    {.name = "monitor",
     .summary = JX_M_SUMMARY_MONITOR,
     .usage = JX_M_USAGE_MONITOR,
     .about = JX_M_ABOUT_MONITOR,
     .exit = JX_M_EXIT_MONITOR,
     .options = jx_monitor_options,
     .diag_help = true,
     .run = jx_cmd_monitor},
    {.name = "lsp",
     .summary = JX_M_SUMMARY_LSP,
     .usage = JX_M_USAGE_LSP,
     .about = JX_M_ABOUT_LSP,
     .exit = JX_M_EXIT_LSP,
     .options = jx_lsp_options,
     .diag_help = false,
     .run = jx_cmd_lsp},
    {.name = "help",
     .summary = JX_M_SUMMARY_HELP,
     .usage = JX_M_USAGE_HELP,
     .about = JX_M_NONE,
     .exit = JX_M_NONE,
     .run = jx_cmd_help},
    {.name = "version",
     .summary = JX_M_SUMMARY_VERSION,
     .usage = JX_M_USAGE_VERSION,
     .about = JX_M_NONE,
     .exit = JX_M_NONE,
     .run = jx_cmd_version},
    {.name = NULL},
};

static void overview(FILE *f, jx_lang lang) {
  jx_strbuf sb = {0};
  jx_help_overview(&sb, commands, lang);
  fwrite(sb.p, 1, sb.n, f);
  jx_sb_free(&sb);
}

/* Everything the commands print with stdio (help, version, fmt --check's
 * names) is checked here, once: `jxc --help > /dev/full` must not exit 0.
 * The back ends write standard output through a jx_out and check it
 * themselves. */
static int close_stdout(int rc, jx_diag *d) {
  bool failed = ferror(stdout) != 0;
  int e = 0;
  if (fflush(stdout) != 0) {
    failed = true;
    e = errno;
  } else if (fclose(stdout) != 0 && errno != EBADF) {
    /* EBADF with nothing left to write: jxc check x.jx >&- is fine */
    failed = true;
    e = errno;
  }
  if (!failed)
    return rc;
  jx_report_write(d, NULL, e);
  jx_diag_flush(d);
  return JX_EXIT_USAGE;
}

static int run(jx_cmdline *cl, int argc, char **argv) {
  jx_diag_opts_init(&cl->dopt);
  if (argc < 2) {
    overview(stderr, cl->dopt.lang);
    return JX_EXIT_USAGE;
  }
  bool version;
  int at = jx_opts_parse_global(cl, argc, argv, &version);
  const jx_command *c = NULL;
  if (!cl->failed && !cl->help && !version && at < argc) {
    c = jx_command_find(commands, argv[at]);
    if (c)
      jx_opts_parse(cl, c, argc - at, argv + at);
  }
  cl->d = jx_diag_from_opts(&cl->dopt);
  jx_lang lang = cl->dopt.lang;
  jx_oom_set_text(jx_msg_text(JX_M_OUT_OF_MEMORY, lang));
  if (jx_opts_report(cl))
    return JX_EXIT_USAGE;
  if (!c && cl->help) {
    overview(stdout, lang);
    return JX_EXIT_OK;
  }
  if (!c && version)
    return jx_cmd_version(cl);
  if (at >= argc) {
    overview(stderr, lang);
    return JX_EXIT_USAGE;
  }
  if (!c) {
    jx_diag_usage(cl->d, "", JX_U_NO_COMMAND, argv[at]);
    jx_diag_flush(cl->d);
    if (cl->dopt.format == JX_DIAG_TEXT)
      overview(stderr, lang);
    return JX_EXIT_USAGE;
  }
  if (cl->help) {
    jx_strbuf sb = {0};
    jx_help_command(&sb, c, lang);
    fwrite(sb.p, 1, sb.n, stdout);
    jx_sb_free(&sb);
    return JX_EXIT_OK;
  }
  int rc = jx_config_apply(cl); /* jxc.ini (config.c) */
  return rc >= 0 ? rc : c->run(cl);
}

int main(int argc, char **argv) {
  jx_port_init(&argc, &argv); /* Windows: UTF-8 arguments and console */
  jx_cmdline cl;
  memset(&cl, 0, sizeof cl);
  cl.commands = commands;
  int rc = run(&cl, argc, argv);
  if (!cl.d)
    cl.d = jx_diag_from_opts(&cl.dopt);
  rc = close_stdout(rc, cl.d);
  jx_diag_end(cl.d); /* --diagnostics=sarif: the log, now whole */
  jx_diag_free(cl.d);
  jx_config_free(cl.config); /* after the diagnostics: they quote it */
  jx_opts_free(&cl);
  return rc;
}
