/*
 * cmd_diff.c — the `jxc diff` command: options, the two sides, the exit
 * status of diff(1), and the git diff-driver mode (see diff.h, docs/diff.md).
 *
 * Diagnostics are collected rather than printed as they come: a side that
 * checks clean may still have warnings, and those belong to `jxc check`, not
 * to a report of what changed.  They are shown only when a side has errors,
 * which ends the run with status 2 before anything is compared.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "diff.h"

const char jx_diff_usage[] =
    "usage: jxc diff [options] OLD NEW\n"
    "       jxc diff [options] --old FILE... --new FILE...\n"
    "       jxc diff --git PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX "
    "NEW-MODE\n"
    "\n"
    "Compares two plans by meaning: projects added, removed, renamed or\n"
    "re-coded; budgets and funds with their delta; schedules per month;\n"
    "goals and other texts with an inline difference; indicators added,\n"
    "removed or changed, each value change marked tightened or loosened.\n"
    "Layout, comments, keyword spelling (English or Chinese), the order of\n"
    "declarations and unit conversions (89.1万元 = 891000元) are not\n"
    "differences.  Both sides are checked first.\n"
    "\n"
    "Options:\n"
    "  -f, --format=FORMAT  text (default), md (a review comment) or json\n"
    "  --old FILE...        the old side as several files (up to --new)\n"
    "  --new FILE...        the new side as several files\n"
    "  --git                act as a git diff driver (7 arguments, see\n"
    "                       docs/diff.md); always exits 0 unless in trouble\n"
    "\n" JX_DIAG_OPTS_HELP "\n"
    "Exit status: 0 no differences in meaning, 1 differences, 2 trouble\n"
    "(usage, unreadable files, or a side with errors).\n";

typedef struct captured {
  jx_out buf;
} captured;

static void capture(void *ud, const char *text, size_t n) {
  jx_out_write(&((captured *)ud)->buf, text, n);
}

static bool stdout_color(int opt) {
  if (opt >= 0)
    return opt == 1;
  const char *nc = getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && !(nc && *nc);
}

typedef struct diff_args {
  const char **old_files, **new_files;
  int n_old, n_new;
  jx_diff_format format;
  bool git;
  jx_diag_opts dopt;
} diff_args;

/* Returns -1 to go on, or an exit status. */
static int parse_args(diff_args *a, int argc, char **argv) {
  const char **plain = calloc((size_t)argc + 1, sizeof *plain);
  int n_plain = 0, side = 0; /* 0 plain, 1 --old, 2 --new */
  bool only_files = false;
  a->old_files = calloc((size_t)argc + 1, sizeof *a->old_files);
  a->new_files = calloc((size_t)argc + 1, sizeof *a->new_files);
  int rc = -1;
  for (int i = 1; i < argc && rc < 0; i++) {
    const char *s = argv[i], *v;
    int r;
    if (only_files || s[0] != '-' || strcmp(s, "-") == 0) {
      if (side == 1)
        a->old_files[a->n_old++] = s;
      else if (side == 2)
        a->new_files[a->n_new++] = s;
      else
        plain[n_plain++] = s;
    } else if (strcmp(s, "--") == 0) {
      only_files = true;
    } else if (strcmp(s, "-h") == 0 || strcmp(s, "--help") == 0) {
      fputs(jx_diff_usage, stdout);
      rc = JX_EXIT_OK;
    } else if (strcmp(s, "--old") == 0) {
      side = 1;
    } else if (strcmp(s, "--new") == 0) {
      side = 2;
    } else if (strcmp(s, "--git") == 0) {
      a->git = true;
    } else if ((r = jx_opt_value("diff", "--format", "-f", argc, argv, &i,
                                 &v))) {
      if (r < 0)
        rc = JX_EXIT_USAGE;
      else if (strcmp(v, "text") == 0)
        a->format = JX_DIFF_FMT_TEXT;
      else if (strcmp(v, "md") == 0 || strcmp(v, "markdown") == 0)
        a->format = JX_DIFF_FMT_MD;
      else if (strcmp(v, "json") == 0)
        a->format = JX_DIFF_FMT_JSON;
      else
        rc = jx_usage_error("diff",
                            "--format takes text, md or json, not "
                            "'%s'",
                            v);
    } else {
      r = jx_diag_opts_parse(&a->dopt, "diff", argc, argv, &i);
      if (r < 0)
        rc = JX_EXIT_USAGE;
      else if (r == 0)
        rc = jx_usage_error("diff", "unknown option '%s'", s);
    }
  }
  if (rc < 0 && a->git) {
    /* git passes: path old-file old-hex old-mode new-file new-hex
     * new-mode (or the path alone for an unmerged file). */
    if (n_plain == 1) {
      printf("* Unmerged path %s\n", plain[0]);
      rc = JX_EXIT_OK;
    } else if (n_plain != 7 || a->n_old || a->n_new) {
      rc = jx_usage_error("diff", "--git takes the 7 arguments git passes "
                                  "to a diff driver");
    } else {
      a->old_files[a->n_old++] = plain[1];
      a->new_files[a->n_new++] = plain[4];
      a->old_files[a->n_old] = plain[0]; /* the path, for headings */
    }
  } else if (rc < 0) {
    if (n_plain && (a->n_old || a->n_new))
      rc = jx_usage_error("diff", "give OLD NEW or --old … --new …, not "
                                  "both");
    else if (n_plain == 2) {
      a->old_files[a->n_old++] = plain[0];
      a->new_files[a->n_new++] = plain[1];
    } else if (n_plain)
      rc = jx_usage_error("diff", "expected two files, OLD and NEW");
    else if (!a->n_old || !a->n_new)
      rc = jx_usage_error("diff", "no files for the %s side",
                          a->n_old ? "new" : "old");
  }
  free(plain);
  return rc;
}

