/*
 * cmd_diff.c — the `jxc diff` command: options, the two sides, the exit
 * status of diff(1), and the git diff-driver mode (see diff_model.h,
 * docs/diff.md).  Each side is a plan the loader keeps whole (load.h), but
 * for the projects that did not change (diff_stream.h).
 *
 * Diagnostics are collected rather than printed as they come: a side that
 * checks clean may still have warnings, and those belong to `jxc check`, not
 * to a report of what changed.  They are shown only when a side has errors,
 * which ends the run with status 2 before anything is compared.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "cmds.h"
#include "config.h"
#include "diff_model.h"
#include "diff_render.h"
#include "diff_stream.h"
#include "eval.h"
#include "load.h"
#include "parse.h"
#include "table.h"

enum { D_FORMAT = 1, D_OLD, D_NEW, D_GIT };

const jx_option jx_diff_options[] = {
    {NULL, 0, false, 0, JX_M_NONE, NULL, false, NULL, JX_M_HEAD_OPTIONS},
    {"format", 'f', true, D_FORMAT, JX_M_ARG_FORMAT, NULL, false, NULL,
     JX_M_OPT_FORMAT_DIFF},
    {"old", 0, false, D_OLD, JX_M_ARG_FILES, NULL, true, NULL, JX_M_OPT_OLD},
    {"new", 0, false, D_NEW, JX_M_ARG_FILES, NULL, true, NULL, JX_M_OPT_NEW},
    {"git", 0, false, D_GIT, JX_M_NONE, NULL, false, NULL, JX_M_OPT_GIT},
    {NULL, 0, false, 0, JX_M_NONE, NULL, false, NULL, JX_M_NONE},
};

typedef struct captured {
  jx_out buf;
} captured;

static void capture(void *ud, const char *text, size_t n) {
  jx_out_write(&((captured *)ud)->buf, text, n);
}

typedef struct diff_args {
  const char **old_files, **new_files;
  int n_old, n_new;
  jx_diff_format format;
  bool git;
} diff_args;

static void put_msg(FILE *f, jx_lang lang, jx_msg id, ...) {
  jx_strbuf sb = {0};
  va_list ap;
  va_start(ap, id);
  jx_msg_vprintf(&sb, lang, id, ap);
  va_end(ap);
  fwrite(sb.p ? sb.p : "", 1, sb.n, f);
  jx_sb_free(&sb);
}

/* The sides, from the options and operands in order.  Returns -1 to go
 * on, or an exit status. */
static int parse_args(jx_cmdline *cl, diff_args *a) {
  int n = cl->n_use;
  const char **plain = jx_xcalloc((size_t)n + 1, sizeof *plain);
  int n_plain = 0, side = 0; /* 0 plain, 1 --old, 2 --new */
  a->old_files = jx_xcalloc((size_t)n + 2, sizeof *a->old_files);
  a->new_files = jx_xcalloc((size_t)n + 1, sizeof *a->new_files);
  int rc = -1;
  for (int i = 0; i < n && rc < 0; i++) {
    const jx_optuse *u = &cl->use[i];
    const char *v = u->value;
    switch (u->key) {
    case JX_OPERAND:
      if (side == 1)
        a->old_files[a->n_old++] = v;
      else if (side == 2)
        a->new_files[a->n_new++] = v;
      else
        plain[n_plain++] = v;
      break;
    case D_OLD:
      side = 1;
      break;
    case D_NEW:
      side = 2;
      break;
    case D_GIT:
      a->git = true;
      break;
    case D_FORMAT:
      if (strcmp(v, "text") == 0)
        a->format = JX_DIFF_FMT_TEXT;
      else if (strcmp(v, "md") == 0 || strcmp(v, "markdown") == 0)
        a->format = JX_DIFF_FMT_MD;
      else if (strcmp(v, "json") == 0)
        a->format = JX_DIFF_FMT_JSON;
      else {
        static const char *const formats[] = {"text", "md", "json"};
        rc = jx_usage_choices(cl, "--format", v, formats, 3, false);
      }
      break;
    }
  }
  if (rc < 0 && a->git) {
    /* git passes: path old-file old-hex old-mode new-file new-hex
     * new-mode (or the path alone for an unmerged file). */
    if (n_plain == 1) {
      put_msg(stdout, cl->dopt.lang, JX_M_DIFF_UNMERGED, plain[0]);
      rc = JX_EXIT_OK;
    } else if (n_plain != 7 || a->n_old || a->n_new) {
      rc = jx_usage(cl, JX_U_DIFF_GIT);
    } else {
      a->old_files[a->n_old++] = plain[1];
      a->new_files[a->n_new++] = plain[4];
      a->old_files[a->n_old] = plain[0]; /* the path, for headings */
    }
  } else if (rc < 0) {
    if (n_plain && (a->n_old || a->n_new))
      rc = jx_usage(cl, JX_U_DIFF_BOTH);
    else if (n_plain == 2) {
      a->old_files[a->n_old++] = plain[0];
      a->new_files[a->n_new++] = plain[1];
    } else if (n_plain)
      rc = jx_usage(cl, JX_U_DIFF_TWO);
    else if (!a->n_old || !a->n_new)
      rc = jx_usage(cl, JX_U_DIFF_SIDE,
                    (int)(a->n_old ? JX_M_SIDE_NEW : JX_M_SIDE_OLD));
  }
  free(plain);
  return rc;
}

