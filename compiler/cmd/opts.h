/*
 * opts.h — the one option parser of jxc, driven by tables.
 *
 * Each command declares its options in a table of jx_option: long name,
 * short letter, whether it takes a value, a key the command switches on,
 * and its help (catalog ids).  jx_opts_parse reads a command line with
 * getopt_long over the command's table joined with the diagnostics
 * options every command accepts (--diagnostics, --lang, --color, -W in
 * all its forms, --Werror, --max-errors) and -h/--help.  The diagnostics
 * options may come anywhere, before the command name too (main.c parses those);
 * the glued short forms (-fjson, -oFILE, -Werror), "--" and "-" as standard
 * input work as getopt has them; long names are never abbreviated.
 *
 * What the parser does not judge it hands over in order: each option of
 * the command's own and each operand, so that `diff --old a b --new c`
 * keeps its sides.  The first mistake on the line is kept, and reported
 * once the whole line is read (so `--lang=zh` after it still applies).
 * `jxc help CMD` and `jxc CMD --help` print the help made from the tables
 * (cmd_help.c), in the language asked for.
 */
#ifndef JX_OPTS_H
#define JX_OPTS_H

#include <stdbool.h>

#include "catalog.h"
#include "cli.h"
#include "diag.h"

/* One row of an option table.  A row with no name is a heading (help:
 * the heading's text); a row with neither ends the table. */
typedef struct jx_option {
  const char *name; /* long name, without "--" */
  char short_name;  /* 0: none */
  bool has_arg;
  int key; /* handed to the command with each use */
  /* Help: the value's placeholder, a catalog word (JX_M_ARG_FORMAT) or
   * literal values ("text|json"), shown "--name=ARG", or "--name ARG"
   * when spaced (an option followed by operands: --old FILE...); or the
   * whole left column as is. */
  jx_msg arg;
  const char *arg_text;
  bool spaced;
  const char *left;
  jx_msg help;
} jx_option;

typedef struct jx_cmdline jx_cmdline;

/* A command: its table row in main.c. */
typedef struct jx_command {
  const char *name;
  jx_msg summary;           /* one line in `jxc --help` */
  jx_msg usage;             /* "usage: jxc NAME …" lines */
  jx_msg about;             /* what it does; JX_M_NONE: nothing */
  jx_msg exit;              /* the exit status; JX_M_NONE: nothing */
  const jx_option *options; /* its own options; NULL: none */
  bool diag_help;           /* its help lists the diagnostics options */
  int (*run)(jx_cmdline *cl);
} jx_command;

/* The command named `name` in a NULL-name terminated table, or NULL.
 * The table is main.c's; a command that needs it (help) finds it in its
 * jx_cmdline, so no command depends on the dispatcher. */
const jx_command *jx_command_find(const jx_command *table, const char *name);

/* An option of the command's own, or an operand (key JX_OPERAND), in the
 * order given. */
enum { JX_OPERAND = -1 };
typedef struct jx_optuse {
  int key;
  const jx_option *opt; /* NULL for an operand */
  const char *value;    /* the option's value, or the operand */
} jx_optuse;

struct jx_cmdline {
  const jx_command *commands; /* every command (main.c's table) */
  const jx_command *cmd;
  jx_diag_opts dopt; /* the diagnostics options */
  bool help;         /* -h or --help came before any mistake */
  jx_optuse *use;
  int n_use;
  int n_operands;
  /* The first mistake on the line, reported by jx_opts_report. */
  bool failed;
  jx_diag_id error;
  const char *error_arg;   /* the option as written */
  const char *error_value; /* JX_U_VALUE: the value, its choices: */
  const char *const *error_list;
  size_t n_error_list;
  bool error_quote;
  const char *error_hint;   /* a did-you-mean for the mistake, or NULL */
  char error_short[3];      /* "-x", for error_arg */
  jx_diag *d;               /* made by the dispatcher once the line is read */
  struct jx_config *config; /* jxc.ini, if one was found (config.h) */
};

/* Reads argv[0..argc) (argv[0] is the command's name) for cmd, on top of
 * the diagnostics options cl->dopt already holds.  Never prints. */
void jx_opts_parse(jx_cmdline *cl, const jx_command *cmd, int argc,
                   char **argv);
/* Reads the diagnostics options (and -h/--help, -V/--version) before the
 * command name; returns the index of the first argument that is not one
 * (the command name, or argc).  *version is set for -V/--version. */
int jx_opts_parse_global(jx_cmdline *cl, int argc, char **argv, bool *version);
/* Reports the line's first mistake, if any, through cl->d; returns true
 * if there was one. */
bool jx_opts_report(jx_cmdline *cl);
void jx_opts_free(jx_cmdline *cl);

/* A usage error about cl's command, with the line saying where its help
 * is; returns the exit status for it (2). */
int jx_usage(jx_cmdline *cl, jx_diag_id id, ...);
/* A value that is not one of `choices` (n of them): "OPT takes A, B or C,
 * not 'X'" (JX_U_VALUE); returns 2. */
int jx_usage_choices(jx_cmdline *cl, const char *opt, const char *value,
                     const char *const *choices, size_t n, bool quote);

/* The operands, in order (NULL-terminated; the caller frees the array). */
const char **jx_opts_operands(const jx_cmdline *cl);
/* The value of the last use of the option with `key`, or NULL. */
const char *jx_opt_last(const jx_cmdline *cl, int key);
bool jx_opt_given(const jx_cmdline *cl, int key);

/* Help made from the tables, in lang (cmd_help.c). */
void jx_help_overview(jx_strbuf *out, const jx_command *table, jx_lang lang);
void jx_help_command(jx_strbuf *out, const jx_command *cmd, jx_lang lang);

#endif
