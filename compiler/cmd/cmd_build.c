/*
 * cmd_build.c — `jxc build [-f FORMAT] [-o FILE] FILE...`: check the files
 * and compile the plan they form with one of the back ends (backend.h).
 *
 * With -o the output is written to a temporary and renamed over FILE only
 * when the whole build succeeded (out.h), so errors in the input never
 * leave a partial or stale document behind.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "build.h"
#include "cmds.h"
#include "config.h"

enum {
  B_FORMAT = 1,
  B_OUTPUT,
  B_COMPACT,
  B_TABLE,
  B_BOM,
  B_PREFIX,
  B_SHEET,
  B_WITH_DX,
  B_ENCODING
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
  feed f = {be, be->create(out, eo)};
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