/* "a.jx" or "a.jx (+2 files)". */
static char *side_name(const char *const *files, int n, jx_lang lang) {
  jx_strbuf sb = {0};
  if (n > 1)
    jx_msg_printf(&sb, lang,
                  n > 2 ? JX_M_DIFF_SIDE_FILES_N : JX_M_DIFF_SIDE_FILES,
                  files[0], n - 1);
  else
    jx_sb_puts(&sb, files[0]);
  return sb.p;
}

/* Whether every input can be read a second time: regular files, not
 * standard input or a pipe. */
static bool rereadable(const char *const *files, int n) {
  for (int i = 0; i < n; i++) {
    struct stat st;
    if (strcmp(files[i], "-") == 0 || stat(files[i], &st) != 0 ||
        !S_ISREG(st.st_mode))
      return false;
  }
  return true;
}

/* One side's load for pass 1 or 2 (diff_stream.h).  With `trust`, the
 * side can be read again, and is loaded without the checker's set of
 * project codes; when it then has errors or may have a code twice, it is
 * loaded again with the set, and what the first load reported is dropped:
 * the report is the checker's, code-duplicate and all. */
static int load_side(jx_cmdline *cl, captured *cap, jx_diff_stream *ds,
                     int pass, jx_source ***src, const char **files, int n,
                     const char *const *names, bool trust,
                     jx_loaded_plan **plan) {
  jx_diag *d = cl->d;
  jx_diag_mark mark = jx_diag_get_mark(d);
  size_t len = cap->buf.len;
  jx_load_job job = {.sources = *src,
                     .n = n,
                     .names = names,
                     .mode = JX_LOAD_WHOLE,
                     .trusted_codes = trust};
  jx_config_job(cl->config, &job);
  jx_diff_stream_pass(ds, pass, &job, NULL);
  int rc = jx_load(&job, d, plan);
  if (!trust || (rc == 0 && !jx_diff_stream_doubt(ds, pass)))
    return rc;
  jx_diag_rewind(d, &mark);
  cap->buf.len = len;
  jx_loaded_free(*plan);
  *plan = NULL;
  jx_sources_close(*src, n);
  *src = jx_sources_open(files, n, d);
  if (!*src)
    return 2;
  job.sources = *src;
  job.trusted_codes = false;
  jx_diff_stream_pass(ds, pass, &job, NULL);
  return jx_load(&job, d, plan);
}

/* Pass 3 reads the old side again: its warnings were had in pass 1 (and
 * are shown only when a side has errors), so only errors are kept. */
