/*
 * cmd_help.c — `jxc help [COMMAND | TOPIC]`, `jxc version`, and the help
 * texts (a topic's page is help_topics.c's),
 * made from the command table and the option tables in the language asked
 * for: usage lines, what the command does, its options in groups under
 * their headings, the diagnostics options, the exit status.
 *
 * An option's description starts in one column per group, two past the
 * longest option but never past column 27, so that one very long option
 * (--color=auto|always|never) does not push the whole list right; widths
 * are display widths, Chinese placeholders taking two columns a character.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmds.h"
#include "jixiao.h"
#include "text_width.h"

/* The column descriptions start at, at most. */
#define HELP_COLUMN 27

/* "-f, --format=FORMAT", "--old FILE...", "--bom". */
static void left_column(jx_strbuf *out, const jx_option *o, jx_lang lang) {
  if (o->left) {
    jx_sb_puts(out, o->left);
    return;
  }
  if (o->short_name) {
    char s[3] = {'-', o->short_name, '\0'};
    jx_sb_puts(out, s);
    if (o->name)
      jx_sb_puts(out, ", ");
  }
  if (o->name) {
    jx_sb_puts(out, "--");
    jx_sb_puts(out, o->name);
  }
  const char *arg = o->arg_text           ? o->arg_text
                    : o->arg != JX_M_NONE ? jx_msg_text(o->arg, lang)
                                          : NULL;
  if (arg) {
    jx_sb_puts(out, o->spaced || !o->name ? " " : "=");
    jx_sb_puts(out, arg);
  }
}

/* The options of one group: rows up to the next heading or the end. */
static const jx_option *put_group(jx_strbuf *out, const jx_option *o,
                                  jx_lang lang) {
  jx_strbuf left = {0};
  size_t widest = 0;
  const jx_option *end = o;
  for (; end->name || end->short_name; end++) {
    jx_sb_clear(&left);
    left_column(&left, end, lang);
    size_t w = 2 + jx_text_width_z(left.p);
    if (w > widest)
      widest = w;
  }
  size_t col = widest + 2 < HELP_COLUMN ? widest + 2 : HELP_COLUMN;
  for (; o < end; o++) {
    jx_sb_clear(&left);
    left_column(&left, o, lang);
    size_t w = 2 + jx_text_width_z(left.p);
    jx_sb_puts(out, "  ");
    jx_sb_puts(out, left.p);
    jx_sb_fill(out, ' ', w + 2 <= col ? col - w : 2);
    /* A description of several lines goes on under its first. */
    const char *d = jx_msg_text(o->help, lang);
    for (;;) {
      const char *nl = strchr(d, '\n');
      jx_sb_add(out, d, nl ? (size_t)(nl - d) : strlen(d));
      jx_sb_puts(out, "\n");
      if (!nl)
        break;
      d = nl + 1;
      jx_sb_fill(out, ' ', col);
    }
  }
  jx_sb_free(&left);
  return end;
}

/* Every group of a table, each after a blank line and its heading. */
static void put_table(jx_strbuf *out, const jx_option *o, jx_msg heading,
                      jx_lang lang) {
  while (o && (o->name || o->short_name || o->help != JX_M_NONE)) {
    jx_sb_puts(out, "\n");
    if (!o->name && !o->short_name) { /* a heading row */
      heading = o->help;
      o++;
    }
    if (heading != JX_M_NONE) {
      jx_sb_puts(out, jx_msg_text(heading, lang));
      jx_sb_puts(out, "\n");
    }
    heading = JX_M_NONE;
    o = put_group(out, o, lang);
  }
}

void jx_help_command(jx_strbuf *out, const jx_command *c, jx_lang lang) {
  jx_sb_puts(out, jx_msg_text(c->usage, lang));
  if (c->about != JX_M_NONE) {
    jx_sb_puts(out, "\n");
    jx_sb_puts(out, jx_msg_text(c->about, lang));
  }
  put_table(out, c->options, JX_M_NONE, lang);
  if (c->diag_help)
    put_table(out, jx_diag_options, JX_M_HEAD_DIAGNOSTICS, lang);
  if (c->exit != JX_M_NONE) {
    jx_sb_puts(out, "\n");
    jx_sb_puts(out, jx_msg_text(c->exit, lang));
  }
}

void jx_help_overview(jx_strbuf *out, const jx_command *table, jx_lang lang) {
  jx_sb_puts(out, jx_msg_text(JX_M_HELP_OVERVIEW, lang));
  for (const jx_command *c = table; c->name; c++) {
    jx_sb_printf(out, "  %-9s ", c->name);
    jx_sb_puts(out, jx_msg_text(c->summary, lang));
    jx_sb_puts(out, "\n");
  }
  jx_sb_puts(out, jx_msg_text(JX_M_HELP_OVERVIEW_END, lang));
}

int jx_cmd_help(jx_cmdline *cl) {
  const char **names = jx_opts_operands(cl);
  jx_strbuf sb = {0};
  int rc = JX_EXIT_OK;
  if (!names[0]) {
    jx_help_overview(&sb, cl->commands, cl->dopt.lang);
  } else {
    const jx_command *c = jx_command_find(cl->commands, names[0]);
    if (c) {
      jx_help_command(&sb, c, cl->dopt.lang);
    } else if (!jx_help_topic(&sb, names[0], cl->dopt.lang)) {
      /* jxc help 指标类, jxc help unit: say what is near. */
      jx_loc none = {0};
      const char *near = jx_help_suggest(cl->commands, names[0]);
      jx_diag_usage(cl->d, "help", JX_U_NO_TOPIC, names[0]);
      if (near)
        jx_diag_note(cl->d, JX_N_DID_YOU_MEAN, none, near);
      jx_diag_note(cl->d, JX_N_TRY_TOPICS, none);
      jx_diag_flush(cl->d);
      rc = JX_EXIT_USAGE;
    }
  }
  fwrite(sb.p ? sb.p : "", 1, sb.n, stdout);
  jx_sb_free(&sb);
  free((void *)names);
  return rc;
}

int jx_cmd_version(jx_cmdline *cl) {
  (void)cl;
  printf("jxc %s\n", JX_VERSION);
  return JX_EXIT_OK;
}
