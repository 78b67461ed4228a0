/*
 * opts.c — the option parser of opts.h, on getopt_long.
 *
 * getopt is run in "return in order" mode (an optstring starting with
 * '-'), so operands come back interleaved with options in the order given
 * (diff's --old and --new need it) and POSIXLY_CORRECT cannot change what
 * a command line means; opterr is off and every mistake becomes a
 * catalog message.  getopt_long accepts unique prefixes of long names;
 * jxc does not (a script written against today's options must not change
 * meaning when another is added), so a long match is checked against the
 * word as written.
 */
#define _GNU_SOURCE /* getopt_long */
#include "opts.h"

#include "arena.h"
#include "cmds.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Keys of the options every command accepts; a command's own keys are
 * its business. */
enum {
  G_HELP = -100,
  G_VERSION,
  G_DIAGNOSTICS,
  G_LANG,
  G_COLOR,
  G_W,
  G_WERROR,
  G_MAX_ERRORS
};

/* The diagnostics options, with their help (cmd_help.c lists them). */
const jx_option jx_diag_options[] = {
    {"diagnostics", 0, true, G_DIAGNOSTICS, JX_M_NONE, "text|json|sarif", false,
     NULL, JX_M_OPT_DIAGNOSTICS},
    {"lang", 0, true, G_LANG, JX_M_NONE, "en|zh", false, NULL, JX_M_OPT_LANG},
    {"color", 0, true, G_COLOR, JX_M_NONE, "auto|always|never", false, NULL,
     JX_M_OPT_COLOR},
    {"Werror", 0, false, G_WERROR, JX_M_NONE, NULL, false, "-W error, --Werror",
     JX_M_OPT_WERROR},
    /* Shown for -W's other forms (the row above parses them all). */
    {NULL, 'W', true, G_W, JX_M_NONE, NULL, false, "-WCODE, -Wno-CODE",
     JX_M_OPT_W_CODE},
    {NULL, 'W', true, G_W, JX_M_NONE, NULL, false,
     "-Werror=CODE, -Wno-error=CODE", JX_M_OPT_WERROR_CODE},
    {"max-errors", 0, true, G_MAX_ERRORS, JX_M_NONE, "N", false, NULL,
     JX_M_OPT_MAX_ERRORS},
    {NULL, 0, false, 0, JX_M_NONE, NULL, false, NULL, JX_M_NONE},
};

/* Not listed in help: -h/--help. */
static const jx_option hidden_options[] = {
    {"help", 'h', false, G_HELP, JX_M_NONE, NULL, false, NULL, JX_M_NONE},
    {NULL, 0, false, 0, JX_M_NONE, NULL, false, NULL, JX_M_NONE},
};

static const jx_option version_options[] = {
    {"version", 'V', false, G_VERSION, JX_M_NONE, NULL, false, NULL, JX_M_NONE},
    {NULL, 0, false, 0, JX_M_NONE, NULL, false, NULL, JX_M_NONE},
};

static bool is_end(const jx_option *o) {
  return !o->name && !o->short_name && o->help == JX_M_NONE;
}

static bool is_option(const jx_option *o) {
  return o->name || o->short_name;
}

/* The tables joined, for one getopt_long run. */
typedef struct joined {
  const jx_option **rows;
  struct option *longs;
  char *shorts;
  int n;
} joined;

/* Long options' `val`: an index into rows, above every char value. */
#define LONG_BASE 256