typedef struct errors_only {
  captured *cap;
  const jx_diag_opts *o;
  int warnings;
} errors_only;

static void keep_errors(void *ud, const jx_diag_record *r) {
  errors_only *e = ud;
  if (r->main.sev != JX_SEV_ERROR) {
    e->warnings += r->main.sev == JX_SEV_WARNING;
    return;
  }
  jx_strbuf sb = {0};
  if (e->o->format == JX_DIAG_JSON)
    jx_diag_render_json(&sb, r, e->o->lang);
  else
    jx_diag_render_text(&sb, r, e->o->lang, false);
  jx_out_write(&e->cap->buf, sb.p ? sb.p : "", sb.n);
  jx_sb_free(&sb);
}

/* What says a file is the one read before: size and modification time. */
typedef struct stamp {
  long long size, sec, nsec;
} stamp;

static stamp stamp_of(const char *path) {
  stamp t = {-1, 0, 0};
  struct stat st;
  if (stat(path, &st) == 0) {
    t.size = (long long)st.st_size;
    t.sec = (long long)st.st_mtime;
#ifdef _WIN32
    t.nsec = 0;
#else
    t.nsec = (long long)st.st_mtim.tv_nsec;
#endif
  }
  return t;
}

static void quiet(void *ud, const char *text, size_t n) {
  (void)ud;
  (void)text;
  (void)n;
}

static void no_project(void *ud, jx_node *n, const jx_node *unit) {
  (void)ud;
  (void)n;
  (void)unit;
}

static void count_block(void *ud, jx_node *n) {
  (void)n;
  ++*(size_t *)ud;
}

/* Whether path holds actuals (eval.h), so that diff picks its mode.
 * jx_actuals_sniff reads the file whole, twice over; a plan of a
 * gigabyte is not read so: past SNIFF_WHOLE bytes, a file that does not
 * start like a table is streamed through the parser, looking for the
 * `actuals` and `profile` blocks that sniff's parse looks for. */
enum { SNIFF_WHOLE = 8 << 20, SNIFF_HEAD = 64 << 10 };

static bool is_actuals(const char *path) {
  struct stat st;
  if (!path || strcmp(path, "-") == 0)
    return false;
  if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= SNIFF_WHOLE)
    return jx_actuals_sniff(path);
  jx_diag *d = jx_diag_new();
  jx_diag_set_writer(d, quiet, NULL);
  jx_source *src = jx_source_open(path, d);
  bool yes = false;
  if (src) {
    char *head = jx_xmalloc(SNIFF_HEAD);
    size_t n = 0, got;
    while (n < SNIFF_HEAD &&
           (got = jx_source_read(src, head + n, SNIFF_HEAD - n)) > 0)
      n += got;
    bool table = jx_table_looks_delimited(head, n);
    free(head);
    jx_source_close(src);
    if (table) {
      yes = jx_actuals_sniff(path);
    } else if ((src = jx_source_open(path, d))) {
      size_t found = 0;
      jx_sink look = {&found,     NULL, NULL,        NULL,       NULL,
                      no_project, NULL, count_block, count_block};
      jx_parse_options opt = {false, false, NULL};
      jx_arena scratch;
      jx_arena_init(&scratch);
      jx_parse_source(src, jx_source_register(src, NULL), d, &scratch, &look,
                      &opt, NULL);
      jx_arena_free(&scratch);
      jx_source_close(src);
      yes = found > 0;
    }
  }
  jx_diag_free(d);
  return yes;
}

/* Two actuals files (eval.h), compared by meaning: 0 the same, 1 not,
 * 2 when either side cannot be read or has errors. */
