/*
 * cmds.h — the commands' entry points and option tables, for main.c's
 * command table.  Each command is one file: cmd_check.c, cmd_build.c,
 * cmd_fmt.c, cmd_diff.c, cmd_import.c, cmd_eval.c, cmd_monitor.c,
 * cmd_lsp.c, cmd_help.c (help and version; help_topics.c the pages
 * about the language).
 */
#ifndef JX_CMDS_H
#define JX_CMDS_H

#include "opts.h"

int jx_cmd_check(jx_cmdline *cl);
int jx_cmd_build(jx_cmdline *cl);
int jx_cmd_fmt(jx_cmdline *cl);
int jx_cmd_diff(jx_cmdline *cl);
int jx_cmd_help(jx_cmdline *cl);
int jx_cmd_version(jx_cmdline *cl);
int jx_cmd_import(jx_cmdline *cl);
int jx_cmd_eval(jx_cmdline *cl);
int jx_cmd_monitor(jx_cmdline *cl);
/* jxc eval and jxc monitor share their options and their run. */
int jx_ev_command(jx_cmdline *cl, bool monitor);
int jx_cmd_lsp(jx_cmdline *cl);

extern const jx_option jx_check_options[];
extern const jx_option jx_build_options[];
extern const jx_option jx_fmt_options[];
extern const jx_option jx_diff_options[];
extern const jx_option jx_import_opts[];
extern const jx_option jx_eval_options[];
extern const jx_option jx_monitor_options[];
extern const jx_option jx_lsp_options[];
/* The diagnostics options every command takes (opts.c). */
extern const jx_option jx_diag_options[];

/* --encoding's value (the option with `key`): its iconv name in
 * *iconv_name ("" for UTF-8, the default), and -1; or the exit status of
 * a usage error for a value that is none (cmd_check.c). */
int jx_encoding_option(jx_cmdline *cl, int key, const char **iconv_name);

/* `jxc help TOPIC` (help_topics.c): the page of the topic called name
 * (its English or Chinese name) in lang, true; false when there is none. */
bool jx_help_topic(jx_strbuf *out, const char *name, jx_lang lang);
/* The command or topic name nearest to name, for a did-you-mean, or NULL
 * when none is close. */
const char *jx_help_suggest(const jx_command *commands, const char *name);

#endif