static void join(joined *j, const jx_option *const *tables, int n_tables,
                 bool in_order) {
  int n = 0;
  for (int t = 0; t < n_tables; t++)
    for (const jx_option *o = tables[t]; o && !is_end(o); o++)
      n++;
  j->rows = jx_xcalloc((size_t)n + 1, sizeof *j->rows);
  j->longs = jx_xcalloc((size_t)n + 1, sizeof *j->longs);
  j->shorts = jx_xcalloc((size_t)n * 2 + 4, 1);
  /* '-': operands in order; '+': stop at the first one; ':': report a
   * missing value as ':' rather than '?'. */
  char *s = j->shorts;
  *s++ = in_order ? '-' : '+';
  *s++ = ':';
  int k = 0, nl = 0;
  for (int t = 0; t < n_tables; t++)
    for (const jx_option *o = tables[t]; o && !is_end(o); o++) {
      if (!is_option(o))
        continue;
      j->rows[k] = o;
      if (o->name) {
        j->longs[nl].name = o->name;
        j->longs[nl].has_arg = o->has_arg ? required_argument : no_argument;
        j->longs[nl].flag = NULL;
        j->longs[nl].val = LONG_BASE + k;
        nl++;
      }
      if (o->short_name) {
        *s++ = o->short_name;
        if (o->has_arg)
          *s++ = ':';
      }
      k++;
    }
  *s = '\0';
  j->n = k;
}

static void unjoin(joined *j) {
  free(j->rows);
  free(j->longs);
  free(j->shorts);
}

static const jx_option *short_row(const joined *j, int c) {
  for (int i = 0; i < j->n; i++)
    if (j->rows[i]->short_name == c)
      return j->rows[i];
  return NULL;
}

/* Keeps the first mistake only. */
static void mistake(jx_cmdline *cl, jx_diag_id id, const char *arg) {
  if (cl->failed || cl->help)
    return;
  cl->failed = true;
  cl->error = id;
  cl->error_arg = arg;
}

static void bad_choice(jx_cmdline *cl, const char *opt, const char *value,
                       const char *const *choices, size_t n, bool quote) {
  if (cl->failed || cl->help)
    return;
  mistake(cl, JX_U_VALUE, opt);
  cl->error_value = value;
  cl->error_list = choices;
  cl->n_error_list = n;
  cl->error_quote = quote;
}

static const char *const diagnostics_values[] = {"text", "json", "sarif"};
static const char *const lang_values[] = {"en", "zh"};
static const char *const color_values[] = {"auto", "always", "never"};
/* -W VALUE, as gcc reads it: error, no-error, CODE, no-CODE, error=CODE,
 * no-error=CODE.  CODE must be a warning's: an unknown one or an error's
 * is a mistake on the line. */
static void warning_option(jx_cmdline *cl, const char *v) {
  jx_diag_opts *o = &cl->dopt;
  if (strcmp(v, "error") == 0 || strcmp(v, "no-error") == 0) {
    o->werror = v[0] == 'e';
    o->werror_set = true;
    return;
  }
  jx_warn_action a = JX_WARN_ON;
  const char *code = v;
  if (strncmp(v, "error=", 6) == 0) {
    a = JX_WARN_ERROR;
    code = v + 6;
  } else if (strncmp(v, "no-error=", 9) == 0) {
    a = JX_WARN_NO_ERROR;
    code = v + 9;
  } else if (strncmp(v, "no-", 3) == 0) {
    a = JX_WARN_OFF;
    code = v + 3;
  }
  jx_code_kind k = jx_diag_code_kind(code);
  if (k != JX_CODE_WARNING) {
    if (cl->failed || cl->help)
      return;
    mistake(cl, k == JX_CODE_ERROR ? JX_U_W_ERROR_CODE : JX_U_W_UNKNOWN, code);
    cl->error_hint =
        k == JX_CODE_UNKNOWN ? jx_diag_warning_suggest(code) : NULL;
    return;
  }
  o->warn = jx_xrealloc(o->warn, (o->n_warn + 1) * sizeof *o->warn);
  o->warn[o->n_warn].code = code;
  o->warn[o->n_warn].action = a;
  o->n_warn++;
}

