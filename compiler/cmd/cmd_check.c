/*
 * cmd_check.c — `jxc check FILE...`: parse and check, print every problem
 * found (the loader does the work; with no one to hand the declarations
 * to, it lowers nothing).  With --each, every file is a plan of its own
 * (a reviewer's batch of submissions), and a table says how each went:
 * as text, JSON or CSV on standard output.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifndef _WIN32
#include <sys/wait.h>
#endif
#include <unistd.h>
#include <utf8proc.h>

#include "arena.h"
#include "cmds.h"
#include "json.h"
#include "load.h"
#include "out.h"

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

/* Display columns of a UTF-8 text (a CJK character is two). */
static size_t columns(const char *s) {
  size_t w = 0;
  const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
  while (*p) {
    utf8proc_int32_t c;
    utf8proc_ssize_t n = utf8proc_iterate(p, -1, &c);
    if (n <= 0) {
      w++;
      p++;
      continue;
    }
    int cw = utf8proc_charwidth(c);
    w += cw > 0 ? (size_t)cw : 0;
    p += n;
  }
  return w;
}

static void cell(jx_out *o, const char *s, size_t width, bool last) {
  jx_out_write(o, s, strlen(s));
  for (size_t w = columns(s); !last && w < width + 2; w++)
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
    width[k] = columns(head[k]);
  for (int i = 0; i < n; i++) {
    snprintf(num[i][0], 24, "%zu", rows[i].st.projects);
    snprintf(num[i][1], 24, "%d", rows[i].errors);
    snprintf(num[i][2], 24, "%d", rows[i].warnings);
    const char *c[5] = {rows[i].file, unit_of(&rows[i]), num[i][0], num[i][1],
                        num[i][2]};
    for (int k = 0; k < 5; k++)
      if (columns(c[k]) > width[k])
        width[k] = columns(c[k]);
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

/* One file loaded as a plan of its own, the error cap counted for it. */
static void check_one(jx_cmdline *cl, const char *const *file, file_row *r) {
  jx_diag *d = cl->d;
  int e0 = jx_diag_errors(d), w0 = jx_diag_warnings(d);
  jx_diag_restart_cap(d);
  jx_load_job job;
  memset(&job, 0, sizeof job);
  job.paths = file;
  job.n = 1;
  job.stats = &r->st;
  r->file = *file;
  r->status = jx_load(&job, d, NULL);
  jx_diag_flush(d);
  r->errors = jx_diag_errors(d) - e0;
  r->warnings = jx_diag_warnings(d) - w0;
}

/* ---- -j N: the files in child processes, said in input order ------------
 * A child checks one file as check_one would here, its messages into a
 * buffer, and sends back its counts, the messages and the unit; the parent
 * prints each file's in input order, so the output is byte for byte that
 * of -j 1.  A child that cannot be started, or that dies, is done again
 * here. */

#ifdef _WIN32
/* Windows has no fork: every file is done here, in turn, which prints the
 * same bytes (docs/windows.md). */
static int start_child(jx_cmdline *cl, const char *const *file, pid_t *pid) {
  (void)cl, (void)file, (void)pid;
  return -1;
}
static bool collect(jx_cmdline *cl, int fd, pid_t pid, file_row *r) {
  (void)cl, (void)fd, (void)pid, (void)r;
  return false;
}
#else
typedef struct child_report {
  int errors, warnings, status;
  size_t projects, units, out_len, code_len, name_len;
} child_report;

static void to_buffer(void *ud, const char *text, size_t n) {
  jx_sb_add(ud, text, n);
}

static bool write_all(int fd, const void *p, size_t n) {
  const char *c = p;
  while (n > 0) {
    ssize_t k = write(fd, c, n);
    if (k < 0 && errno == EINTR)
      continue;
    if (k <= 0)
      return false;
    c += k;
    n -= (size_t)k;
  }
  return true;
}

static bool read_all(int fd, void *p, size_t n) {
  char *c = p;
  while (n > 0) {
    ssize_t k = read(fd, c, n);
    if (k < 0 && errno == EINTR)
      continue;
    if (k <= 0)
      return false;
    c += k;
    n -= (size_t)k;
  }
  return true;
}

static void child(jx_cmdline *cl, const char *const *file, int fd) {
  jx_strbuf out = {0};
  jx_diag_set_writer(cl->d, to_buffer, &out);
  file_row r;
  memset(&r, 0, sizeof r);
  check_one(cl, file, &r);
  child_report rep = {r.errors,
                      r.warnings,
                      r.status,
                      r.st.projects,
                      r.st.units,
                      out.n,
                      r.st.unit_code ? strlen(r.st.unit_code) : SIZE_MAX,
                      r.st.unit_name ? strlen(r.st.unit_name) : SIZE_MAX};
  bool ok = write_all(fd, &rep, sizeof rep) && write_all(fd, out.p, out.n) &&
            (!r.st.unit_code || write_all(fd, r.st.unit_code, rep.code_len)) &&
            (!r.st.unit_name || write_all(fd, r.st.unit_name, rep.name_len));
  _exit(ok ? 0 : 3);
}

static char *read_text(int fd, size_t n, bool *ok) {
  if (n == SIZE_MAX || !*ok)
    return NULL;
  char *t = jx_xmalloc(n + 1);
  *ok = read_all(fd, t, n);
  t[n] = '\0';
  return t;
}

/* The child's report on file i into r, its messages printed; false if
 * there is none (the file is then checked here). */
static bool collect(jx_cmdline *cl, int fd, pid_t pid, file_row *r) {
  child_report rep;
  bool ok = read_all(fd, &rep, sizeof rep);
  char *out = ok ? read_text(fd, rep.out_len, &ok) : NULL;
  char *code = ok ? read_text(fd, rep.code_len, &ok) : NULL;
  char *name = ok ? read_text(fd, rep.name_len, &ok) : NULL;
  close(fd);
  int st;
  while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
    ;
  ok = ok && WIFEXITED(st) && WEXITSTATUS(st) == 0;
  if (ok) {
    jx_diag_write(cl->d, out, rep.out_len);
    r->errors = rep.errors;
    r->warnings = rep.warnings;
    r->status = rep.status;
    r->st.projects = rep.projects;
    r->st.units = rep.units;
    r->st.unit_code = code;
    r->st.unit_name = name;
    jx_diag_add_counts(cl->d, rep.errors, rep.warnings);
  } else {
    free(code);
    free(name);
  }
  free(out);
  return ok;
}

/* Starts a child checking *file; its pipe's read end, or -1. */
static int start_child(jx_cmdline *cl, const char *const *file, pid_t *pid) {
  int p[2];
  if (pipe(p) != 0)
    return -1;
  *pid = fork();
  if (*pid == 0) {
    close(p[0]);
    child(cl, file, p[1]);
  }
  close(p[1]);
  if (*pid > 0)
    return p[0];
  close(p[0]);
  return -1;
}
#endif /* _WIN32 */

/* Each file a plan of its own; the exit status is the worst of them. */
static int check_each(jx_cmdline *cl, const char **files, int n,
                      const char *format, int jobs) {
  jx_diag *d = cl->d;
  file_row *rows = jx_xmalloc((size_t)n * sizeof *rows);
  memset(rows, 0, (size_t)n * sizeof *rows);
  int *fd = jx_xmalloc((size_t)n * sizeof *fd);
  pid_t *pid = jx_xmalloc((size_t)n * sizeof *pid);
  jx_diag_flush(d);
  fflush(NULL); /* nothing buffered is written twice */
  int started = 0, rc = JX_EXIT_OK;
  for (int i = 0; i < n; i++) {
    while (jobs > 1 && started < n && started < i + jobs) {
      fd[started] = start_child(cl, &files[started], &pid[started]);
      started++;
    }
    rows[i].file = files[i];
    if (jobs <= 1 || fd[i] < 0 || !collect(cl, fd[i], pid[i], &rows[i])) {
      memset(&rows[i].st, 0, sizeof rows[i].st);
      check_one(cl, &files[i], &rows[i]);
    }
    if (rows[i].status > rc)
      rc = rows[i].status;
  }
  free(fd);
  free(pid);
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

/* -j N: 1 to 256; by default, the processors online. */
static int jobs_option(jx_cmdline *cl, int *jobs) {
  const char *v = jx_opt_last(cl, C_JOBS);
  if (!v) {
#ifdef _SC_NPROCESSORS_ONLN
    long c = sysconf(_SC_NPROCESSORS_ONLN);
#else
    long c = 1; /* Windows: no children (start_child) */
#endif
    *jobs = c < 1 ? 1 : c > 256 ? 256 : (int)c;
    return -1;
  }
  char *end;
  long k = strtol(v, &end, 10);
  if (!*v || *end || k < 1 || k > 256)
    return jx_usage(cl, JX_U_JOBS);
  *jobs = (int)k;
  return -1;
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
  } else if ((rc = jobs_option(cl, &jobs)) >= 0) {
    /* reported */
  } else if ((rc = jx_encoding_option(cl, C_ENCODING, &enc)) < 0 && each &&
             !*enc) {
    rc = check_each(cl, files, n, format ? format : "text", jobs);
  } else if (rc < 0 && each) {
    rc = jx_usage(cl, JX_U_CHECK_EACH_ENCODING);
  } else if (rc < 0) {
    jx_load_job job;
    memset(&job, 0, sizeof job);
    job.paths = files;
    job.n = n;
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
