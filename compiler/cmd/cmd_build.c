/*
 * cmd_build.c — `jxc build [-f FORMAT] [-o FILE] FILE...`: check the files
 * and compile the plan they form with one of the back ends (backend.h).
 *
 * With -o the output is written to a temporary and renamed over FILE only
 * when the whole build succeeded (out.h), so errors in the input never
 * leave a partial or stale document behind.
 *
 * With --each every file is a plan of its own, built into -o DIR as
 * NAME.EXT (a.jx -> DIR/a.json), -j N of them at a time in child
 * processes (jobs.h), their diagnostics in input order: what -j 1 does,
 * byte for byte.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "build.h"
#include "cmds.h"
#include "config.h"
#include "jobs.h"
#include "port.h"

enum {
  B_FORMAT = 1,
  B_OUTPUT,
  B_COMPACT,
  B_TABLE,
  B_BOM,
  B_PREFIX,
  B_SHEET,
  B_WITH_DX,
  B_ENCODING,
  B_EACH,
  B_JOBS
};

const jx_option jx_build_options[] = {
    {NULL, 0, false, 0, JX_M_NONE, NULL, false, NULL, JX_M_HEAD_OUTPUT},
    {"format", 'f', true, B_FORMAT, JX_M_ARG_FORMAT, NULL, false, NULL,
     JX_M_OPT_FORMAT_BUILD},
    {"output", 'o', true, B_OUTPUT, JX_M_ARG_FILE, NULL, false, NULL,
     JX_M_OPT_OUTPUT_BUILD},
    {"compact", 0, false, B_COMPACT, JX_M_NONE, NULL, false, NULL,
     JX_M_OPT_COMPACT},
    {"table", 0, true, B_TABLE, JX_M_ARG_TABLE, NULL, false, NULL,
     JX_M_OPT_TABLE},
    {"bom", 0, false, B_BOM, JX_M_NONE, NULL, false, NULL, JX_M_OPT_BOM},
    {"prefix", 0, true, B_PREFIX, JX_M_ARG_NAME, NULL, false, NULL,
     JX_M_OPT_PREFIX},
    {"sheet", 0, true, B_SHEET, JX_M_ARG_SHEET, NULL, false, NULL,
     JX_M_OPT_SHEET},
    {"with-diagnostics", 0, false, B_WITH_DX, JX_M_NONE, NULL, false, NULL,
     JX_M_OPT_WITH_DIAGNOSTICS},
    {NULL, 0, false, 0, JX_M_NONE, NULL, false, NULL, JX_M_HEAD_INPUT},
    {"each", 0, false, B_EACH, JX_M_NONE, NULL, false, NULL,
     JX_M_OPT_EACH_BUILD},
    {"jobs", 'j', true, B_JOBS, JX_M_NONE, "N", false, NULL,
     JX_M_OPT_JOBS_BUILD},
    {"encoding", 0, true, B_ENCODING, JX_M_NONE, "utf-8|gb18030", false, NULL,
     JX_M_OPT_ENCODING},
    {NULL, 0, false, 0, JX_M_NONE, NULL, false, NULL, JX_M_NONE},
};

/* ---- The pipeline: the loader's declarations into a back end --------- */

typedef struct feed {
  const jx_backend *be;
  void *st;
} feed;

static void feed_begin(void *ud, const jx_plan *header) {
  feed *f = ud;
  f->be->begin(f->st, header);
}

static void feed_unit_open(void *ud, const jx_unit *u, const jx_unit_locs *l) {
  feed *f = ud;
  (void)l;
  f->be->unit_open(f->st, u);
}

static void feed_project(void *ud, const jx_unit *u, const jx_project *p,
                         const jx_project_locs *l) {
  feed *f = ud;
  (void)l;
  f->be->project(f->st, u, p);
}

static void feed_unit_close(void *ud, const jx_unit *u, const jx_unit_locs *l) {
  feed *f = ud;
  (void)l;
  f->be->unit_close(f->st, u);
}

static void feed_department(void *ud, const jx_department *d,
                            const jx_department_locs *l) {
  feed *f = ud;
  (void)l;
  f->be->department(f->st, d);
}

static void feed_end(void *ud) {
  feed *f = ud;
  f->be->end(f->st);
}

int jx_build(const jx_load_job *in, const jx_backend *be, jx_out *out,
             const jx_emit_options *eo, jx_diag *d) {
  jx_load_job job = *in;
  jx_source **opened = NULL;
  if (!job.texts && !job.sources) {
    opened = jx_sources_open(job.paths, job.n, d);
    if (!opened) {
      jx_diag_flush(d);
      return JX_EXIT_USAGE;
    }
    job.sources = opened;
  }
  jx_emit_options beo = *eo;
  beo.framework_texts_stable = true; /* jx_load's: see backend.h */
  feed f = {be, be->create(out, &beo)};
  jx_load_consumer c = {&f,           feed_begin,      feed_unit_open,
                        feed_project, feed_unit_close, feed_department,
                        feed_end};
  job.mode = JX_LOAD_STREAM;
  job.consumer = &c;
  job.locations = false; /* no back end places anything by position */
  job.after_errors = eo->with_diagnostics;
  int rc = jx_load(&job, d, NULL);
  be->destroy(f.st);
  jx_sources_close(opened, job.n);
  return rc;
}