/* One of the options every command accepts. */
static void global(jx_cmdline *cl, int key, const char *v, bool *version) {
  jx_diag_opts *o = &cl->dopt;
  switch (key) {
  case G_HELP:
    if (!cl->failed)
      cl->help = true;
    break;
  case G_VERSION:
    *version = true;
    break;
  case G_DIAGNOSTICS:
    if (strcmp(v, "text") == 0)
      o->format = JX_DIAG_TEXT;
    else if (strcmp(v, "json") == 0)
      o->format = JX_DIAG_JSON;
    else if (strcmp(v, "sarif") == 0)
      o->format = JX_DIAG_SARIF;
    else
      bad_choice(cl, "--diagnostics", v, diagnostics_values, 3, false);
    break;
  case G_LANG:
    if (!jx_lang_parse(v, &o->lang))
      bad_choice(cl, "--lang", v, lang_values, 2, false);
    else
      o->lang_set = true;
    break;
  case G_COLOR:
    if (strcmp(v, "auto") == 0)
      o->color = -1;
    else if (strcmp(v, "always") == 0)
      o->color = 1;
    else if (strcmp(v, "never") == 0)
      o->color = 0;
    else
      bad_choice(cl, "--color", v, color_values, 3, false);
    break;
  case G_W:
    warning_option(cl, v);
    break;
  case G_WERROR:
    o->werror = o->werror_set = true;
    break;
  case G_MAX_ERRORS: {
    char *end;
    long n = strtol(v, &end, 10);
    if (*v == '\0' || *end != '\0' || n < 0 || n > 100000) {
      mistake(cl, JX_U_MAX_ERRORS, NULL);
    } else {
      o->max_errors = (int)n;
      o->max_errors_set = true;
    }
    break;
  }
  }
}

static void add_use(jx_cmdline *cl, int key, const jx_option *opt,
                    const char *value) {
  cl->use = jx_xrealloc(cl->use, (size_t)(cl->n_use + 1) * sizeof *cl->use);
  cl->use[cl->n_use].key = key;
  cl->use[cl->n_use].opt = opt;
  cl->use[cl->n_use].value = value;
  cl->n_use++;
  if (key == JX_OPERAND)
    cl->n_operands++;
}

/* The word a long option was written as, if it is the option's whole name
 * (with "=value" or not): getopt_long would take a prefix too. */
static bool whole_name(const char *word, const char *name) {
  size_t n = strlen(name);
  return strncmp(word, "--", 2) == 0 && strncmp(word + 2, name, n) == 0 &&
         (word[2 + n] == '\0' || word[2 + n] == '=');
}

/* Runs getopt_long over argv with the tables; returns optind after it. */
static int run(jx_cmdline *cl, int argc, char **argv,
               const jx_option *const *tables, int n_tables, bool in_order,
               bool *version) {
  joined j;
  join(&j, tables, n_tables, in_order);
  opterr = 0;
  optind = 0; /* glibc: start afresh, reading the optstring's flags again */
  for (;;) {
    int at = optind ? optind : 1;
    int li = -1;
    int c = getopt_long(argc, argv, j.shorts, j.longs, &li);
    if (c == -1)
      break;
    if (c == 1) { /* an operand, in order */
      add_use(cl, JX_OPERAND, NULL, optarg);
      continue;
    }
    const char *word = at < argc ? argv[at] : "";
    if (c == '?' || c == ':') {
      /* optopt: the short letter, or the long option's val, or 0 */
      const char *what = word;
      if (optopt > 0 && optopt < LONG_BASE && !cl->failed) {
        cl->error_short[0] = '-';
        cl->error_short[1] = (char)optopt;
        cl->error_short[2] = '\0';
        what = cl->error_short;
      }
      mistake(cl, c == ':' ? JX_U_NEEDS_VALUE : JX_U_UNKNOWN_OPTION, what);
      continue;
    }
    const jx_option *o =
        c >= LONG_BASE ? j.rows[c - LONG_BASE] : short_row(&j, c);
    if (!o)
      continue;
    if (c >= LONG_BASE && !whole_name(word, o->name)) {
      mistake(cl, JX_U_UNKNOWN_OPTION, word);
      continue;
    }
    if (o->key >= G_HELP && o->key <= G_MAX_ERRORS)
      global(cl, o->key, optarg, version);
    else
      add_use(cl, o->key, o, optarg);
  }
  int end = optind;
  unjoin(&j);
  return end;
}

int jx_opts_parse_global(jx_cmdline *cl, int argc, char **argv, bool *version) {
  const jx_option *tables[] = {jx_diag_options, hidden_options,
                               version_options};
  *version = false;
  if (argc < 2)
    return argc;
  return run(cl, argc, argv, tables, 3, false, version);
}