static int actuals_diff(jx_cmdline *cl, const diff_args *a) {
  jx_actuals x, y;
  int rx = jx_actuals_read(&x, a->old_files[0], cl->d);
  int ry = jx_actuals_read(&y, a->new_files[0], cl->d);
  int rc = JX_EXIT_USAGE;
  jx_diag_flush(cl->d);
  if (rx == 0 && ry == 0) {
    jx_out out;
    jx_out_init_fd(&out, STDOUT_FILENO);
    rc = jx_ev_diff_actuals(&x, &y, a->old_files[0], a->new_files[0],
                            a->format == JX_DIFF_FMT_JSON ? JX_EV_JSON
                                                          : JX_EV_TEXT,
                            cl->dopt.lang, &out);
    if (jx_out_flush(&out) != 0) {
      jx_report_write(cl->d, NULL, out.errno_saved);
      rc = JX_EXIT_USAGE;
    }
    jx_out_free(&out);
  }
  jx_diag_summary(cl->d);
  jx_actuals_free(&x);
  jx_actuals_free(&y);
  return rc;
}

int jx_cmd_diff(jx_cmdline *cl) {
  diff_args a;
  memset(&a, 0, sizeof a);
  int rc = parse_args(cl, &a);
  if (rc < 0 && !a.git && a.n_old == 1 && a.n_new == 1 &&
      is_actuals(a.old_files[0]) && is_actuals(a.new_files[0]))
    rc = actuals_diff(cl, &a);
  if (rc >= 0) {
    free(a.old_files);
    free(a.new_files);
    return rc;
  }
  jx_lang lang = cl->dopt.lang;
  captured cap;
  jx_out_init_mem(&cap.buf);
  jx_diag *d = cl->d;
  jx_diag_set_writer(d, capture, &cap);
  jx_loaded_plan *old_plan = NULL, *new_plan = NULL;
  char *old_name, *new_name;
  const char *on[1], *nn[1];
  if (a.git) {
    /* git hands over temporary files: report them as a/PATH and b/PATH. */
    const char *path = a.old_files[1];
    size_t len = strlen(path) + 3;
    old_name = jx_xmalloc(len);
    new_name = jx_xmalloc(len);
    snprintf(old_name, len, "a/%s", path);
    snprintf(new_name, len, "b/%s", path);
    on[0] = old_name;
    nn[0] = new_name;
  } else {
    old_name = side_name(a.old_files, a.n_old, lang);
    new_name = side_name(a.new_files, a.n_new, lang);
  }
  /* Both sides' files are all opened before either is read.  The old
   * side is read twice when it can be, keeping only what changed
   * (diff_stream.h). */
  jx_diff_stream ds;
  jx_diff_stream_init(&ds, rereadable(a.old_files, a.n_old));
  stamp *stamps = jx_xcalloc((size_t)a.n_old + 1, sizeof *stamps);
  for (int i = 0; ds.bounded && i < a.n_old; i++)
    stamps[i] = stamp_of(a.old_files[i]);
  jx_source **old_src = jx_sources_open(a.old_files, a.n_old, d);
  jx_source **new_src = jx_sources_open(a.new_files, a.n_new, d);
  int ro = old_src ? 0 : 2, rn = new_src ? 0 : 2;
  if (old_src && new_src) {
    /* A side is loaded without the checker's set of codes when it can be
     * read again: the new side only when the old one checked clean. */
    ro = load_side(cl, &cap, &ds, 1, &old_src, a.old_files, a.n_old,
                   a.git ? on : NULL, ds.bounded, &old_plan);
    if (ds.bounded) { /* pass 1 kept nothing but its status */
      jx_loaded_free(old_plan);
      old_plan = NULL;
    }
    rn = load_side(
        cl, &cap, &ds, 2, &new_src, a.new_files, a.n_new, a.git ? nn : NULL,
        ds.bounded && !ro && rereadable(a.new_files, a.n_new), &new_plan);
  }
  jx_sources_close(old_src, a.n_old);
  jx_sources_close(new_src, a.n_new);
  if (ds.bounded && !ro && !rn) {
    jx_loaded_free(old_plan);
    old_plan = NULL;
    old_src = jx_sources_open(a.old_files, a.n_old, d);
    ro = 2;
    if (old_src) {
      jx_load_job job = {.sources = old_src,
                         .n = a.n_old,
                         .names = a.git ? on : NULL,
                         .mode = JX_LOAD_WHOLE,
                         .trusted_codes = true};
      jx_config_job(cl->config, &job); /* the defaults pass 1 had */
      jx_diff_stream_pass(&ds, 3, &job, new_plan);
      errors_only eo = {&cap, &cl->dopt, 0};
      jx_diag_set_sink(d, keep_errors, &eo);
      ro = jx_load(&job, d, &old_plan);
      jx_diag_set_sink(d, NULL, NULL);
      jx_diag_add_counts(d, 0, -eo.warnings);
      jx_sources_close(old_src, a.n_old);
    }
    /* Pass 3 takes the old side's projects to come as in pass 1: a file
     * changed in between would pair the wrong ones. */
    for (int i = 0; i < a.n_old && ro != 2; i++) {
      stamp t = stamp_of(a.old_files[i]);
      if (ds.n_old3 != ds.n_old || ds.n_units3 != ds.n_units1 ||
          t.size != stamps[i].size || t.sec != stamps[i].sec ||
          t.nsec != stamps[i].nsec) {
        jx_diag_report_file(d, JX_E_READ_REREAD, a.old_files[i],
                            a.git ? on[0] : a.old_files[i]);
        ro = 2;
      }
    }
  }
  free(stamps);
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
      jx_diag_set_writer(d, NULL, NULL);
      jx_diag_write(d, text, n); /* stderr, or SARIF's pieces */
    }
    jx_msg which = ro && rn ? JX_M_DIFF_BOTH_HAVE
                   : ro     ? JX_M_DIFF_OLD_HAS
                            : JX_M_DIFF_NEW_HAS;
    jx_msg what = ro == 2 || rn == 2 ? JX_M_DIFF_UNREADABLE : JX_M_DIFF_ERRORS;
    /* Like the summary, a line for people: JSON has said it all. */
    if (cl->dopt.format == JX_DIAG_TEXT)
      put_msg(stderr, lang, JX_M_DIFF_NOTHING_COMPARED, (int)which, (int)what);
    rc = JX_EXIT_USAGE;
    if (a.git) {
      /* git stops at the first driver that fails: say so in the output
       * and let `git log -p` go on. */
      jx_strbuf sb = {0};
      jx_msg_printf(&sb, lang, JX_M_DIFF_GIT_CANNOT, old_name, new_name,
                    (int)which, (int)what);
      jx_out_write(&out, sb.p, sb.n);
      jx_sb_free(&sb);
      rc = JX_EXIT_OK;
    }
  } else {
    jx_diff df;
    jx_diff_compute(&df, old_plan, new_plan, d);
    jx_diff_stream_summary(&ds, &df);
    jx_diff_render_opts ropt = {a.format, jx_stdout_color(cl->dopt.color),
                                old_name, new_name, lang};
    if (df.n_items || a.format == JX_DIFF_FMT_JSON) {
      jx_diff_render(&out, &df, &ropt);
    } else if (a.git) {
      jx_strbuf sb = {0};
      jx_msg_printf(&sb, lang, JX_M_DIFF_GIT_SAME, old_name, new_name);
      jx_out_write(&out, sb.p, sb.n);
      jx_sb_free(&sb);
    }
    rc = df.n_items ? JX_EXIT_INPUT : JX_EXIT_OK;
    if (a.git)
      rc = JX_EXIT_OK;
    jx_diff_free(&df);
  }
  /* What the engine says from here on (a write error) is not captured. */
  jx_diag_set_writer(d, NULL, NULL);
  if (jx_out_flush(&out) != 0) {
    jx_report_write(d, NULL, out.errno_saved);
    jx_diag_flush(d);
    rc = JX_EXIT_USAGE;
  }
  jx_out_free(&out);
  jx_diff_stream_free(&ds);
  jx_loaded_free(old_plan);
  jx_loaded_free(new_plan);
  jx_out_free(&cap.buf);
  free(old_name);
  free(new_name);
  free(a.old_files);
  free(a.new_files);
  return rc;
}