/* ---- The command -------------------------------------------------------- */

/* "-f yaml": say which formats there are, from the registry. */
static int unknown_format(jx_cmdline *cl, const char *format) {
  const char *names[16];
  size_t n = 0;
  for (size_t i = 0; jx_backends[i] && n < 16; i++)
    names[n++] = jx_backends[i]->name;
  jx_strbuf list[JX_LANG_COUNT];
  const char *text[JX_LANG_COUNT];
  memset(list, 0, sizeof list);
  for (int l = 0; l < JX_LANG_COUNT; l++) {
    jx_join(&list[l], (jx_lang)l, names, n, false);
    text[l] = list[l].p;
  }
  int rc = jx_usage(cl, JX_U_FORMAT, format, text);
  for (int l = 0; l < JX_LANG_COUNT; l++)
    jx_sb_free(&list[l]);
  return rc;
}

/* ---- --each: a plan per file, into a folder ------------------------------ */

/* DIR/NAME.EXT for input `file` (a.jx -> DIR/a.json; -f c -> .h),
 * malloc'd. */
static char *each_output(const char *dir, const char *file,
                         const jx_backend *be) {
  const char *base = strrchr(file, '/');
  base = base ? base + 1 : file;
  size_t n = strlen(base);
  if (n > 3 && strcmp(base + n - 3, ".jx") == 0)
    n -= 3;
  const char *ext = strcmp(be->name, "c") == 0 ? "h" : be->name;
  size_t len = strlen(dir) + n + strlen(ext) + 3;
  char *out = jx_xmalloc(len);
  snprintf(out, len, "%s%s%.*s.%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
           (int)n, base, ext);
  return out;
}

/* --each: -o names a folder; no input is standard input, no two give the
 * same output, no output is an input, every C prefix can be made.
 * Returns -1 to go on, or the exit status of a usage error. */