void jx_opts_parse(jx_cmdline *cl, const jx_command *cmd, int argc,
                   char **argv) {
  const jx_option *tables[] = {cmd->options, jx_diag_options, hidden_options};
  bool version = false;
  cl->cmd = cmd;
  int end = run(cl, argc, argv, tables, 3, true, &version);
  /* After "--", everything is an operand. */
  for (int i = end; i < argc; i++)
    add_use(cl, JX_OPERAND, NULL, argv[i]);
}

bool jx_opts_report(jx_cmdline *cl) {
  if (!cl->failed)
    return false;
  if (cl->error == JX_U_VALUE) {
    jx_usage_choices(cl, cl->error_arg, cl->error_value, cl->error_list,
                     cl->n_error_list, cl->error_quote);
  } else if (cl->error_hint) {
    /* -Wno-fund-missing: did you mean funds-missing? */
    jx_loc none = {0};
    const char *name = cl->cmd ? cl->cmd->name : "";
    jx_diag_usage(cl->d, name, cl->error, cl->error_arg);
    jx_diag_note(cl->d, JX_N_DID_YOU_MEAN, none, cl->error_hint);
    if (*name)
      jx_diag_note(cl->d, JX_N_TRY_HELP, none, name);
    else
      jx_diag_note(cl->d, JX_N_TRY_JXC, none);
    jx_diag_flush(cl->d);
  } else {
    jx_usage(cl, cl->error, cl->error_arg);
  }
  return true;
}

void jx_opts_free(jx_cmdline *cl) {
  free(cl->dopt.warn);
  cl->dopt.warn = NULL;
  cl->dopt.n_warn = 0;
  free(cl->use);
  cl->use = NULL;
  cl->n_use = cl->n_operands = 0;
}

int jx_usage(jx_cmdline *cl, jx_diag_id id, ...) {
  const char *name = cl->cmd ? cl->cmd->name : "";
  jx_loc none = {0};
  va_list ap;
  va_start(ap, id);
  jx_diag_vusage(cl->d, name, id, ap);
  va_end(ap);
  if (*name)
    jx_diag_note(cl->d, JX_N_TRY_HELP, none, name);
  else
    jx_diag_note(cl->d, JX_N_TRY_JXC, none);
  jx_diag_flush(cl->d);
  return JX_EXIT_USAGE;
}

int jx_usage_choices(jx_cmdline *cl, const char *opt, const char *value,
                     const char *const *choices, size_t n, bool quote) {
  jx_strbuf list[JX_LANG_COUNT];
  const char *text[JX_LANG_COUNT];
  memset(list, 0, sizeof list);
  for (int l = 0; l < JX_LANG_COUNT; l++) {
    jx_join(&list[l], (jx_lang)l, choices, n, quote);
    text[l] = list[l].p;
  }
  int rc = jx_usage(cl, JX_U_VALUE, opt, text, value);
  for (int l = 0; l < JX_LANG_COUNT; l++)
    jx_sb_free(&list[l]);
  return rc;
}

const char *jx_opt_last(const jx_cmdline *cl, int key) {
  const char *v = NULL;
  for (int i = 0; i < cl->n_use; i++)
    if (cl->use[i].key == key)
      v = cl->use[i].value;
  return v;
}

bool jx_opt_given(const jx_cmdline *cl, int key) {
  for (int i = 0; i < cl->n_use; i++)
    if (cl->use[i].key == key)
      return true;
  return false;
}

const char **jx_opts_operands(const jx_cmdline *cl) {
  const char **v = jx_xcalloc((size_t)cl->n_operands + 1, sizeof *v);
  int k = 0;
  for (int i = 0; i < cl->n_use; i++)
    if (cl->use[i].key == JX_OPERAND)
      v[k++] = cl->use[i].value;
  return v;
}

const jx_command *jx_command_find(const jx_command *table, const char *name) {
  for (const jx_command *c = table; c->name; c++)
    if (strcmp(c->name, name) == 0)
      return c;
  return NULL;
}