/* "a.jx" or "a.jx (+2 files)". */
static char *side_name(const char *const *files, int n) {
  size_t len = strlen(files[0]) + 32;
  char *s = malloc(len);
  if (n > 1)
    snprintf(s, len, "%s (+%d file%s)", files[0], n - 1, n > 2 ? "s" : "");
  else
    snprintf(s, len, "%s", files[0]);
  return s;
}

int jx_cmd_diff(int argc, char **argv) {
  diff_args a;
  memset(&a, 0, sizeof a);
  jx_diag_opts_init(&a.dopt);
  int rc = parse_args(&a, argc, argv);
  if (rc >= 0) {
    free(a.old_files);
    free(a.new_files);
    return rc;
  }
  captured cap;
  jx_out_init_mem(&cap.buf);
  jx_diag *d = jx_diag_from_opts(&a.dopt);
  jx_diag_set_writer(d, capture, &cap);
  jx_diff_side old_side, new_side;
  memset(&old_side, 0, sizeof old_side);
  memset(&new_side, 0, sizeof new_side);
  char *old_name, *new_name;
  const char *on[1], *nn[1];
  if (a.git) {
    /* git hands over temporary files: report them as a/PATH and b/PATH. */
    const char *path = a.old_files[1];
    size_t len = strlen(path) + 3;
    old_name = malloc(len);
    new_name = malloc(len);
    snprintf(old_name, len, "a/%s", path);
    snprintf(new_name, len, "b/%s", path);
    on[0] = old_name;
    nn[0] = new_name;
  } else {
    old_name = side_name(a.old_files, a.n_old);
    new_name = side_name(a.new_files, a.n_new);
  }
  /* Both sides' files are all opened before either is read. */
  jx_source **old_src = jx_sources_open(a.old_files, a.n_old, d);
  jx_source **new_src = jx_sources_open(a.new_files, a.n_new, d);
  int ro = old_src ? 0 : 2, rn = new_src ? 0 : 2;
  if (old_src && new_src) {
    ro = jx_diff_side_load_sources(&old_side, old_src, a.git ? on : NULL,
                                   a.n_old, d);
    rn = jx_diff_side_load_sources(&new_side, new_src, a.git ? nn : NULL,
                                   a.n_new, d);
  }
  jx_sources_close(old_src, a.n_old);
  jx_sources_close(new_src, a.n_new);
  jx_diag_flush(d);
  jx_out out;
  jx_out_init_fd(&out, STDOUT_FILENO);
  if (ro || rn) {
    if (jx_diag_errors(d) > 0) {
      /* Only errors make the case; an unreadable file alone needs no
       * warnings about the files that were read. */
      jx_diag_summary(d);
      size_t n;
      const char *text = jx_out_data(&cap.buf, &n);
      fwrite(text, 1, n, stderr);
    }
    const char *which = ro && rn ? "both sides have"
                        : ro     ? "the old side has"
                                 : "the new side has";
    bool io = ro == 2 || rn == 2;
    fprintf(stderr, "jxc diff: %s %s; nothing compared\n", which,
            io ? "unreadable files" : "errors");
    rc = JX_EXIT_USAGE;
    if (a.git) {
      /* git stops at the first driver that fails: say so in the output
       * and let `git log -p` go on. */
      jx_out_printf(&out,
                    "--- %s\n+++ %s\njxc: cannot compare by meaning (%s "
                    "%s); see git diff --no-ext-diff\n",
                    old_name, new_name, which,
                    io ? "unreadable files" : "errors");
      rc = JX_EXIT_OK;
    }
  } else {
    jx_diff df;
    jx_diff_compute(&df, &old_side, &new_side, d);
    jx_diff_render_opts ropt = {a.format, stdout_color(a.dopt.color), old_name,
                                new_name};
    if (df.n_items || a.format == JX_DIFF_FMT_JSON)
      jx_diff_render(&out, &df, &ropt);
    else if (a.git)
      jx_out_printf(&out,
                    "--- %s\n+++ %s\n(no differences in meaning: layout, "
                    "comments or spelling only)\n",
                    old_name, new_name);
    rc = df.n_items ? JX_EXIT_INPUT : JX_EXIT_OK;
    if (a.git)
      rc = JX_EXIT_OK;
    jx_diff_free(&df);
  }
  if (jx_out_flush(&out) != 0) {
    fprintf(stderr, "jxc diff: cannot write output\n");
    rc = JX_EXIT_USAGE;
  }
  jx_out_free(&out);
  jx_diff_side_free(&old_side);
  jx_diff_side_free(&new_side);
  jx_diag_free(d);
  jx_out_free(&cap.buf);
  free(old_name);
  free(new_name);
  free(a.old_files);
  free(a.new_files);
  return rc;
}
