/*
 * cmd_check.c — `jxc check FILE...`: parse and check, print every problem
 * found (the loader does the work; with no one to hand the declarations
 * to, it lowers nothing).  With --each, every file is a plan of its own
 * (a reviewer's batch of submissions), and a table says how each went:
 * as text, JSON or CSV on standard output.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "cmds.h"
#include "config.h"
#include "jobs.h"
#include "json.h"
#include "load.h"
#include "out.h"
#include "text_width.h"

enum { C_ENCODING = 1, C_EACH, C_FORMAT, C_JOBS };

const jx_option jx_check_options[] = {
    {"each", 0, false, C_EACH, JX_M_NONE, NULL, false, NULL, JX_M_OPT_EACH},
    {"format", 'f', true, C_FORMAT, JX_M_NONE, "text|json|csv", false, NULL,
     JX_M_OPT_EACH_FORMAT},
    {"jobs", 'j', true, C_JOBS, JX_M_NONE, "N", false, NULL, JX_M_OPT_JOBS},
    {"encoding", 0, true, C_ENCODING, JX_M_NONE, "utf-8|gb18030", false, NULL,
     JX_M_OPT_ENCODING},
    {NULL, 0, false, 0, JX_M_NONE, NULL, false, NULL, JX_M_NONE},
};

static const char *const encodings[] = {"utf-8", "gb18030"};

int jx_encoding_option(jx_cmdline *cl, int key, const char **iconv_name) {
  const char *v = jx_opt_last(cl, key);
  *iconv_name = v ? jx_encoding_iconv(v) : "";
  if (!*iconv_name)
    return jx_usage_choices(cl, "--encoding", v, encodings, 2, false);
  return -1;
}

/* ---- --each: one plan per file, and a table ----------------------------- */

typedef struct file_row {
  const char *file;
  jx_load_stats st;
  int errors, warnings, status;
} file_row;

static void cell(jx_out *o, const char *s, size_t width, bool last) {
  jx_out_write(o, s, strlen(s));
  for (size_t w = jx_text_width_z(s); !last && w < width + 2; w++)
    jx_out_write(o, " ", 1);
}

static const char *unit_of(const file_row *r) {
  return r->st.unit_name   ? r->st.unit_name
         : r->st.unit_code ? r->st.unit_code
                           : "-";
}

static void table_text(jx_out *o, const file_row *rows, int n, jx_lang lang) {
  const char *head[5] = {jx_msg_text(JX_M_EACH_FILE, lang),
                         jx_msg_text(JX_M_EACH_UNIT, lang),
                         jx_msg_text(JX_M_EACH_PROJECTS, lang),
                         jx_msg_text(JX_M_EACH_ERRORS, lang),
                         jx_msg_text(JX_M_EACH_WARNINGS, lang)};
  char(*num)[3][24] = jx_xmalloc((size_t)(n ? n : 1) * sizeof *num);
  size_t width[5];
  for (int k = 0; k < 5; k++)
    width[k] = jx_text_width_z(head[k]);
  for (int i = 0; i < n; i++) {
    snprintf(num[i][0], 24, "%zu", rows[i].st.projects);
    snprintf(num[i][1], 24, "%d", rows[i].errors);
    snprintf(num[i][2], 24, "%d", rows[i].warnings);
    const char *c[5] = {rows[i].file, unit_of(&rows[i]), num[i][0], num[i][1],
                        num[i][2]};
    for (int k = 0; k < 5; k++)
      if (jx_text_width_z(c[k]) > width[k])
        width[k] = jx_text_width_z(c[k]);
  }
  for (int k = 0; k < 5; k++)
    cell(o, head[k], width[k], k == 4);
  jx_out_write(o, "\n", 1);
  for (int i = 0; i < n; i++) {
    const char *c[5] = {rows[i].file, unit_of(&rows[i]), num[i][0], num[i][1],
                        num[i][2]};
    for (int k = 0; k < 5; k++)
      cell(o, c[k], width[k], k == 4);
    jx_out_write(o, "\n", 1);
  }
  free(num);
}