static int each_options(jx_cmdline *cl, const char **files, int n,
                        const jx_backend *be, const char *prefix) {
  const char *dir = jx_opt_last(cl, B_OUTPUT);
  jx_stat_t st;
  if (!dir || jx_stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
    return jx_usage(cl, JX_U_BUILD_EACH_DIR);
  int rc = -1;
  char **outs = jx_xcalloc((size_t)n, sizeof *outs);
  for (int i = 0; i < n && rc < 0; i++) {
    if (strcmp(files[i], "-") == 0) {
      rc = jx_usage(cl, JX_U_BUILD_EACH_STDIN);
      break;
    }
    outs[i] = each_output(dir, files[i], be);
    for (int k = 0; k < i && rc < 0; k++)
      if (strcmp(outs[k], outs[i]) == 0)
        rc = jx_usage(cl, JX_U_BUILD_EACH_SAME, files[k], files[i], outs[i]);
    int same = rc < 0 ? jx_outfile_same_input(outs[i], files, n) : -1;
    if (same >= 0)
      rc = jx_usage(cl, JX_U_SAME_FILE, outs[i], files[same]);
    if (rc < 0 && (prefix || be == &jx_backend_c)) {
      char why[512];
      char *p = jx_c_prefix(prefix, outs[i], files[i], why, sizeof why);
      if (!p)
        rc = jx_usage(cl, JX_U_TEXT, why);
      free(p);
    }
  }
  for (int i = 0; i < n; i++)
    free(outs[i]);
  free(outs);
  return rc;
}

typedef struct each_run {
  jx_cmdline *cl;
  const char **files;
  const jx_backend *be;
  const jx_emit_options *eo;
  const char *dir, *prefix, *enc;
} each_run;

/* Builds file i into its output, atomically: nothing is written over it
 * unless the file built clean. */
static void build_one(void *ud, int i, jx_diag *d, jx_task_out *res) {
  each_run *e = ud;
  const char *file = e->files[i];
  char *output = each_output(e->dir, file, e->be);
  jx_emit_options eo = *e->eo;
  eo.input_name = file;
  eo.diag = d;
  char why[512];
  char *prefix = NULL;
  if (e->prefix || e->be == &jx_backend_c)
    eo.prefix = prefix = jx_c_prefix(e->prefix, output, file, why, sizeof why);
  char **data = NULL;
  size_t *len = NULL;
  jx_load_text text = {0};
  jx_load_job in;
  memset(&in, 0, sizeof in);
  in.paths = &e->files[i];
  in.n = 1;
  jx_config_job(e->cl->config, &in);
  res->status = JX_EXIT_OK;
  if (*e->enc) {
    res->status = jx_read_converted(d, &e->files[i], 1, e->enc, &data, &len);
    if (res->status == JX_EXIT_OK) {
      text.data = data[0];
      text.len = len[0];
      in.texts = &text;
    }
  }
  jx_outfile of = {0};
  if (res->status == JX_EXIT_OK && jx_outfile_open(&of, output, 0) != 0) {
    jx_report_outfile(d, output, &of);
    res->status = JX_EXIT_USAGE;
  }
  if (res->status == JX_EXIT_OK) {
    jx_out out;
    jx_out_init_fd(&out, of.fd);
    res->status = jx_build(&in, e->be, &out, &eo, d);
    if (out.failed && out.errno_saved == 0) {
      res->status = JX_EXIT_USAGE;
    } else if (jx_out_flush(&out) != 0 && res->status == JX_EXIT_OK) {
      jx_report_write(d, output, out.errno_saved);
      res->status = JX_EXIT_USAGE;
    }
    bool keep =
        res->status == JX_EXIT_OK ||
        (eo.with_diagnostics && res->status == JX_EXIT_INPUT && !out.failed);
    if (keep && jx_outfile_commit(&of) != 0) {
      jx_report_outfile(d, output, &of);
      res->status = JX_EXIT_USAGE;
    }
    jx_out_free(&out);
  }
  jx_outfile_abort(&of);
  jx_converted_free(data, len, 1);
  free(prefix);
  free(output);
}

static void built(void *ud, int i, const jx_task_out *res) {
  (void)ud, (void)i, (void)res;
}

static int build_each(jx_cmdline *cl, const char **files, int n,
                      const jx_backend *be, const jx_emit_options *eo,
                      const char *enc) {
  int jobs = 1;
  int rc = jx_jobs_option(cl, B_JOBS, &jobs);
  if (rc >= 0)
    return rc;
  each_run e = {
      cl, files, be, eo, jx_opt_last(cl, B_OUTPUT), jx_opt_last(cl, B_PREFIX),
      enc};
  jx_tasks t = {n, jobs, build_one, built, &e};
  rc = jx_tasks_run(&t, cl->d);
  jx_diag_summary(cl->d);
  return rc;
}

/* The options, checked, into *eo (and *owned_prefix, which the caller
 * frees); returns -1 to go on, or the exit status of a usage error. */
static int options(jx_cmdline *cl, const char **files, int n,
                   const jx_backend **be, jx_emit_options *eo,
                   char **owned_prefix, const char **enc) {
  const char *format = jx_opt_last(cl, B_FORMAT);
  if (!format && cl->config && cl->config->format[0])
    format = cl->config->format; /* jxc.ini's [build] format */
  const char *output = jx_opt_last(cl, B_OUTPUT);
  const char *table = jx_opt_last(cl, B_TABLE);
  const char *prefix = jx_opt_last(cl, B_PREFIX);
  if (n == 0)
    return jx_usage(cl, JX_U_NO_INPUT);
  int rc = jx_encoding_option(cl, B_ENCODING, enc);
  if (rc >= 0)
    return rc;
  *be = jx_backend_find(format ? format : "json");
  if (!*be)
    return unknown_format(cl, format);
#ifdef JX_NO_XLSXWRITER /* a Windows build without it (docs/windows.md) */
  if (strcmp((*be)->name, "xlsx") == 0)
    return jx_usage(cl, JX_U_NOT_BUILT, "-f xlsx", "libxlsxwriter");
#endif
  eo->bom = jx_opt_given(cl, B_BOM);
  eo->compact = jx_opt_given(cl, B_COMPACT);
  if (eo->compact && *be != &jx_backend_json)
    return jx_usage(cl, JX_U_FORMAT_ONLY, "--compact", "json");
  eo->input_name = files[0];
  const char *sheet = jx_opt_last(cl, B_SHEET);
  if (sheet && strcmp((*be)->name, "xlsx") != 0)
    return jx_usage(cl, JX_U_FORMAT_ONLY, "--sheet", "xlsx");
  if (sheet) {
    static const char *const sheets[] = {"project", "unit"};
    if (strcmp(sheet, "project") == 0)
      eo->sheet = JX_SHEET_PROJECT;
    else if (strcmp(sheet, "unit") == 0)
      eo->sheet = JX_SHEET_UNIT;
    else
      return jx_usage_choices(cl, "--sheet", sheet, sheets, 2, false);
  }
  eo->with_diagnostics = jx_opt_given(cl, B_WITH_DX);
  if (eo->with_diagnostics && strcmp((*be)->name, "html") != 0)
    return jx_usage(cl, JX_U_FORMAT_ONLY, "--with-diagnostics", "html");
  if (table) {
    static const char *const tables[] = {"indicators", "projects", "schedule",
                                         "sources", "breakdown"};
    if (strcmp(table, "indicators") == 0)
      eo->csv_table = JX_CSV_INDICATORS;
    else if (strcmp(table, "projects") == 0)
      eo->csv_table = JX_CSV_PROJECTS;
    else if (strcmp(table, "schedule") == 0)
      eo->csv_table = JX_CSV_SCHEDULE;
    else if (strcmp(table, "sources") == 0)
      eo->csv_table = JX_CSV_SOURCES;
    else if (strcmp(table, "breakdown") == 0)
      eo->csv_table = JX_CSV_BREAKDOWN;
    else
      return jx_usage_choices(cl, "--table", table, tables, 5, false);
  }
  if (jx_opt_given(cl, B_EACH))
    return each_options(cl, files, n, *be, prefix);
  if (jx_opt_given(cl, B_JOBS))
    return jx_usage(cl, JX_U_ONLY_WITH, "-j", "--each");
  if (prefix || *be == &jx_backend_c) {
    char why[512];
    eo->prefix = *owned_prefix =
        jx_c_prefix(prefix, output, files[0], why, sizeof why);
    if (!*owned_prefix)
      return jx_usage(cl, JX_U_TEXT, why);
  }
  bool to_file = output && strcmp(output, "-") != 0;
  int same = to_file ? jx_outfile_same_input(output, files, n) : -1;
  if (same >= 0)
    return jx_usage(cl, JX_U_SAME_FILE, output, files[same]);
  if ((*be)->binary && !to_file && isatty(STDOUT_FILENO))
    return jx_usage(cl, JX_U_BINARY_TERMINAL, (*be)->name);
  return -1;
}

int jx_cmd_build(jx_cmdline *cl) {
  jx_diag *d = cl->d;
  const char **files = jx_opts_operands(cl);
  int n = cl->n_operands;
  const jx_backend *be = NULL;
  jx_emit_options eo;
  memset(&eo, 0, sizeof eo);
  char *owned_prefix = NULL;
  const char *enc = "";
  char **data = NULL;
  size_t *len = NULL;
  jx_load_text *texts = NULL;
  int rc = options(cl, files, n, &be, &eo, &owned_prefix, &enc);
  if (rc >= 0)
    goto done;
  if (jx_opt_given(cl, B_EACH)) {
    rc = build_each(cl, files, n, be, &eo, enc);
    goto done;
  }
  /* --encoding: every input read whole and converted before the output
   * is opened, then built from memory under its own name. */
  if (*enc) {
    rc = jx_read_converted(d, files, n, enc, &data, &len);
    if (rc != JX_EXIT_OK) {
      jx_diag_summary(d);
      goto done;
    }
    texts = jx_xmalloc((size_t)n * sizeof *texts);
    for (int i = 0; i < n; i++) {
      texts[i].data = data[i];
      texts[i].len = len[i];
    }
  }

  const char *output = jx_opt_last(cl, B_OUTPUT);
  bool to_file = output && strcmp(output, "-") != 0;
  jx_outfile of = {0};
  if (to_file && jx_outfile_open(&of, output, 0) != 0) {
    jx_report_outfile(d, output, &of);
    jx_outfile_abort(&of);
    jx_diag_summary(d);
    rc = JX_EXIT_USAGE;
    goto done;
  }
  jx_out out;
  jx_out_init_fd(&out, to_file ? of.fd : STDOUT_FILENO);
  eo.diag = d;
  jx_load_job in;
  memset(&in, 0, sizeof in);
  in.paths = files;
  in.n = n;
  in.texts = texts;
  jx_config_job(cl->config, &in);
  rc = jx_build(&in, be, &out, &eo, d);
  if (out.failed && out.errno_saved == 0) {
    /* The back end could not write and has said why (backend.h). */
    rc = JX_EXIT_USAGE;
  } else if (jx_out_flush(&out) != 0 && rc == JX_EXIT_OK) {
    jx_report_write(d, to_file ? output : NULL, out.errno_saved);
    rc = JX_EXIT_USAGE;
  }
  /* --with-diagnostics: the page shows the errors, so it is kept. */
  bool keep = rc == JX_EXIT_OK ||
              (eo.with_diagnostics && rc == JX_EXIT_INPUT && !out.failed);
  if (to_file && keep && jx_outfile_commit(&of) != 0) {
    jx_report_outfile(d, output, &of);
    rc = JX_EXIT_USAGE;
  }
  jx_outfile_abort(&of); /* a no-op after a successful commit */
  jx_out_free(&out);
  jx_diag_summary(d);
done:
  free(texts);
  jx_converted_free(data, len, n);
  free(owned_prefix);
  free((void *)files);
  return rc;
}