static void table_json(jx_out *o, const file_row *rows, int n) {
  jx_out_write(o, "[", 1);
  for (int i = 0; i < n; i++) {
    char b[160];
    jx_out_write(o, i ? ",\n {\"file\":" : "\n {\"file\":", i ? 11 : 10);
    jx_json_string(o, rows[i].file);
    jx_out_write(o, ",\"unit_code\":", 13);
    jx_json_string(o, rows[i].st.unit_code);
    jx_out_write(o, ",\"unit\":", 8);
    jx_json_string(o, rows[i].st.unit_name);
    int k = snprintf(b, sizeof b,
                     ",\"projects\":%zu,\"errors\":%d,\"warnings\":%d,"
                     "\"status\":%d}",
                     rows[i].st.projects, rows[i].errors, rows[i].warnings,
                     rows[i].status);
    jx_out_write(o, b, (size_t)k);
  }
  jx_out_write(o, n ? "\n]\n" : "]\n", n ? 3 : 2);
}

/* A CSV field (RFC 4180): quoted when it holds a comma, quote or line
 * break, quotes doubled. */
static void csv_field(jx_out *o, const char *s) {
  if (!s)
    return;
  if (!strpbrk(s, ",\"\r\n")) {
    jx_out_write(o, s, strlen(s));
    return;
  }
  jx_out_write(o, "\"", 1);
  for (const char *p = s; *p; p++) {
    if (*p == '"')
      jx_out_write(o, "\"", 1);
    jx_out_write(o, p, 1);
  }
  jx_out_write(o, "\"", 1);
}

static void table_csv(jx_out *o, const file_row *rows, int n) {
  static const char head[] =
      "file,unit_code,unit,projects,errors,warnings,status\r\n";
  jx_out_write(o, head, sizeof head - 1);
  for (int i = 0; i < n; i++) {
    char b[96];
    csv_field(o, rows[i].file);
    jx_out_write(o, ",", 1);
    csv_field(o, rows[i].st.unit_code);
    jx_out_write(o, ",", 1);
    csv_field(o, rows[i].st.unit_name);
    int k = snprintf(b, sizeof b, ",%zu,%d,%d,%d\r\n", rows[i].st.projects,
                     rows[i].errors, rows[i].warnings, rows[i].status);
    jx_out_write(o, b, (size_t)k);
  }
}

static const char *const summary_formats[] = {"text", "json", "csv"};

/* One file loaded as a plan of its own (the error cap counted for it:
 * jobs.c restarts it), and what it read handed back as bytes: the counts,
 * then the first unit's code and name (a length of SIZE_MAX: none). */
typedef struct each_run {
  jx_cmdline *cl;
  const char **files;
  file_row *rows;
  const char *enc; /* iconv's name of --encoding, "" for UTF-8 */
} each_run;

typedef struct row_head {
  size_t projects, units, code_len, name_len;
} row_head;

static void check_one(void *ud, int i, jx_diag *d, jx_task_out *out) {
  each_run *e = ud;
  jx_load_stats st;
  memset(&st, 0, sizeof st);
  jx_load_job job;
  memset(&job, 0, sizeof job);
  job.paths = &e->files[i];
  job.n = 1;
  job.stats = &st;
  jx_config_job(e->cl->config, &job);
  /* --encoding: the file read whole and converted, then loaded from
   * memory under its own name, as a single plan is. */
  char **data = NULL;
  size_t *len = NULL;
  jx_load_text text = {NULL, 0};
  out->status = JX_EXIT_OK;
  if (*e->enc) {
    out->status = jx_read_converted(d, &e->files[i], 1, e->enc, &data, &len);
    if (out->status == JX_EXIT_OK) {
      text.data = data[0];
      text.len = len[0];
      job.texts = &text;
    }
  }
  if (out->status == JX_EXIT_OK)
    out->status = jx_load(&job, d, NULL);
  jx_converted_free(data, len, 1);
  row_head h = {st.projects, st.units,
                st.unit_code ? strlen(st.unit_code) : SIZE_MAX,
                st.unit_name ? strlen(st.unit_name) : SIZE_MAX};
  jx_sb_add(&out->data, (const char *)&h, sizeof h);
  if (st.unit_code)
    jx_sb_add(&out->data, st.unit_code, h.code_len);
  if (st.unit_name)
    jx_sb_add(&out->data, st.unit_name, h.name_len);
  free(st.unit_code);
  free(st.unit_name);
}

static char *text_at(const char **p, size_t n) {
  if (n == SIZE_MAX)
    return NULL;
  char *t = jx_xmalloc(n + 1);
  memcpy(t, *p, n);
  t[n] = '\0';
  *p += n;
  return t;
}

static void row_done(void *ud, int i, const jx_task_out *out) {
  each_run *e = ud;
  file_row *r = &e->rows[i];
  r->file = e->files[i];
  r->status = out->status;
  r->errors = out->errors;
  r->warnings = out->warnings;
  row_head h;
  if (out->data.n < sizeof h)
    return;
  memcpy(&h, out->data.p, sizeof h);
  const char *p = out->data.p + sizeof h;
  r->st.projects = h.projects;
  r->st.units = h.units;
  r->st.unit_code = text_at(&p, h.code_len);
  r->st.unit_name = text_at(&p, h.name_len);
}

/* Each file a plan of its own, -j N of them at a time (jobs.h); the exit
 * status is the worst of them. */
static int check_each(jx_cmdline *cl, const char **files, int n,
                      const char *format, int jobs, const char *enc) {
  jx_diag *d = cl->d;
  file_row *rows = jx_xmalloc((size_t)(n ? n : 1) * sizeof *rows);
  memset(rows, 0, (size_t)(n ? n : 1) * sizeof *rows);
  each_run e = {cl, files, rows, enc};
  jx_tasks t = {n, jobs, check_one, row_done, &e};
  int rc = jx_tasks_run(&t, d);
  jx_diag_summary(d);
  jx_out o;
  jx_out_init_fd(&o, 1);
  if (strcmp(format, "json") == 0)
    table_json(&o, rows, n);
  else if (strcmp(format, "csv") == 0)
    table_csv(&o, rows, n);
  else
    table_text(&o, rows, n, cl->dopt.lang);
  if (jx_out_flush(&o) != 0) {
    jx_report_write(d, NULL, o.errno_saved);
    rc = JX_EXIT_USAGE;
  }
  jx_out_free(&o);
  for (int i = 0; i < n; i++) {
    free(rows[i].st.unit_code);
    free(rows[i].st.unit_name);
  }
  free(rows);
  return rc;
}

int jx_cmd_check(jx_cmdline *cl) {
  const char **files = jx_opts_operands(cl);
  int n = cl->n_operands, rc;
  const char *enc;
  const char *format = jx_opt_last(cl, C_FORMAT);
  bool each = jx_opt_given(cl, C_EACH);
  int jobs = 1;
  if (n == 0) {
    rc = jx_usage(cl, JX_U_NO_INPUT);
  } else if (format && !each) {
    rc = jx_usage(cl, JX_U_CHECK_FORMAT_EACH);
  } else if (format && strcmp(format, "text") != 0 &&
             strcmp(format, "json") != 0 && strcmp(format, "csv") != 0) {
    rc = jx_usage_choices(cl, "-f", format, summary_formats, 3, false);
  } else if ((rc = jx_jobs_option(cl, C_JOBS, &jobs)) >= 0) {
    /* reported */
  } else if ((rc = jx_encoding_option(cl, C_ENCODING, &enc)) < 0 && each) {
    rc = check_each(cl, files, n, format ? format : "text", jobs, enc);
  } else if (rc < 0) {
    jx_load_job job;
    memset(&job, 0, sizeof job);
    job.paths = files;
    job.n = n;
    jx_config_job(cl->config, &job);
    /* --encoding: read whole and converted first, then loaded from
     * memory under their own names. */
    char **data = NULL;
    size_t *len = NULL;
    jx_load_text *texts = NULL;
    rc = JX_EXIT_OK;
    if (*enc) {
      rc = jx_read_converted(cl->d, files, n, enc, &data, &len);
      texts = jx_xmalloc((size_t)n * sizeof *texts);
      for (int i = 0; i < n; i++) {
        texts[i].data = data[i];
        texts[i].len = data[i] ? len[i] : 0;
      }
      job.texts = texts;
    }
    if (rc == JX_EXIT_OK)
      rc = jx_load(&job, cl->d, NULL);
    jx_diag_summary(cl->d);
    free(texts);
    jx_converted_free(data, len, n);
  }
  free((void *)files);
  return rc;
}
